## Formats: strftime patterns; names of months and weekdays come from the locale data.
## English selects on the region (US or GB).
fmt-date-long = { $region ->
    [GB] %A, %-d %B %Y
   *[other] %A, %B %-d, %Y
}
fmt-date-medium = { $region ->
    [GB] %a %-d %b %Y
   *[other] %a, %b %-d, %Y
}
fmt-date-short = { $region ->
    [GB] %a %-d %b
   *[other] %a, %b %-d
}
fmt-month-year = %B %Y
fmt-date-time = { $date }, { $time }

## Units
unit-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}

## Layout
meta-description = Slotbook: book an appointment online in a few clicks, in your own timezone.
nav-skip = Skip to content
nav-main = Main
nav-dashboard = Dashboard
nav-bookings = Bookings
nav-week = Week
nav-guests = Guests
nav-services = Services
nav-hours = Hours
nav-time-off = Time off
nav-calendars = Calendars
nav-settings = Settings
nav-teams = Teams
nav-my-page = My page
nav-admin = Admin
nav-sign-out = Sign out
nav-sign-in = Sign in
nav-language = Language
footer-powered = Powered by Slotbook
footer-privacy = Privacy
unit-hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
unit-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}

## Shared words
form-correct-fields = Please correct the highlighted fields.
form-required = (required)
form-choose = Choose…
form-honeypot = Leave this field empty
service-with-provider = { $service } with { $provider }
times-in-zone = Times in { $zone }
times-shown-in = Times are shown in { $zone }
tz-unknown = We do not know the timezone "{ $tz }", so times are shown in { $zone }.
status-label = Status:
status-pending = pending
status-confirmed = confirmed
status-completed = completed
status-no_show = no-show
status-expired = expired
status-declined = declined
status-cancelled = cancelled
bookings-not-open = Bookings open once { $provider } has confirmed their email address. Please check back soon.
bookings-not-open-yet = Bookings open once the provider has confirmed their email address.
privacy-notice-lead = How your details are used and kept:
privacy-notice-link = privacy notice.

## Refusals
refusal-in-past = That time has already passed. Please choose another time.
refusal-inside-notice = This service must be booked at least { $duration } in advance. Please choose a later time.
refusal-beyond-window = This service can be booked at most { $duration } ahead. Please choose an earlier date.
refusal-outside-hours = That time is outside the available hours. Please choose one of the times shown.
refusal-off-grid = That is not one of the offered start times. Please choose one of the times shown.
refusal-daily-limit = That day is fully booked for this service. Please choose another day.
refusal-unavailable = That time is no longer available. Please choose another time.
refused-wrong-state = This booking is { $status } and cannot be changed that way.
refused-hold-lapsed = The time held for this booking ran out before it was confirmed.
refused-not-started = This booking cannot be marked before its start time.
refused-inside-cancellation-notice = Bookings of this service cannot be cancelled or moved less than { $duration } before the start. Please contact the provider directly.

## Provider page
provider-our-providers = Our providers
provider-services = Services
provider-nothing = There is nothing to book here at the moment.

## Service page (month calendar)
service-who = Who you book
service-with = With:
service-rescheduling = Choose a new time for your booking of { $when }. Your current time stays booked until you confirm the new one.
service-change = change
service-find-link = Find a time that suits me
service-find-hint = : choose days and times of day.
service-tz-label = Times are shown in
service-show-times = Show times
service-more-timezones = More timezones
service-months = Months
service-prev-month = Previous month
service-next-month = Next month
service-caption = Days with free times in { $month } ({ $zone })
service-day-free = { $date }, times available
service-day-none = { $date }, no times
service-no-times-month = No free times this month.
service-try-next-month = Try the next month.
service-no-times-day = No free times on this day.

## Timezones page
timezones-title = Timezones · { $service } with { $provider }
timezones-heading = Show times in another timezone

## Find a time
find-title = Find a time: { $service } with { $provider }
find-description = Find a time that suits you for { $service } with { $provider }.
find-back = { $service }: the calendar
find-heading = Find a time that suits you
find-check = Please check your choices:
find-days = Days of the week
find-part = Time of day
find-part-morning = Morning (before 12:00)
find-part-afternoon = Afternoon (12:00–17:00)
find-part-evening = Evening (from 17:00)
find-between = Or starting between two times (this replaces the time of day):
find-from = From
find-until = Until
find-submit = Find times
find-found = { $count ->
    [0] No matching times
    [one] The next matching time
   *[other] The next { $count } matching times
}
find-searched = Searched the next { $days } days. Times in { $zone }.
find-nothing = Nothing free matches these choices. Try more days or another time of day.
find-more = There are more times later: narrow your choices or pick a day in
find-calendar = the calendar.

## Booking form
book-title = Book { $service }
book-back = Choose another time
book-your-appointment = Your appointment
book-provider-time = That is { $time } for { $provider } ({ $zone }).
book-duration-with = { $count ->
    [one] { $count } minute with { $provider }
   *[other] { $count } minutes with { $provider }
}
book-see-free-times = See the free times
book-your-name = Your name
book-email = Email
book-email-hint = We send the confirmation and the links to cancel or reschedule here.
book-phone = Phone (optional)
book-notes = Notes (optional)
book-submit = Book this time
book-submit-move = Move my booking here
book-missing-time = The booking form is missing its time. Please choose a time again.
book-incomplete = The booking form is incomplete. Please choose a time again.
book-not-accepted = Your booking could not be accepted.

## Time taken
taken-title = This time was just taken
taken-message = Someone else booked this time a moment ago. Nothing was booked for you; please choose another time.
taken-none-near = There are no other free times close to it.
taken-nearest = The nearest free times
taken-see-all = See all free times

## After booking
booked-requested = Request received
booked-requested-next = { $provider } will review your request. We will email you as soon as it is approved or declined; until then the time is held for you.
booked-check-email = Check your email
booked-check-email-next = We sent a confirmation link to { $email }. Your time is held until you click it; unconfirmed bookings are released after { $minutes } minutes.
booked-confirmed = You're booked
booked-confirmed-next = Your booking is confirmed. We sent the details to your email, with links to cancel or reschedule.
booked-other = Your booking
booked-other-next = This booking is { $status }.
booked-provider-time = { $time } for { $provider } ({ $zone })
booked-emails-go-to = Emails go to { $email }.
booked-add-to-calendar = Add to calendar (.ics)

## Links in booking mails
link-dead-unknown = This link is not valid
link-dead-unknown-message = We could not find this link. Please check that you copied the whole address from the email.
link-dead-used = This link no longer works
link-dead-used-message = This link was already used, or the booking changed since the email was sent (for example, it was rescheduled or cancelled). Please use the links in the most recent email about your booking.
link-dead-expired = This link has expired
link-dead-expired-message = This link is no longer valid: its time has passed. If you still need an appointment, please book a new time.
link-confirm-heading = Confirm your booking
link-confirm-intro = Press the button to confirm this booking.
link-confirm-button = Confirm booking
link-cancel-heading = Cancel your booking
link-cancel-intro = Press the button to cancel this booking. The time becomes free for others.
link-cancel-button = Cancel booking
link-approve-heading = Approve this booking
link-approve-intro = Press the button to approve this request; the guest is told at once.
link-approve-button = Approve
link-decline-heading = Decline this booking
link-decline-intro = Press the button to decline this request; the guest is told and the time becomes free.
link-decline-button = Decline
link-confirm-done = Your booking is confirmed
link-confirm-done-message = Thank you. We sent the confirmation with a calendar file to your email.
link-approve-done = Booking approved
link-approve-done-message = The guest has been told that the booking is confirmed.
link-decline-done = Booking declined
link-decline-done-message = The guest has been told, and the time is free again.
link-cancel-done = Your booking is cancelled
link-cancel-done-message = The time is free again and the provider has been told. We sent a confirmation to your email.
link-book-another = Book another time
link-book-service = Book { $service }
link-hold-lapsed = The time is no longer held
link-hold-lapsed-message = The booking was not confirmed in time, so the time was released. You are welcome to book again.
link-cannot = This cannot be done
link-reason-unreadable = Your reason contains invisible control characters, so nothing was changed. Please go back and retype it.
links-reason = Reason (optional)

## Calendar files
ics-description-guest = { $service } booked by { $guest } via Slotbook.

## Booking mails
mail-hello = Hello { $name },
mail-what = What
mail-when = When
mail-timezone = Timezone
mail-where = Where
mail-guest = Guest
mail-phone = Phone
mail-notes = Notes
mail-with = With
mail-link-confirm = Confirm your booking
mail-link-reschedule = Reschedule
mail-link-cancel = Cancel
mail-link-approve = Approve
mail-link-decline = Decline
mail-link-dashboard = Open in your dashboard
mail-link-book-again = Book again
mail-footer = Sent by Slotbook.
mail-footer-on-behalf = Sent by Slotbook on behalf of { $provider }.
mail-signature-on-behalf = Slotbook, on behalf of { $provider }
mail-cancelled-by-you = Your booking is cancelled, as you asked.
mail-cancelled-by-provider = { $provider } had to cancel your booking.
mail-cancelled-by-provider-reason = { $provider } had to cancel your booking: { $reason }
mail-confirm-lead = Please confirm your booking with { $provider }. The time is held for you for { $minutes } minutes; unconfirmed bookings are released after that.
mail-confirmed-lead = Your booking with { $provider } is confirmed.
mail-confirmed-later = The links below cancel or reschedule it; links in earlier emails no longer work.
mail-declined-lead = { $provider } could not accept your request for this time. Nothing was booked; you are welcome to choose another time.
mail-expired-lead = Your booking was not confirmed in time, so the time was released. You are welcome to book again.
mail-reminder-lead = A reminder of your appointment with { $provider }.
mail-reminder-note = To cancel or reschedule, use the links in your booking confirmation email.
mail-requested-lead = { $provider } has received your request and will approve or decline it. The time is held for you meanwhile.
mail-rescheduled-lead = Your booking with { $provider } has moved to the time below.
mail-rescheduled-pending = It is pending until confirmed.
mail-rescheduled-links = The links in earlier emails no longer work; use the ones in this email.
mail-approval-lead = { $guest } asked to book { $service }. Approve or decline it.
mail-provider-confirmed-lead = The booking of { $service } by { $guest } is confirmed.
mail-provider-rescheduled-lead = { $guest } moved their booking of { $service } to the time below.
mail-guest-cancelled-lead = { $guest } cancelled their booking. The time is free again.
mail-guest-cancelled-lead-reason = { $guest } cancelled their booking ("{ $reason }"). The time is free again.
mail-new-booking-lead = { $guest } booked { $service }.
mail-new-booking-pending = It is pending until they confirm by email.
mail-subject-cancelled = Booking cancelled: { $service } on { $when }
mail-subject-confirm = Please confirm your booking: { $service } on { $when }
mail-subject-confirmed = Booking confirmed: { $service } on { $when }
mail-subject-declined = Booking declined: { $service } on { $when }
mail-subject-expired = Booking not confirmed: { $service } on { $when }
mail-subject-reminder = Reminder: { $service } on { $when }
mail-subject-requested = Request received: { $service } on { $when }
mail-subject-rescheduled = Booking moved: { $service } on { $when }
mail-subject-approval = Approval needed: { $service } with { $guest } on { $when }
mail-subject-provider-confirmed = Confirmed: { $service } with { $guest } on { $when }
mail-subject-provider-rescheduled = Rescheduled: { $service } with { $guest } now on { $when }
mail-subject-guest-cancelled = Cancelled by the guest: { $service } with { $guest } on { $when }
mail-subject-new-booking = New booking: { $service } with { $guest } on { $when }
