## Formate: strftime-Muster; Monats- und Wochentagsnamen kommen aus den Locale-Daten.
fmt-date-long = %A, %-d. %B %Y
fmt-date-medium = %a., %-d. %b. %Y
fmt-date-short = %a., %-d. %b.
fmt-month-year = %B %Y
fmt-date-time = { $date }, { $time }

## Einheiten
unit-minutes = { $count ->
    [one] { $count } Minute
   *[other] { $count } Minuten
}

## Layout
meta-description = Slotbook: Termine online in wenigen Klicks buchen, in Ihrer eigenen Zeitzone.
nav-skip = Zum Inhalt springen
nav-main = Hauptnavigation
nav-dashboard = Übersicht
nav-bookings = Buchungen
nav-week = Woche
nav-guests = Gäste
nav-services = Angebote
nav-hours = Zeiten
nav-time-off = Abwesenheiten
nav-calendars = Kalender
nav-settings = Einstellungen
nav-teams = Teams
nav-my-page = Meine Seite
nav-admin = Verwaltung
nav-sign-out = Abmelden
nav-sign-in = Anmelden
nav-language = Sprache
footer-powered = Bereitgestellt von Slotbook
footer-privacy = Datenschutz
