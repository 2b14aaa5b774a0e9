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
unit-hours = { $count ->
    [one] { $count } heure
   *[other] { $count } heures
}
unit-days = { $count ->
    [one] { $count } jour
   *[other] { $count } jours
}

## Mots communs
form-correct-fields = Veuillez corriger les champs signalés.
form-required = (obligatoire)
form-choose = Choisissez…
form-honeypot = Laissez ce champ vide
service-with-provider = { $service } avec { $provider }
times-in-zone = Horaires en { $zone }
times-shown-in = Les horaires sont affichés en { $zone }
tz-unknown = Nous ne connaissons pas le fuseau horaire « { $tz } », les horaires sont donc affichés en { $zone }.
status-label = Statut :
status-pending = en attente
status-confirmed = confirmée
status-completed = terminée
status-no_show = absence
status-expired = expirée
status-declined = refusée
status-cancelled = annulée
bookings-not-open = Les réservations seront ouvertes dès que { $provider } aura confirmé son adresse e-mail. Revenez bientôt.
bookings-not-open-yet = Les réservations seront ouvertes dès que le prestataire aura confirmé son adresse e-mail.
privacy-notice-lead = Comment vos données sont utilisées et conservées :
privacy-notice-link = politique de confidentialité.

## Refus
refusal-in-past = Cet horaire est déjà passé. Veuillez en choisir un autre.
refusal-inside-notice = Cette prestation doit être réservée au moins { $duration } à l'avance. Veuillez choisir un horaire plus tardif.
refusal-beyond-window = Cette prestation peut être réservée au plus { $duration } à l'avance. Veuillez choisir une date plus proche.
refusal-outside-hours = Cet horaire est en dehors des heures disponibles. Veuillez choisir l'un des horaires affichés.
refusal-off-grid = Ce n'est pas l'un des horaires de début proposés. Veuillez choisir l'un des horaires affichés.
refusal-daily-limit = Cette journée est complète pour cette prestation. Veuillez choisir un autre jour.
refusal-unavailable = Cet horaire n'est plus disponible. Veuillez en choisir un autre.
refused-wrong-state = Cette réservation est { $status } et ne peut pas être modifiée ainsi.
refused-hold-lapsed = Le délai de réservation a expiré avant la confirmation.
refused-not-started = Cette réservation ne peut pas être marquée avant son début.
refused-inside-cancellation-notice = Les réservations de cette prestation ne peuvent pas être annulées ou déplacées moins de { $duration } avant le début. Veuillez contacter directement le prestataire.

## Page du prestataire
provider-our-providers = Nos prestataires
provider-services = Prestations
provider-nothing = Il n'y a rien à réserver ici pour le moment.

## Page de la prestation (calendrier)
service-who = Avec qui vous réservez
service-with = Avec :
service-rescheduling = Choisissez un nouvel horaire pour votre réservation du { $when }. Votre horaire actuel reste réservé jusqu'à ce que vous confirmiez le nouveau.
service-change = modifier
service-find-link = Trouver un horaire qui me convient
service-find-hint = : choisissez des jours et des moments de la journée.
service-tz-label = Horaires affichés en
service-show-times = Afficher les horaires
service-more-timezones = Autres fuseaux horaires
service-months = Mois
service-prev-month = Mois précédent
service-next-month = Mois suivant
service-caption = Jours avec des horaires libres en { $month } ({ $zone })
service-day-free = { $date }, horaires disponibles
service-day-none = { $date }, aucun horaire
service-no-times-month = Aucun horaire libre ce mois-ci.
service-try-next-month = Essayez le mois suivant.
service-no-times-day = Aucun horaire libre ce jour-là.

## Fuseaux horaires
timezones-title = Fuseaux horaires · { $service } avec { $provider }
timezones-heading = Afficher les horaires dans un autre fuseau horaire

## Trouver un horaire
find-title = Trouver un horaire : { $service } avec { $provider }
find-description = Trouvez un horaire qui vous convient pour { $service } avec { $provider }.
find-back = { $service } : le calendrier
find-heading = Trouver un horaire qui vous convient
find-check = Veuillez vérifier vos choix :
find-days = Jours de la semaine
find-part = Moment de la journée
find-part-morning = Matin (avant 12:00)
find-part-afternoon = Après-midi (12:00–17:00)
find-part-evening = Soir (à partir de 17:00)
find-between = Ou un début entre deux heures (remplace le moment de la journée) :
find-from = De
find-until = À
find-submit = Trouver des horaires
find-found = { $count ->
    [0] Aucun horaire correspondant
    [one] Le prochain horaire correspondant
   *[other] Les { $count } prochains horaires correspondants
}
find-searched = Recherche sur les { $days } prochains jours. Horaires en { $zone }.
find-nothing = Aucun horaire libre ne correspond à ces choix. Essayez plus de jours ou un autre moment de la journée.
find-more = Il y a d'autres horaires plus tard : affinez vos choix ou choisissez un jour dans
find-calendar = le calendrier.

## Formulaire de réservation
book-title = Réserver { $service }
book-back = Choisir un autre horaire
book-your-appointment = Votre rendez-vous
book-provider-time = Soit { $time } pour { $provider } ({ $zone }).
book-duration-with = { $count ->
    [one] { $count } minute avec { $provider }
   *[other] { $count } minutes avec { $provider }
}
book-see-free-times = Voir les horaires libres
book-your-name = Votre nom
book-email = E-mail
book-email-hint = Nous y envoyons la confirmation et les liens pour annuler ou déplacer le rendez-vous.
book-phone = Téléphone (facultatif)
book-notes = Remarques (facultatif)
book-submit = Réserver cet horaire
book-submit-move = Déplacer ma réservation ici
book-missing-time = Il manque l'horaire dans le formulaire de réservation. Veuillez choisir à nouveau un horaire.
book-incomplete = Le formulaire de réservation est incomplet. Veuillez choisir à nouveau un horaire.
book-not-accepted = Votre réservation n'a pas pu être acceptée.

## Horaire pris
taken-title = Cet horaire vient d'être pris
taken-message = Quelqu'un d'autre vient de réserver cet horaire. Rien n'a été réservé pour vous ; veuillez choisir un autre horaire.
taken-none-near = Il n'y a pas d'autres horaires libres à proximité.
taken-nearest = Les horaires libres les plus proches
taken-see-all = Voir tous les horaires libres

## Après la réservation
booked-requested = Demande reçue
booked-requested-next = { $provider } va examiner votre demande. Nous vous écrirons dès qu'elle sera acceptée ou refusée ; d'ici là, l'horaire vous est réservé.
booked-check-email = Consultez vos e-mails
booked-check-email-next = Nous avons envoyé un lien de confirmation à { $email }. Votre horaire est réservé jusqu'à ce que vous cliquiez dessus ; les réservations non confirmées sont libérées après { $minutes } minutes.
booked-confirmed = Votre réservation est faite
booked-confirmed-next = Votre réservation est confirmée. Nous vous avons envoyé les détails par e-mail, avec des liens pour annuler ou déplacer le rendez-vous.
booked-other = Votre réservation
booked-other-next = Cette réservation est { $status }.
booked-provider-time = { $time } pour { $provider } ({ $zone })
booked-emails-go-to = Les e-mails sont envoyés à { $email }.
booked-add-to-calendar = Ajouter au calendrier (.ics)

## Liens des e-mails de réservation
link-dead-unknown = Ce lien n'est pas valide
link-dead-unknown-message = Nous n'avons pas trouvé ce lien. Vérifiez que vous avez copié l'adresse complète depuis l'e-mail.
link-dead-used = Ce lien ne fonctionne plus
link-dead-used-message = Ce lien a déjà été utilisé, ou la réservation a changé depuis l'envoi de l'e-mail (par exemple, elle a été déplacée ou annulée). Veuillez utiliser les liens du dernier e-mail concernant votre réservation.
link-dead-expired = Ce lien a expiré
link-dead-expired-message = Ce lien n'est plus valable : son heure est passée. Si vous avez encore besoin d'un rendez-vous, veuillez réserver un nouvel horaire.
link-confirm-heading = Confirmer votre réservation
link-confirm-intro = Appuyez sur le bouton pour confirmer cette réservation.
link-confirm-button = Confirmer la réservation
link-cancel-heading = Annuler votre réservation
link-cancel-intro = Appuyez sur le bouton pour annuler cette réservation. L'horaire redevient libre pour d'autres personnes.
link-cancel-button = Annuler la réservation
link-approve-heading = Accepter cette réservation
link-approve-intro = Appuyez sur le bouton pour accepter cette demande ; le client est prévenu immédiatement.
link-approve-button = Accepter
link-decline-heading = Refuser cette réservation
link-decline-intro = Appuyez sur le bouton pour refuser cette demande ; le client est prévenu et l'horaire redevient libre.
link-decline-button = Refuser
link-confirm-done = Votre réservation est confirmée
link-confirm-done-message = Merci. Nous vous avons envoyé la confirmation avec un fichier de calendrier par e-mail.
link-approve-done = Réservation acceptée
link-approve-done-message = Le client a été informé que la réservation est confirmée.
link-decline-done = Réservation refusée
link-decline-done-message = Le client a été informé, et l'horaire est de nouveau libre.
link-cancel-done = Votre réservation est annulée
link-cancel-done-message = L'horaire est de nouveau libre et le prestataire a été prévenu. Nous vous avons envoyé une confirmation par e-mail.
link-book-another = Réserver un autre horaire
link-book-service = Réserver { $service }
link-hold-lapsed = L'horaire n'est plus réservé
link-hold-lapsed-message = La réservation n'a pas été confirmée à temps, l'horaire a donc été libéré. N'hésitez pas à réserver de nouveau.
link-cannot = Cette action est impossible
link-reason-unreadable = Votre motif contient des caractères de contrôle invisibles, rien n'a donc été modifié. Veuillez revenir en arrière et le saisir à nouveau.
links-reason = Motif (facultatif)

## Fichiers de calendrier
ics-description-guest = { $service } réservé par { $guest } via Slotbook.

## E-mails de réservation
mail-hello = Bonjour { $name },
mail-what = Quoi
mail-when = Quand
mail-timezone = Fuseau horaire
mail-where = Où
mail-guest = Client
mail-phone = Téléphone
mail-notes = Remarques
mail-with = Avec
mail-link-confirm = Confirmer votre réservation
mail-link-reschedule = Déplacer
mail-link-cancel = Annuler
mail-link-approve = Accepter
mail-link-decline = Refuser
mail-link-dashboard = Ouvrir dans votre tableau de bord
mail-link-book-again = Réserver à nouveau
mail-footer = Envoyé par Slotbook.
mail-footer-on-behalf = Envoyé par Slotbook pour le compte de { $provider }.
mail-signature-on-behalf = Slotbook, pour le compte de { $provider }
mail-cancelled-by-you = Votre réservation est annulée, comme vous l'avez demandé.
mail-cancelled-by-provider = { $provider } a dû annuler votre réservation.
mail-cancelled-by-provider-reason = { $provider } a dû annuler votre réservation : { $reason }
mail-confirm-lead = Veuillez confirmer votre réservation avec { $provider }. L'horaire vous est réservé pendant { $minutes } minutes ; passé ce délai, les réservations non confirmées sont libérées.
mail-confirmed-lead = Votre réservation avec { $provider } est confirmée.
mail-confirmed-later = Les liens ci-dessous permettent de l'annuler ou de la déplacer ; les liens des e-mails précédents ne fonctionnent plus.
mail-declined-lead = { $provider } n'a pas pu accepter votre demande pour cet horaire. Rien n'a été réservé ; n'hésitez pas à choisir un autre horaire.
mail-expired-lead = Votre réservation n'a pas été confirmée à temps, l'horaire a donc été libéré. N'hésitez pas à réserver de nouveau.
mail-reminder-lead = Un rappel de votre rendez-vous avec { $provider }.
mail-reminder-note = Pour annuler ou déplacer le rendez-vous, utilisez les liens de votre e-mail de confirmation.
mail-requested-lead = { $provider } a bien reçu votre demande et va l'accepter ou la refuser. L'horaire vous est réservé en attendant.
mail-rescheduled-lead = Votre réservation avec { $provider } a été déplacée à l'horaire ci-dessous.
mail-rescheduled-pending = Elle est en attente jusqu'à sa confirmation.
mail-rescheduled-links = Les liens des e-mails précédents ne fonctionnent plus ; utilisez ceux de cet e-mail.
mail-approval-lead = { $guest } souhaite réserver { $service }. Acceptez ou refusez la demande.
mail-provider-confirmed-lead = La réservation de { $service } par { $guest } est confirmée.
mail-provider-rescheduled-lead = { $guest } a déplacé sa réservation de { $service } à l'horaire ci-dessous.
mail-guest-cancelled-lead = { $guest } a annulé sa réservation. L'horaire est de nouveau libre.
mail-guest-cancelled-lead-reason = { $guest } a annulé sa réservation (« { $reason } »). L'horaire est de nouveau libre.
mail-new-booking-lead = { $guest } a réservé { $service }.
mail-new-booking-pending = Elle est en attente jusqu'à sa confirmation par e-mail.
mail-subject-cancelled = Réservation annulée : { $service } le { $when }
mail-subject-confirm = Veuillez confirmer votre réservation : { $service } le { $when }
mail-subject-confirmed = Réservation confirmée : { $service } le { $when }
mail-subject-declined = Réservation refusée : { $service } le { $when }
mail-subject-expired = Réservation non confirmée : { $service } le { $when }
mail-subject-reminder = Rappel : { $service } le { $when }
mail-subject-requested = Demande reçue : { $service } le { $when }
mail-subject-rescheduled = Réservation déplacée : { $service } le { $when }
mail-subject-approval = Accord requis : { $service } avec { $guest } le { $when }
mail-subject-provider-confirmed = Confirmée : { $service } avec { $guest } le { $when }
mail-subject-provider-rescheduled = Déplacée : { $service } avec { $guest }, désormais le { $when }
mail-subject-guest-cancelled = Annulée par le client : { $service } avec { $guest } le { $when }
mail-subject-new-booking = Nouvelle réservation : { $service } avec { $guest } le { $when }
