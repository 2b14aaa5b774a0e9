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
