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
