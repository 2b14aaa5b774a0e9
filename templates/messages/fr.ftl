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

## Home, errors, accounts
home-title = Des rendez-vous en toute simplicité
home-heading = Des rendez-vous sans allers-retours
home-lead = Avec Slotbook, vous publiez vos horaires et vos prestations ; vos clients choisissent un horaire libre dans leur propre fuseau horaire et confirment par e-mail. Jamais de double réservation.
home-dashboard = Accéder à votre tableau de bord
error-reference = Si vous nous écrivez à ce sujet, merci de mentionner la référence
error-back-home = Retour à la page d'accueil
auth-create-account-link = Créer un compte prestataire
auth-email = Adresse e-mail
auth-password = Mot de passe
auth-password-hint = Au moins 10 caractères. Quelques mots sans rapport entre eux fonctionnent bien.
auth-username = Nom d'utilisateur
auth-timezone = Votre fuseau horaire
auth-back-to-sign-in = Retour à la connexion
forgot-title = Mot de passe oublié
forgot-heading = Mot de passe oublié ?
forgot-lead = Saisissez l'adresse e-mail de votre compte. Si elle correspond à un compte, nous lui envoyons un lien pour choisir un nouveau mot de passe ; le lien est valable une heure.
forgot-submit = Envoyez-moi un lien
login-login = E-mail ou nom d'utilisateur
login-new-here = Nouveau ici ?
reset-title = Choisir un nouveau mot de passe
reset-for-account = Pour le compte { $username }. Le définir vous déconnecte de tous vos autres appareils.
reset-not-changed = Le mot de passe n'a pas été modifié : voir les messages ci-dessous.
reset-new = Nouveau mot de passe
reset-repeat = Répétez le nouveau mot de passe
reset-submit = Définir le nouveau mot de passe
signup-title = Créer votre compte
signup-heading = Créez votre compte prestataire
signup-closed = L'inscription est fermée sur cette instance de Slotbook. Demandez un compte à son administrateur.
signup-closed-sign-in = si vous en avez déjà un.
signup-have-account = Vous avez déjà un compte ?
signup-fix = Votre compte n'a pas encore été créé. Veuillez corriger :
signup-name-hint = Affiché aux clients sur vos pages de réservation.
signup-username-hint = Adresse de votre page : 3 à 30 lettres a–z, chiffres ou traits d’union.
signup-email-hint = Nous envoyons un lien pour la vérifier ; les réservations sont ouvertes dès sa vérification.
signup-submit = Créer le compte
verify-title = Vérifiez votre adresse e-mail
verify-lead = Confirmez que { $email } est bien votre adresse. Une fois vérifiée, vos clients pourront réserver.
verify-submit = Vérifier mon adresse e-mail

## Dashboard and settings
locale-en-US = Anglais (États-Unis)
locale-en-GB = Anglais (Royaume-Uni)
locale-de = Deutsch (allemand)
locale-fr = Français
locale-es = Español (espagnol)
form-save = Enregistrer
form-nothing-saved = Rien n'a été enregistré : veuillez corriger ce qui suit.
settings-api-tokens = Jetons d’API
settings-webhooks = Webhooks
settings-profile = Profil
settings-profile-not-saved = Votre profil n'a pas été enregistré : voir les messages ci-dessous.
settings-username = Nom d'utilisateur : { $username } (l'adresse de votre page ; il ne peut pas être modifié).
settings-business-name = Nom de l'entreprise (facultatif)
settings-bio = À propos de vous (facultatif)
settings-bio-hint = Affiché sur votre page de réservation. Jusqu’à 2000 caractères.
settings-language = Langue de vos pages et e-mails
settings-save-profile = Enregistrer le profil
settings-email-verified = Actuellement : { $email } (vérifiée).
settings-email-unverified = Actuellement : { $email } (pas encore vérifiée).
settings-resend = Renvoyer le lien de vérification
settings-email-hint = Une nouvelle adresse doit être vérifiée : les réservations sont suspendues jusqu’à ce que vous ouvriez le lien que nous y envoyons.
settings-email-not-changed = Votre adresse e-mail n'a pas été modifiée : voir les messages ci-dessous.
settings-new-email = Nouvelle adresse e-mail
settings-your-current-password = Votre mot de passe actuel
settings-change-email = Changer d'adresse e-mail
settings-password-hint = Le changer vous déconnecte de tous vos autres appareils.
settings-password-not-changed = Votre mot de passe n'a pas été modifié : voir les messages ci-dessous.
settings-current-password = Mot de passe actuel
settings-change-password = Changer le mot de passe
settings-sessions = Où vous êtes connecté
settings-sessions-count = { $count ->
    [one] Seul ce navigateur est connecté à votre compte.
   *[other] { $count } navigateurs sont connectés à votre compte, celui-ci compris.
}
settings-sessions-hint = Appareil perdu, ou connexion sur un ordinateur partagé ? Mettez fin à toutes les sessions, celle-ci comprise ; vous vous reconnecterez ensuite ici.
settings-sign-out-everywhere = Se déconnecter partout
settings-delete = Supprimer votre compte
settings-delete-hint = Supprime le compte avec ses prestations, horaires et réservations ; les clients ayant des réservations à venir sont prévenus.
settings-delete-link = Supprimer mon compte…
dash-welcome = Bienvenue, { $name }
dash-verify = Veuillez vérifier votre adresse e-mail
dash-verify-lead = Nous avons envoyé un lien à { $email }. Vous pouvez tout configurer dès maintenant ; les clients pourront réserver une fois l’adresse vérifiée.
dash-resend = Renvoyer le lien
dash-booking-page = Votre page de réservation
dash-timezone = Votre fuseau horaire : { $zone }.
dash-this-week = Cette semaine
dash-today-agenda = L'agenda du jour
dash-hours = Horaires hebdomadaires et jours de congé
dash-settings = Paramètres : profil, fuseau horaire, e-mail et mot de passe
dash-embedding = Intégration à votre site et image de marque
dash-embedding-hint = (avec le code iframe à coller)
overview-upcoming = Aujourd'hui et à venir
overview-none = Aucune réservation à venir.
overview-today = Aujourd'hui
overview-next-free = Prochains horaires libres
overview-no-services = Aucune prestation active pour le moment.
overview-create-one = En créer une.
overview-no-free = Aucun horaire libre dans les deux prochaines semaines. Vérifiez vos
overview-check-hours = horaires.
week-title = Semaine : { $date }
week-day-title = Jour : { $date }
week-day-heading = Agenda du jour : { $date }
week-days = Jours
week-weeks = Semaines
week-prev-day = Jour précédent
week-prev-week = Semaine précédente
week-next-day = Jour suivant
week-next-week = Semaine suivante
week-whole = Toute la semaine
week-count = { $count ->
    [one] { $count } réservation.
   *[other] { $count } réservations.
}
week-working-hours = heures de travail
week-time-off = absence
week-time-off-list = Absences :
week-caption = Réservations par heure ({ $zone }) ; les heures grisées sont les heures de travail
week-hour = Heure
week-time-off-cell = Absence.
look-title = Intégration et image de marque
look-website = Votre site web
look-origins = Sites autorisés à intégrer vos pages de réservation
look-origins-hint = Un par ligne, avec schéma et hôte : https://www.example.com (ajoutez le port s’il y en a un). http:// n’est accepté que pour localhost. Laissez vide pour n’en autoriser aucun.
look-branding = Image de marque
look-accent = Couleur d'accent
look-accent-hint = # et six chiffres hexadécimaux, comme #2457d6. Les boutons affichent du texte blanc dessus : il faut un contraste d’au moins 4,5:1 avec le blanc. Laissez vide pour la couleur par défaut.
look-logo = Texte du logo
look-logo-hint = Un nom court affiché dans l’en-tête de vos pages publiques et dans les e-mails de réservation (40 caractères au plus). Laissez vide pour n’en afficher aucun.
look-embed = Intégrer à votre site
look-paste = Collez ceci là où la réservation doit apparaître sur votre site :
look-add-first = Ajoutez d’abord votre site ci-dessus : d’ici là, les navigateurs refusent d’afficher vos pages dans un cadre.
look-iframe = Code iframe
look-iframe-title = Prendre rendez-vous

## Hours and time off
form-remove = Supprimer
flash-hours-added = { $count ->
    [one] Horaires ajoutés à { $count } jour.
   *[other] Horaires ajoutés à { $count } jours.
}
flash-hours-copied = { $count ->
    [one] Horaires copiés sur { $count } jour.
   *[other] Horaires copiés sur { $count } jours.
}
flash-hours-removed = Horaires supprimés.
flash-override-saved = Exception du { $date } enregistrée.
flash-override-removed = Exception supprimée.
hours-valid-from = à partir du { $date }
hours-valid-until = jusqu'au { $date }
hours-valid-between = du { $from } au { $until }
hours-closed-all-day = fermé toute la journée
hours-heading = Horaires hebdomadaires
hours-timezone = Tous les horaires sont dans votre fuseau horaire, { $zone }.
hours-change-in-settings = La modifier dans les paramètres.
hours-away = Absent pour des vacances ou un après-midi ? Ajoutez-le sous
hours-your-week = Votre semaine
hours-caption = Heures d'ouverture par jour ({ $zone })
hours-closed = Fermé
hours-remove-label = Supprimer { $day } { $interval }
hours-add = Ajouter des horaires
hours-add-hint = Pour une pause, ajoutez deux plages (09:00–12:00 et 13:00–17:00). Les horaires ne peuvent pas dépasser minuit : terminez à 24:00 pour rester ouvert jusqu’à minuit.
hours-not-added = Les horaires n'ont pas été ajoutés : voir les messages ci-dessous.
hours-until-hint = Heures et minutes, comme 17:30 ; 24:00 pour minuit.
hours-valid-from-label = Valable à partir du (facultatif)
hours-valid-until-label = Valable jusqu'au (facultatif)
hours-copy-heading = Copier une journée
hours-copy-from = Copier les horaires du
hours-copy-to = vers (en remplaçant leurs horaires)
hours-copy = Copier
hours-overrides = Exceptions par date
hours-overrides-hint = Des horaires différents à une date, ou fermé toute la journée. Une exception remplace les horaires hebdomadaires de cette date.
hours-no-overrides = Aucune exception à venir.
hours-remove-override = Supprimer l'exception du { $date }
hours-override-not-saved = L'exception n'a pas été enregistrée : voir les messages ci-dessous.
hours-date = Date
hours-closed-all-day-label = Fermé toute la journée
hours-open-from = Ouvert de
hours-until-short = à
hours-until-short-hint = Comme 17:30 ; 24:00 pour minuit.
hours-save-override = Enregistrer l'exception
timeoff-timezone = Les horaires sont dans votre fuseau horaire, { $zone }.
timeoff-upcoming = À venir
timeoff-none = Aucune absence prévue.
timeoff-unreadable = Une entrée dont les dates n'ont pas pu être lues (elle ne bloque rien) ; veuillez la supprimer et l'ajouter à nouveau
timeoff-remove-label = Supprimer l'absence { $when }
timeoff-remove-unreadable = Supprimer l’absence aux dates illisibles
timeoff-add = Ajouter une absence
timeoff-hint = Laissez les heures vides pour bloquer des journées entières (du début du premier jour à la fin du dernier).
timeoff-not-added = L'absence n'a pas été ajoutée : voir les messages ci-dessous.
timeoff-first-day = Premier jour
timeoff-from-time = À partir de (facultatif)
timeoff-last-day = Dernier jour
timeoff-until-time = Jusqu'à (facultatif)
timeoff-reason = Motif (visible par vous seul)

## Services
form-delete = Supprimer
form-cancel = Annuler
form-correct-n-fields = { $count ->
    [one] Veuillez corriger le champ signalé.
   *[other] Veuillez corriger les { $count } champs signalés.
}
mode-instant = Confirmée immédiatement
mode-email = Le client confirme par e-mail
mode-provider = J’accepte chaque réservation
qkind-short_text = Texte court
qkind-long_text = Texte long
qkind-choice = Choix
qkind-checkbox = Case à cocher
flash-service-created = Prestation « { $name } » créée.
flash-service-saved = Prestation « { $name } » enregistrée.
flash-service-activated = Prestation activée : les clients peuvent la réserver.
flash-service-deactivated = Prestation désactivée : les clients ne peuvent plus la réserver.
flash-service-deleted = Prestation supprimée.
flash-service-has-upcoming = { $count ->
    [one] Cette prestation a { $count } réservation à venir et ne peut donc pas être supprimée. Désactivez-la plutôt : les clients ne pourront plus la réserver, et les réservations existantes sont conservées.
   *[other] Cette prestation a { $count } réservations à venir et ne peut donc pas être supprimée. Désactivez-la plutôt : les clients ne pourront plus la réserver, et les réservations existantes sont conservées.
}
flash-service-has-past = Cette prestation a des réservations passées, qui conservent votre historique ; désactivez-la au lieu de la supprimer.
services-new = Nouvelle prestation
services-edit = Modifier la prestation
services-none = Vous n'avez pas encore de prestation. Créez-en une pour que vos clients puissent réserver.
services-caption = Vos prestations, dans l’ordre où vos clients les voient
services-col-service = Prestation
services-col-length = Durée
services-col-confirmation = Confirmation
services-col-status = Statut
services-col-actions = Actions
services-active = Active
services-inactive = Inactive
services-move-up = Monter { $name }
services-move-down = Descendre { $name }
services-deactivate = Désactiver
services-activate = Activer
service-form-slug-hint = Les clients réservent sur /{ $username }/nom-du-lien. Laissez vide pour utiliser le nom.
service-form-question = Question { $n }
service-form-about = Présentation
service-form-name = Nom
service-form-slug = Nom du lien
service-form-description = Description
service-form-location = Lieu
service-form-location-hint = Une adresse, un lien vidéo ou un numéro de téléphone.
service-form-price = Prix (facultatif)
service-form-price-hint = Affiché aux clients uniquement ; aucun paiement n’est encaissé.
service-form-currency = Devise
service-form-currency-hint = Trois lettres, par ex. EUR.
service-form-timing = Durées (minutes)
service-form-duration = Durée
service-form-duration-hint = De 5 à 720 minutes.
service-form-interval = Horaires de début toutes les
service-form-interval-hint = Vide : identique à la durée.
service-form-buffer-before = Marge avant
service-form-buffer-before-hint = Temps libre gardé avant chaque réservation.
service-form-buffer-after = Marge après
service-form-buffer-after-hint = Temps libre gardé après chaque réservation.
service-form-notice = Délai minimum
service-form-notice-hint = Combien de temps avant le début un client peut encore réserver.
service-form-window = Fenêtre de réservation (jours)
service-form-window-hint = Jusqu’à quand à l’avance les clients peuvent réserver.
service-form-daily = Limite quotidienne (facultatif)
service-form-daily-hint = Nombre maximal de réservations de cette prestation par jour.
service-form-mode = Comment les réservations sont confirmées
service-form-hold = Garder une réservation non confirmée pendant
service-form-hold-hint = Minutes pendant lesquelles l'horaire reste réservé en attendant la confirmation.
service-form-cancel-notice = Délai d'annulation
service-form-cancel-notice-hint = Les clients ne peuvent pas annuler ni déplacer moins de ce nombre de minutes avant le début.
service-form-reminder = Rappel (minutes avant)
service-form-reminder-hint = Vide ou « off » : pas de rappel ; 1440 correspond à un jour.
service-form-active = Active (les clients peuvent la réserver)
service-form-questions = Questions pour le client
service-form-questions-hint = Laissez le texte d’une question vide pour la supprimer.
service-form-answer-type = Type de réponse
service-form-choices = Choix (pour une question à choix)
service-form-choices-hint = Séparez les choix par des virgules.
service-form-required = Obligatoire
service-form-save = Enregistrer la prestation

## Account mails
mail-hello-plain = Bonjour,
mail-calendar-failing-subject = Slotbook ne parvient pas à lire l’un de vos calendriers
mail-calendar-failing-lead = Slotbook n’a pas pu lire votre calendrier { $url } depuis un jour. Les créneaux occupés de la dernière lecture réussie bloquent toujours les réservations, mais les changements faits depuis ne sont pas pris en compte.
mail-calendar-failing-error = La dernière erreur était : { $error }
mail-calendar-failing-button = Ouvrir vos calendriers
mail-calendar-failing-hint = Vérifiez l’adresse, ou supprimez le calendrier et ajoutez-le à nouveau.
mail-reset-subject = Réinitialisez votre mot de passe Slotbook
mail-reset-lead = quelqu’un, vous sans doute, a demandé à réinitialiser le mot de passe du compte Slotbook « { $username } ».
mail-reset-valid = { $hours ->
    [one] Le lien est valable { $hours } heure et une seule fois. Définir un nouveau mot de passe vous déconnecte partout ailleurs.
   *[other] Le lien est valable { $hours } heures et une seule fois. Définir un nouveau mot de passe vous déconnecte partout ailleurs.
}
mail-reset-ignore = Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.
mail-invitation-subject = { $inviter } vous invite à rejoindre { $team } sur Slotbook
mail-invitation-lead = { $inviter } vous invite à rejoindre l’équipe { $team } sur Slotbook en tant que { $role }. Vous pouvez créer un compte avec cette adresse, ou vous connecter à celui que vous avez.
mail-invitation-button = Voir l’invitation
mail-invitation-valid = Le lien est valable { $days } jours et une seule fois.
mail-invitation-ignore = Si vous n’attendiez pas cette invitation, ignorez ce message.
mail-test-subject = Message de test de Slotbook
mail-test-lead = ceci est un message de test de l’instance Slotbook à l’adresse { $url }. Si vous pouvez le lire, l’envoi d’e-mails fonctionne.
mail-test-button = Ouvrir Slotbook
mail-test-sent = Envoyé { $when }.
mail-verify-subject = Vérifiez votre adresse e-mail pour Slotbook
mail-verify-lead = veuillez confirmer que { $email } est bien votre adresse, afin que vos clients puissent réserver sur Slotbook.
mail-verify-valid = { $hours ->
    [one] Le lien est valable { $hours } heure et une seule fois. Tant que l’adresse n’est pas vérifiée, vos pages de réservation indiquent que les réservations ouvriront bientôt.
   *[other] Le lien est valable { $hours } heures et une seule fois. Tant que l’adresse n’est pas vérifiée, vos pages de réservation indiquent que les réservations ouvriront bientôt.
}
mail-verify-ignore = Si vous n’avez pas créé de compte Slotbook, ignorez ce message.
mail-webhook-subject = Votre point de terminaison webhook Slotbook a été désactivé
mail-webhook-lead = votre point de terminaison webhook { $url } a refusé { $count } envois d’affilée, Slotbook a donc cessé de lui envoyer des événements. Les événements survenus entre-temps ne lui sont pas envoyés.
mail-webhook-button = Ouvrir les paramètres des webhooks
mail-webhook-hint = Une fois le point de terminaison rétabli, réactivez-le là-bas et envoyez un événement de test. Les envois abandonnés peuvent être renvoyés depuis la même page.

## Privacy, tokens, webhooks
delete-lead = Supprimer le compte { $username } l’efface avec tout son contenu : votre profil, vos prestations, horaires, absences et chaque réservation avec les données des clients et l’historique. Vos pages de réservation sont mises hors ligne et vous êtes déconnecté partout.
delete-upcoming = { $count ->
    [one] { $count } réservation est encore à venir : elle est d’abord annulée, et le client reçoit l’e-mail d’annulation habituel.
   *[other] { $count } réservations sont encore à venir : elles sont d’abord annulées, et chaque client reçoit l’e-mail d’annulation habituel.
}
delete-no-upcoming = Vous n'avez aucune réservation à venir.
delete-undone = Cette action est irréversible. Vous pouvez d’abord exporter vos réservations (CSV, sur la page des réservations).
delete-not-deleted = Votre compte n'a pas été supprimé : voir le message ci-dessous.
delete-password = Votre mot de passe, pour confirmer
delete-submit = Supprimer mon compte
erase-title = Effacer les données du client
erase-heading = Effacer les données de { $email } ?
erase-lead = { $count ->
    [one] { $count } réservation chez vous perdra définitivement le nom, l’adresse e-mail, le téléphone, les remarques et les réponses du client. Les e-mails la concernant ne gardent aucun texte, et ceux pas encore envoyés sont abandonnés. L’historique enregistre l’effacement.
   *[other] { $count } réservations chez vous perdront définitivement le nom, l’adresse e-mail, le téléphone, les remarques et les réponses du client. Les e-mails les concernant ne gardent aucun texte, et ceux pas encore envoyés sont abandonnés. L’historique enregistre l’effacement.
}
erase-lead-instance = { $count ->
    [one] { $count } réservation perdra définitivement le nom, l’adresse e-mail, le téléphone, les remarques et les réponses du client. Les e-mails la concernant ne gardent aucun texte, et ceux pas encore envoyés sont abandonnés. L’historique enregistre l’effacement.
   *[other] { $count } réservations perdront définitivement le nom, l’adresse e-mail, le téléphone, les remarques et les réponses du client. Les e-mails les concernant ne gardent aucun texte, et ceux pas encore envoyés sont abandonnés. L’historique enregistre l’effacement.
}
erase-upcoming = { $count ->
    [one] { $count } d’entre elles est encore à venir : l’horaire reste réservé, mais personne ne peut recevoir de rappel ni être prévenu des changements, et les liens du client cessent de fonctionner.
   *[other] { $count } d’entre elles sont encore à venir : l’horaire reste réservé, mais personne ne peut recevoir de rappel ni être prévenu des changements, et les liens du client cessent de fonctionner.
}
erase-undone = Cette action est irréversible. Téléchargez d’abord les données si le client en a demandé une copie.
erase-yes = Oui, effacer
erase-keep = Conserver
guests-title = Données des clients
guests-lead-instance = Retrouvez toutes les réservations d’un client chez tous les prestataires de cette instance, téléchargez ce qui est conservé à son sujet, ou effacez-le à sa demande.
guests-lead = Retrouvez toutes les réservations qu’un client a faites chez vous, téléchargez ce qui est conservé à son sujet, ou effacez-le à sa demande.
guests-email = Adresse e-mail du client
guests-find = Trouver les réservations
guests-bookings-of = Réservations de { $email }
guests-none-instance = Aucune réservation pour cette adresse.
guests-none = Aucune réservation de cette adresse chez vous.
guests-caption = Les réservations du client, par heure de début
guests-col-provider = Prestataire
guests-download = Télécharger tout ce qui est conservé à son sujet (JSON)
guests-erase-hint = L’effacement remplace le nom, l’adresse, le téléphone, les remarques et les réponses dans ces réservations et vide les e-mails les concernant. Les horaires restent réservés ; les liens cessent de fonctionner. Vous confirmez à la page suivante.
guests-erase = Effacer les données de ce client…
privacy-title = Politique de confidentialité
tokens-col-account = Compte
tokens-col-scope = Portée
tokens-col-created = Créé
tokens-col-last-used = Dernière utilisation
tokens-never = Jamais
tokens-revoke = Révoquer
tokens-revoke-label = Révoquer { $name }
tokens-revoked = Révoqué le { $when }
webhooks-disable = Désactiver
webhooks-enable = Activer
webhooks-disable-label = Désactiver { $url }
webhooks-enable-label = Activer { $url }
webhooks-test = Envoyer un événement de test
webhooks-test-label = Envoyer un événement de test à { $url }

## Settings: API tokens and webhooks
settings-back = Retour aux paramètres
tokens-api-reference = Référence de l’API
tokens-lead = Un jeton permet à un outil de confiance (un CRM, une automatisation, le serveur de votre site) de lire vos prestations et réservations via l’API /api/v1, et, en lecture+écriture, de réserver et de modifier des réservations comme vous le feriez ici. Gardez-le secret ; révoquez-le ici quand l’outil n’en a plus besoin. Envoyez-le ainsi :
tokens-new = Votre nouveau jeton « { $name } »
tokens-copy-now = Copiez-le maintenant : il n’est affiché qu’une seule fois (nous n’en gardons qu’une empreinte).
tokens-token = Jeton
tokens-create-heading = Créer un jeton
tokens-not-created = Le jeton n'a pas été créé : voir les messages ci-dessous.
tokens-name-hint = Ce qui l’utilisera, pour le reconnaître plus tard (jusqu’à 100 caractères).
tokens-scope-legend = Ce qu’il peut faire
tokens-scope-read = Lecture : voir les prestations, les horaires libres et les réservations
tokens-scope-write = Lecture+écriture : aussi réserver, déplacer, accepter, refuser, annuler et marquer des réservations
tokens-create = Créer le jeton
tokens-yours = Vos jetons
tokens-none = Vous n'avez pas encore de jeton.
tokens-all = Jetons de tous les comptes (administration)
tokens-all-none = Aucun compte n’a de jeton.
webhooks-endpoint = Point de terminaison webhook
webhooks-all = Tous les points de terminaison
webhooks-enabled = activé
webhooks-disabled = désactivé
webhooks-summary = Événements : { $types }. Échecs d’affilée : { $count }.
webhooks-recent = Envois récents
webhooks-nothing-sent = Rien n'a encore été envoyé.
webhooks-col-event = Événement
webhooks-col-events = Événements
webhooks-col-state = État
webhooks-col-attempts = Tentatives (statut, latence)
webhooks-col-action = Action
webhooks-next-try = prochain essai { $when }
webhooks-none-yet = Aucune pour l’instant
webhooks-no-answer = pas de réponse
webhooks-latency = en { $ms } ms
webhooks-redeliver = Renvoyer
webhooks-redeliver-label = Renvoyer { $event } { $id }
webhooks-lead = Slotbook informe votre point de terminaison des changements de réservations par un POST JSON signé
webhooks-retry = { $count ->
    [one] Un envoi qui échoue est retenté pendant environ un jour ; après { $count } échec d’affilée, le point de terminaison est désactivé et vous recevez un e-mail.
   *[other] Un envoi qui échoue est retenté pendant environ un jour ; après { $count } échecs d’affilée, le point de terminaison est désactivé et vous recevez un e-mail.
}
webhooks-secret-for = Secret de signature pour { $url }
webhooks-secret-copy = Copiez-le maintenant : il n’est affiché qu’une seule fois. Votre point de terminaison vérifie avec lui la signature de chaque envoi.
webhooks-secret = Secret
webhooks-add-heading = Ajouter un point de terminaison
webhooks-not-added = Le point de terminaison n'a pas été ajouté : voir les messages ci-dessous.
webhooks-url = URL du point de terminaison
webhooks-events = Événements à envoyer
webhooks-add = Ajouter le point de terminaison
webhooks-yours = Vos points de terminaison
webhooks-none = Aucun point de terminaison pour l’instant.

## Admin and API reference
admin-yes = Oui
admin-no = Non
admin-accounts = Comptes
admin-guest-data = Données des clients chez tous les prestataires : rechercher, exporter, effacer
admin-accounts-lead = Désactiver un prestataire le déconnecte partout et met ses pages de réservation hors ligne ; le réactiver les remet en ligne.
admin-accounts-caption = Tous les comptes, du plus ancien au plus récent
admin-role = Rôle
admin-verified = Vérifié
admin-reactivate = Réactiver
admin-deactivate-label = Désactiver { $username }
admin-reactivate-label = Réactiver { $username }
admin-mail = Envoi des e-mails
admin-mail-filter = Filtrer par statut
admin-mail-all = Tous
admin-mail-newest = Les { $count } messages les plus récents.
admin-mail-newest-filtered = Les { $count } messages les plus récents au statut { $status }.
admin-mail-lead = Les messages en échec ont été abandonnés après leur dernière tentative, ou aussitôt quand le serveur de messagerie les a refusés définitivement (une réponse 5xx comme « 550 no such user », affichée comme dernière erreur) ; « Réessayer » les remet en file d’attente.
admin-mail-none = Aucun message.
admin-mail-none-filtered = Aucun message au statut { $status }.
admin-mail-caption = E-mails sortants, du plus récent au plus ancien
admin-mail-recipient = Destinataire
admin-mail-subject = Objet
admin-mail-kind = Type
admin-mail-attempts = Tentatives
admin-mail-next = Prochaine tentative
admin-mail-sent = Envoyé
admin-mail-last-error = Dernière erreur
admin-mail-permanent = Échec définitif, pas de nouvel essai :
admin-mail-retry = Réessayer
admin-mail-retry-label = Réessayer : { $subject } à { $recipient }
api-problem-title = Problème : { $name }
api-problem-type = Type de problème
api-problem-see = les opérations qui répondent avec lui.
api-machine-readable = Le document lisible par machine dont cette page est issue :
api-operations = Opérations
api-needs-token = Nécessite un jeton
api-no-token = Aucun jeton nécessaire.
api-parameters = Paramètres
api-in = Dans
api-type = Type
api-meaning = Signification
api-body = Corps :
api-body-hint = (JSON ; les champs inconnus sont refusés).
api-answers = Réponses
api-body-col = Corps
api-problem-types = Types de problèmes
api-problems-lead = Chaque refus porte l’un de ces types, au format
api-title = Titre

## Teams and bookings
mail-agenda-subject = { $team } : programme du { $day } ({ $count ->
        [one] une réservation
       *[other] { $count } réservations
    })
mail-agenda-empty = { $team } n’a aucune réservation le { $day }.
mail-agenda-lead = Les réservations de { $team } le { $day }. Heures en { $zone }.
mail-agenda-time = Heure ({ $zone })
mail-agenda-service = Prestation
mail-agenda-with = Avec
mail-agenda-guest = Client
mail-agenda-status = Statut
mail-agenda-checked-in = arrivé
mail-agenda-open = Ouvrir la journée
mail-agenda-why = Vous recevez ce message parce que vous avez demandé le programme quotidien de l’équipe. Vous pouvez le désactiver sur la page de l’équipe.
mail-subject-provider-moved = Déplacée : { $service } avec { $guest }, désormais le { $when }
mail-provider-moved-lead = La réservation de { $service } pour { $guest } a été déplacée par l’accueil à l’horaire ci-dessous, avec { $provider }.
mail-subject-provider-cancelled = Annulée : { $service } avec { $guest } le { $when }
mail-provider-cancelled-lead = La réservation de { $service } pour { $guest } a été annulée. Le créneau est de nouveau libre.
mail-provider-cancelled-lead-reason = La réservation de { $service } pour { $guest } a été annulée (« { $reason } »). Le créneau est de nouveau libre.
bookings-title = Réservations
bookings-any = Tous
bookings-status = Statut
bookings-service = Prestation
bookings-from = Du
bookings-until = Au
bookings-filter = Filtrer
bookings-csv = Télécharger en CSV
bookings-total = { $count ->
        [one] Une réservation
       *[other] { $count } réservations
    }. Heures en { $zone }.
bookings-none = Aucune réservation ne correspond.
bookings-caption = Réservations ({ $zone })
bookings-when = Quand
bookings-guest = Client
bookings-actions = Actions
bookings-moved-from = Déplacée du { $from } au { $to } ({ $zone })
bookings-moved-to = Déplacée au { $to } ({ $zone }).
bookings-pages = Pages
bookings-earlier = Plus tôt
bookings-later = Plus tard
bookings-feed = Flux de calendrier
bookings-feed-lead = Abonnez-vous à vos prochaines réservations depuis n’importe quelle application d’agenda grâce à une adresse secrète.
bookings-feed-new = Votre nouvelle adresse (copiez-la maintenant ; elle n’est affichée qu’une fois) :
bookings-feed-create = Créer une nouvelle adresse de flux
bookings-feed-hint = Une nouvelle adresse désactive l’ancienne.
booking-title = Réservation
booking-all = Toutes les réservations
booking-for-guest = Pour le client : { $when } ({ $zone })
booking-cancelled-by = Annulée par : { $by }.
booking-cancelled-by-reason = Annulée par : { $by } ({ $reason }).
actor-guest = client
actor-provider = prestataire
actor-system = système
booking-guest = Client
booking-name = Nom
booking-email = E-mail
booking-phone = Téléphone
booking-notes = Remarques
booking-guest-data = Toutes les réservations de ce client : exporter ou effacer ses données
booking-actions = Actions
booking-reason = Motif (envoyé au client)
booking-history = Historique
booking-moved-here = déplacée ici depuis le
booking-booked-for = réservée pour le { $when }
booking-moved-to = déplacée au
booking-moved-new-time = déplacée à un autre horaire
booking-action-confirm = Confirmer
booking-action-approve = Accepter
booking-action-decline = Refuser
booking-action-complete = Marquer comme terminée
booking-action-no-show = Marquer comme absent
booking-action-cancel = Annuler la réservation
event-created = créée
event-confirmed = confirmée
event-approved = acceptée
event-rescheduled = reprogrammée
event-cancelled = annulée
event-declined = refusée
event-expired = expirée
event-completed = terminée
event-no_show = absent
event-moved = déplacée
event-arrived = arrivé
event-reminder_sent = rappel envoyé
event-guest_data_erased = données du client effacées
booking-reason-needed = Indiquez un motif d’annulation : le client le recevra.
flash-booking-approved = Réservation acceptée ; le client a été prévenu.
flash-booking-declined = Réservation refusée ; le client a été prévenu et le créneau est libre.
flash-booking-cancelled = Réservation annulée ; le client a été prévenu et le créneau est libre.
flash-booking-completed = Marquée comme terminée.
flash-booking-no-show = Marquée comme absent.
flash-booking-confirmed = Réservation confirmée.
flash-feed-replaced = Nouvelle adresse de flux créée ; l’ancienne ne fonctionne plus.
flash-feed-created = Adresse de flux créée : ajoutez-la à votre application d’agenda.
bookings-filter-out-of-range = Les dates doivent être comprises entre 1970 et 2199 ; ce filtre a été ignoré.
bookings-filter-malformed = Les dates doivent avoir la forme 2030-01-31 ; ce filtre a été ignoré.
role-owner = propriétaire
role-admin = administrateur
role-provider = prestataire
role-staff = personnel
teams-title = Équipes
teams-mine = Vos équipes
teams-none = Vous ne faites encore partie d’aucune équipe. Créez-en une ci-dessous ou acceptez une invitation reçue par e-mail.
teams-create = Créer une équipe
teams-create-hint = Une équipe est une clinique, un cabinet ou tout groupe qui partage une page de réservation. Vous en devenez le propriétaire.
teams-not-created = L’équipe n’a pas été créée : voir les messages ci-dessous.
teams-name = Nom de l’équipe
teams-address = Adresse
teams-address-hint = La page de votre équipe sera à /adresse : 3 à 30 lettres, chiffres ou tirets.
teams-timezone = Fuseau horaire de l’équipe (les pages de l’équipe et l’accueil affichent les heures dans ce fuseau)
teams-logo = Texte du logo (facultatif)
teams-colour = Couleur (facultatif)
teams-colour-hint = Par exemple #1a6b4f.
teams-create-button = Créer l’équipe
team-your-role = Votre rôle :
team-zone = Fuseau horaire de l’équipe :
team-public-page = Page publique :
team-services = Prestations de l’équipe
team-desk = Accueil
team-agenda = Programme du jour
team-agenda-on = Vous recevez les réservations du jour de l’équipe par e-mail chaque matin à 07:00 ({ $zone }).
team-agenda-stop = Arrêter le programme par e-mail
team-agenda-hint = Un e-mail chaque matin à 07:00 ({ $zone }) avec les réservations du jour de l’équipe : heure, prestataire, prestation, client et statut.
team-agenda-start = M’envoyer le programme du jour
team-members = Membres
team-name = Nom
team-email = E-mail
team-role = Rôle
team-change = Modifier
team-role-of = Rôle de { $name }
team-change-role = Changer le rôle
team-remove-label = Retirer { $name } de l’équipe
team-remove = Retirer
team-invite = Inviter quelqu’un
team-invite-hint = La personne reçoit par e-mail un lien valable 7 jours et une seule fois : il crée son compte ou ajoute celui qu’elle possède.
team-invite-failed = Aucune invitation n’a été envoyée : voir les messages ci-dessous.
team-invite-email = Adresse e-mail
team-invite-provider = prestataire (a un agenda, peut assurer les prestations de l’équipe)
team-invite-staff = personnel (accueil, sans agenda)
team-invite-admin = administrateur (membres, prestations, toutes les réservations)
team-invite-send = Envoyer l’invitation
team-invite-waiting = En attente de réponse
team-invite-until = { $email } — { $role }, jusqu’au { $until }
team-delete = Supprimer l’équipe
team-delete-hint = Les membres conservent leurs comptes et réservations ; la page de l’équipe et les adhésions disparaissent.
team-delete-confirm = Saisissez l’adresse de l’équipe pour confirmer
team-delete-button = Supprimer l’équipe
team-services-title = Prestations de { $team }
team-back = Retour à l’équipe
team-services-none = Aucune prestation d’équipe pour l’instant.
team-service-row = { $mode } ; intervenants : { $hosts }
assign-round_robin = à tour de rôle
assign-collective = collective
team-service-new = Nouvelle prestation d’équipe
team-service-not-created = La prestation n’a pas été créée : voir les messages ci-dessous.
team-service-slug = Nom du lien (facultatif)
team-service-slug-hint = Les clients réservent à /equipe/nom-du-lien.
team-service-description = Description (facultatif)
team-service-duration = Durée en minutes
team-service-interval = Débuts toutes les … minutes (facultatif)
team-service-buffer-before = Marge avant, en minutes (facultatif)
team-service-buffer-after = Marge après, en minutes (facultatif)
team-service-notice = Délai minimal, en minutes (facultatif)
team-service-window = Réservable combien de jours à l’avance
team-service-location = Lieu (facultatif)
team-service-confirmation = Confirmation
team-service-mode-instant = Immédiate
team-service-mode-provider = L’intervenant accepte
team-service-who = Qui assure une réservation
team-service-round-robin = À tour de rôle : un intervenant libre, au choix du client ou le plus équitable
team-service-collective = Collective : tous les intervenants, seulement quand tous sont libres
team-service-hosts = Intervenants
team-service-create = Créer la prestation d’équipe
invite-title = Rejoindre { $team }
invite-closed = Cette invitation a déjà été utilisée ou a expiré. Demandez-en une nouvelle à l’équipe.
invite-accept = { $name }, vous êtes invité(e) à rejoindre { $team } en tant que { $role }.
invite-other-account = Cette invitation a été envoyée à { $email }, mais vous êtes connecté(e) en tant que { $current }. Déconnectez-vous, rouvrez le lien et connectez-vous avec l’adresse invitée (ou créez un compte avec elle).
invite-signed-out = Vous êtes invité(e) à rejoindre { $team } en tant que { $role }. L’invitation a été envoyée à { $email }.
invite-have-account = J’ai un compte Slotbook
invite-sign-in-with = avec { $email } ; vous reviendrez ici pour accepter.
invite-create = Créer mon compte
invite-no-signup = Ce Slotbook n’accepte pas de nouveaux comptes. Demandez à son administrateur d’en créer un pour { $email }.
invite-not-created = Votre compte n’a pas été créé : voir les messages ci-dessous.
invite-email = Adresse e-mail : { $email } (l’invitation la confirme).
invite-username-hint = Votre propre page de réservation sera à /nom-utilisateur.
invite-submit = Créer le compte et rejoindre
desk-title = Accueil · { $team }
desk-zone = Les heures sont dans le fuseau horaire de l’équipe, { $zone }.
desk-days = Jours
desk-previous = Précédent
desk-next = Suivant
desk-day = Jour
desk-week = Semaine
desk-csv = Exporter en CSV
desk-provider = Prestataire
desk-all = Tous
desk-service = Prestation
desk-status = Statut
desk-holding = Occupant un créneau
desk-filter = Filtrer
desk-caption = Réservations et temps libre par prestataire ({ $zone })
desk-arrived = arrivé
desk-busy = occupé
desk-free = Libre :
desk-book-from = Réserver le { $day } à partir de { $time }
desk-book = Réserver pour un appelant
desk-not-booked = Rien n’a été réservé : voir les messages ci-dessous.
desk-with = Avec
desk-any-host = toute personne disponible
desk-date = Date
desk-time = Heure ({ $zone })
desk-guest-name = Nom du client
desk-guest-email = E-mail du client
desk-guest-phone = Téléphone du client (facultatif)
desk-override = Motif pour réserver en dehors des horaires du prestataire (facultatif)
desk-override-hint = Nécessaire seulement pour un horaire hors des heures ; un horaire qui chevauche une autre réservation n’est jamais possible.
desk-send-mails = Envoyer au client les e-mails habituels
desk-book-button = Réserver
desk-booking-of = Réservation de { $guest }
desk-booking = Réservation
desk-service-with = { $service } avec { $provider }
desk-move = Déplacer
desk-not-moved = La réservation n’a pas été déplacée : voir les messages ci-dessous.
desk-move-override = Motif pour déplacer en dehors des horaires du prestataire (facultatif)
desk-move-button = Déplacer la réservation
desk-status-heading = Arrivée, fin, annulation
desk-mark-arrived = Marquer comme arrivé
desk-mark-completed = Marquer comme terminée
desk-mark-no-show = Marquer comme absent
desk-cancel-reason = Motif de l’annulation
desk-cancel = Annuler la réservation
desk-history = Historique
desk-error-date = Saisissez la date.
desk-error-time = Saisissez une heure comme 09:30.
desk-error-service = Choisissez l’une des prestations de l’équipe.
desk-error-incomplete = Le formulaire de réservation est incomplet. Veuillez recharger la page et réessayer.
desk-error-host-any = Choisissez un intervenant de cette prestation, ou toute personne disponible.
desk-error-host = Choisissez un intervenant de cette prestation.
desk-error-outside-hours = Cet horaire est en dehors des heures du prestataire : indiquez un motif pour réserver quand même.
desk-error-outside-hours-move = Cet horaire est en dehors des heures du prestataire : indiquez un motif pour y déplacer la réservation quand même.
desk-error-not-holding = Cette réservation n’occupe plus de créneau ; elle ne peut donc pas être déplacée.
desk-error-action = Choisissez arrivé, terminée, absent ou annuler.
flash-desk-booked = Réservé.
flash-desk-moved = Réservation déplacée.
flash-desk-arrived = Marqué comme arrivé.
flash-desk-arrived-already = Déjà arrivé, ou plus réservé.
flash-desk-done = C’est fait.
agenda-error-choice = Choisissez si vous souhaitez recevoir le programme par e-mail.
flash-agenda-on = Vous recevrez le programme du jour par e-mail chaque matin à 07:00 (heure de l’équipe).
flash-agenda-off = Le programme quotidien par e-mail est désactivé.
team-service-error-mode = Choisissez à tour de rôle ou collective.
team-service-error-no-host = Choisissez au moins un intervenant.
flash-team-service-created = Prestation d’équipe créée.
team-service-error-slug-taken = Une autre prestation de l’équipe utilise ce nom de lien ; veuillez en choisir un autre.
team-service-error-bad-hosts = Les intervenants doivent être des membres de l’équipe ayant un agenda (pas le personnel).
teams-error-slug-taken = Cette adresse est déjà prise ; veuillez en choisir une autre.
flash-team-created = Votre équipe est prête. Invitez ses membres ci-dessous.
flash-team-invited = Invitation envoyée à { $email }.
team-error-role = Choisissez propriétaire, administrateur, prestataire ou personnel.
flash-team-role-changed = Rôle changé en { $role ->
        [owner] propriétaire
        [admin] administrateur
        [provider] prestataire
       *[staff] personnel
    }.
flash-team-member-removed = Membre retiré de l’équipe.
team-refusal-not-allowed = Seuls les propriétaires et les administrateurs modifient les membres d’une équipe.
team-refusal-owners-only = Seul un propriétaire peut modifier un propriétaire ou nommer quelqu’un propriétaire.
team-refusal-last-owner = Une équipe a toujours un propriétaire : nommez d’abord quelqu’un d’autre propriétaire.
flash-team-not-deleted = L’équipe n’a pas été supprimée : saisissez exactement son adresse pour confirmer.
flash-team-deleted = L’équipe { $team } a été supprimée.
flash-team-welcome = Bienvenue dans { $team }.
flash-team-welcome-new = Bienvenue sur Slotbook et dans { $team }.
invite-error-username-taken = Ce nom d’utilisateur est déjà pris ; veuillez en choisir un autre.
invite-error-email-taken = Un compte existe déjà avec cette adresse e-mail : connectez-vous avec lui pour accepter l’invitation.

## Accessibility and calendars
admin-mail-see-calendar-writes = Voir aussi : écriture dans les calendriers
calendars-lead = Les plages occupées des calendriers auxquels vous vous abonnez ou que vous connectez ici bloquent les réservations, comme une absence. Slotbook lit chacun toutes les { $minutes } minutes ; seuls le début et la fin de chaque événement sont lus, rien d’autre.
calendars-timezone = Les heures sont dans votre fuseau horaire, { $zone }.
calendars-ics-heading = Abonnements ICS
calendars-none = Aucun calendrier pour l’instant.
calendars-accounts-heading = Comptes CalDAV
calendars-no-accounts = Aucun compte pour l’instant.
calendars-account-at = { $username } sur { $server }
calendars-account-no-busy = Aucun calendrier de ce compte ne compte comme occupé.
calendars-account-not-written = Les réservations ne sont pas inscrites dans ce compte.
calendars-account-written-into = Les réservations confirmées sont inscrites dans { $calendar }.
calendars-choose = Choisir les calendriers
calendars-remove-account = Supprimer le compte
calendars-remove-account-label = Supprimer le compte { $username } sur { $server }
calendars-connect-heading = Connecter un compte CalDAV
calendars-connect-hint = Nextcloud, iCloud, Fastmail, Radicale et autres serveurs CalDAV. Utilisez un mot de passe d’application lorsque votre fournisseur en propose (iCloud : appleid.apple.com → Mots de passe pour app ; Nextcloud : Paramètres → Sécurité → Appareils & sessions). Slotbook conserve le mot de passe chiffré et ne l’affiche plus jamais.
calendars-account-not-connected = Le compte n’a pas été connecté : voyez les messages ci-dessous.
calendars-server-url = Adresse du serveur
calendars-server-url-hint = Par exemple https://cloud.example.com/remote.php/dav/
calendars-username = Nom d’utilisateur
calendars-password = Mot de passe ou mot de passe d’application
calendars-connect = Connecter le compte
calendars-subscribe-heading = S’abonner à un calendrier
calendars-subscribe-hint = Collez l’adresse ICS du calendrier (elle commence par https://, http:// ou webcal://). Google : Paramètres → votre calendrier → « Adresse secrète au format iCal ». Apple iCloud : partagez le calendrier comme calendrier public. Outlook : Paramètres → Calendriers partagés → Publier un calendrier → lien ICS. Nextcloud : menu du calendrier → « Copier le lien d’abonnement ». Jusqu’à { $max } calendriers.
calendars-not-added = Le calendrier n’a pas été ajouté : voyez le message ci-dessous.
calendars-url = Adresse du calendrier (ICS)
calendars-add = Ajouter le calendrier
calendars-not-read-yet = Pas encore lu avec succès.
calendars-last-read = Dernière lecture le { $when } ({ $zone }) : { $count ->
        [one] une plage occupée
       *[other] { $count } plages occupées
    } dans votre fenêtre de réservation.
calendars-skipped = { $count ->
        [one] Un événement n’a pas pu être lu et ne bloque rien.
       *[other] { $count } événements n’ont pas pu être lus et ne bloquent rien.
    }
calendars-last-failed = La dernière tentative, le { $when } ({ $zone }), a échoué : { $error }.
calendars-last-success-counts = Les plages occupées de la dernière lecture réussie restent valables.
calendars-refreshing = Actualisation… Rechargez la page dans un instant pour voir le résultat.
calendars-next-read = Prochaine lecture le { $when } ({ $zone }).
calendars-refresh-now = Actualiser maintenant
calendars-refresh-label = Actualiser { $url } maintenant
calendars-remove = Supprimer
calendars-remove-label = Supprimer { $url }
calendars-account-lead = Compte { $username } sur { $server }.
calendars-back = Retour aux calendriers
calendars-busy-legend = Quels calendriers comptent comme occupés ?
calendars-busy-hint = Les événements des calendriers cochés bloquent les réservations, comme une absence.
calendars-write-legend = Inscrire les réservations confirmées dans
calendars-write-hint = Slotbook ajoute chaque réservation confirmée à ce calendrier, la déplace lorsque la réservation est reportée et la retire lorsqu’elle est annulée. Un seul calendrier, pour l’ensemble de vos comptes.
calendars-write-none = Aucun calendrier
calendars-save = Enregistrer
calendar-write-label = Votre calendrier :
calendar-write-removed = retirée de votre calendrier le { $when }.
calendar-write-written = inscrite dans votre calendrier le { $when }.
calendar-write-nothing = rien à inscrire pour l’instant ({ $when }).
calendar-write-failed = l’inscription a échoué après { $count ->
        [one] une tentative
       *[other] { $count } tentatives
    } : { $error }. Slotbook a renoncé à cette modification.
calendar-write-pending = en attente.
calendar-write-retrying = en attente : la dernière tentative a échoué ({ $error }) ; Slotbook réessaie le { $when }.
admin-calendar-writes = Écriture dans les calendriers
admin-calendar-writes-lead = Les { $limit } réservations les plus récentes inscrites dans les calendriers CalDAV des prestataires. Heures en UTC. Une inscription échouée a été abandonnée après sa dernière tentative ; la prochaine modification de cette réservation par le prestataire la remet en file d’attente.
admin-calendar-writes-none = Aucune inscription dans un calendrier.
admin-calendar-writes-caption = Inscriptions dans les calendriers, les plus récentes d’abord
admin-calendar-writes-booking = Réservation
admin-calendar-writes-object = Objet du calendrier
admin-calendar-writes-status = Statut
admin-calendar-writes-did = Action
admin-calendar-writes-attempts = Tentatives
admin-calendar-writes-when = Moment
admin-calendar-writes-error = Dernière erreur
write-status-queued = en file d’attente
write-status-sending = en cours d’envoi
write-status-written = inscrite
write-status-failed = échouée
write-action-put = inscrite
write-action-delete = retirée
write-action-none = rien
calendars-error-url-empty = Saisissez l’adresse du calendrier.
calendars-error-url-long = Cette adresse dépasse 2 000 caractères.
calendars-error-url-scheme = Saisissez une adresse qui commence par https://, http:// ou webcal://.
calendars-error-private = Cette adresse se trouve dans un réseau privé, où Slotbook ne lit pas.
calendars-error-too-many = Vous êtes déjà abonné au nombre maximal de calendriers que Slotbook lit pour une personne ; supprimez-en un d’abord.
flash-calendar-added = Calendrier ajouté : Slotbook le lit maintenant, et ses plages occupées bloqueront les réservations.
flash-calendar-refreshing = Actualisation : Slotbook relit le calendrier dans un instant.
flash-calendar-removed = Calendrier supprimé : ses plages occupées ne bloquent plus les réservations.
calendars-error-server-empty = Saisissez l’adresse de votre serveur de calendrier.
calendars-error-server-scheme = Saisissez une adresse qui commence par https:// ou http://.
calendars-error-username = Saisissez le nom d’utilisateur avec lequel vous vous connectez au serveur.
calendars-error-password = Saisissez le mot de passe ou un mot de passe d’application pour ce compte.
calendars-error-unauthorized = Le serveur a refusé ce nom d’utilisateur et ce mot de passe. Vérifiez-les, ou créez un mot de passe d’application pour Slotbook.
calendars-error-not-found = Aucun calendrier n’a été trouvé à cette adresse : { $error }.
calendars-error-no-calendars = Ce compte n’a aucun calendrier.
calendars-error-too-many-accounts = Vous avez déjà connecté le nombre maximal de comptes que Slotbook conserve pour une personne ; supprimez-en un d’abord.
calendars-error-choose-fewer = C’est plus de calendriers que Slotbook n’en lit pour une personne : choisissez-en moins.
calendars-error-choose-listed = Choisissez parmi les calendriers listés ici.
flash-calendar-account-connected = Compte connecté : choisissez lesquels de ses calendriers comptent comme occupés.
flash-calendars-saved = Calendriers enregistrés : Slotbook lit maintenant ceux qui comptent comme occupés.
flash-calendar-account-removed = Compte supprimé : ses calendriers ne bloquent plus les réservations, et les réservations n’y sont plus inscrites.
calendar-description-notes = Remarques : { $notes }
calendar-description-manage = Gérer cette réservation : { $link }
## Flash messages
flash-welcome = Bienvenue sur Slotbook ! Nous avons envoyé un lien à { $email } pour vérifier votre adresse ; les clients pourront réserver une fois qu’elle sera vérifiée.
flash-verified = Merci : { $email } est vérifiée. Les clients peuvent maintenant réserver.
flash-reset-sent = Si un compte utilise { $email }, nous lui avons envoyé un lien pour choisir un nouveau mot de passe. Le lien est valable une heure.
flash-profile-saved = Votre profil est enregistré.
flash-email-changed = Votre adresse e-mail est désormais { $email }. Nous lui avons envoyé un lien de vérification ; les réservations sont suspendues jusqu’à sa vérification.
flash-password-changed = Votre mot de passe est modifié. Toutes les autres sessions sont déconnectées.
flash-look-saved = Intégration et image de marque enregistrées.
flash-mail-requeued = Le message est de nouveau en file d’attente et sera envoyé sous peu.
flash-mail-not-failed = Ce message n'est plus en échec ; rien n'a été modifié.
flash-admin-not-yourself = Vous ne pouvez pas désactiver votre propre compte.
flash-admin-only-providers = Seuls les comptes prestataires peuvent être désactivés ou réactivés.
flash-admin-reactivated = Le compte est de nouveau actif ; ses pages de réservation sont de retour en ligne.
flash-admin-deactivated = Le compte est désactivé : déconnecté partout, ses pages de réservation sont hors ligne.
flash-token-revoked = Jeton révoqué : il ne fonctionne plus.
flash-webhook-test-queued = Événement de test en file d’attente : il est envoyé dans quelques secondes ; ses tentatives s’affichent ci-dessous.
flash-webhook-requeued = Remis en file d’attente avec le même webhook-id : il est envoyé dans quelques secondes.
flash-time-off-added = Absence ajoutée : { $when }.
flash-time-off-removed = Absence supprimée.

## More flash messages
flash-verification-resent = Nous avons envoyé un nouveau lien de vérification à { $email }. Les liens précédents ne fonctionnent plus.
flash-already-verified = Votre adresse e-mail est déjà vérifiée.
flash-guest-erased = { $count ->
    [one] Les données du client sont effacées de { $count } réservation.
   *[other] Les données du client sont effacées de { $count } réservations.
}
flash-webhook-enabled = Point de terminaison activé : les nouveaux événements lui sont envoyés.
flash-webhook-disabled = Point de terminaison désactivé : rien ne lui est envoyé tant que vous ne le réactivez pas.

## Error pages
error-login = Veuillez vous connecter
error-login-message = Veuillez vous connecter pour continuer.
error-not-found = Page introuvable
error-not-found-message = Nous n’avons pas trouvé cette page. Le lien est peut-être mal saisi ou périmé.
error-csrf = Ce formulaire a expiré
error-csrf-message = Pour votre sécurité, le formulaire n’a pas pu être accepté : il est resté ouvert trop longtemps ou provient d’un autre site. Revenez en arrière, rechargez la page et envoyez-le à nouveau.
error-forbidden = Non autorisé
error-forbidden-message = Vous n'avez pas accès à cette page.
error-bad-request = Cela n'a pas fonctionné
error-rate-limited = Trop de tentatives
error-rate-limited-message = Vous avez essayé trop de fois. Veuillez patienter { $wait } et réessayer.
error-slot-taken-message = Quelqu’un d’autre vient de réserver cet horaire. Veuillez en choisir un autre.
error-duplicate = Existe déjà
error-duplicate-message = Un élément du même nom existe déjà. Revenez en arrière et choisissez-en un autre.
error-busy = Nous sommes très sollicités
error-busy-message = Le serveur est occupé pour le moment. Veuillez réessayer dans quelques secondes.
error-internal = Une erreur s'est produite
error-internal-message = Une erreur s’est produite de notre côté. Vous n’y êtes pour rien ; veuillez réessayer dans un instant.

## More formats
fmt-day-month = %-d %b
fmt-day-month-year = %-d %b %Y
week-times-in = Horaires en

## Webhook states
webhooks-state-enabled = Activé
webhooks-state-disabled = Désactivé

## Status badges
badge-pending = En attente
badge-confirmed = Confirmée
badge-completed = Terminée
badge-no_show = Absence
badge-expired = Expirée
badge-declined = Refusée
badge-cancelled = Annulée

## lang (issue #16): form errors from the domain and the form handlers, and the last page texts
form-error-control-characters = Ce texte contient des caractères de contrôle invisibles ; veuillez le saisir à nouveau.
form-error-line-break = Écrivez ceci sur une seule ligne.
form-error-number-range = { $what } : saisissez un nombre entre { $min } et { $max }.
form-error-number-missing = Saisissez { $what }.
form-error-number-whole = { $what } : saisissez un nombre entier.
form-error-at-most = Utilisez au plus { $max } caractères.
form-error-date = Saisissez une date comme 2030-01-31.
form-error-month = Saisissez un mois comme 2030-01.
form-error-date-range = Choisissez une date entre 1970 et 2199.
form-error-timezone = « { $zone } » n’est pas un fuseau horaire connu ; choisissez-en un dans la liste, par exemple Europe/Paris.
field-duration = Durée
    .lower = la durée
field-slot-interval = Intervalle des horaires
    .lower = l’intervalle des horaires
field-buffer-before = Marge avant
    .lower = la marge avant
field-buffer-after = Marge après
    .lower = la marge après
field-minimum-notice = Délai minimum
    .lower = le délai minimum
field-booking-window = Fenêtre de réservation
    .lower = la fenêtre de réservation
field-daily-limit = Limite quotidienne
    .lower = la limite quotidienne
field-hold-time = Durée de réservation provisoire
    .lower = la durée de réservation provisoire
field-cancellation-notice = Délai d’annulation
    .lower = le délai d’annulation
field-reminder = Rappel
    .lower = le rappel
email-error-missing = Saisissez votre adresse e-mail.
email-error-long = Une adresse e-mail peut compter au plus 254 caractères.
email-error-invalid = Saisissez une adresse e-mail comme nom@example.com.
username-error-missing = Choisissez un nom d’utilisateur.
username-error-length = Un nom d’utilisateur compte de 3 à 30 caractères.
username-error-characters = Utilisez uniquement les lettres a–z, des chiffres et des tirets.
username-error-hyphen = Un nom d’utilisateur ne peut pas commencer ni finir par un tiret.
username-error-reserved = Ce nom d’utilisateur est réservé ; veuillez en choisir un autre.
password-error-missing = Choisissez un mot de passe.
password-error-short = Utilisez au moins { $min } caractères (quelques mots font un bon mot de passe).
password-error-obvious = Ce mot de passe est trop facile à deviner : évitez votre nom d’utilisateur, votre adresse e-mail et les mots de passe courants.
password-error-differ = Les deux mots de passe diffèrent : saisissez deux fois le même nouveau mot de passe.
account-error-language = Choisissez l’une des langues.
signup-error-username-taken = Ce nom d’utilisateur est déjà pris ; veuillez en choisir un autre.
signup-error-email-taken = Un compte existe déjà avec cette adresse e-mail. Connectez-vous ou réinitialisez son mot de passe.
login-error-login-missing = Saisissez votre adresse e-mail ou votre nom d’utilisateur.
login-error-password-missing = Saisissez votre mot de passe.
settings-error-email-same = C’est déjà votre adresse e-mail.
settings-error-email-taken = Un autre compte utilise cette adresse e-mail.
settings-error-password-missing = Saisissez votre mot de passe actuel.
settings-error-password-wrong = Ce n’est pas votre mot de passe actuel.
guest-error-name-missing = Saisissez votre nom.
guest-error-name-long = Votre nom peut compter au plus 200 caractères.
guest-error-email-missing = Saisissez votre adresse e-mail : la confirmation y sera envoyée.
guest-error-email-invalid = Saisissez une adresse e-mail valide, comme nom@example.com.
guest-error-phone = Saisissez un numéro de téléphone avec des chiffres (espaces, +, - et parenthèses acceptés), ou laissez le champ vide.
guest-error-notes-long = Les remarques peuvent compter au plus 5 000 caractères.
guest-error-answer-missing = Cette question demande une réponse.
guest-error-answer-choice = Choisissez l’une des options.
guest-error-answer-long = Une réponse peut compter au plus 2 000 caractères.
privacy-error-email-missing = Saisissez l’adresse e-mail du client.
privacy-error-email-erased = C’est l’adresse de substitution des réservations effacées, pas celle d’un client.
service-error-name-missing = Saisissez un nom pour la prestation.
service-error-name-long = Le nom peut compter au plus 120 caractères.
service-error-slug = Le nom du lien peut contenir des lettres minuscules, des chiffres et des tirets (60 au plus), sans commencer ni finir par un tiret.
service-error-slug-reserved = « { $slug } » est réservé ; veuillez choisir un autre nom de lien.
service-error-slug-taken = Vous avez déjà une prestation avec ce nom de lien ; choisissez-en un autre.
service-error-description-long = La description peut compter au plus 5 000 caractères.
service-error-price = Saisissez un prix comme 25 ou 25.50, ou laissez le champ vide.
service-error-currency = Utilisez un code de devise de trois lettres comme EUR ou USD.
service-error-currency-missing = Saisissez la devise du prix, par exemple EUR ou USD.
service-error-location-long = Le lieu peut compter au plus 500 caractères.
service-error-confirmation = Choisissez comment les réservations sont confirmées.
service-error-questions-many = Une prestation peut avoir au plus { $max } questions.
service-error-question-long = Une question peut compter au plus 200 caractères.
service-error-choices = Une question à choix demande au moins deux choix, séparés par des virgules.
hours-error-start-missing = Saisissez une heure de début.
hours-error-end-missing = Saisissez une heure de fin.
hours-error-start-unreadable = Saisissez l’heure de début en heures et minutes, comme 09:30.
hours-error-end-unreadable = Saisissez l’heure de fin en heures et minutes, comme 17:30, ou { $midnight } pour minuit.
hours-error-date-missing = Saisissez la date.
hours-error-days = Choisissez au moins un jour.
hours-error-validity = La dernière date de validité ne peut pas précéder la première.
hours-error-override-empty = Saisissez les heures d’ouverture de cette date, ou cochez « Fermé toute la journée ».
hours-error-backwards = { $interval } finit avant de commencer ; les horaires ne peuvent pas dépasser minuit, ajoutez donc la suite au jour suivant.
hours-error-overlap = { $first } chevauche { $second } ; regroupez-les ou séparez-les.
hours-error-backwards-on-day = { $day } : { $interval } finit avant de commencer ; les horaires ne peuvent pas dépasser minuit, ajoutez donc la suite au jour suivant.
hours-error-overlap-on-day = { $day } : { $first } chevauche { $second } ; regroupez-les ou séparez-les.
timeoff-error-first-day = Saisissez le premier jour.
timeoff-error-last-day = Saisissez le dernier jour.
timeoff-error-time = Saisissez une heure comme 09:30, ou laissez le champ vide.
timeoff-error-reason-long = Le motif peut compter au plus 200 caractères.
timeoff-error-order = L’absence doit finir après son début.
find-error-days = Choisissez des jours du lundi au dimanche.
find-error-part = Choisissez matin, après-midi ou soir.
find-error-time = Saisissez une heure en heures et minutes, comme 17:30.
find-error-order = La fin doit être après le début.
find-error-both = Saisissez les deux heures, ou aucune.
team-error-name-missing = Saisissez le nom de l’équipe.
team-error-colour = Indiquez une couleur sous la forme # suivi de six chiffres hexadécimaux, par exemple #1a6b4f.
team-error-invite-role = Choisissez administrateur, prestataire ou personnel.
team-slug-error-missing = Choisissez l’adresse de l’équipe.
team-slug-error-length = Une adresse d’équipe compte de 3 à 30 caractères.
team-slug-error-hyphen = Une adresse d’équipe ne peut pas commencer ni finir par un tiret.
team-slug-error-reserved = Cette adresse est réservée ; veuillez en choisir une autre.
look-error-colour = Saisissez la couleur sous la forme # suivi de six chiffres hexadécimaux, comme #2457d6.
look-error-colour-missing = Saisissez une couleur.
look-error-colour-light = { $colour } est trop clair : un texte blanc dessus a un contraste de { $ratio }:1, et il faut au moins { $min }:1 pour qu’il soit lisible. Choisissez une teinte plus foncée.
look-error-logo-long = Le texte du logo peut compter au plus { $max } caractères.
look-error-logo-line = Le texte du logo doit tenir sur une seule ligne.
look-error-origins-many = Indiquez au plus { $max } sites web.
look-error-origin = « { $origin } » n’est pas une origine de site web : saisissez-la sous la forme https://example.com (schéma et hôte, un port facultatif, sans chemin).
look-error-origin-http = « { $origin } » utilise http : seuls les sites https peuvent intégrer vos pages (http est accepté pour localhost pendant vos essais).
team-bookings-not-open = Les réservations seront ouvertes dès qu’un membre de { $team } acceptera des réservations pour cette prestation. Revenez bientôt.
error-form-unreadable = Le formulaire n’a pas pu être lu. Revenez en arrière, rechargez la page et réessayez.
error-query-unreadable = L’adresse contient des paramètres que nous n’avons pas pu lire.
book-error-far-start = Cet horaire se situe hors des dates réservables (1970 à 2199). Veuillez choisir un horaire dans le calendrier.
flash-signed-out = Vous êtes déconnecté.
flash-password-reset-done = Votre mot de passe a été changé et toutes les sessions ont été fermées. Connectez-vous avec votre nouveau mot de passe.
flash-account-deleted = Votre compte est supprimé. Les clients ayant des réservations à venir ont été prévenus.
delete-refused-last-admin = Vous êtes le seul administrateur de cette instance. Créez un autre administrateur (slotbook admin create) avant de supprimer ce compte, afin que quelqu’un puisse encore la gérer.
delete-refused-team-owner = Vous êtes le seul propriétaire de l’équipe ou des équipes « { $teams } ». Transférez d’abord la propriété : faites d’un autre membre un propriétaire sur la page Membres de l’équipe (ou supprimez l’équipe), puis supprimez votre compte, afin qu’aucune équipe ne reste sans personne pour la gérer.
webhooks-error-url-long = Une URL peut compter au plus 2 000 caractères.
webhooks-error-url-unreadable = Saisissez une URL complète, comme https://example.com/hooks.
webhooks-error-url-scheme = Saisissez une URL http:// ou https:// avec un nom d’hôte.
webhooks-error-url-credentials = Mettez les identifiants dans le point de terminaison, pas dans l’URL.
webhooks-error-url-private = Cette adresse se trouve dans un réseau privé, vers lequel Slotbook n’envoie rien.
webhooks-error-types = Choisissez au moins un des événements.
tokens-error-name-missing = Donnez un nom au jeton, par exemple celui de l’outil qui l’utilisera.
tokens-error-name-long = Un nom de jeton peut compter au plus 100 caractères.
tokens-error-name-line = Un nom de jeton doit tenir sur une seule ligne.
tokens-error-scope = Choisissez lecture ou lecture+écriture.
hours-error-copy-days = Choisissez au moins un autre jour vers lequel copier.
## End of the lang block
