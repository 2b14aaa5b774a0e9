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
unit-hours = { $count ->
    [one] { $count } Stunde
   *[other] { $count } Stunden
}
unit-days = { $count ->
    [one] { $count } Tag
   *[other] { $count } Tage
}

## Gemeinsame Wörter
form-correct-fields = Bitte korrigieren Sie die markierten Felder.
form-required = (Pflichtfeld)
form-choose = Bitte wählen…
form-honeypot = Dieses Feld bitte leer lassen
service-with-provider = { $service } bei { $provider }
times-in-zone = Zeiten in { $zone }
times-shown-in = Zeiten werden in { $zone } angezeigt
tz-unknown = Die Zeitzone „{ $tz }“ ist uns nicht bekannt, daher werden die Zeiten in { $zone } angezeigt.
status-label = Status:
status-pending = ausstehend
status-confirmed = bestätigt
status-completed = abgeschlossen
status-no_show = nicht erschienen
status-expired = abgelaufen
status-declined = abgelehnt
status-cancelled = storniert
bookings-not-open = Buchungen sind möglich, sobald { $provider } die E-Mail-Adresse bestätigt hat. Bitte schauen Sie bald wieder vorbei.
bookings-not-open-yet = Buchungen sind möglich, sobald der Anbieter seine E-Mail-Adresse bestätigt hat.
privacy-notice-lead = Wie Ihre Angaben verwendet und aufbewahrt werden:
privacy-notice-link = Datenschutzhinweis.

## Ablehnungsgründe
refusal-in-past = Diese Zeit ist bereits vorbei. Bitte wählen Sie eine andere Zeit.
refusal-inside-notice = Dieses Angebot muss mindestens { $duration } im Voraus gebucht werden. Bitte wählen Sie eine spätere Zeit.
refusal-beyond-window = Dieses Angebot kann höchstens { $duration } im Voraus gebucht werden. Bitte wählen Sie ein früheres Datum.
refusal-outside-hours = Diese Zeit liegt außerhalb der verfügbaren Zeiten. Bitte wählen Sie eine der angezeigten Zeiten.
refusal-off-grid = Das ist keine der angebotenen Anfangszeiten. Bitte wählen Sie eine der angezeigten Zeiten.
refusal-daily-limit = Dieser Tag ist für dieses Angebot ausgebucht. Bitte wählen Sie einen anderen Tag.
refusal-unavailable = Diese Zeit ist nicht mehr verfügbar. Bitte wählen Sie eine andere Zeit.
refused-wrong-state = Diese Buchung ist { $status } und kann so nicht geändert werden.
refused-hold-lapsed = Die für diese Buchung reservierte Zeit ist abgelaufen, bevor sie bestätigt wurde.
refused-not-started = Diese Buchung kann nicht vor ihrem Beginn markiert werden.
refused-inside-cancellation-notice = Buchungen dieses Angebots können weniger als { $duration } vor Beginn nicht storniert oder verschoben werden. Bitte wenden Sie sich direkt an den Anbieter.

## Anbieterseite
provider-our-providers = Unser Team
provider-services = Angebote
provider-nothing = Hier gibt es derzeit nichts zu buchen.

## Angebotsseite (Monatskalender)
service-who = Bei wem Sie buchen
service-with = Bei:
service-rescheduling = Wählen Sie eine neue Zeit für Ihre Buchung vom { $when }. Ihre bisherige Zeit bleibt gebucht, bis Sie die neue bestätigen.
service-change = ändern
service-find-link = Eine passende Zeit finden
service-find-hint = : Wochentage und Tageszeiten wählen.
service-tz-label = Zeiten werden angezeigt in
service-show-times = Zeiten anzeigen
service-more-timezones = Weitere Zeitzonen
service-months = Monate
service-prev-month = Vorheriger Monat
service-next-month = Nächster Monat
service-caption = Tage mit freien Zeiten im { $month } ({ $zone })
service-day-free = { $date }, freie Zeiten
service-day-none = { $date }, keine Zeiten
service-no-times-month = In diesem Monat gibt es keine freien Zeiten.
service-try-next-month = Versuchen Sie den nächsten Monat.
service-no-times-day = An diesem Tag gibt es keine freien Zeiten.

## Zeitzonen
timezones-title = Zeitzonen · { $service } bei { $provider }
timezones-heading = Zeiten in einer anderen Zeitzone anzeigen

## Passende Zeit finden
find-title = Zeit finden: { $service } bei { $provider }
find-description = Finden Sie eine passende Zeit für { $service } bei { $provider }.
find-back = { $service }: der Kalender
find-heading = Eine passende Zeit finden
find-check = Bitte prüfen Sie Ihre Auswahl:
find-days = Wochentage
find-part = Tageszeit
find-part-morning = Vormittags (vor 12:00)
find-part-afternoon = Nachmittags (12:00–17:00)
find-part-evening = Abends (ab 17:00)
find-between = Oder Beginn zwischen zwei Uhrzeiten (ersetzt die Tageszeit):
find-from = Von
find-until = Bis
find-submit = Zeiten finden
find-found = { $count ->
    [0] Keine passenden Zeiten
    [one] Die nächste passende Zeit
   *[other] Die nächsten { $count } passenden Zeiten
}
find-searched = Durchsucht wurden die nächsten { $days } Tage. Zeiten in { $zone }.
find-nothing = Nichts Freies passt zu dieser Auswahl. Versuchen Sie mehr Tage oder eine andere Tageszeit.
find-more = Später gibt es weitere Zeiten: Grenzen Sie Ihre Auswahl ein oder wählen Sie einen Tag im
find-calendar = Kalender.

## Buchungsformular
book-title = { $service } buchen
book-back = Eine andere Zeit wählen
book-your-appointment = Ihr Termin
book-provider-time = Das ist { $time } für { $provider } ({ $zone }).
book-duration-with = { $count ->
    [one] { $count } Minute bei { $provider }
   *[other] { $count } Minuten bei { $provider }
}
book-see-free-times = Freie Zeiten ansehen
book-your-name = Ihr Name
book-email = E-Mail
book-email-hint = Hierhin senden wir die Bestätigung und die Links zum Stornieren oder Verschieben.
book-phone = Telefon (optional)
book-notes = Anmerkungen (optional)
book-submit = Diese Zeit buchen
book-submit-move = Meine Buchung hierher verschieben
book-missing-time = Im Buchungsformular fehlt die Zeit. Bitte wählen Sie erneut eine Zeit.
book-incomplete = Das Buchungsformular ist unvollständig. Bitte wählen Sie erneut eine Zeit.
book-not-accepted = Ihre Buchung konnte nicht angenommen werden.

## Zeit vergeben
taken-title = Diese Zeit wurde gerade vergeben
taken-message = Jemand anderes hat diese Zeit gerade gebucht. Für Sie wurde nichts gebucht; bitte wählen Sie eine andere Zeit.
taken-none-near = In der Nähe gibt es keine anderen freien Zeiten.
taken-nearest = Die nächstgelegenen freien Zeiten
taken-see-all = Alle freien Zeiten ansehen

## Nach der Buchung
booked-requested = Anfrage erhalten
booked-requested-next = { $provider } prüft Ihre Anfrage. Wir schreiben Ihnen, sobald sie angenommen oder abgelehnt wurde; bis dahin ist die Zeit für Sie reserviert.
booked-check-email = Bitte prüfen Sie Ihre E-Mails
booked-check-email-next = Wir haben einen Bestätigungslink an { $email } gesendet. Ihre Zeit ist reserviert, bis Sie ihn anklicken; unbestätigte Buchungen werden nach { $minutes } Minuten freigegeben.
booked-confirmed = Sie sind gebucht
booked-confirmed-next = Ihre Buchung ist bestätigt. Wir haben Ihnen die Details per E-Mail gesendet, mit Links zum Stornieren oder Verschieben.
booked-other = Ihre Buchung
booked-other-next = Diese Buchung ist { $status }.
booked-provider-time = { $time } für { $provider } ({ $zone })
booked-emails-go-to = E-Mails gehen an { $email }.
booked-add-to-calendar = Zum Kalender hinzufügen (.ics)

## Links in Buchungs-E-Mails
link-dead-unknown = Dieser Link ist ungültig
link-dead-unknown-message = Wir konnten diesen Link nicht finden. Bitte prüfen Sie, ob Sie die ganze Adresse aus der E-Mail kopiert haben.
link-dead-used = Dieser Link funktioniert nicht mehr
link-dead-used-message = Dieser Link wurde bereits verwendet, oder die Buchung hat sich seit dem Versand der E-Mail geändert (zum Beispiel verschoben oder storniert). Bitte verwenden Sie die Links aus der neuesten E-Mail zu Ihrer Buchung.
link-dead-expired = Dieser Link ist abgelaufen
link-dead-expired-message = Dieser Link ist nicht mehr gültig: Seine Zeit ist vorbei. Wenn Sie noch einen Termin brauchen, buchen Sie bitte eine neue Zeit.
link-confirm-heading = Buchung bestätigen
link-confirm-intro = Klicken Sie auf die Schaltfläche, um diese Buchung zu bestätigen.
link-confirm-button = Buchung bestätigen
link-cancel-heading = Buchung stornieren
link-cancel-intro = Klicken Sie auf die Schaltfläche, um diese Buchung zu stornieren. Die Zeit wird für andere frei.
link-cancel-button = Buchung stornieren
link-approve-heading = Diese Buchung annehmen
link-approve-intro = Klicken Sie auf die Schaltfläche, um diese Anfrage anzunehmen; der Gast wird sofort benachrichtigt.
link-approve-button = Annehmen
link-decline-heading = Diese Buchung ablehnen
link-decline-intro = Klicken Sie auf die Schaltfläche, um diese Anfrage abzulehnen; der Gast wird benachrichtigt und die Zeit wird frei.
link-decline-button = Ablehnen
link-confirm-done = Ihre Buchung ist bestätigt
link-confirm-done-message = Vielen Dank. Wir haben Ihnen die Bestätigung mit einer Kalenderdatei per E-Mail gesendet.
link-approve-done = Buchung angenommen
link-approve-done-message = Der Gast wurde benachrichtigt, dass die Buchung bestätigt ist.
link-decline-done = Buchung abgelehnt
link-decline-done-message = Der Gast wurde benachrichtigt, und die Zeit ist wieder frei.
link-cancel-done = Ihre Buchung ist storniert
link-cancel-done-message = Die Zeit ist wieder frei und der Anbieter wurde benachrichtigt. Wir haben Ihnen eine Bestätigung per E-Mail gesendet.
link-book-another = Eine andere Zeit buchen
link-book-service = { $service } buchen
link-hold-lapsed = Die Zeit ist nicht mehr reserviert
link-hold-lapsed-message = Die Buchung wurde nicht rechtzeitig bestätigt, daher wurde die Zeit freigegeben. Sie können gerne erneut buchen.
link-cannot = Das ist nicht möglich
link-reason-unreadable = Ihr Grund enthält unsichtbare Steuerzeichen, daher wurde nichts geändert. Bitte gehen Sie zurück und geben Sie ihn erneut ein.
links-reason = Grund (optional)

## Kalenderdateien
ics-description-guest = { $service }, gebucht von { $guest } über Slotbook.

## Buchungs-E-Mails
mail-hello = Guten Tag { $name },
mail-what = Was
mail-when = Wann
mail-timezone = Zeitzone
mail-where = Wo
mail-guest = Gast
mail-phone = Telefon
mail-notes = Anmerkungen
mail-with = Bei
mail-link-confirm = Buchung bestätigen
mail-link-reschedule = Verschieben
mail-link-cancel = Stornieren
mail-link-approve = Annehmen
mail-link-decline = Ablehnen
mail-link-dashboard = In Ihrer Übersicht öffnen
mail-link-book-again = Erneut buchen
mail-footer = Gesendet von Slotbook.
mail-footer-on-behalf = Gesendet von Slotbook im Auftrag von { $provider }.
mail-signature-on-behalf = Slotbook, im Auftrag von { $provider }
mail-cancelled-by-you = Ihre Buchung ist wie gewünscht storniert.
mail-cancelled-by-provider = { $provider } musste Ihre Buchung leider stornieren.
mail-cancelled-by-provider-reason = { $provider } musste Ihre Buchung leider stornieren: { $reason }
mail-confirm-lead = Bitte bestätigen Sie Ihre Buchung bei { $provider }. Die Zeit ist { $minutes } Minuten lang für Sie reserviert; unbestätigte Buchungen werden danach freigegeben.
mail-confirmed-lead = Ihre Buchung bei { $provider } ist bestätigt.
mail-confirmed-later = Mit den Links unten können Sie sie stornieren oder verschieben; Links aus früheren E-Mails funktionieren nicht mehr.
mail-declined-lead = { $provider } konnte Ihre Anfrage für diese Zeit nicht annehmen. Es wurde nichts gebucht; Sie können gerne eine andere Zeit wählen.
mail-expired-lead = Ihre Buchung wurde nicht rechtzeitig bestätigt, daher wurde die Zeit freigegeben. Sie können gerne erneut buchen.
mail-reminder-lead = Eine Erinnerung an Ihren Termin bei { $provider }.
mail-reminder-note = Zum Stornieren oder Verschieben verwenden Sie bitte die Links in Ihrer Buchungsbestätigung.
mail-requested-lead = { $provider } hat Ihre Anfrage erhalten und wird sie annehmen oder ablehnen. Bis dahin ist die Zeit für Sie reserviert.
mail-rescheduled-lead = Ihre Buchung bei { $provider } wurde auf die unten genannte Zeit verschoben.
mail-rescheduled-pending = Sie ist bis zur Bestätigung ausstehend.
mail-rescheduled-links = Die Links aus früheren E-Mails funktionieren nicht mehr; verwenden Sie die aus dieser E-Mail.
mail-approval-lead = { $guest } möchte { $service } buchen. Bitte nehmen Sie die Anfrage an oder lehnen Sie sie ab.
mail-provider-confirmed-lead = Die Buchung von { $service } durch { $guest } ist bestätigt.
mail-provider-rescheduled-lead = { $guest } hat die Buchung von { $service } auf die unten genannte Zeit verschoben.
mail-guest-cancelled-lead = { $guest } hat die Buchung storniert. Die Zeit ist wieder frei.
mail-guest-cancelled-lead-reason = { $guest } hat die Buchung storniert („{ $reason }“). Die Zeit ist wieder frei.
mail-new-booking-lead = { $guest } hat { $service } gebucht.
mail-new-booking-pending = Sie ist ausstehend, bis der Gast per E-Mail bestätigt.
mail-subject-cancelled = Buchung storniert: { $service } am { $when }
mail-subject-confirm = Bitte bestätigen Sie Ihre Buchung: { $service } am { $when }
mail-subject-confirmed = Buchung bestätigt: { $service } am { $when }
mail-subject-declined = Buchung abgelehnt: { $service } am { $when }
mail-subject-expired = Buchung nicht bestätigt: { $service } am { $when }
mail-subject-reminder = Erinnerung: { $service } am { $when }
mail-subject-requested = Anfrage erhalten: { $service } am { $when }
mail-subject-rescheduled = Buchung verschoben: { $service } am { $when }
mail-subject-approval = Bestätigung nötig: { $service } mit { $guest } am { $when }
mail-subject-provider-confirmed = Bestätigt: { $service } mit { $guest } am { $when }
mail-subject-provider-rescheduled = Verschoben: { $service } mit { $guest }, jetzt am { $when }
mail-subject-guest-cancelled = Vom Gast storniert: { $service } mit { $guest } am { $when }
mail-subject-new-booking = Neue Buchung: { $service } mit { $guest } am { $when }
