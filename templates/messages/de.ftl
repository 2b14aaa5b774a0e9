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

## Home, errors, accounts
home-title = Termine ganz einfach
home-heading = Termine ohne Hin und Her
home-lead = Mit Slotbook veröffentlichen Sie Ihre Zeiten und Angebote; Gäste wählen eine freie Zeit in ihrer eigenen Zeitzone und bestätigen per E-Mail. Nie wieder Doppelbuchungen.
home-dashboard = Zu Ihrer Übersicht
error-reference = Wenn Sie uns dazu schreiben, nennen Sie bitte die Referenz
error-back-home = Zurück zur Startseite
auth-create-account-link = Anbieterkonto erstellen
auth-email = E-Mail-Adresse
auth-password = Passwort
auth-password-hint = Mindestens 10 Zeichen. Einige Wörter ohne Zusammenhang eignen sich gut.
auth-username = Benutzername
auth-timezone = Ihre Zeitzone
auth-back-to-sign-in = Zurück zur Anmeldung
forgot-title = Passwort vergessen
forgot-heading = Passwort vergessen?
forgot-lead = Geben Sie die E-Mail-Adresse Ihres Kontos ein. Gehört sie zu einem Konto, senden wir ihr einen Link zum Festlegen eines neuen Passworts; der Link gilt eine Stunde.
forgot-submit = Link senden
login-login = E-Mail oder Benutzername
login-new-here = Neu hier?
reset-title = Neues Passwort wählen
reset-for-account = Für das Konto { $username }. Dadurch werden Sie auf allen anderen Geräten abgemeldet.
reset-not-changed = Das Passwort wurde nicht geändert: Siehe die Hinweise unten.
reset-new = Neues Passwort
reset-repeat = Neues Passwort wiederholen
reset-submit = Neues Passwort festlegen
signup-title = Konto erstellen
signup-heading = Erstellen Sie Ihr Anbieterkonto
signup-closed = Die Registrierung ist auf dieser Slotbook-Instanz geschlossen. Bitten Sie die Verwaltung um ein Konto.
signup-closed-sign-in = falls Sie bereits eines haben.
signup-have-account = Sie haben bereits ein Konto?
signup-fix = Ihr Konto wurde noch nicht erstellt. Bitte korrigieren Sie:
signup-name-hint = Wird Gästen auf Ihren Buchungsseiten angezeigt.
signup-username-hint = Ihre Seitenadresse: 3 bis 30 Buchstaben a–z, Ziffern oder Bindestriche.
signup-email-hint = Wir senden einen Link zur Bestätigung; Buchungen sind möglich, sobald sie bestätigt ist.
signup-submit = Konto erstellen
verify-title = E-Mail-Adresse bestätigen
verify-lead = Bestätigen Sie, dass { $email } Ihre Adresse ist. Sobald sie bestätigt ist, können Gäste bei Ihnen buchen.
verify-submit = Meine E-Mail-Adresse bestätigen

## Dashboard and settings
locale-en-US = Englisch (USA)
locale-en-GB = Englisch (Vereinigtes Königreich)
locale-de = Deutsch
locale-fr = Français (Französisch)
locale-es = Español (Spanisch)
form-save = Speichern
form-nothing-saved = Es wurde nichts gespeichert: Bitte korrigieren Sie Folgendes.
settings-api-tokens = API-Tokens
settings-webhooks = Webhooks
settings-profile = Profil
settings-profile-not-saved = Ihr Profil wurde nicht gespeichert: Siehe die Hinweise unten.
settings-username = Benutzername: { $username } (Ihre Seitenadresse; er kann nicht geändert werden).
settings-business-name = Firmenname (optional)
settings-bio = Über Sie (optional)
settings-bio-hint = Wird auf Ihrer Buchungsseite angezeigt. Bis zu 2000 Zeichen.
settings-language = Sprache Ihrer Seiten und E-Mails
settings-save-profile = Profil speichern
settings-email-verified = Derzeit: { $email } (bestätigt).
settings-email-unverified = Derzeit: { $email } (noch nicht bestätigt).
settings-resend = Bestätigungslink erneut senden
settings-email-hint = Eine neue Adresse muss bestätigt werden: Buchungen pausieren, bis Sie den Link öffnen, den wir an sie senden.
settings-email-not-changed = Ihre E-Mail-Adresse wurde nicht geändert: Siehe die Hinweise unten.
settings-new-email = Neue E-Mail-Adresse
settings-your-current-password = Ihr aktuelles Passwort
settings-change-email = E-Mail-Adresse ändern
settings-password-hint = Eine Änderung meldet Sie auf allen anderen Geräten ab.
settings-password-not-changed = Ihr Passwort wurde nicht geändert: Siehe die Hinweise unten.
settings-current-password = Aktuelles Passwort
settings-change-password = Passwort ändern
settings-sessions = Wo Sie angemeldet sind
settings-sessions-count = { $count ->
    [one] Nur dieser Browser ist bei Ihrem Konto angemeldet.
   *[other] { $count } Browser sind bei Ihrem Konto angemeldet, dieser eingeschlossen.
}
settings-sessions-hint = Gerät verloren oder an einem geteilten Computer angemeldet? Beenden Sie alle Sitzungen, diese eingeschlossen; danach melden Sie sich hier erneut an.
settings-sign-out-everywhere = Überall abmelden
settings-delete = Konto löschen
settings-delete-hint = Entfernt das Konto mit seinen Angeboten, Zeiten und Buchungen; Gäste mit anstehenden Buchungen werden benachrichtigt.
settings-delete-link = Mein Konto löschen…
dash-welcome = Willkommen, { $name }
dash-verify = Bitte bestätigen Sie Ihre E-Mail-Adresse
dash-verify-lead = Wir haben einen Link an { $email } gesendet. Sie können schon alles einrichten; Gäste können buchen, sobald die Adresse bestätigt ist.
dash-resend = Link erneut senden
dash-booking-page = Ihre Buchungsseite
dash-timezone = Ihre Zeitzone: { $zone }.
dash-this-week = Diese Woche
dash-today-agenda = Heutiger Tagesplan
dash-hours = Wochenzeiten und freie Tage
dash-settings = Einstellungen: Profil, Zeitzone, E-Mail und Passwort
dash-embedding = Auf Ihrer Website einbetten und Erscheinungsbild
dash-embedding-hint = (mit dem iframe-Code zum Einfügen)
overview-upcoming = Heute und demnächst
overview-none = Keine anstehenden Buchungen.
overview-today = Heute
overview-next-free = Nächste freie Zeiten
overview-no-services = Noch keine aktiven Angebote.
overview-create-one = Jetzt eines anlegen.
overview-no-free = Keine freien Zeiten in den nächsten zwei Wochen. Prüfen Sie Ihre
overview-check-hours = Zeiten.
week-title = Woche: { $date }
week-day-title = Tag: { $date }
week-day-heading = Tagesplan: { $date }
week-days = Tage
week-weeks = Wochen
week-prev-day = Vorheriger Tag
week-prev-week = Vorherige Woche
week-next-day = Nächster Tag
week-next-week = Nächste Woche
week-whole = Die ganze Woche
week-count = { $count ->
    [one] { $count } Buchung.
   *[other] { $count } Buchungen.
}
week-working-hours = Arbeitszeiten
week-time-off = Abwesenheit
week-time-off-list = Abwesenheiten:
week-caption = Buchungen nach Stunde ({ $zone }); schattierte Stunden sind Arbeitszeiten
week-hour = Uhrzeit
week-time-off-cell = Abwesenheit.
look-title = Einbettung und Erscheinungsbild
look-website = Ihre Website
look-origins = Websites, die Ihre Buchungsseiten einbetten dürfen
look-origins-hint = Eine pro Zeile, mit Schema und Host: https://www.example.com (mit Port, falls vorhanden). http:// ist nur für localhost erlaubt. Leer lassen, um keine zuzulassen.
look-branding = Erscheinungsbild
look-accent = Akzentfarbe
look-accent-hint = # und sechs Hexadezimalziffern, etwa #2457d6. Schaltflächen zeigen darauf weißen Text, daher braucht sie einen Kontrast von mindestens 4,5:1 zu Weiß. Leer lassen für die Standardfarbe.
look-logo = Logo-Text
look-logo-hint = Ein kurzer Name im Kopf Ihrer öffentlichen Seiten und in Buchungs-E-Mails (höchstens 40 Zeichen). Leer lassen, um keinen anzuzeigen.
look-embed = Auf Ihrer Website einbetten
look-paste = Fügen Sie dies dort ein, wo die Buchung auf Ihrer Website erscheinen soll:
look-add-first = Tragen Sie zuerst oben Ihre Website ein: Bis dahin zeigen Browser Ihre Seiten nicht in einem Rahmen an.
look-iframe = Iframe-Code
look-iframe-title = Termin buchen

## Hours and time off
form-remove = Entfernen
flash-hours-added = { $count ->
    [one] Zeiten für { $count } Tag hinzugefügt.
   *[other] Zeiten für { $count } Tage hinzugefügt.
}
flash-hours-copied = { $count ->
    [one] Zeiten auf { $count } Tag kopiert.
   *[other] Zeiten auf { $count } Tage kopiert.
}
flash-hours-removed = Zeiten entfernt.
flash-override-saved = Abweichung für { $date } gespeichert.
flash-override-removed = Abweichung entfernt.
hours-valid-from = ab { $date }
hours-valid-until = bis { $date }
hours-valid-between = { $from } bis { $until }
hours-closed-all-day = ganztägig geschlossen
hours-heading = Wochenzeiten
hours-timezone = Alle Zeiten gelten in Ihrer Zeitzone, { $zone }.
hours-change-in-settings = In den Einstellungen ändern.
hours-away = Im Urlaub oder einen Nachmittag weg? Tragen Sie es ein unter
hours-your-week = Ihre Woche
hours-caption = Öffnungszeiten pro Wochentag ({ $zone })
hours-closed = Geschlossen
hours-remove-label = { $day } { $interval } entfernen
hours-add = Zeiten hinzufügen
hours-add-hint = Für eine Pause fügen Sie zwei Zeiträume hinzu (09:00–12:00 und 13:00–17:00). Zeiten können nicht über Mitternacht hinausgehen: Enden Sie um 24:00, um bis Mitternacht geöffnet zu sein.
hours-not-added = Die Zeiten wurden nicht hinzugefügt: Siehe die Hinweise unten.
hours-until-hint = Stunden und Minuten, etwa 17:30; 24:00 für Mitternacht.
hours-valid-from-label = Gültig ab (optional)
hours-valid-until-label = Gültig bis (optional)
hours-copy-heading = Einen Tag kopieren
hours-copy-from = Die Zeiten kopieren von
hours-copy-to = nach (ersetzt deren Zeiten)
hours-copy = Kopieren
hours-overrides = Abweichende Tage
hours-overrides-hint = Andere Zeiten an einem Datum oder ganztägig geschlossen. Eine Abweichung ersetzt die Wochenzeiten an diesem Datum.
hours-no-overrides = Keine anstehenden Abweichungen.
hours-remove-override = Abweichung vom { $date } entfernen
hours-override-not-saved = Die Abweichung wurde nicht gespeichert: Siehe die Hinweise unten.
hours-date = Datum
hours-closed-all-day-label = Ganztägig geschlossen
hours-open-from = Geöffnet von
hours-until-short = bis
hours-until-short-hint = Etwa 17:30; 24:00 für Mitternacht.
hours-save-override = Abweichung speichern
timeoff-timezone = Die Zeiten gelten in Ihrer Zeitzone, { $zone }.
timeoff-upcoming = Demnächst
timeoff-none = Keine Abwesenheiten geplant.
timeoff-unreadable = Ein Eintrag, dessen Daten nicht gelesen werden konnten (er blockiert nichts); bitte entfernen Sie ihn und legen Sie ihn neu an
timeoff-remove-label = Abwesenheit { $when } entfernen
timeoff-remove-unreadable = Abwesenheit mit unlesbaren Daten entfernen
timeoff-add = Abwesenheit hinzufügen
timeoff-hint = Lassen Sie die Uhrzeiten leer, um ganze Tage zu blockieren (vom Beginn des ersten bis zum Ende des letzten Tages).
timeoff-not-added = Die Abwesenheit wurde nicht hinzugefügt: Siehe die Hinweise unten.
timeoff-first-day = Erster Tag
timeoff-from-time = Ab Uhrzeit (optional)
timeoff-last-day = Letzter Tag
timeoff-until-time = Bis Uhrzeit (optional)
timeoff-reason = Grund (nur für Sie sichtbar)

## Services
form-delete = Löschen
form-cancel = Abbrechen
form-correct-n-fields = { $count ->
    [one] Bitte korrigieren Sie das markierte Feld.
   *[other] Bitte korrigieren Sie die { $count } markierten Felder.
}
mode-instant = Sofort bestätigt
mode-email = Gast bestätigt per E-Mail
mode-provider = Ich nehme jede Buchung selbst an
qkind-short_text = Kurzer Text
qkind-long_text = Langer Text
qkind-choice = Auswahl
qkind-checkbox = Kontrollkästchen
flash-service-created = Angebot „{ $name }“ angelegt.
flash-service-saved = Angebot „{ $name }“ gespeichert.
flash-service-activated = Angebot aktiviert: Gäste können es buchen.
flash-service-deactivated = Angebot deaktiviert: Gäste können es nicht mehr buchen.
flash-service-deleted = Angebot gelöscht.
flash-service-has-upcoming = { $count ->
    [one] Dieses Angebot hat { $count } anstehende Buchung und kann daher nicht gelöscht werden. Deaktivieren Sie es stattdessen: Gäste können es dann nicht mehr buchen, bestehende Buchungen bleiben.
   *[other] Dieses Angebot hat { $count } anstehende Buchungen und kann daher nicht gelöscht werden. Deaktivieren Sie es stattdessen: Gäste können es dann nicht mehr buchen, bestehende Buchungen bleiben.
}
flash-service-has-past = Dieses Angebot hat vergangene Buchungen, die Ihren Verlauf bewahren; deaktivieren Sie es, statt es zu löschen.
services-new = Neues Angebot
services-edit = Angebot bearbeiten
services-none = Sie haben noch keine Angebote. Legen Sie eines an, damit Gäste etwas buchen können.
services-caption = Ihre Angebote in der Reihenfolge, in der Gäste sie sehen
services-col-service = Angebot
services-col-length = Dauer
services-col-confirmation = Bestätigung
services-col-status = Status
services-col-actions = Aktionen
services-active = Aktiv
services-inactive = Inaktiv
services-move-up = { $name } nach oben verschieben
services-move-down = { $name } nach unten verschieben
services-deactivate = Deaktivieren
services-activate = Aktivieren
service-form-slug-hint = Gäste buchen unter /{ $username }/linkname. Leer lassen, um den Namen zu verwenden.
service-form-question = Frage { $n }
service-form-about = Allgemein
service-form-name = Name
service-form-slug = Linkname
service-form-description = Beschreibung
service-form-location = Ort
service-form-location-hint = Eine Adresse, ein Videolink oder eine Telefonnummer.
service-form-price = Preis (optional)
service-form-price-hint = Wird Gästen nur angezeigt; es wird nichts bezahlt.
service-form-currency = Währung
service-form-currency-hint = Drei Buchstaben, z. B. EUR.
service-form-timing = Zeiten (Minuten)
service-form-duration = Dauer
service-form-duration-hint = 5 bis 720 Minuten.
service-form-interval = Anfangszeiten alle
service-form-interval-hint = Leer: wie die Dauer.
service-form-buffer-before = Puffer davor
service-form-buffer-before-hint = Freie Zeit vor jeder Buchung.
service-form-buffer-after = Puffer danach
service-form-buffer-after-hint = Freie Zeit nach jeder Buchung.
service-form-notice = Mindestvorlauf
service-form-notice-hint = Wie lange vor Beginn ein Gast noch buchen kann.
service-form-window = Buchungszeitraum (Tage)
service-form-window-hint = Wie weit im Voraus Gäste buchen können.
service-form-daily = Tageslimit (optional)
service-form-daily-hint = Höchstzahl an Buchungen dieses Angebots pro Tag.
service-form-mode = Wie Buchungen bestätigt werden
service-form-hold = Unbestätigte Buchung reservieren für
service-form-hold-hint = Minuten, die die Zeit bis zur Bestätigung reserviert bleibt.
service-form-cancel-notice = Stornierungsfrist
service-form-cancel-notice-hint = Gäste können nicht später als so viele Minuten vor Beginn stornieren oder verschieben.
service-form-reminder = Erinnerung (Minuten vorher)
service-form-reminder-hint = Leer oder „off“ sendet keine Erinnerung; 1440 ist ein Tag.
service-form-active = Aktiv (Gäste können es buchen)
service-form-questions = Fragen an den Gast
service-form-questions-hint = Lassen Sie den Text einer Frage leer, um sie zu entfernen.
service-form-answer-type = Antworttyp
service-form-choices = Optionen (für eine Auswahlfrage)
service-form-choices-hint = Optionen durch Kommas trennen.
service-form-required = Pflichtfeld
service-form-save = Angebot speichern

## Account mails
mail-hello-plain = Guten Tag,
mail-calendar-failing-subject = Slotbook kann einen Ihrer Kalender nicht lesen
mail-calendar-failing-lead = Slotbook konnte Ihren Kalender { $url } seit einem Tag nicht lesen. Die belegten Zeiten vom letzten erfolgreichen Lesen blockieren weiterhin Buchungen, spätere Änderungen dort werden aber nicht berücksichtigt.
mail-calendar-failing-error = Der letzte Fehler war: { $error }
mail-calendar-failing-button = Ihre Kalender öffnen
mail-calendar-failing-hint = Prüfen Sie die Adresse, oder entfernen Sie den Kalender und fügen Sie ihn erneut hinzu.
mail-reset-subject = Slotbook-Passwort zurücksetzen
mail-reset-lead = jemand, hoffentlich Sie, hat das Zurücksetzen des Passworts für das Slotbook-Konto „{ $username }“ angefordert.
mail-reset-valid = { $hours ->
    [one] Der Link gilt { $hours } Stunde und nur einmal. Ein neues Passwort meldet Sie überall sonst ab.
   *[other] Der Link gilt { $hours } Stunden und nur einmal. Ein neues Passwort meldet Sie überall sonst ab.
}
mail-reset-ignore = Wenn Sie das nicht angefordert haben, ignorieren Sie diese Nachricht: Ihr Passwort bleibt unverändert.
mail-invitation-subject = { $inviter } lädt Sie ein, { $team } auf Slotbook beizutreten
mail-invitation-lead = { $inviter } lädt Sie ein, dem Team { $team } auf Slotbook als { $role } beizutreten. Sie können mit dieser Adresse ein Konto erstellen oder sich bei Ihrem bestehenden anmelden.
mail-invitation-button = Einladung ansehen
mail-invitation-valid = Der Link gilt { $days } Tage und nur einmal.
mail-invitation-ignore = Wenn Sie diese Einladung nicht erwartet haben, ignorieren Sie diese Nachricht.
mail-test-subject = Slotbook-Testnachricht
mail-test-lead = dies ist eine Testnachricht der Slotbook-Instanz unter { $url }. Wenn Sie sie lesen können, funktioniert der E-Mail-Versand.
mail-test-button = Slotbook öffnen
mail-test-sent = Gesendet { $when }.
mail-verify-subject = Bestätigen Sie Ihre E-Mail-Adresse für Slotbook
mail-verify-lead = bitte bestätigen Sie, dass { $email } Ihre Adresse ist, damit Gäste Sie auf Slotbook buchen können.
mail-verify-valid = { $hours ->
    [one] Der Link gilt { $hours } Stunde und nur einmal. Bis die Adresse bestätigt ist, zeigen Ihre Buchungsseiten an, dass Buchungen bald möglich sind.
   *[other] Der Link gilt { $hours } Stunden und nur einmal. Bis die Adresse bestätigt ist, zeigen Ihre Buchungsseiten an, dass Buchungen bald möglich sind.
}
mail-verify-ignore = Wenn Sie kein Slotbook-Konto erstellt haben, ignorieren Sie diese Nachricht.
mail-webhook-subject = Ihr Slotbook-Webhook-Endpunkt wurde deaktiviert
mail-webhook-lead = Ihr Webhook-Endpunkt { $url } hat { $count } Zustellungen in Folge nicht angenommen, daher sendet Slotbook nicht mehr dorthin. Ereignisse in der Zwischenzeit werden nicht dorthin gesendet.
mail-webhook-button = Webhook-Einstellungen öffnen
mail-webhook-hint = Sobald der Endpunkt wieder funktioniert, aktivieren Sie ihn dort und senden Sie ein Testereignis. Aufgegebene Zustellungen können auf derselben Seite erneut gesendet werden.

## Privacy, tokens, webhooks
delete-lead = Das Löschen des Kontos { $username } entfernt es mit allem, was es enthält: Ihr Profil, Ihre Angebote, Zeiten, Abwesenheiten und jede Buchung mit den Angaben der Gäste und dem Verlauf. Ihre Buchungsseiten gehen offline und Sie werden überall abgemeldet.
delete-upcoming = { $count ->
    [one] { $count } Buchung steht noch an: Sie wird zuerst storniert, und der Gast erhält die übliche Stornierungs-E-Mail.
   *[other] { $count } Buchungen stehen noch an: Sie werden zuerst storniert, und jeder Gast erhält die übliche Stornierungs-E-Mail.
}
delete-no-upcoming = Sie haben keine anstehenden Buchungen.
delete-undone = Das kann nicht rückgängig gemacht werden. Exportieren Sie vorher gegebenenfalls Ihre Buchungen (CSV, auf der Buchungsseite).
delete-not-deleted = Ihr Konto wurde nicht gelöscht: Siehe den Hinweis unten.
delete-password = Ihr Passwort zur Bestätigung
delete-submit = Mein Konto löschen
erase-title = Gastdaten löschen
erase-heading = Die Daten von { $email } löschen?
erase-lead = { $count ->
    [one] Bei { $count } Buchung bei Ihnen werden Name, E-Mail-Adresse, Telefonnummer, Anmerkungen und Antworten des Gastes endgültig entfernt. E-Mails dazu behalten keinen Text, noch nicht gesendete E-Mails entfallen. Der Verlauf vermerkt die Löschung.
   *[other] Bei { $count } Buchungen bei Ihnen werden Name, E-Mail-Adresse, Telefonnummer, Anmerkungen und Antworten des Gastes endgültig entfernt. E-Mails dazu behalten keinen Text, noch nicht gesendete E-Mails entfallen. Der Verlauf vermerkt die Löschung.
}
erase-lead-instance = { $count ->
    [one] Bei { $count } Buchung werden Name, E-Mail-Adresse, Telefonnummer, Anmerkungen und Antworten des Gastes endgültig entfernt. E-Mails dazu behalten keinen Text, noch nicht gesendete E-Mails entfallen. Der Verlauf vermerkt die Löschung.
   *[other] Bei { $count } Buchungen werden Name, E-Mail-Adresse, Telefonnummer, Anmerkungen und Antworten des Gastes endgültig entfernt. E-Mails dazu behalten keinen Text, noch nicht gesendete E-Mails entfallen. Der Verlauf vermerkt die Löschung.
}
erase-upcoming = { $count ->
    [one] { $count } davon steht noch an: Die Zeit bleibt gebucht, aber niemand kann erinnert oder über Änderungen informiert werden, und die Links des Gastes funktionieren nicht mehr.
   *[other] { $count } davon stehen noch an: Die Zeit bleibt gebucht, aber niemand kann erinnert oder über Änderungen informiert werden, und die Links des Gastes funktionieren nicht mehr.
}
erase-undone = Das kann nicht rückgängig gemacht werden. Laden Sie die Daten vorher herunter, falls der Gast eine Kopie verlangt hat.
erase-yes = Ja, löschen
erase-keep = Behalten
guests-title = Gastdaten
guests-lead-instance = Finden Sie jede Buchung eines Gastes bei allen Anbietern dieser Instanz, laden Sie die gespeicherten Daten herunter oder löschen Sie sie auf Wunsch.
guests-lead = Finden Sie jede Buchung, die ein Gast bei Ihnen gemacht hat, laden Sie die gespeicherten Daten herunter oder löschen Sie sie auf Wunsch.
guests-email = E-Mail-Adresse des Gastes
guests-find = Buchungen finden
guests-bookings-of = Buchungen von { $email }
guests-none-instance = Keine Buchungen für diese Adresse.
guests-none = Keine Buchungen dieser Adresse bei Ihnen.
guests-caption = Die Buchungen des Gastes nach Beginn
guests-col-provider = Anbieter
guests-download = Alle gespeicherten Daten herunterladen (JSON)
guests-erase-hint = Das Löschen ersetzt Name, Adresse, Telefon, Anmerkungen und Antworten in diesen Buchungen und leert die E-Mails dazu. Die Zeiten bleiben gebucht; die Links funktionieren nicht mehr. Sie bestätigen auf der nächsten Seite.
guests-erase = Daten dieses Gastes löschen…
privacy-title = Datenschutzhinweis
tokens-col-account = Konto
tokens-col-scope = Umfang
tokens-col-created = Erstellt
tokens-col-last-used = Zuletzt verwendet
tokens-never = Nie
tokens-revoke = Widerrufen
tokens-revoke-label = { $name } widerrufen
tokens-revoked = Widerrufen { $when }
webhooks-disable = Deaktivieren
webhooks-enable = Aktivieren
webhooks-disable-label = { $url } deaktivieren
webhooks-enable-label = { $url } aktivieren
webhooks-test = Testereignis senden
webhooks-test-label = Testereignis an { $url } senden

## Settings: API tokens and webhooks
settings-back = Zurück zu den Einstellungen
tokens-api-reference = API-Referenz
tokens-lead = Mit einem Token kann ein Werkzeug Ihres Vertrauens (ein CRM, eine Automatisierung, der Server Ihrer Website) Ihre Angebote und Buchungen über die API unter /api/v1 lesen und mit Lesen+Schreiben auch buchen und Buchungen ändern, wie Sie es hier tun. Halten Sie es geheim und widerrufen Sie es hier, wenn das Werkzeug es nicht mehr braucht. Senden Sie es als:
tokens-new = Ihr neues Token „{ $name }“
tokens-copy-now = Kopieren Sie es jetzt: Es wird nur dieses eine Mal angezeigt (wir speichern nur einen Fingerabdruck).
tokens-token = Token
tokens-create-heading = Token erstellen
tokens-not-created = Das Token wurde nicht erstellt: Siehe die Hinweise unten.
tokens-name-hint = Wofür es verwendet wird, damit Sie es später wiedererkennen (bis zu 100 Zeichen).
tokens-scope-legend = Was es darf
tokens-scope-read = Lesen: Angebote, freie Zeiten und Buchungen sehen
tokens-scope-write = Lesen+Schreiben: auch buchen, verschieben, annehmen, ablehnen, stornieren und Buchungen markieren
tokens-create = Token erstellen
tokens-yours = Ihre Tokens
tokens-none = Sie haben noch keine Tokens.
tokens-all = Tokens aller Konten (Verwaltung)
tokens-all-none = Kein Konto hat ein Token.
webhooks-endpoint = Webhook-Endpunkt
webhooks-all = Alle Endpunkte
webhooks-enabled = aktiviert
webhooks-disabled = deaktiviert
webhooks-summary = Ereignisse: { $types }. Fehlschläge in Folge: { $count }.
webhooks-recent = Letzte Zustellungen
webhooks-nothing-sent = Es wurde noch nichts gesendet.
webhooks-col-event = Ereignis
webhooks-col-events = Ereignisse
webhooks-col-state = Zustand
webhooks-col-attempts = Versuche (Status, Latenz)
webhooks-col-action = Aktion
webhooks-next-try = nächster Versuch { $when }
webhooks-none-yet = Noch keine
webhooks-no-answer = keine Antwort
webhooks-latency = in { $ms } ms
webhooks-redeliver = Erneut senden
webhooks-redeliver-label = { $event } { $id } erneut senden
webhooks-lead = Slotbook informiert Ihren Endpunkt über Änderungen an Buchungen mit einem signierten JSON-POST
webhooks-retry = { $count ->
    [one] Eine fehlgeschlagene Zustellung wird etwa einen Tag lang wiederholt; nach { $count } Fehlschlag in Folge wird der Endpunkt deaktiviert und Sie erhalten eine E-Mail.
   *[other] Eine fehlgeschlagene Zustellung wird etwa einen Tag lang wiederholt; nach { $count } Fehlschlägen in Folge wird der Endpunkt deaktiviert und Sie erhalten eine E-Mail.
}
webhooks-secret-for = Signaturgeheimnis für { $url }
webhooks-secret-copy = Kopieren Sie es jetzt: Es wird nur dieses eine Mal angezeigt. Ihr Endpunkt prüft damit die Signatur jeder Zustellung.
webhooks-secret = Geheimnis
webhooks-add-heading = Endpunkt hinzufügen
webhooks-not-added = Der Endpunkt wurde nicht hinzugefügt: Siehe die Hinweise unten.
webhooks-url = Endpunkt-URL
webhooks-events = Zu sendende Ereignisse
webhooks-add = Endpunkt hinzufügen
webhooks-yours = Ihre Endpunkte
webhooks-none = Noch keine Endpunkte.

## Admin and API reference
admin-yes = Ja
admin-no = Nein
admin-accounts = Konten
admin-guest-data = Gastdaten aller Anbieter: finden, exportieren, löschen
admin-accounts-lead = Das Deaktivieren eines Anbieters meldet ihn überall ab und nimmt seine Buchungsseiten offline; das Reaktivieren bringt die Seiten zurück.
admin-accounts-caption = Alle Konten, die ältesten zuerst
admin-role = Rolle
admin-verified = Bestätigt
admin-reactivate = Reaktivieren
admin-deactivate-label = { $username } deaktivieren
admin-reactivate-label = { $username } reaktivieren
admin-mail = E-Mail-Zustellung
admin-mail-filter = Nach Status filtern
admin-mail-all = Alle
admin-mail-newest = Die { $count } neuesten Nachrichten.
admin-mail-newest-filtered = Die { $count } neuesten Nachrichten mit Status { $status }.
admin-mail-lead = Fehlgeschlagene Nachrichten wurden nach ihrem letzten Versuch aufgegeben oder sofort, wenn der Mailserver sie endgültig abgelehnt hat (eine 5xx-Antwort wie „550 no such user“, als letzter Fehler angezeigt); „Erneut versuchen“ stellt sie noch einmal in die Warteschlange.
admin-mail-none = Keine Nachrichten.
admin-mail-none-filtered = Keine Nachrichten mit Status { $status }.
admin-mail-caption = Ausgehende E-Mails, die neuesten zuerst
admin-mail-recipient = Empfänger
admin-mail-subject = Betreff
admin-mail-kind = Art
admin-mail-attempts = Versuche
admin-mail-next = Nächster Versuch
admin-mail-sent = Gesendet
admin-mail-last-error = Letzter Fehler
admin-mail-permanent = Dauerhafter Fehler, kein neuer Versuch:
admin-mail-retry = Erneut versuchen
admin-mail-retry-label = Erneut versuchen: { $subject } an { $recipient }
api-problem-title = Problem: { $name }
api-problem-type = Problemtyp
api-problem-see = die Operationen, die damit antworten.
api-machine-readable = Das maschinenlesbare Dokument, aus dem diese Seite erzeugt wird:
api-operations = Operationen
api-needs-token = Benötigt ein Token
api-no-token = Kein Token nötig.
api-parameters = Parameter
api-in = In
api-type = Typ
api-meaning = Bedeutung
api-body = Inhalt:
api-body-hint = (JSON; unbekannte Felder werden abgelehnt).
api-answers = Antworten
api-body-col = Inhalt
api-problem-types = Problemtypen
api-problems-lead = Jede Ablehnung trägt einen dieser Typen, als
api-title = Titel

## Teams and bookings
mail-agenda-subject = { $team }: Tagesplan für { $day } ({ $count ->
        [one] eine Buchung
       *[other] { $count } Buchungen
    })
mail-agenda-empty = { $team } hat am { $day } keine Buchungen.
mail-agenda-lead = Die Buchungen von { $team } am { $day }. Alle Zeiten in { $zone }.
mail-agenda-time = Zeit ({ $zone })
mail-agenda-service = Leistung
mail-agenda-with = Bei
mail-agenda-guest = Gast
mail-agenda-status = Status
mail-agenda-checked-in = eingetroffen
mail-agenda-open = Tag öffnen
mail-agenda-why = Sie erhalten diese E-Mail, weil Sie den täglichen Tagesplan des Teams angefordert haben. Sie können ihn auf der Seite des Teams abbestellen.
mail-subject-provider-moved = Verschoben: { $service } mit { $guest } jetzt am { $when }
mail-provider-moved-lead = Die Buchung von { $service } für { $guest } wurde vom Empfang auf den unten genannten Termin bei { $provider } verschoben.
mail-subject-provider-cancelled = Storniert: { $service } mit { $guest } am { $when }
mail-provider-cancelled-lead = Die Buchung von { $service } für { $guest } wurde storniert. Der Termin ist wieder frei.
mail-provider-cancelled-lead-reason = Die Buchung von { $service } für { $guest } wurde storniert („{ $reason }“). Der Termin ist wieder frei.
bookings-title = Buchungen
bookings-any = Alle
bookings-status = Status
bookings-service = Leistung
bookings-from = Von
bookings-until = Bis
bookings-filter = Filtern
bookings-csv = Als CSV herunterladen
bookings-total = { $count ->
        [one] Eine Buchung
       *[other] { $count } Buchungen
    }. Zeiten in { $zone }.
bookings-none = Keine Buchungen entsprechen dem Filter.
bookings-caption = Buchungen ({ $zone })
bookings-when = Wann
bookings-guest = Gast
bookings-actions = Aktionen
bookings-moved-from = Verschoben von { $from } auf { $to } ({ $zone })
bookings-moved-to = Verschoben auf { $to } ({ $zone }).
bookings-pages = Seiten
bookings-earlier = Früher
bookings-later = Später
bookings-feed = Kalender-Abonnement
bookings-feed-lead = Abonnieren Sie Ihre kommenden Buchungen in jeder Kalender-App über eine geheime Adresse.
bookings-feed-new = Ihre neue Adresse (kopieren Sie sie jetzt; sie wird nur einmal angezeigt):
bookings-feed-create = Neue Abonnement-Adresse erstellen
bookings-feed-hint = Mit einer neuen Adresse funktioniert die alte nicht mehr.
booking-title = Buchung
booking-all = Alle Buchungen
booking-for-guest = Für den Gast: { $when } ({ $zone })
booking-cancelled-by = Storniert von: { $by }.
booking-cancelled-by-reason = Storniert von: { $by } ({ $reason }).
actor-guest = Gast
actor-provider = Anbieter
actor-system = System
booking-guest = Gast
booking-name = Name
booking-email = E-Mail
booking-phone = Telefon
booking-notes = Anmerkungen
booking-guest-data = Alle Buchungen dieses Gastes: Daten exportieren oder löschen
booking-actions = Aktionen
booking-reason = Grund (wird dem Gast mitgeteilt)
booking-history = Verlauf
booking-moved-here = hierher verschoben von
booking-booked-for = gebucht für { $when }
booking-moved-to = verschoben auf
booking-moved-new-time = auf einen neuen Termin verschoben
booking-action-confirm = Bestätigen
booking-action-approve = Annehmen
booking-action-decline = Ablehnen
booking-action-complete = Als erledigt markieren
booking-action-no-show = Als nicht erschienen markieren
booking-action-cancel = Buchung stornieren
event-created = erstellt
event-confirmed = bestätigt
event-approved = angenommen
event-rescheduled = umgebucht
event-cancelled = storniert
event-declined = abgelehnt
event-expired = abgelaufen
event-completed = erledigt
event-no_show = nicht erschienen
event-moved = verschoben
event-arrived = eingetroffen
event-reminder_sent = Erinnerung gesendet
event-guest_data_erased = Gastdaten gelöscht
booking-reason-needed = Bitte geben Sie einen Grund für die Stornierung an: Der Gast erhält ihn.
flash-booking-approved = Buchung angenommen; der Gast wurde benachrichtigt.
flash-booking-declined = Buchung abgelehnt; der Gast wurde benachrichtigt und der Termin ist frei.
flash-booking-cancelled = Buchung storniert; der Gast wurde benachrichtigt und der Termin ist frei.
flash-booking-completed = Als erledigt markiert.
flash-booking-no-show = Als nicht erschienen markiert.
flash-booking-confirmed = Buchung bestätigt.
flash-feed-replaced = Neue Abonnement-Adresse erstellt; die alte funktioniert nicht mehr.
flash-feed-created = Abonnement-Adresse erstellt: Fügen Sie sie Ihrer Kalender-App hinzu.
bookings-filter-out-of-range = Daten müssen zwischen 1970 und 2199 liegen; dieser Filter wurde ignoriert.
bookings-filter-malformed = Daten müssen wie 2030-01-31 aussehen; dieser Filter wurde ignoriert.
role-owner = Inhaber
role-admin = Administrator
role-provider = Anbieter
role-staff = Mitarbeiter
teams-title = Teams
teams-mine = Ihre Teams
teams-none = Sie gehören noch keinem Team an. Erstellen Sie unten eines oder nehmen Sie eine Einladung aus Ihrer E-Mail an.
teams-create = Team erstellen
teams-create-hint = Ein Team ist eine Klinik, eine Praxis oder jede Gruppe mit einer gemeinsamen Buchungsseite. Sie werden sein Inhaber.
teams-not-created = Das Team wurde nicht erstellt: Bitte beachten Sie die Hinweise unten.
teams-name = Name des Teams
teams-address = Adresse
teams-address-hint = Die Seite Ihres Teams liegt unter /adresse: 3 bis 30 Buchstaben, Ziffern oder Bindestriche.
teams-timezone = Zeitzone des Teams (Teamseiten und Empfang zeigen Zeiten darin)
teams-logo = Logo-Text (optional)
teams-colour = Farbe (optional)
teams-colour-hint = Zum Beispiel #1a6b4f.
teams-create-button = Team erstellen
team-your-role = Ihre Rolle:
team-zone = Zeitzone des Teams:
team-public-page = Öffentliche Seite:
team-services = Leistungen des Teams
team-desk = Empfang
team-agenda = Tagesplan
team-agenda-on = Sie erhalten die Buchungen des Teams für den Tag jeden Morgen um 07:00 Uhr ({ $zone }) per E-Mail.
team-agenda-stop = Tagesplan abbestellen
team-agenda-hint = Jeden Morgen um 07:00 Uhr ({ $zone }) eine E-Mail mit den Buchungen des Teams für den Tag: Zeit, Anbieter, Leistung, Gast und Status.
team-agenda-start = Tagesplan per E-Mail erhalten
team-members = Mitglieder
team-name = Name
team-email = E-Mail
team-role = Rolle
team-change = Ändern
team-role-of = Rolle von { $name }
team-change-role = Rolle ändern
team-remove-label = { $name } aus dem Team entfernen
team-remove = Entfernen
team-invite = Jemanden einladen
team-invite-hint = Die Person erhält per E-Mail einen Link, der 7 Tage lang einmal gültig ist: Er legt ihr Konto an oder fügt ihr bestehendes hinzu.
team-invite-failed = Es wurde keine Einladung gesendet: Bitte beachten Sie die Hinweise unten.
team-invite-email = E-Mail-Adresse
team-invite-provider = Anbieter (hat einen Kalender, kann Leistungen des Teams übernehmen)
team-invite-staff = Mitarbeiter (Empfang, kein Kalender)
team-invite-admin = Administrator (Mitglieder, Leistungen, alle Buchungen)
team-invite-send = Einladung senden
team-invite-waiting = Warten auf Antwort
team-invite-until = { $email } — { $role }, bis { $until }
team-delete = Team löschen
team-delete-hint = Die Mitglieder behalten ihre Konten und Buchungen; die Seite des Teams und die Mitgliedschaften werden gelöscht.
team-delete-confirm = Geben Sie zur Bestätigung die Adresse des Teams ein
team-delete-button = Team löschen
team-services-title = Leistungen von { $team }
team-back = Zurück zum Team
team-services-none = Noch keine Leistungen des Teams.
team-service-row = { $mode }; Gastgeber: { $hosts }
assign-round_robin = Rotation
assign-collective = gemeinsam
team-service-new = Neue Leistung des Teams
team-service-not-created = Die Leistung wurde nicht erstellt: Bitte beachten Sie die Hinweise unten.
team-service-slug = Linkname (optional)
team-service-slug-hint = Gäste buchen unter /team/linkname.
team-service-description = Beschreibung (optional)
team-service-duration = Dauer in Minuten
team-service-interval = Beginn alle … Minuten (optional)
team-service-buffer-before = Puffer davor, Minuten (optional)
team-service-buffer-after = Puffer danach, Minuten (optional)
team-service-notice = Mindestvorlauf, Minuten (optional)
team-service-window = Wie viele Tage im Voraus buchbar
team-service-location = Ort (optional)
team-service-confirmation = Bestätigung
team-service-mode-instant = Sofort
team-service-mode-provider = Der Gastgeber nimmt an
team-service-who = Wer eine Buchung übernimmt
team-service-round-robin = Rotation: ein freier Gastgeber, nach Wahl des Gastes oder der am gerechtesten verteilte
team-service-collective = Gemeinsam: alle Gastgeber, nur wenn alle frei sind
team-service-hosts = Gastgeber
team-service-create = Leistung des Teams erstellen
invite-title = { $team } beitreten
invite-closed = Diese Einladung wurde bereits verwendet oder ist abgelaufen. Bitten Sie das Team um eine neue.
invite-accept = { $name }, Sie sind eingeladen, { $team } als { $role } beizutreten.
invite-other-account = Diese Einladung wurde an { $email } gesendet, Sie sind aber als { $current } angemeldet. Melden Sie sich ab, öffnen Sie den Link erneut und melden Sie sich mit der eingeladenen Adresse an (oder legen Sie damit ein Konto an).
invite-signed-out = Sie sind eingeladen, { $team } als { $role } beizutreten. Die Einladung wurde an { $email } gesendet.
invite-have-account = Ich habe ein Slotbook-Konto
invite-sign-in-with = mit { $email }, danach kehren Sie hierher zurück, um anzunehmen.
invite-create = Mein Konto anlegen
invite-no-signup = Dieses Slotbook nimmt keine neuen Konten an. Bitten Sie den Administrator, eines für { $email } anzulegen.
invite-not-created = Ihr Konto wurde nicht angelegt: Bitte beachten Sie die Hinweise unten.
invite-email = E-Mail-Adresse: { $email } (die Einladung bestätigt sie).
invite-username-hint = Ihre eigene Buchungsseite liegt unter /benutzername.
invite-submit = Konto anlegen und beitreten
desk-title = Empfang · { $team }
desk-zone = Die Zeiten sind in der Zeitzone des Teams, { $zone }.
desk-days = Tage
desk-previous = Zurück
desk-next = Weiter
desk-day = Tag
desk-week = Woche
desk-csv = CSV exportieren
desk-provider = Anbieter
desk-all = Alle
desk-service = Leistung
desk-status = Status
desk-holding = Belegt
desk-filter = Filtern
desk-caption = Buchungen und freie Zeiten je Anbieter ({ $zone })
desk-arrived = eingetroffen
desk-busy = belegt
desk-free = Frei:
desk-book-from = { $day } ab { $time } buchen
desk-book = Für einen Anrufer buchen
desk-not-booked = Es wurde nichts gebucht: Bitte beachten Sie die Hinweise unten.
desk-with = Bei
desk-any-host = beliebig, wer frei ist
desk-date = Datum
desk-time = Uhrzeit ({ $zone })
desk-guest-name = Name des Gastes
desk-guest-email = E-Mail des Gastes
desk-guest-phone = Telefon des Gastes (optional)
desk-override = Grund für eine Buchung außerhalb der Zeiten des Anbieters (optional)
desk-override-hint = Nur für eine Zeit außerhalb der Zeiten nötig; eine Zeit über einer anderen Buchung ist nie möglich.
desk-send-mails = Dem Gast die üblichen E-Mails senden
desk-book-button = Buchen
desk-booking-of = Buchung von { $guest }
desk-booking = Buchung
desk-service-with = { $service } bei { $provider }
desk-move = Verschieben
desk-not-moved = Die Buchung wurde nicht verschoben: Bitte beachten Sie die Hinweise unten.
desk-move-override = Grund für eine Verschiebung außerhalb der Zeiten des Anbieters (optional)
desk-move-button = Buchung verschieben
desk-status-heading = Eintreffen, erledigen, stornieren
desk-mark-arrived = Als eingetroffen markieren
desk-mark-completed = Als erledigt markieren
desk-mark-no-show = Als nicht erschienen markieren
desk-cancel-reason = Grund für die Stornierung
desk-cancel = Buchung stornieren
desk-history = Verlauf
desk-error-date = Bitte geben Sie das Datum ein.
desk-error-time = Bitte geben Sie eine Uhrzeit wie 09:30 ein.
desk-error-service = Bitte wählen Sie eine Leistung des Teams.
desk-error-incomplete = Das Buchungsformular ist unvollständig. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.
desk-error-host-any = Bitte wählen Sie einen Gastgeber dieser Leistung oder „beliebig, wer frei ist“.
desk-error-host = Bitte wählen Sie einen Gastgeber dieser Leistung.
desk-error-outside-hours = Diese Zeit liegt außerhalb der Zeiten des Anbieters: Geben Sie einen Grund an, um trotzdem zu buchen.
desk-error-outside-hours-move = Diese Zeit liegt außerhalb der Zeiten des Anbieters: Geben Sie einen Grund an, um die Buchung trotzdem dorthin zu verschieben.
desk-error-not-holding = Diese Buchung belegt keinen Termin mehr und kann daher nicht verschoben werden.
desk-error-action = Bitte wählen Sie eingetroffen, erledigt, nicht erschienen oder stornieren.
flash-desk-booked = Gebucht.
flash-desk-moved = Buchung verschoben.
flash-desk-arrived = Als eingetroffen markiert.
flash-desk-arrived-already = Bereits eingetroffen oder nicht mehr gebucht.
flash-desk-done = Erledigt.
agenda-error-choice = Bitte wählen Sie, ob Sie den Tagesplan per E-Mail erhalten möchten.
flash-agenda-on = Sie erhalten den Tagesplan jeden Morgen um 07:00 Uhr (Zeit des Teams) per E-Mail.
flash-agenda-off = Der tägliche Tagesplan per E-Mail ist abbestellt.
team-service-error-mode = Bitte wählen Sie Rotation oder gemeinsam.
team-service-error-no-host = Bitte wählen Sie mindestens einen Gastgeber.
flash-team-service-created = Leistung des Teams erstellt.
team-service-error-slug-taken = Eine andere Leistung des Teams verwendet diesen Linknamen; bitte wählen Sie einen anderen.
team-service-error-bad-hosts = Gastgeber müssen Mitglieder des Teams mit Kalender sein (keine Mitarbeiter).
teams-error-slug-taken = Diese Adresse ist vergeben; bitte wählen Sie eine andere.
flash-team-created = Ihr Team ist bereit. Laden Sie unten seine Mitglieder ein.
flash-team-invited = Einladung an { $email } gesendet.
team-error-role = Bitte wählen Sie Inhaber, Administrator, Anbieter oder Mitarbeiter.
flash-team-role-changed = Rolle geändert zu { $role ->
        [owner] Inhaber
        [admin] Administrator
        [provider] Anbieter
       *[staff] Mitarbeiter
    }.
flash-team-member-removed = Mitglied aus dem Team entfernt.
team-refusal-not-allowed = Nur Inhaber und Administratoren ändern die Mitglieder eines Teams.
team-refusal-owners-only = Nur ein Inhaber kann einen Inhaber ändern oder jemanden zum Inhaber machen.
team-refusal-last-owner = Ein Team hat immer einen Inhaber: Machen Sie zuerst jemand anderen zum Inhaber.
flash-team-not-deleted = Das Team wurde nicht gelöscht: Geben Sie zur Bestätigung genau seine Adresse ein.
flash-team-deleted = Das Team { $team } wurde gelöscht.
flash-team-welcome = Willkommen bei { $team }.
flash-team-welcome-new = Willkommen bei Slotbook und bei { $team }.
invite-error-username-taken = Dieser Benutzername ist vergeben; bitte wählen Sie einen anderen.
invite-error-email-taken = Es gibt bereits ein Konto mit dieser E-Mail-Adresse: Melden Sie sich damit an, um die Einladung anzunehmen.

## Accessibility and calendars
admin-mail-see-calendar-writes = Siehe auch: Rückschreiben in Kalender
calendars-lead = Belegte Zeiten in den Kalendern, die Sie hier abonnieren oder verbinden, sperren Buchungen wie eine Abwesenheit. Slotbook liest jeden Kalender alle { $minutes } Minuten; gelesen wird nur, wann ein Termin beginnt und endet, sonst nichts.
calendars-timezone = Die Zeiten sind in Ihrer Zeitzone, { $zone }.
calendars-ics-heading = ICS-Abonnements
calendars-none = Noch keine Kalender.
calendars-accounts-heading = CalDAV-Konten
calendars-no-accounts = Noch keine Konten.
calendars-account-at = { $username } auf { $server }
calendars-account-no-busy = Kein Kalender dieses Kontos zählt als belegt.
calendars-account-not-written = Buchungen werden nicht in dieses Konto eingetragen.
calendars-account-written-into = Bestätigte Buchungen werden in { $calendar } eingetragen.
calendars-choose = Kalender auswählen
calendars-remove-account = Konto entfernen
calendars-remove-account-label = Das Konto { $username } auf { $server } entfernen
calendars-connect-heading = CalDAV-Konto verbinden
calendars-connect-hint = Nextcloud, iCloud, Fastmail, Radicale und andere CalDAV-Server. Verwenden Sie ein App-Passwort, wo Ihr Anbieter eines anbietet (iCloud: appleid.apple.com → App-spezifische Passwörter; Nextcloud: Einstellungen → Sicherheit → Geräte & Sitzungen). Slotbook speichert das Passwort verschlüsselt und zeigt es nie wieder an.
calendars-account-not-connected = Das Konto wurde nicht verbunden: Beachten Sie die Hinweise unten.
calendars-server-url = Serveradresse
calendars-server-url-hint = Zum Beispiel https://cloud.example.com/remote.php/dav/
calendars-username = Benutzername
calendars-password = Passwort oder App-Passwort
calendars-connect = Konto verbinden
calendars-subscribe-heading = Kalender abonnieren
calendars-subscribe-hint = Fügen Sie die ICS-Adresse des Kalenders ein (sie beginnt mit https://, http:// oder webcal://). Google: Einstellungen → Ihr Kalender → „Privatadresse im iCal-Format“. Apple iCloud: Geben Sie den Kalender als öffentlichen Kalender frei. Outlook: Einstellungen → Freigegebene Kalender → Kalender veröffentlichen → ICS-Link. Nextcloud: Menü des Kalenders → „Abonnement-Link kopieren“. Bis zu { $max } Kalender.
calendars-not-added = Der Kalender wurde nicht hinzugefügt: Beachten Sie den Hinweis unten.
calendars-url = Kalenderadresse (ICS)
calendars-add = Kalender hinzufügen
calendars-not-read-yet = Noch nicht erfolgreich gelesen.
calendars-last-read = Zuletzt gelesen am { $when } ({ $zone }): { $count ->
        [one] eine belegte Zeit
       *[other] { $count } belegte Zeiten
    } in Ihrem Buchungszeitraum.
calendars-skipped = { $count ->
        [one] Ein Termin konnte nicht gelesen werden und sperrt nichts.
       *[other] { $count } Termine konnten nicht gelesen werden und sperren nichts.
    }
calendars-last-failed = Der letzte Versuch am { $when } ({ $zone }) ist fehlgeschlagen: { $error }.
calendars-last-success-counts = Die belegten Zeiten des letzten erfolgreichen Lesens gelten weiter.
calendars-refreshing = Wird aktualisiert … Laden Sie die Seite gleich neu, um das Ergebnis zu sehen.
calendars-next-read = Nächstes Lesen am { $when } ({ $zone }).
calendars-refresh-now = Jetzt aktualisieren
calendars-refresh-label = { $url } jetzt aktualisieren
calendars-remove = Entfernen
calendars-remove-label = { $url } entfernen
calendars-account-lead = Konto { $username } auf { $server }.
calendars-back = Zurück zu den Kalendern
calendars-busy-legend = Welche Kalender zählen als belegt?
calendars-busy-hint = Termine in den angekreuzten Kalendern sperren Buchungen wie eine Abwesenheit.
calendars-write-legend = Bestätigte Buchungen eintragen in
calendars-write-hint = Slotbook trägt jede bestätigte Buchung in diesen Kalender ein, verschiebt sie, wenn die Buchung verlegt wird, und entfernt sie, wenn sie storniert wird. Nur ein Kalender über alle Ihre Konten.
calendars-write-none = Kein Kalender
calendars-save = Speichern
calendar-write-label = Ihr Kalender:
calendar-write-removed = am { $when } aus Ihrem Kalender entfernt.
calendar-write-written = am { $when } in Ihren Kalender eingetragen.
calendar-write-nothing = noch nichts einzutragen ({ $when }).
calendar-write-failed = Eintragen nach { $count ->
        [one] einem Versuch
       *[other] { $count } Versuchen
    } fehlgeschlagen: { $error }. Slotbook hat diese Änderung aufgegeben.
calendar-write-pending = ausstehend.
calendar-write-retrying = ausstehend: Der letzte Versuch ist fehlgeschlagen ({ $error }); Slotbook versucht es am { $when } erneut.
admin-calendar-writes = Rückschreiben in Kalender
admin-calendar-writes-lead = Die { $limit } neuesten Buchungen, die in CalDAV-Kalender von Anbietern eingetragen wurden. Zeiten in UTC. Ein fehlgeschlagener Eintrag wurde nach dem letzten Versuch aufgegeben; die nächste Änderung dieser Buchung durch den Anbieter stellt ihn erneut in die Warteschlange.
admin-calendar-writes-none = Keine Kalendereinträge.
admin-calendar-writes-caption = Kalendereinträge, neueste zuerst
admin-calendar-writes-booking = Buchung
admin-calendar-writes-object = Kalenderobjekt
admin-calendar-writes-status = Status
admin-calendar-writes-did = Aktion
admin-calendar-writes-attempts = Versuche
admin-calendar-writes-when = Zeitpunkt
admin-calendar-writes-error = Letzter Fehler
write-status-queued = in Warteschlange
write-status-sending = wird gesendet
write-status-written = eingetragen
write-status-failed = fehlgeschlagen
write-action-put = eingetragen
write-action-delete = entfernt
write-action-none = nichts
calendars-error-url-empty = Geben Sie die Adresse des Kalenders ein.
calendars-error-url-long = Diese Adresse ist länger als 2.000 Zeichen.
calendars-error-url-scheme = Geben Sie eine Adresse ein, die mit https://, http:// oder webcal:// beginnt.
calendars-error-private = Diese Adresse liegt in einem privaten Netzwerk, aus dem Slotbook nicht liest.
calendars-error-too-many = Sie abonnieren bereits so viele Kalender, wie Slotbook für eine Person liest; entfernen Sie zuerst einen.
flash-calendar-added = Kalender hinzugefügt: Slotbook liest ihn jetzt, und seine belegten Zeiten sperren Buchungen.
flash-calendar-refreshing = Wird aktualisiert: Slotbook liest den Kalender gleich erneut.
flash-calendar-removed = Kalender entfernt: Seine belegten Zeiten sperren keine Buchungen mehr.
calendars-error-server-empty = Geben Sie die Adresse Ihres Kalenderservers ein.
calendars-error-server-scheme = Geben Sie eine Adresse ein, die mit https:// oder http:// beginnt.
calendars-error-username = Geben Sie den Benutzernamen ein, mit dem Sie sich beim Server anmelden.
calendars-error-password = Geben Sie das Passwort oder ein App-Passwort für dieses Konto ein.
calendars-error-unauthorized = Der Server hat diesen Benutzernamen und dieses Passwort abgelehnt. Prüfen Sie beides, oder erstellen Sie ein App-Passwort für Slotbook.
calendars-error-not-found = Unter dieser Adresse wurden keine Kalender gefunden: { $error }.
calendars-error-no-calendars = Dieses Konto hat keine Kalender.
calendars-error-too-many-accounts = Sie haben bereits so viele Konten verbunden, wie Slotbook für eine Person speichert; entfernen Sie zuerst eines.
calendars-error-choose-fewer = Das sind mehr Kalender, als Slotbook für eine Person liest: Wählen Sie weniger aus.
calendars-error-choose-listed = Wählen Sie unter den hier aufgeführten Kalendern.
flash-calendar-account-connected = Konto verbunden: Wählen Sie aus, welche seiner Kalender als belegt zählen.
flash-calendars-saved = Kalender gespeichert: Slotbook liest die belegten jetzt.
flash-calendar-account-removed = Konto entfernt: Seine Kalender sperren keine Buchungen mehr, und Buchungen werden nicht mehr darin eingetragen.
calendar-description-notes = Anmerkungen: { $notes }
calendar-description-manage = Diese Buchung verwalten: { $link }
## Flash messages
flash-welcome = Willkommen bei Slotbook! Wir haben einen Link an { $email } gesendet, um Ihre Adresse zu bestätigen; Gäste können buchen, sobald sie bestätigt ist.
flash-verified = Vielen Dank: { $email } ist bestätigt. Gäste können jetzt bei Ihnen buchen.
flash-reset-sent = Falls ein Konto { $email } verwendet, haben wir ihm einen Link zum Festlegen eines neuen Passworts gesendet. Der Link gilt eine Stunde.
flash-profile-saved = Ihr Profil ist gespeichert.
flash-email-changed = Ihre E-Mail-Adresse ist jetzt { $email }. Wir haben einen Link zur Bestätigung gesendet; Buchungen pausieren, bis sie bestätigt ist.
flash-password-changed = Ihr Passwort ist geändert. Alle anderen Sitzungen sind abgemeldet.
flash-look-saved = Einbettung und Erscheinungsbild gespeichert.
flash-mail-requeued = Die Nachricht ist wieder in der Warteschlange und wird in Kürze gesendet.
flash-mail-not-failed = Diese Nachricht ist nicht mehr fehlgeschlagen; es wurde nichts geändert.
flash-admin-not-yourself = Sie können Ihr eigenes Konto nicht deaktivieren.
flash-admin-only-providers = Nur Anbieterkonten können deaktiviert oder reaktiviert werden.
flash-admin-reactivated = Das Konto ist wieder aktiv; seine Buchungsseiten sind wieder online.
flash-admin-deactivated = Das Konto ist deaktiviert: überall abgemeldet, seine Buchungsseiten sind offline.
flash-token-revoked = Token widerrufen: Es funktioniert nicht mehr.
flash-webhook-test-queued = Testereignis in der Warteschlange: Es wird in wenigen Sekunden gesendet; die Versuche erscheinen unten.
flash-webhook-requeued = Erneut in der Warteschlange mit derselben webhook-id: Es wird in wenigen Sekunden gesendet.
flash-time-off-added = Abwesenheit hinzugefügt: { $when }.
flash-time-off-removed = Abwesenheit entfernt.

## More flash messages
flash-verification-resent = Wir haben einen neuen Bestätigungslink an { $email } gesendet. Frühere Links funktionieren nicht mehr.
flash-already-verified = Ihre E-Mail-Adresse ist bereits bestätigt.
flash-guest-erased = { $count ->
    [one] Die Daten des Gastes wurden aus { $count } Buchung gelöscht.
   *[other] Die Daten des Gastes wurden aus { $count } Buchungen gelöscht.
}
flash-webhook-enabled = Endpunkt aktiviert: Neue Ereignisse werden an ihn gesendet.
flash-webhook-disabled = Endpunkt deaktiviert: Bis Sie ihn aktivieren, wird nichts an ihn gesendet.

## Error pages
error-login = Bitte melden Sie sich an
error-login-message = Bitte melden Sie sich an, um fortzufahren.
error-not-found = Seite nicht gefunden
error-not-found-message = Wir konnten diese Seite nicht finden. Der Link ist vielleicht falsch geschrieben oder veraltet.
error-csrf = Dieses Formular ist abgelaufen
error-csrf-message = Zu Ihrer Sicherheit konnte das Formular nicht angenommen werden: Es war zu lange geöffnet oder kam von einer anderen Website. Gehen Sie zurück, laden Sie die Seite neu und senden Sie es erneut.
error-forbidden = Nicht erlaubt
error-forbidden-message = Sie haben keinen Zugriff auf diese Seite.
error-bad-request = Das hat nicht geklappt
error-rate-limited = Zu viele Versuche
error-rate-limited-message = Sie haben das zu oft versucht. Bitte warten Sie { $wait } und versuchen Sie es erneut.
error-slot-taken-message = Jemand anderes hat diese Zeit gerade gebucht. Bitte wählen Sie eine andere Zeit.
error-duplicate = Existiert bereits
error-duplicate-message = Etwas mit demselben Namen existiert bereits. Gehen Sie zurück und wählen Sie einen anderen.
error-busy = Wir sind ausgelastet
error-busy-message = Der Server ist gerade ausgelastet. Bitte versuchen Sie es in ein paar Sekunden erneut.
error-internal = Etwas ist schiefgelaufen
error-internal-message = Bei uns ist etwas schiefgelaufen. Es lag nicht an Ihnen; bitte versuchen Sie es gleich noch einmal.

## More formats
fmt-day-month = %-d. %b
fmt-day-month-year = %-d. %b %Y
week-times-in = Zeiten in

## Webhook states
webhooks-state-enabled = Aktiviert
webhooks-state-disabled = Deaktiviert

## Status badges
badge-pending = Ausstehend
badge-confirmed = Bestätigt
badge-completed = Abgeschlossen
badge-no_show = Nicht erschienen
badge-expired = Abgelaufen
badge-declined = Abgelehnt
badge-cancelled = Storniert

## lang (issue #16): form errors from the domain and the form handlers, and the last page texts
form-error-control-characters = Dies enthält unsichtbare Steuerzeichen; bitte geben Sie es erneut ein.
form-error-line-break = Bitte schreiben Sie dies in eine Zeile.
form-error-number-range = { $what } muss zwischen { $min } und { $max } liegen.
form-error-number-missing = Bitte geben Sie { $what } ein.
form-error-number-whole = { $what } muss eine ganze Zahl sein.
form-error-at-most = Verwenden Sie höchstens { $max } Zeichen.
form-error-date = Geben Sie ein Datum wie 2030-01-31 ein.
form-error-month = Geben Sie einen Monat wie 2030-01 ein.
form-error-date-range = Wählen Sie ein Datum zwischen 1970 und 2199.
form-error-timezone = „{ $zone }“ ist keine uns bekannte Zeitzone; wählen Sie eine aus der Liste, etwa Europe/Berlin.
field-duration = Dauer
    .lower = die Dauer
field-slot-interval = Zeitraster
    .lower = das Zeitraster
field-buffer-before = Puffer davor
    .lower = den Puffer davor
field-buffer-after = Puffer danach
    .lower = den Puffer danach
field-minimum-notice = Mindestvorlauf
    .lower = den Mindestvorlauf
field-booking-window = Buchungszeitraum
    .lower = den Buchungszeitraum
field-daily-limit = Tageslimit
    .lower = das Tageslimit
field-hold-time = Reservierungsdauer
    .lower = die Reservierungsdauer
field-cancellation-notice = Stornierungsfrist
    .lower = die Stornierungsfrist
field-reminder = Erinnerung
    .lower = die Erinnerung
email-error-missing = Geben Sie Ihre E-Mail-Adresse ein.
email-error-long = Eine E-Mail-Adresse darf höchstens 254 Zeichen lang sein.
email-error-invalid = Geben Sie eine E-Mail-Adresse wie name@example.com ein.
username-error-missing = Wählen Sie einen Benutzernamen.
username-error-length = Ein Benutzername hat 3 bis 30 Zeichen.
username-error-characters = Verwenden Sie nur die Buchstaben a–z, Ziffern und Bindestriche.
username-error-hyphen = Ein Benutzername darf nicht mit einem Bindestrich beginnen oder enden.
username-error-reserved = Dieser Benutzername ist reserviert; bitte wählen Sie einen anderen.
password-error-missing = Wählen Sie ein Passwort.
password-error-short = Verwenden Sie mindestens { $min } Zeichen (einige Wörter ergeben ein gutes Passwort).
password-error-obvious = Dieses Passwort ist zu leicht zu erraten: Vermeiden Sie Ihren Benutzernamen, Ihre E-Mail-Adresse und gängige Passwörter.
password-error-differ = Die beiden Passwörter unterscheiden sich: Geben Sie zweimal dasselbe neue Passwort ein.
account-error-language = Wählen Sie eine der Sprachen.
signup-error-username-taken = Dieser Benutzername ist vergeben; bitte wählen Sie einen anderen.
signup-error-email-taken = Mit dieser E-Mail-Adresse gibt es bereits ein Konto. Melden Sie sich an oder setzen Sie das Passwort zurück.
login-error-login-missing = Geben Sie Ihre E-Mail-Adresse oder Ihren Benutzernamen ein.
login-error-password-missing = Geben Sie Ihr Passwort ein.
settings-error-email-same = Das ist bereits Ihre E-Mail-Adresse.
settings-error-email-taken = Ein anderes Konto verwendet diese E-Mail-Adresse.
settings-error-password-missing = Geben Sie Ihr aktuelles Passwort ein.
settings-error-password-wrong = Das ist nicht Ihr aktuelles Passwort.
guest-error-name-missing = Geben Sie Ihren Namen ein.
guest-error-name-long = Ihr Name darf höchstens 200 Zeichen lang sein.
guest-error-email-missing = Geben Sie Ihre E-Mail-Adresse ein: Die Bestätigung wird dorthin geschickt.
guest-error-email-invalid = Geben Sie eine gültige E-Mail-Adresse ein, etwa name@example.com.
guest-error-phone = Geben Sie eine Telefonnummer mit Ziffern ein (Leerzeichen, +, - und Klammern sind erlaubt), oder lassen Sie das Feld leer.
guest-error-notes-long = Anmerkungen dürfen höchstens 5.000 Zeichen lang sein.
guest-error-answer-missing = Diese Frage braucht eine Antwort.
guest-error-answer-choice = Wählen Sie eine der Möglichkeiten.
guest-error-answer-long = Eine Antwort darf höchstens 2.000 Zeichen lang sein.
privacy-error-email-missing = Geben Sie die E-Mail-Adresse des Gastes ein.
privacy-error-email-erased = Das ist der Platzhalter gelöschter Buchungen, nicht die Adresse eines Gastes.
service-error-name-missing = Geben Sie einen Namen für das Angebot ein.
service-error-name-long = Der Name darf höchstens 120 Zeichen lang sein.
service-error-slug = Der Linkname darf Kleinbuchstaben, Ziffern und Bindestriche enthalten (höchstens 60) und nicht mit einem Bindestrich beginnen oder enden.
service-error-slug-reserved = „{ $slug }“ ist reserviert; bitte wählen Sie einen anderen Linknamen.
service-error-slug-taken = Sie haben bereits ein Angebot mit diesem Linknamen; wählen Sie einen anderen.
service-error-description-long = Die Beschreibung darf höchstens 5.000 Zeichen lang sein.
service-error-price = Geben Sie einen Preis wie 25 oder 25.50 ein, oder lassen Sie das Feld leer.
service-error-currency = Verwenden Sie einen dreibuchstabigen Währungscode wie EUR oder USD.
service-error-currency-missing = Geben Sie die Währung des Preises ein, etwa EUR oder USD.
service-error-location-long = Der Ort darf höchstens 500 Zeichen lang sein.
service-error-confirmation = Wählen Sie, wie Buchungen bestätigt werden.
service-error-questions-many = Ein Angebot kann höchstens { $max } Fragen haben.
service-error-question-long = Eine Frage darf höchstens 200 Zeichen lang sein.
service-error-choices = Eine Auswahlfrage braucht mindestens zwei Möglichkeiten, durch Kommas getrennt.
hours-error-start-missing = Geben Sie eine Anfangszeit ein.
hours-error-end-missing = Geben Sie eine Endzeit ein.
hours-error-start-unreadable = Geben Sie die Anfangszeit in Stunden und Minuten ein, etwa 09:30.
hours-error-end-unreadable = Geben Sie die Endzeit in Stunden und Minuten ein, etwa 17:30, oder { $midnight } für Mitternacht.
hours-error-date-missing = Geben Sie das Datum ein.
hours-error-days = Wählen Sie mindestens einen Tag.
hours-error-validity = Das letzte gültige Datum darf nicht vor dem ersten liegen.
hours-error-override-empty = Geben Sie die Öffnungszeiten dieses Datums ein, oder kreuzen Sie „Ganztägig geschlossen“ an.
hours-error-backwards = { $interval } endet, bevor es beginnt; Zeiten können nicht über Mitternacht hinausgehen, tragen Sie den Rest also am nächsten Tag ein.
hours-error-overlap = { $first } überschneidet sich mit { $second }; fassen Sie beide zusammen oder trennen Sie sie.
hours-error-backwards-on-day = { $day }: { $interval } endet, bevor es beginnt; Zeiten können nicht über Mitternacht hinausgehen, tragen Sie den Rest also am nächsten Tag ein.
hours-error-overlap-on-day = { $day }: { $first } überschneidet sich mit { $second }; fassen Sie beide zusammen oder trennen Sie sie.
timeoff-error-first-day = Geben Sie den ersten Tag ein.
timeoff-error-last-day = Geben Sie den letzten Tag ein.
timeoff-error-time = Geben Sie eine Uhrzeit wie 09:30 ein, oder lassen Sie das Feld leer.
timeoff-error-reason-long = Der Grund darf höchstens 200 Zeichen lang sein.
timeoff-error-order = Die freie Zeit muss nach ihrem Beginn enden.
find-error-days = Wählen Sie Tage von Montag bis Sonntag.
find-error-part = Wählen Sie Vormittag, Nachmittag oder Abend.
find-error-time = Geben Sie eine Uhrzeit in Stunden und Minuten ein, etwa 17:30.
find-error-order = Das Ende muss nach dem Anfang liegen.
find-error-both = Geben Sie beide Uhrzeiten ein oder keine.
team-error-name-missing = Geben Sie den Namen des Teams ein.
team-error-colour = Geben Sie eine Farbe als # und sechs Hexadezimalziffern an, etwa #1a6b4f.
team-error-invite-role = Wählen Sie Administrator, Anbieter oder Mitarbeiter.
team-slug-error-missing = Wählen Sie die Adresse des Teams.
team-slug-error-length = Eine Teamadresse hat 3 bis 30 Zeichen.
team-slug-error-hyphen = Eine Teamadresse darf nicht mit einem Bindestrich beginnen oder enden.
team-slug-error-reserved = Diese Adresse ist reserviert; bitte wählen Sie eine andere.
look-error-colour = Geben Sie die Farbe als # und sechs Hexadezimalziffern ein, etwa #2457d6.
look-error-colour-missing = Geben Sie eine Farbe ein.
look-error-colour-light = { $colour } ist zu hell: Weißer Text darauf hat einen Kontrast von { $ratio }:1, lesbar ist er erst ab { $min }:1. Wählen Sie einen dunkleren Ton.
look-error-logo-long = Der Logotext darf höchstens { $max } Zeichen lang sein.
look-error-logo-line = Der Logotext muss eine einzige Textzeile sein.
look-error-origins-many = Geben Sie höchstens { $max } Websites an.
look-error-origin = „{ $origin }“ ist keine Website-Herkunft: Geben Sie sie als https://example.com ein (Schema und Host, optional ein Port, kein Pfad).
look-error-origin-http = „{ $origin }“ verwendet http: Nur https-Websites dürfen Ihre Seiten einbetten (http ist für localhost zum Testen erlaubt).
team-bookings-not-open = Buchungen sind möglich, sobald ein Mitglied von { $team } Buchungen für dieses Angebot annimmt. Bitte schauen Sie bald wieder vorbei.
error-form-unreadable = Das Formular konnte nicht gelesen werden. Bitte gehen Sie zurück, laden Sie die Seite neu und versuchen Sie es noch einmal.
error-query-unreadable = Die Adresse enthält Parameter, die wir nicht lesen konnten.
book-error-far-start = Diese Zeit liegt außerhalb der buchbaren Daten (1970 bis 2199). Bitte wählen Sie eine Zeit im Kalender.
flash-signed-out = Sie sind abgemeldet.
flash-password-reset-done = Ihr Passwort wurde geändert und alle Sitzungen wurden abgemeldet. Melden Sie sich mit Ihrem neuen Passwort an.
flash-account-deleted = Ihr Konto ist gelöscht. Gäste mit noch anstehenden Buchungen wurden benachrichtigt.
delete-refused-last-admin = Sie sind der einzige Administrator dieser Instanz. Legen Sie einen weiteren Administrator an (slotbook admin create), bevor Sie dieses Konto löschen, damit noch jemand sie betreiben kann.
delete-refused-team-owner = Sie sind der einzige Eigentümer des Teams bzw. der Teams „{ $teams }“. Übertragen Sie zuerst die Eigentümerschaft: Machen Sie auf der Mitgliederseite des Teams ein anderes Mitglied zum Eigentümer (oder löschen Sie das Team) und löschen Sie dann Ihr Konto, damit kein Team ohne jemanden bleibt, der es führt.
webhooks-error-url-long = Eine URL darf höchstens 2.000 Zeichen lang sein.
webhooks-error-url-unreadable = Geben Sie eine vollständige URL ein, etwa https://example.com/hooks.
webhooks-error-url-scheme = Geben Sie eine http://- oder https://-URL mit einem Hostnamen ein.
webhooks-error-url-credentials = Zugangsdaten gehören in den Endpunkt, nicht in die URL.
webhooks-error-url-private = Diese Adresse liegt in einem privaten Netz, an das Slotbook nichts sendet.
webhooks-error-types = Wählen Sie mindestens eines der Ereignisse.
tokens-error-name-missing = Geben Sie dem Token einen Namen, etwa den des Werkzeugs, das es verwendet.
tokens-error-name-long = Ein Tokenname darf höchstens 100 Zeichen lang sein.
tokens-error-name-line = Ein Tokenname muss eine einzige Textzeile sein.
tokens-error-scope = Wählen Sie Lesen oder Lesen+Schreiben.
hours-error-copy-days = Wählen Sie mindestens einen anderen Tag, auf den kopiert werden soll.
## End of the lang block
