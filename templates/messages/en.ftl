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

## Home, errors, accounts
home-title = Appointments made simple
home-heading = Appointments without the back-and-forth
home-lead = Slotbook lets you publish your hours and services; guests pick a free time in their own timezone and confirm by email. No double bookings, ever.
home-dashboard = Go to your dashboard
error-reference = If you write to us about this, please mention the reference
error-back-home = Back to the start page
auth-create-account-link = Create a provider account
auth-email = Email address
auth-password = Password
auth-password-hint = At least 10 characters. A few unrelated words work well.
auth-username = Username
auth-timezone = Your timezone
auth-back-to-sign-in = Back to sign-in
forgot-title = Forgot your password
forgot-heading = Forgot your password?
forgot-lead = Enter the email address of your account. If it belongs to an account, we send it a link to choose a new password; the link works for one hour.
forgot-submit = Send me a link
login-login = Email or username
login-new-here = New here?
reset-title = Choose a new password
reset-for-account = For the account { $username }. Setting it signs you out on every other device.
reset-not-changed = The password was not changed: see the messages below.
reset-new = New password
reset-repeat = Repeat the new password
reset-submit = Set new password
signup-title = Create your account
signup-heading = Create your provider account
signup-closed = Sign-up is closed on this Slotbook instance. Ask its administrator for an account.
signup-closed-sign-in = if you already have one.
signup-have-account = Already have an account?
signup-fix = Your account was not created yet. Please fix:
signup-name-hint = Shown to guests on your booking pages.
signup-username-hint = Your page address: 3 to 30 letters a–z, digits or hyphens.
signup-email-hint = We send a link to verify it; bookings open once it is verified.
signup-submit = Create account
verify-title = Verify your email address
verify-lead = Confirm that { $email } is your address. Once it is verified, guests can book you.
verify-submit = Verify my email address

## Dashboard and settings
locale-en-US = English (US)
locale-en-GB = English (UK)
locale-de = Deutsch
locale-fr = Français
locale-es = Español
form-save = Save
form-nothing-saved = Nothing was saved: please correct the following.
settings-api-tokens = API tokens
settings-webhooks = Webhooks
settings-profile = Profile
settings-profile-not-saved = Your profile was not saved: see the messages below.
settings-username = Username: { $username } (your page address; it cannot be changed).
settings-business-name = Business name (optional)
settings-bio = About you (optional)
settings-bio-hint = Shown on your booking page. Up to 2000 characters.
settings-language = Language of your pages and emails
settings-save-profile = Save profile
settings-email-verified = Now: { $email } (verified).
settings-email-unverified = Now: { $email } (not verified yet).
settings-resend = Send the verification link again
settings-email-hint = A new address needs verifying: bookings pause until you open the link we send to it.
settings-email-not-changed = Your email address was not changed: see the messages below.
settings-new-email = New email address
settings-your-current-password = Your current password
settings-change-email = Change email address
settings-password-hint = Changing it signs you out on every other device.
settings-password-not-changed = Your password was not changed: see the messages below.
settings-current-password = Current password
settings-change-password = Change password
settings-sessions = Where you are signed in
settings-sessions-count = { $count ->
    [one] Only this browser is signed in to your account.
   *[other] { $count } browsers are signed in to your account, this one included.
}
settings-sessions-hint = Lost a device, or signed in on a shared computer? End every session, this one included; you then sign in again here.
settings-sign-out-everywhere = Sign out everywhere
settings-delete = Delete your account
settings-delete-hint = Removes the account with its services, hours and bookings; guests with bookings still to come are told.
settings-delete-link = Delete my account…
dash-welcome = Welcome, { $name }
dash-verify = Please verify your email address
dash-verify-lead = We sent a link to { $email }. You can set up everything now; guests can book you once the address is verified.
dash-resend = Send the link again
dash-booking-page = Your booking page
dash-timezone = Your timezone: { $zone }.
dash-this-week = This week
dash-today-agenda = Today's agenda
dash-hours = Weekly hours and days off
dash-settings = Settings: profile, timezone, email and password
dash-embedding = Embed on your website and branding
dash-embedding-hint = (with the iframe code to paste)
overview-upcoming = Today and upcoming
overview-none = No upcoming bookings.
overview-today = Today
overview-next-free = Next free times
overview-no-services = No active services yet.
overview-create-one = Create one.
overview-no-free = No free times in the next two weeks. Check your
overview-check-hours = hours.
week-title = Week: { $date }
week-day-title = Day: { $date }
week-day-heading = Day agenda: { $date }
week-days = Days
week-weeks = Weeks
week-prev-day = Previous day
week-prev-week = Previous week
week-next-day = Next day
week-next-week = Next week
week-whole = The whole week
week-count = { $count ->
    [one] { $count } booking.
   *[other] { $count } bookings.
}
week-working-hours = working hours
week-time-off = time off
week-time-off-list = Time off:
week-caption = Bookings by hour ({ $zone }); shaded hours are working hours
week-hour = Hour
week-time-off-cell = Time off.
look-title = Embedding and branding
look-website = Your website
look-origins = Websites allowed to embed your booking pages
look-origins-hint = One per line, as scheme and host: https://www.example.com (add a port if it has one). http:// is accepted only for localhost. Leave empty to allow none.
look-branding = Branding
look-accent = Accent colour
look-accent-hint = # and six hex digits, like #2457d6. Buttons show white text on it, so it needs a contrast of at least 4.5:1 against white. Leave empty for the default.
look-logo = Logo text
look-logo-hint = A short name shown in the header of your public pages and in booking emails (at most 40 characters). Leave empty to show none.
look-embed = Embed on your website
look-paste = Paste this where the booking should appear on your website:
look-add-first = Add your website above first: until then browsers refuse to show your pages in a frame.
look-iframe = Iframe code
look-iframe-title = Book an appointment

## Hours and time off
form-remove = Remove
flash-hours-added = { $count ->
    [one] Hours added to { $count } day.
   *[other] Hours added to { $count } days.
}
flash-hours-copied = { $count ->
    [one] Hours copied to { $count } day.
   *[other] Hours copied to { $count } days.
}
flash-hours-removed = Hours removed.
flash-override-saved = Override for { $date } saved.
flash-override-removed = Override removed.
hours-valid-from = from { $date }
hours-valid-until = until { $date }
hours-valid-between = { $from } to { $until }
hours-closed-all-day = closed all day
hours-heading = Weekly hours
hours-timezone = All times are in your timezone, { $zone }.
hours-change-in-settings = Change it in settings.
hours-away = Away for a holiday or an afternoon? Add it under
hours-your-week = Your week
hours-caption = Open hours per weekday ({ $zone })
hours-closed = Closed
hours-remove-label = Remove { $day } { $interval }
hours-add = Add hours
hours-add-hint = For a break, add two intervals (09:00–12:00 and 13:00–17:00). Hours cannot run past midnight: end at 24:00 to stay open until midnight.
hours-not-added = The hours were not added: see the messages below.
hours-until-hint = Hours and minutes, like 17:30; 24:00 for midnight.
hours-valid-from-label = Valid from (optional)
hours-valid-until-label = Valid until (optional)
hours-copy-heading = Copy a day
hours-copy-from = Copy the hours of
hours-copy-to = to (replacing their hours)
hours-copy = Copy
hours-overrides = Date overrides
hours-overrides-hint = Different hours on one date, or closed all day. An override replaces that date's weekly hours.
hours-no-overrides = No upcoming overrides.
hours-remove-override = Remove the override of { $date }
hours-override-not-saved = The override was not saved: see the messages below.
hours-date = Date
hours-closed-all-day-label = Closed all day
hours-open-from = Open from
hours-until-short = until
hours-until-short-hint = Like 17:30; 24:00 for midnight.
hours-save-override = Save override
timeoff-timezone = Times are in your timezone, { $zone }.
timeoff-upcoming = Upcoming
timeoff-none = No time off planned.
timeoff-unreadable = An entry whose dates could not be read (it blocks nothing); please remove it and add it again
timeoff-remove-label = Remove time off { $when }
timeoff-remove-unreadable = Remove time off with unreadable dates
timeoff-add = Add time off
timeoff-hint = Leave the times empty to block whole days (from the start of the first day to the end of the last).
timeoff-not-added = The time off was not added: see the messages below.
timeoff-first-day = First day
timeoff-from-time = From time (optional)
timeoff-last-day = Last day
timeoff-until-time = Until time (optional)
timeoff-reason = Reason (only you see it)

## Services
form-delete = Delete
form-cancel = Cancel
form-correct-n-fields = { $count ->
    [one] Please correct the highlighted field.
   *[other] Please correct the { $count } highlighted fields.
}
mode-instant = Confirmed immediately
mode-email = Guest confirms by email
mode-provider = I approve each booking
qkind-short_text = Short text
qkind-long_text = Long text
qkind-choice = Choice
qkind-checkbox = Checkbox
flash-service-created = Service "{ $name }" created.
flash-service-saved = Service "{ $name }" saved.
flash-service-activated = Service activated: guests can book it.
flash-service-deactivated = Service deactivated: guests can no longer book it.
flash-service-deleted = Service deleted.
flash-service-has-upcoming = { $count ->
    [one] This service has { $count } upcoming booking, so it cannot be deleted. Deactivate it instead: guests can no longer book it, and existing bookings stay.
   *[other] This service has { $count } upcoming bookings, so it cannot be deleted. Deactivate it instead: guests can no longer book it, and existing bookings stay.
}
flash-service-has-past = This service has past bookings, which keep your history; deactivate it instead of deleting it.
services-new = New service
services-edit = Edit service
services-none = You have no services yet. Create one so guests have something to book.
services-caption = Your services, in the order guests see them
services-col-service = Service
services-col-length = Length
services-col-confirmation = Confirmation
services-col-status = Status
services-col-actions = Actions
services-active = Active
services-inactive = Inactive
services-move-up = Move { $name } up
services-move-down = Move { $name } down
services-deactivate = Deactivate
services-activate = Activate
service-form-slug-hint = Guests book at /{ $username }/link-name. Leave empty to use the name.
service-form-question = Question { $n }
service-form-about = About
service-form-name = Name
service-form-slug = Link name
service-form-description = Description
service-form-location = Location
service-form-location-hint = An address, a video link or a phone number.
service-form-price = Price (optional)
service-form-price-hint = Shown to guests only; no payment is taken.
service-form-currency = Currency
service-form-currency-hint = Three letters, e.g. EUR.
service-form-timing = Timing (minutes)
service-form-duration = Duration
service-form-duration-hint = 5 to 720 minutes.
service-form-interval = Start times every
service-form-interval-hint = Empty: the same as the duration.
service-form-buffer-before = Buffer before
service-form-buffer-before-hint = Free time kept before each booking.
service-form-buffer-after = Buffer after
service-form-buffer-after-hint = Free time kept after each booking.
service-form-notice = Minimum notice
service-form-notice-hint = How long before the start a guest can still book.
service-form-window = Booking window (days)
service-form-window-hint = How far ahead guests can book.
service-form-daily = Daily limit (optional)
service-form-daily-hint = Most bookings of this service per day.
service-form-mode = How bookings are confirmed
service-form-hold = Hold an unconfirmed booking for
service-form-hold-hint = Minutes the time stays reserved while waiting for confirmation.
service-form-cancel-notice = Cancellation notice
service-form-cancel-notice-hint = Guests cannot cancel or reschedule later than this many minutes before the start.
service-form-reminder = Reminder (minutes before)
service-form-reminder-hint = Empty or "off" sends no reminder; 1440 is one day.
service-form-active = Active (guests can book it)
service-form-questions = Questions for the guest
service-form-questions-hint = Leave a question's text empty to remove it.
service-form-answer-type = Answer type
service-form-choices = Choices (for a choice question)
service-form-choices-hint = Separate choices with commas.
service-form-required = Required
service-form-save = Save service

## Account mails
mail-hello-plain = Hello,
mail-calendar-failing-subject = One of your calendars cannot be read by Slotbook
mail-calendar-failing-lead = Slotbook has not been able to read your calendar { $url } for a day. Its busy times from the last successful read still block bookings, but changes you made there since are not seen.
mail-calendar-failing-error = The last error was: { $error }
mail-calendar-failing-button = Open your calendars
mail-calendar-failing-hint = Check the address, or remove the calendar and add it again.
mail-reset-subject = Reset your Slotbook password
mail-reset-lead = someone, hopefully you, asked to reset the password of the Slotbook account "{ $username }".
mail-reset-valid = { $hours ->
    [one] The link works for { $hours } hour and only once. Setting a new password signs you out everywhere else.
   *[other] The link works for { $hours } hours and only once. Setting a new password signs you out everywhere else.
}
mail-reset-ignore = If you did not ask for this, ignore this message: your password stays as it is.
mail-invitation-subject = { $inviter } invites you to join { $team } on Slotbook
mail-invitation-lead = { $inviter } invites you to join the team { $team } on Slotbook as { $role }. You can create an account with this address, or sign in to the one you have.
mail-invitation-button = See the invitation
mail-invitation-valid = The link works for { $days } days and only once.
mail-invitation-ignore = If you did not expect this invitation, ignore this message.
mail-test-subject = Slotbook test message
mail-test-lead = this is a test message from the Slotbook instance at { $url }. If you can read it, outgoing mail works.
mail-test-button = Open Slotbook
mail-test-sent = Sent { $when }.
mail-verify-subject = Verify your email address for Slotbook
mail-verify-lead = please confirm that { $email } is your address, so guests can book you on Slotbook.
mail-verify-valid = { $hours ->
    [one] The link works for { $hours } hour and only once. Until the address is verified, your booking pages say that bookings open soon.
   *[other] The link works for { $hours } hours and only once. Until the address is verified, your booking pages say that bookings open soon.
}
mail-verify-ignore = If you did not create a Slotbook account, ignore this message.
mail-webhook-subject = Your Slotbook webhook endpoint was disabled
mail-webhook-lead = your webhook endpoint { $url } did not accept { $count } deliveries in a row, so Slotbook stopped sending to it. Events that happen meanwhile are not sent to it.
mail-webhook-button = Open webhook settings
mail-webhook-hint = Once the endpoint works again, enable it there and send a test event. Deliveries that were given up can be sent again from the same page.

## Privacy, tokens, webhooks
delete-lead = Deleting the account { $username } removes it with everything it holds: your profile, services, hours, time off and every booking with its guests' details and history. Your booking pages go offline and you are signed out everywhere.
delete-upcoming = { $count ->
    [one] One booking is still to come: it is cancelled first, and the guest receives the usual cancellation email.
   *[other] { $count } bookings are still to come: they are cancelled first, and each guest receives the usual cancellation email.
}
delete-no-upcoming = You have no bookings still to come.
delete-undone = This cannot be undone. You may want to export your bookings (CSV, on the bookings page) first.
delete-not-deleted = Your account was not deleted: see the message below.
delete-password = Your password, to confirm
delete-submit = Delete my account
erase-title = Erase guest data
erase-heading = Erase the data of { $email }?
erase-lead = { $count ->
    [one] One booking with you will lose the guest's name, email address, phone number, notes and answers, for good. Mails about them keep no text, and mails not yet sent are dropped. The history records the erasure.
   *[other] { $count } bookings with you will lose the guest's name, email address, phone number, notes and answers, for good. Mails about them keep no text, and mails not yet sent are dropped. The history records the erasure.
}
erase-lead-instance = { $count ->
    [one] One booking will lose the guest's name, email address, phone number, notes and answers, for good. Mails about them keep no text, and mails not yet sent are dropped. The history records the erasure.
   *[other] { $count } bookings will lose the guest's name, email address, phone number, notes and answers, for good. Mails about them keep no text, and mails not yet sent are dropped. The history records the erasure.
}
erase-upcoming = { $count ->
    [one] One of them is still to come: the time stays booked, but nobody can be reminded or told of changes, and the guest's links stop working.
   *[other] { $count } of them are still to come: the time stays booked, but nobody can be reminded or told of changes, and the guest's links stop working.
}
erase-undone = This cannot be undone. Download the data first if the guest asked for a copy.
erase-yes = Yes, erase it
erase-keep = Keep it
guests-title = Guest data
guests-lead-instance = Find every booking of a guest across all providers of this instance, download what is held about them, or erase it when they ask.
guests-lead = Find every booking a guest made with you, download what is held about them, or erase it when they ask.
guests-email = Guest's email address
guests-find = Find bookings
guests-bookings-of = Bookings of { $email }
guests-none-instance = No bookings for this address.
guests-none = No bookings for this address with you.
guests-caption = The guest's bookings, by start time
guests-col-provider = Provider
guests-download = Download everything held about them (JSON)
guests-erase-hint = Erasing replaces their name, address, phone, notes and answers in these bookings and empties the mails about them. The times stay booked; their links stop working. You confirm on the next page.
guests-erase = Erase this guest's data…
privacy-title = Privacy notice
tokens-col-account = Account
tokens-col-scope = Scope
tokens-col-created = Created
tokens-col-last-used = Last used
tokens-never = Never
tokens-revoke = Revoke
tokens-revoke-label = Revoke { $name }
tokens-revoked = Revoked { $when }
webhooks-disable = Disable
webhooks-enable = Enable
webhooks-disable-label = Disable { $url }
webhooks-enable-label = Enable { $url }
webhooks-test = Send a test event
webhooks-test-label = Send a test event to { $url }

## Settings: API tokens and webhooks
settings-back = Back to settings
tokens-api-reference = API reference
tokens-lead = A token lets a tool you trust (a CRM, an automation, your own site's server) read your services and bookings through the API at /api/v1, and with read+write also book and change bookings as you would here. Keep it secret; revoke it here when the tool no longer needs it. Send it as:
tokens-new = Your new token "{ $name }"
tokens-copy-now = Copy it now: it is shown only this once (we keep only a fingerprint of it).
tokens-token = Token
tokens-create-heading = Create a token
tokens-not-created = The token was not created: see the messages below.
tokens-name-hint = What will use it, so you recognise it later (up to 100 characters).
tokens-scope-legend = What it may do
tokens-scope-read = Read: see services, free times and bookings
tokens-scope-write = Read+write: also book, move, approve, decline, cancel and mark bookings
tokens-create = Create token
tokens-yours = Your tokens
tokens-none = You have no tokens yet.
tokens-all = Every account's tokens (admin)
tokens-all-none = No account has a token.
webhooks-endpoint = Webhook endpoint
webhooks-all = All endpoints
webhooks-enabled = enabled
webhooks-disabled = disabled
webhooks-summary = Events: { $types }. Failures in a row: { $count }.
webhooks-recent = Recent deliveries
webhooks-nothing-sent = Nothing was sent yet.
webhooks-col-event = Event
webhooks-col-events = Events
webhooks-col-state = State
webhooks-col-attempts = Attempts (status, latency)
webhooks-col-action = Action
webhooks-next-try = next try { $when }
webhooks-none-yet = None yet
webhooks-no-answer = no answer
webhooks-latency = in { $ms } ms
webhooks-redeliver = Redeliver
webhooks-redeliver-label = Redeliver { $event } { $id }
webhooks-lead = Slotbook tells your endpoint about bookings as they change, with a signed JSON POST
webhooks-retry = { $count ->
    [one] A delivery that fails is tried again for about a day; after { $count } failure in a row the endpoint is disabled and you get an email.
   *[other] A delivery that fails is tried again for about a day; after { $count } failures in a row the endpoint is disabled and you get an email.
}
webhooks-secret-for = Signing secret for { $url }
webhooks-secret-copy = Copy it now: it is shown only this once. Your endpoint verifies each delivery's signature with it.
webhooks-secret = Secret
webhooks-add-heading = Add an endpoint
webhooks-not-added = The endpoint was not added: see the messages below.
webhooks-url = Endpoint URL
webhooks-events = Events to send
webhooks-add = Add endpoint
webhooks-yours = Your endpoints
webhooks-none = No endpoints yet.

## Admin and API reference
admin-yes = Yes
admin-no = No
admin-accounts = Accounts
admin-guest-data = Guest data across providers: find, export, erase
admin-accounts-lead = Deactivating a provider signs them out everywhere and takes their booking pages offline; reactivating brings the pages back.
admin-accounts-caption = Every account, oldest first
admin-role = Role
admin-verified = Verified
admin-reactivate = Reactivate
admin-deactivate-label = Deactivate { $username }
admin-reactivate-label = Reactivate { $username }
admin-mail = Mail delivery
admin-mail-filter = Filter by status
admin-mail-all = All
admin-mail-newest = The { $count } newest messages.
admin-mail-newest-filtered = The { $count } newest messages that are { $status }.
admin-mail-lead = Failed messages were given up on after their last attempt, or at once when the mail server refused them for good (a 5xx answer such as "550 no such user", shown as the last error); "Try again" queues them once more.
admin-mail-none = No messages.
admin-mail-none-filtered = No messages are { $status }.
admin-mail-caption = Outgoing mail, newest first
admin-mail-recipient = Recipient
admin-mail-subject = Subject
admin-mail-kind = Kind
admin-mail-attempts = Attempts
admin-mail-next = Next attempt
admin-mail-sent = Sent
admin-mail-last-error = Last error
admin-mail-permanent = Permanent failure, not retried:
admin-mail-retry = Try again
admin-mail-retry-label = Try again: { $subject } to { $recipient }
api-problem-title = Problem: { $name }
api-problem-type = Problem type
api-problem-see = the operations that answer with it.
api-machine-readable = The machine-readable document this page is rendered from:
api-operations = Operations
api-needs-token = Needs a token
api-no-token = No token needed.
api-parameters = Parameters
api-in = In
api-type = Type
api-meaning = Meaning
api-body = Body:
api-body-hint = (JSON; unknown fields are refused).
api-answers = Answers
api-body-col = Body
api-problem-types = Problem types
api-problems-lead = Every refusal carries one of these types, as
api-title = Title

## Teams and bookings
mail-agenda-subject = { $team }: agenda for { $day } ({ $count ->
        [one] { $count } booking
       *[other] { $count } bookings
    })
mail-agenda-empty = { $team } has no bookings on { $day }.
mail-agenda-lead = The bookings of { $team } on { $day }. Times are in { $zone }.
mail-agenda-time = Time ({ $zone })
mail-agenda-service = Service
mail-agenda-with = With
mail-agenda-guest = Guest
mail-agenda-status = Status
mail-agenda-checked-in = checked in
mail-agenda-open = Open the day
mail-agenda-why = You get this mail because you asked for the team's daily agenda. Turn it off on the team's page.
mail-subject-provider-moved = Moved: { $service } with { $guest } now on { $when }
mail-provider-moved-lead = The booking of { $service } for { $guest } was moved by the front desk to the time below, with { $provider }.
mail-subject-provider-cancelled = Cancelled: { $service } with { $guest } on { $when }
mail-provider-cancelled-lead = The booking of { $service } for { $guest } was cancelled. The time is free again.
mail-provider-cancelled-lead-reason = The booking of { $service } for { $guest } was cancelled ("{ $reason }"). The time is free again.
bookings-title = Bookings
bookings-any = Any
bookings-status = Status
bookings-service = Service
bookings-from = From
bookings-until = Until
bookings-filter = Filter
bookings-csv = Download as CSV
bookings-total = { $count ->
        [one] One booking
       *[other] { $count } bookings
    }. Times in { $zone }.
bookings-none = No bookings match.
bookings-caption = Bookings ({ $zone })
bookings-when = When
bookings-guest = Guest
bookings-actions = Actions
bookings-moved-from = Moved from { $from } to { $to } ({ $zone })
bookings-moved-to = Moved to { $to } ({ $zone }).
bookings-pages = Pages
bookings-earlier = Earlier
bookings-later = Later
bookings-feed = Calendar feed
bookings-feed-lead = Subscribe to your upcoming bookings from any calendar app with a secret address.
bookings-feed-new = Your new address (copy it now; it is shown only once):
bookings-feed-create = Create a new feed address
bookings-feed-hint = Creating a new address stops the old one from working.
booking-title = Booking
booking-all = All bookings
booking-for-guest = For the guest: { $when } ({ $zone })
booking-cancelled-by = Cancelled by the { $by }.
booking-cancelled-by-reason = Cancelled by the { $by }: { $reason }
actor-guest = guest
actor-provider = provider
actor-system = system
booking-guest = Guest
booking-name = Name
booking-email = Email
booking-phone = Phone
booking-notes = Notes
booking-guest-data = All bookings of this guest: export or erase their data
booking-actions = Actions
booking-reason = Reason (sent to the guest)
booking-history = History
booking-moved-here = moved here from
booking-booked-for = booked for { $when }
booking-moved-to = moved to
booking-moved-new-time = moved to a new time
booking-action-confirm = Confirm
booking-action-approve = Approve
booking-action-decline = Decline
booking-action-complete = Mark completed
booking-action-no-show = Mark no-show
booking-action-cancel = Cancel booking
event-created = created
event-confirmed = confirmed
event-approved = approved
event-rescheduled = rescheduled
event-cancelled = cancelled
event-declined = declined
event-expired = expired
event-completed = completed
event-no_show = no-show
event-moved = moved
event-arrived = arrived
event-reminder_sent = reminder sent
event-guest_data_erased = guest data erased
booking-reason-needed = Give a reason for cancelling: the guest receives it.
flash-booking-approved = Booking approved; the guest has been told.
flash-booking-declined = Booking declined; the guest has been told and the time is free.
flash-booking-cancelled = Booking cancelled; the guest has been told and the time is free.
flash-booking-completed = Marked as completed.
flash-booking-no-show = Marked as no-show.
flash-booking-confirmed = Booking confirmed.
flash-feed-replaced = New feed address created; the old one no longer works.
flash-feed-created = Feed address created: add it to your calendar app.
bookings-filter-out-of-range = Dates must lie between 1970 and 2199; that filter was ignored.
bookings-filter-malformed = Dates must look like 2030-01-31; that filter was ignored.
role-owner = owner
role-admin = admin
role-provider = provider
role-staff = staff
teams-title = Teams
teams-mine = Your teams
teams-none = You do not belong to a team yet. Create one below, or accept an invitation from your email.
teams-create = Create a team
teams-create-hint = A team is a clinic, a practice or any group that shares a booking page. You become its owner.
teams-not-created = The team was not created: see the messages below.
teams-name = Team name
teams-address = Address
teams-address-hint = Your team's page will be at /address: 3 to 30 letters, digits or hyphens.
teams-timezone = Team timezone (team pages and the front desk show times in it)
teams-logo = Logo text (optional)
teams-colour = Colour (optional)
teams-colour-hint = Such as #1a6b4f.
teams-create-button = Create team
team-your-role = Your role:
team-zone = Team timezone:
team-public-page = Public page:
team-services = Team services
team-desk = Front desk
team-agenda = Daily agenda
team-agenda-on = You get the team's bookings of the day by email every morning at 07:00 ({ $zone }).
team-agenda-stop = Stop the agenda mail
team-agenda-hint = One mail every morning at 07:00 ({ $zone }) with the team's bookings of the day: time, provider, service, guest and status.
team-agenda-start = Email me the day's agenda
team-members = Members
team-name = Name
team-email = Email
team-role = Role
team-change = Change
team-role-of = Role of { $name }
team-change-role = Change role
team-remove-label = Remove { $name } from the team
team-remove = Remove
team-invite = Invite someone
team-invite-hint = They get a link by email, valid for 7 days and once: it creates their account or adds the one they have.
team-invite-failed = No invitation was sent: see the messages below.
team-invite-email = Email address
team-invite-provider = provider (has a calendar, can host team services)
team-invite-staff = staff (front desk, no calendar)
team-invite-admin = admin (members, services, every booking)
team-invite-send = Send invitation
team-invite-waiting = Waiting for an answer
team-invite-until = { $email } — { $role }, until { $until }
team-delete = Delete the team
team-delete-hint = Members keep their accounts and bookings; the team's page and memberships go.
team-delete-confirm = Type the team's address to confirm
team-delete-button = Delete team
team-services-title = Services of { $team }
team-back = Back to the team
team-services-none = No team services yet.
team-service-row = { $mode }; hosts: { $hosts }
assign-round_robin = round-robin
assign-collective = collective
team-service-new = New team service
team-service-not-created = The service was not created: see the messages below.
team-service-slug = Link name (optional)
team-service-slug-hint = Guests book at /team/link-name.
team-service-description = Description (optional)
team-service-duration = Duration in minutes
team-service-interval = Start times every … minutes (optional)
team-service-buffer-before = Buffer before, minutes (optional)
team-service-buffer-after = Buffer after, minutes (optional)
team-service-notice = Minimum notice, minutes (optional)
team-service-window = Bookable how many days ahead
team-service-location = Location (optional)
team-service-confirmation = Confirmation
team-service-mode-instant = Instant
team-service-mode-provider = The host approves
team-service-who = Who hosts a booking
team-service-round-robin = Round-robin: one free host, the guest's choice or the fairest one
team-service-collective = Collective: every host, only when all are free
team-service-hosts = Hosts
team-service-create = Create team service
invite-title = Join { $team }
invite-closed = This invitation has already been used or has expired. Ask the team for a new one.
invite-accept = { $name }, you are invited to join { $team } as { $role }.
invite-other-account = This invitation was sent to { $email }, but you are signed in as { $current }. Sign out, then open the link again and sign in with the invited address (or create an account with it).
invite-signed-out = You are invited to join { $team } as { $role }. The invitation was sent to { $email }.
invite-have-account = I have a Slotbook account
invite-sign-in-with = with { $email }, and you come back here to accept.
invite-create = Create my account
invite-no-signup = This Slotbook does not take new accounts. Ask its administrator to create one for { $email }.
invite-not-created = Your account was not created: see the messages below.
invite-email = Email address: { $email } (the invitation confirms it).
invite-username-hint = Your own booking page will be at /username.
invite-submit = Create account and join
desk-title = Front desk · { $team }
desk-zone = Times are in the team's timezone, { $zone }.
desk-days = Days
desk-previous = Previous
desk-next = Next
desk-day = Day
desk-week = Week
desk-csv = Export CSV
desk-provider = Provider
desk-all = All
desk-service = Service
desk-status = Status
desk-holding = Holding time
desk-filter = Filter
desk-caption = Bookings and free time per provider ({ $zone })
desk-arrived = arrived
desk-busy = busy
desk-free = Free:
desk-book-from = Book { $day } from { $time }
desk-book = Book for a caller
desk-not-booked = Nothing was booked: see the messages below.
desk-with = With
desk-any-host = any available
desk-date = Date
desk-time = Time ({ $zone })
desk-guest-name = Guest's name
desk-guest-email = Guest's email
desk-guest-phone = Guest's phone (optional)
desk-override = Reason to book outside the provider's hours (optional)
desk-override-hint = Only needed for a time outside the hours; a time over another booking is never possible.
desk-send-mails = Send the guest the usual emails
desk-book-button = Book
desk-booking-of = Booking of { $guest }
desk-booking = Booking
desk-service-with = { $service } with { $provider }
desk-move = Move
desk-not-moved = The booking was not moved: see the messages below.
desk-move-override = Reason to move outside the provider's hours (optional)
desk-move-button = Move booking
desk-status-heading = Check in, complete, cancel
desk-mark-arrived = Mark arrived
desk-mark-completed = Mark completed
desk-mark-no-show = Mark no-show
desk-cancel-reason = Reason for cancelling
desk-cancel = Cancel booking
desk-history = History
desk-error-date = Enter the date.
desk-error-time = Enter a time like 09:30.
desk-error-service = Choose one of the team's services.
desk-error-incomplete = The booking form is incomplete. Please reload the page and try again.
desk-error-host-any = Choose a host of this service, or any available.
desk-error-host = Choose a host of this service.
desk-error-outside-hours = That time is outside the provider's hours: give a reason to book it anyway.
desk-error-outside-hours-move = That time is outside the provider's hours: give a reason to move it there anyway.
desk-error-not-holding = This booking no longer holds a time, so it cannot be moved.
desk-error-action = Choose arrived, completed, no-show or cancel.
flash-desk-booked = Booked.
flash-desk-moved = Booking moved.
flash-desk-arrived = Marked as arrived.
flash-desk-arrived-already = Already checked in, or no longer booked.
flash-desk-done = Done.
agenda-error-choice = Choose whether to get the agenda mail.
flash-agenda-on = You will get the day's agenda by email every morning at 07:00 (team time).
flash-agenda-off = The daily agenda mail is off.
team-service-error-mode = Choose round-robin or collective.
team-service-error-no-host = Choose at least one host.
flash-team-service-created = Team service created.
team-service-error-slug-taken = Another service of the team uses this link name; please choose another.
team-service-error-bad-hosts = Hosts must be members of the team with a calendar (not staff).
teams-error-slug-taken = That address is taken; please choose another.
flash-team-created = Your team is ready. Invite its members below.
flash-team-invited = Invitation sent to { $email }.
team-error-role = Choose owner, admin, provider or staff.
flash-team-role-changed = Role changed to { $role ->
        [owner] owner
        [admin] admin
        [provider] provider
       *[staff] staff
    }.
flash-team-member-removed = Member removed from the team.
team-refusal-not-allowed = Only owners and admins change the members of a team.
team-refusal-owners-only = Only an owner can change an owner or make someone an owner.
team-refusal-last-owner = A team always has an owner: make someone else owner first.
flash-team-not-deleted = The team was not deleted: type its address exactly to confirm.
flash-team-deleted = The team { $team } was deleted.
flash-team-welcome = Welcome to { $team }.
flash-team-welcome-new = Welcome to Slotbook and to { $team }.
invite-error-username-taken = That username is taken; please choose another.
invite-error-email-taken = An account with this email address already exists: sign in with it to accept the invitation.

## Accessibility and calendars
admin-mail-see-calendar-writes = See also: calendar write-back
calendars-lead = Busy times in the calendars you subscribe to or connect here block bookings, just like time off. Slotbook reads each one every { $minutes } minutes; only when an event starts and ends is read, nothing else.
calendars-timezone = Times are in your timezone, { $zone }.
calendars-ics-heading = ICS subscriptions
calendars-none = No calendars yet.
calendars-accounts-heading = CalDAV accounts
calendars-no-accounts = No accounts yet.
calendars-account-at = { $username } at { $server }
calendars-account-no-busy = No calendar of this account counts as busy.
calendars-account-not-written = Bookings are not written into this account.
calendars-account-written-into = Confirmed bookings are written into { $calendar }.
calendars-choose = Choose calendars
calendars-remove-account = Remove account
calendars-remove-account-label = Remove the account { $username } at { $server }
calendars-connect-heading = Connect a CalDAV account
calendars-connect-hint = Nextcloud, iCloud, Fastmail, Radicale and other CalDAV servers. Use an app password where your provider offers one (iCloud: appleid.apple.com → App-Specific Passwords; Nextcloud: Settings → Security → Devices & sessions). Slotbook keeps the password encrypted and never shows it again.
calendars-account-not-connected = The account was not connected: see the messages below.
calendars-server-url = Server address
calendars-server-url-hint = For example https://cloud.example.com/remote.php/dav/
calendars-username = User name
calendars-password = Password or app password
calendars-connect = Connect account
calendars-subscribe-heading = Subscribe to a calendar
calendars-subscribe-hint = Paste the calendar's ICS address (it starts with https://, http:// or webcal://). Google: Settings → your calendar → "Secret address in iCal format". Apple iCloud: share the calendar as a public calendar. Outlook: Settings → Shared calendars → Publish a calendar → ICS link. Nextcloud: the calendar's menu → "Copy subscription link". Up to { $max } calendars.
calendars-not-added = The calendar was not added: see the message below.
calendars-url = Calendar address (ICS)
calendars-add = Add calendar
calendars-not-read-yet = Not read successfully yet.
calendars-last-read = Last read { $when } ({ $zone }): { $count ->
        [one] one busy time
       *[other] { $count } busy times
    } in your booking window.
calendars-skipped = { $count ->
        [one] One event could not be read and blocks nothing.
       *[other] { $count } events could not be read and block nothing.
    }
calendars-last-failed = The last attempt, { $when } ({ $zone }), failed: { $error }.
calendars-last-success-counts = The busy times of the last successful read still count.
calendars-refreshing = Refreshing… Reload the page in a moment to see the outcome.
calendars-next-read = Next read { $when } ({ $zone }).
calendars-refresh-now = Refresh now
calendars-refresh-label = Refresh { $url } now
calendars-remove = Remove
calendars-remove-label = Remove { $url }
calendars-account-lead = Account { $username } at { $server }.
calendars-back = Back to Calendars
calendars-busy-legend = Which calendars count as busy?
calendars-busy-hint = Events in the calendars you tick block bookings, like time off.
calendars-write-legend = Write confirmed bookings into
calendars-write-hint = Slotbook adds each confirmed booking to this calendar, moves it when the booking is rescheduled and removes it when it is cancelled. Only one calendar, across all your accounts.
calendars-write-none = No calendar
calendars-save = Save
calendar-write-label = Your calendar:
calendar-write-removed = removed from your calendar { $when }.
calendar-write-written = written to your calendar { $when }.
calendar-write-nothing = nothing to write yet { $when }.
calendar-write-failed = writing failed after { $count ->
        [one] one attempt
       *[other] { $count } attempts
    }: { $error }. Slotbook gave up on this change.
calendar-write-pending = pending.
calendar-write-retrying = pending: the last attempt failed ({ $error }); Slotbook tries again { $when }.
admin-calendar-writes = Calendar write-back
admin-calendar-writes-lead = The { $limit } newest bookings written into providers' CalDAV calendars. Times in UTC. A failed write was given up on after its last attempt; the provider's next change of that booking queues it again.
admin-calendar-writes-none = No calendar writes.
admin-calendar-writes-caption = Calendar writes, newest first
admin-calendar-writes-booking = Booking
admin-calendar-writes-object = Calendar object
admin-calendar-writes-status = Status
admin-calendar-writes-did = Did
admin-calendar-writes-attempts = Attempts
admin-calendar-writes-when = When
admin-calendar-writes-error = Last error
write-status-queued = queued
write-status-sending = sending
write-status-written = written
write-status-failed = failed
write-action-put = written
write-action-delete = removed
write-action-none = nothing
calendars-error-url-empty = Enter the calendar's address.
calendars-error-url-long = This address is longer than 2,000 characters.
calendars-error-url-scheme = Enter an address that starts with https://, http:// or webcal://.
calendars-error-private = This address is in a private network, which Slotbook does not read from.
calendars-error-too-many = You already subscribe to the most calendars Slotbook reads for one person; remove one first.
flash-calendar-added = Calendar added: Slotbook is reading it now, and its busy times will block bookings.
flash-calendar-refreshing = Refreshing: Slotbook reads the calendar again in a moment.
flash-calendar-removed = Calendar removed: its busy times no longer block bookings.
calendars-error-server-empty = Enter your calendar server's address.
calendars-error-server-scheme = Enter an address that starts with https:// or http://.
calendars-error-username = Enter the user name you sign in to the server with.
calendars-error-password = Enter the password or an app password for this account.
calendars-error-unauthorized = The server refused this user name and password. Check them, or create an app password for Slotbook.
calendars-error-not-found = No calendars could be found at this address: { $error }.
calendars-error-no-calendars = This account has no calendars.
calendars-error-too-many-accounts = You already connected the most accounts Slotbook keeps for one person; remove one first.
calendars-error-choose-fewer = That is more calendars than Slotbook reads for one person: choose fewer.
calendars-error-choose-listed = Choose among the calendars listed here.
flash-calendar-account-connected = Account connected: choose which of its calendars count as busy.
flash-calendars-saved = Calendars saved: Slotbook is reading the busy ones now.
flash-calendar-account-removed = Account removed: its calendars no longer block bookings, and bookings are no longer written into it.
calendar-description-notes = Notes: { $notes }
calendar-description-manage = Manage this booking: { $link }
## Flash messages
flash-welcome = Welcome to Slotbook! We sent a link to { $email } to verify your address; guests can book you once it is verified.
flash-verified = Thank you: { $email } is verified. Guests can now book you.
flash-reset-sent = If an account uses { $email }, we have sent it a link to choose a new password. The link works for one hour.
flash-profile-saved = Your profile is saved.
flash-email-changed = Your email address is now { $email }. We sent it a link to verify it; bookings pause until it is verified.
flash-password-changed = Your password is changed. Every other session is signed out.
flash-look-saved = Embedding and branding saved.
flash-mail-requeued = The message is queued again and will be sent shortly.
flash-mail-not-failed = That message is no longer failed; nothing was changed.
flash-admin-not-yourself = You cannot deactivate your own account.
flash-admin-only-providers = Only provider accounts can be deactivated or reactivated.
flash-admin-reactivated = The account is active again; its booking pages are back online.
flash-admin-deactivated = The account is deactivated: signed out everywhere, its booking pages are offline.
flash-token-revoked = Token revoked: it no longer works.
flash-webhook-test-queued = Test event queued: it is sent within a few seconds; its attempts show below.
flash-webhook-requeued = Queued again with the same webhook-id: it is sent within a few seconds.
flash-time-off-added = Time off added: { $when }.
flash-time-off-removed = Time off removed.

## More flash messages
flash-verification-resent = We sent a new verification link to { $email }. Earlier links no longer work.
flash-already-verified = Your email address is already verified.
flash-guest-erased = { $count ->
    [one] The guest's data is erased from { $count } booking.
   *[other] The guest's data is erased from { $count } bookings.
}
flash-webhook-enabled = Endpoint enabled: new events are sent to it.
flash-webhook-disabled = Endpoint disabled: nothing is sent to it until you enable it.

## Error pages
error-login = Please sign in
error-login-message = Please sign in to continue.
error-not-found = Page not found
error-not-found-message = We could not find that page. The link may be mistyped or out of date.
error-csrf = This form has expired
error-csrf-message = For your security the form could not be accepted: it was open too long or came from another site. Go back, reload the page and submit it again.
error-forbidden = Not allowed
error-forbidden-message = You do not have access to this page.
error-bad-request = That did not work
error-rate-limited = Too many attempts
error-rate-limited-message = You have tried this too many times. Please wait { $wait } and try again.
error-slot-taken-message = Someone else booked this time a moment ago. Please choose another time.
error-duplicate = Already exists
error-duplicate-message = Something with the same name already exists. Go back and choose another.
error-busy = We are busy
error-busy-message = The server is busy right now. Please try again in a few seconds.
error-internal = Something went wrong
error-internal-message = Something went wrong on our side. Nothing you did caused it; please try again in a moment.

## More formats
fmt-day-month = { $region ->
    [GB] %-d %b
   *[other] %b %-d
}
fmt-day-month-year = { $region ->
    [GB] %-d %b %Y
   *[other] %b %-d, %Y
}
week-times-in = Times in

## Webhook states
webhooks-state-enabled = Enabled
webhooks-state-disabled = Disabled

## Status badges
badge-pending = Pending
badge-confirmed = Confirmed
badge-completed = Completed
badge-no_show = No-show
badge-expired = Expired
badge-declined = Declined
badge-cancelled = Cancelled

## lang (issue #16): form errors from the domain and the form handlers, and the last page texts
form-error-control-characters = This contains invisible control characters; please retype it.
form-error-line-break = Keep this on one line.
form-error-number-range = { $what } must be between { $min } and { $max }.
form-error-number-missing = Enter { $what }.
form-error-number-whole = { $what } must be a whole number.
form-error-at-most = Use at most { $max } characters.
form-error-date = Enter a date like 2030-01-31.
form-error-month = Enter a month like 2030-01.
form-error-date-range = Choose a date between 1970 and 2199.
form-error-timezone = “{ $zone }” is not a time zone we know; choose one from the list, such as Europe/Berlin.
field-duration = Duration
    .lower = the duration
field-slot-interval = Slot interval
    .lower = the slot interval
field-buffer-before = Buffer before
    .lower = the buffer before
field-buffer-after = Buffer after
    .lower = the buffer after
field-minimum-notice = Minimum notice
    .lower = the minimum notice
field-booking-window = Booking window
    .lower = the booking window
field-daily-limit = Daily limit
    .lower = the daily limit
field-hold-time = Hold time
    .lower = the hold time
field-cancellation-notice = Cancellation notice
    .lower = the cancellation notice
field-reminder = Reminder
    .lower = the reminder
email-error-missing = Enter your email address.
email-error-long = An email address can be at most 254 characters.
email-error-invalid = Enter an email address like name@example.com.
username-error-missing = Choose a username.
username-error-length = A username has 3 to 30 characters.
username-error-characters = Use only letters a–z, digits and hyphens.
username-error-hyphen = A username cannot start or end with a hyphen.
username-error-reserved = That username is reserved; please choose another.
password-error-missing = Choose a password.
password-error-short = Use at least { $min } characters (a few words make a good password).
password-error-obvious = That password is too easy to guess: avoid your username, your email address and common passwords.
password-error-differ = The two passwords differ: type the same new password twice.
account-error-language = Choose one of the languages.
signup-error-username-taken = That username is taken; please choose another.
signup-error-email-taken = An account with this email address already exists. Sign in, or reset its password.
login-error-login-missing = Enter your email address or username.
login-error-password-missing = Enter your password.
settings-error-email-same = That is already your email address.
settings-error-email-taken = Another account uses this email address.
settings-error-password-missing = Enter your current password.
settings-error-password-wrong = That is not your current password.
guest-error-name-missing = Enter your name.
guest-error-name-long = Your name can be at most 200 characters.
guest-error-email-missing = Enter your email address: the confirmation is sent there.
guest-error-email-invalid = Enter a valid email address, like name@example.com.
guest-error-phone = Enter a phone number with digits (spaces, +, - and brackets are fine), or leave it empty.
guest-error-notes-long = Notes can be at most 5,000 characters.
guest-error-answer-missing = This question needs an answer.
guest-error-answer-choice = Choose one of the options.
guest-error-answer-long = An answer can be at most 2,000 characters.
privacy-error-email-missing = Enter the guest's email address.
privacy-error-email-erased = That is the placeholder of erased bookings, not a guest's address.
service-error-name-missing = Enter a name for the service.
service-error-name-long = The name can be at most 120 characters.
service-error-slug = The link name may use lowercase letters, digits and dashes (at most 60), not starting or ending with a dash.
service-error-slug-reserved = "{ $slug }" is reserved; please choose another link name.
service-error-slug-taken = You already have a service with this link name; choose another.
service-error-description-long = The description can be at most 5,000 characters.
service-error-price = Enter a price like 25 or 25.50, or leave it empty.
service-error-currency = Use a three-letter currency code such as EUR or USD.
service-error-currency-missing = Enter the currency of the price, such as EUR or USD.
service-error-location-long = The location can be at most 500 characters.
service-error-confirmation = Choose how bookings are confirmed.
service-error-questions-many = A service can have at most { $max } questions.
service-error-question-long = A question can be at most 200 characters.
service-error-choices = A choice question needs at least two choices, separated by commas.
hours-error-start-missing = Enter a start time.
hours-error-end-missing = Enter an end time.
hours-error-start-unreadable = Enter a start time as hours and minutes, like 09:30.
hours-error-end-unreadable = Enter an end time as hours and minutes, like 17:30, or { $midnight } for midnight.
hours-error-date-missing = Enter the date.
hours-error-days = Choose at least one day.
hours-error-validity = The last valid date must not be before the first.
hours-error-override-empty = Enter the open hours of that date, or tick "Closed all day".
hours-error-backwards = { $interval } ends before it starts; hours cannot run past midnight, so add the rest to the next day.
hours-error-overlap = { $first } overlaps { $second }; merge them or make them separate.
hours-error-backwards-on-day = { $day }: { $interval } ends before it starts; hours cannot run past midnight, so add the rest to the next day.
hours-error-overlap-on-day = { $day }: { $first } overlaps { $second }; merge them or make them separate.
timeoff-error-first-day = Enter the first day.
timeoff-error-last-day = Enter the last day.
timeoff-error-time = Enter a time like 09:30, or leave it empty.
timeoff-error-reason-long = The reason can be at most 200 characters.
timeoff-error-order = The time off must end after it starts.
find-error-days = Choose days from Monday to Sunday.
find-error-part = Choose morning, afternoon or evening.
find-error-time = Enter a time as hours and minutes, like 17:30.
find-error-order = The end must be later than the start.
find-error-both = Enter both times, or neither.
team-error-name-missing = Enter the team's name.
team-error-colour = Give a colour as # and six hex digits, such as #1a6b4f.
team-error-invite-role = Choose admin, provider or staff.
team-slug-error-missing = Choose the team's address.
team-slug-error-length = A team address has 3 to 30 characters.
team-slug-error-hyphen = A team address cannot start or end with a hyphen.
team-slug-error-reserved = That address is reserved; please choose another.
look-error-colour = Enter the colour as # and six hex digits, like #2457d6.
look-error-colour-missing = Enter a colour.
look-error-colour-light = { $colour } is too light: white text on it has a contrast of { $ratio }:1, and at least { $min }:1 is needed to be readable. Choose a darker shade.
look-error-logo-long = Keep the logo text to { $max } characters or fewer.
look-error-logo-line = The logo text must be a single line of text.
look-error-origins-many = List at most { $max } websites.
look-error-origin = “{ $origin }” is not a website origin: enter it as https://example.com (scheme and host, an optional port, no path).
look-error-origin-http = “{ $origin }” uses http: only https websites may embed your pages (http is accepted for localhost while you test).
team-bookings-not-open = Bookings open once a member of { $team } takes bookings for this service. Please check back soon.
error-form-unreadable = The form could not be read. Please go back, reload the page and try again.
error-query-unreadable = The address has parameters we could not read.
book-error-far-start = That time lies outside the dates we can book (1970 to 2199). Please choose a time from the calendar.
flash-signed-out = You are signed out.
flash-password-reset-done = Your password has been changed and every session signed out. Sign in with your new password.
flash-account-deleted = Your account is deleted. Guests with bookings still to come have been told.
delete-refused-last-admin = You are the only administrator of this instance. Create another administrator (slotbook admin create) before deleting this account, so that someone can still run it.
delete-refused-team-owner = You are the only owner of the team(s) “{ $teams }”. Transfer ownership first: make another member an owner on the team's Members page (or delete the team), then delete your account, so that no team is left without anyone to run it.
webhooks-error-url-long = A URL can be at most 2,000 characters.
webhooks-error-url-unreadable = Enter a full URL, like https://example.com/hooks.
webhooks-error-url-scheme = Enter an http:// or https:// URL with a host name.
webhooks-error-url-credentials = Put credentials in the endpoint, not in the URL.
webhooks-error-url-private = This address is in a private network, which Slotbook does not send to.
webhooks-error-types = Choose at least one of the events.
tokens-error-name-missing = Give the token a name, such as the tool that will use it.
tokens-error-name-long = A token name can be at most 100 characters.
tokens-error-name-line = A token name must be one line of text.
tokens-error-scope = Choose read or read+write.
hours-error-copy-days = Choose at least one other day to copy to.
## End of the lang block
