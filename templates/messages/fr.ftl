## Formats : motifs strftime ; les noms des mois et des jours viennent des données de locale.
fmt-date-long = %A %-d %B %Y
fmt-date-medium = %a %-d %b %Y
fmt-date-short = %a %-d %b
fmt-month-year = %B %Y
fmt-date-time = { $date } à { $time }

## Unités
unit-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}

## Mise en page
meta-description = Slotbook : réservez un rendez-vous en ligne en quelques clics, dans votre propre fuseau horaire.
nav-skip = Aller au contenu
nav-main = Navigation principale
nav-dashboard = Tableau de bord
nav-bookings = Réservations
nav-week = Semaine
nav-guests = Clients
nav-services = Prestations
nav-hours = Horaires
nav-time-off = Absences
nav-calendars = Calendriers
nav-settings = Paramètres
nav-teams = Équipes
nav-my-page = Ma page
nav-admin = Administration
nav-sign-out = Se déconnecter
nav-sign-in = Se connecter
nav-language = Langue
footer-powered = Propulsé par Slotbook
footer-privacy = Confidentialité
