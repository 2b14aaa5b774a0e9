## Formatos: patrones strftime; los nombres de meses y días vienen de los datos de la configuración regional.
fmt-date-long = %A, %-d de %B de %Y
fmt-date-medium = %a, %-d %b %Y
fmt-date-short = %a %-d %b
fmt-month-year = %B de %Y
fmt-date-time = { $date }, { $time }

## Unidades
unit-minutes = { $count ->
    [one] { $count } minuto
   *[other] { $count } minutos
}

## Diseño
meta-description = Slotbook: reserve una cita en línea en pocos clics, en su propia zona horaria.
nav-skip = Ir al contenido
nav-main = Navegación principal
nav-dashboard = Panel
nav-bookings = Reservas
nav-week = Semana
nav-guests = Clientes
nav-services = Servicios
nav-hours = Horario
nav-time-off = Ausencias
nav-calendars = Calendarios
nav-settings = Ajustes
nav-teams = Equipos
nav-my-page = Mi página
nav-admin = Administración
nav-sign-out = Cerrar sesión
nav-sign-in = Iniciar sesión
nav-language = Idioma
footer-powered = Con la tecnología de Slotbook
footer-privacy = Privacidad
unit-hours = { $count ->
    [one] { $count } hora
   *[other] { $count } horas
}
unit-days = { $count ->
    [one] { $count } día
   *[other] { $count } días
}

## Palabras comunes
form-correct-fields = Corrija los campos marcados.
form-required = (obligatorio)
form-choose = Elija…
form-honeypot = Deje este campo vacío
service-with-provider = { $service } con { $provider }
times-in-zone = Horarios en { $zone }
times-shown-in = Los horarios se muestran en { $zone }
tz-unknown = No conocemos la zona horaria «{ $tz }», así que los horarios se muestran en { $zone }.
status-label = Estado:
status-pending = pendiente
status-confirmed = confirmada
status-completed = completada
status-no_show = no se presentó
status-expired = caducada
status-declined = rechazada
status-cancelled = cancelada
bookings-not-open = Las reservas se abrirán cuando { $provider } haya confirmado su dirección de correo. Vuelva a consultar pronto.
bookings-not-open-yet = Las reservas se abrirán cuando el profesional haya confirmado su dirección de correo.
privacy-notice-lead = Cómo se usan y conservan sus datos:
privacy-notice-link = aviso de privacidad.

## Rechazos
refusal-in-past = Ese horario ya ha pasado. Elija otro horario.
refusal-inside-notice = Este servicio debe reservarse con al menos { $duration } de antelación. Elija un horario posterior.
refusal-beyond-window = Este servicio puede reservarse como máximo con { $duration } de antelación. Elija una fecha anterior.
refusal-outside-hours = Ese horario está fuera de las horas disponibles. Elija uno de los horarios mostrados.
refusal-off-grid = Esa no es una de las horas de inicio ofrecidas. Elija uno de los horarios mostrados.
refusal-daily-limit = Ese día está completo para este servicio. Elija otro día.
refusal-unavailable = Ese horario ya no está disponible. Elija otro horario.
refused-wrong-state = Esta reserva está { $status } y no puede modificarse de esa forma.
refused-hold-lapsed = El tiempo reservado para esta reserva se agotó antes de confirmarla.
refused-not-started = Esta reserva no puede marcarse antes de su hora de inicio.
refused-inside-cancellation-notice = Las reservas de este servicio no pueden cancelarse ni moverse con menos de { $duration } de antelación. Póngase en contacto directamente con el profesional.

## Página del profesional
provider-our-providers = Nuestros profesionales
provider-services = Servicios
provider-nothing = Por ahora no hay nada que reservar aquí.

## Página del servicio (calendario)
service-who = Con quién reserva
service-with = Con:
service-rescheduling = Elija un nuevo horario para su reserva del { $when }. Su horario actual sigue reservado hasta que confirme el nuevo.
service-change = cambiar
service-find-link = Encontrar un horario que me convenga
service-find-hint = : elija días y momentos del día.
service-tz-label = Horarios mostrados en
service-show-times = Mostrar horarios
service-more-timezones = Más zonas horarias
service-months = Meses
service-prev-month = Mes anterior
service-next-month = Mes siguiente
service-caption = Días con horarios libres en { $month } ({ $zone })
service-day-free = { $date }, horarios disponibles
service-day-none = { $date }, sin horarios
service-no-times-month = No hay horarios libres este mes.
service-try-next-month = Pruebe el mes siguiente.
service-no-times-day = No hay horarios libres este día.

## Zonas horarias
timezones-title = Zonas horarias · { $service } con { $provider }
timezones-heading = Mostrar los horarios en otra zona horaria

## Encontrar un horario
find-title = Encontrar un horario: { $service } con { $provider }
find-description = Encuentre un horario que le convenga para { $service } con { $provider }.
find-back = { $service }: el calendario
find-heading = Encontrar un horario que le convenga
find-check = Revise su selección:
find-days = Días de la semana
find-part = Momento del día
find-part-morning = Mañana (antes de las 12:00)
find-part-afternoon = Tarde (12:00–17:00)
find-part-evening = Noche (desde las 17:00)
find-between = O con inicio entre dos horas (sustituye el momento del día):
find-from = Desde
find-until = Hasta
find-submit = Buscar horarios
find-found = { $count ->
    [0] No hay horarios que coincidan
    [one] El próximo horario que coincide
   *[other] Los próximos { $count } horarios que coinciden
}
find-searched = Se buscó en los próximos { $days } días. Horarios en { $zone }.
find-nothing = Ningún horario libre coincide con esta selección. Pruebe con más días u otro momento del día.
find-more = Hay más horarios después: acote su selección o elija un día en
find-calendar = el calendario.

## Formulario de reserva
book-title = Reservar { $service }
book-back = Elegir otro horario
book-your-appointment = Su cita
book-provider-time = Son las { $time } para { $provider } ({ $zone }).
book-duration-with = { $count ->
    [one] { $count } minuto con { $provider }
   *[other] { $count } minutos con { $provider }
}
book-see-free-times = Ver los horarios libres
book-your-name = Su nombre
book-email = Correo electrónico
book-email-hint = Aquí le enviamos la confirmación y los enlaces para cancelar o cambiar la cita.
book-phone = Teléfono (opcional)
book-notes = Notas (opcional)
book-submit = Reservar este horario
book-submit-move = Mover mi reserva aquí
book-missing-time = Falta el horario en el formulario de reserva. Elija un horario de nuevo.
book-incomplete = El formulario de reserva está incompleto. Elija un horario de nuevo.
book-not-accepted = No se ha podido aceptar su reserva.

## Horario ocupado
taken-title = Este horario se acaba de reservar
taken-message = Otra persona acaba de reservar este horario. No se ha reservado nada a su nombre; elija otro horario.
taken-none-near = No hay otros horarios libres cercanos.
taken-nearest = Los horarios libres más cercanos
taken-see-all = Ver todos los horarios libres

## Tras la reserva
booked-requested = Solicitud recibida
booked-requested-next = { $provider } revisará su solicitud. Le escribiremos en cuanto se acepte o se rechace; mientras tanto, el horario queda reservado para usted.
booked-check-email = Revise su correo
booked-check-email-next = Hemos enviado un enlace de confirmación a { $email }. Su horario queda reservado hasta que haga clic en él; las reservas no confirmadas se liberan tras { $minutes } minutos.
booked-confirmed = Su reserva está hecha
booked-confirmed-next = Su reserva está confirmada. Le hemos enviado los detalles por correo, con enlaces para cancelar o cambiar la cita.
booked-other = Su reserva
booked-other-next = Esta reserva está { $status }.
booked-provider-time = { $time } para { $provider } ({ $zone })
booked-emails-go-to = Los correos se envían a { $email }.
booked-add-to-calendar = Añadir al calendario (.ics)

## Enlaces de los correos de reserva
link-dead-unknown = Este enlace no es válido
link-dead-unknown-message = No hemos encontrado este enlace. Compruebe que ha copiado la dirección completa del correo.
link-dead-used = Este enlace ya no funciona
link-dead-used-message = Este enlace ya se usó, o la reserva cambió desde que se envió el correo (por ejemplo, se movió o se canceló). Use los enlaces del correo más reciente sobre su reserva.
link-dead-expired = Este enlace ha caducado
link-dead-expired-message = Este enlace ya no es válido: su hora ya pasó. Si todavía necesita una cita, reserve un nuevo horario.
link-confirm-heading = Confirmar su reserva
link-confirm-intro = Pulse el botón para confirmar esta reserva.
link-confirm-button = Confirmar reserva
link-cancel-heading = Cancelar su reserva
link-cancel-intro = Pulse el botón para cancelar esta reserva. El horario quedará libre para otras personas.
link-cancel-button = Cancelar reserva
link-approve-heading = Aceptar esta reserva
link-approve-intro = Pulse el botón para aceptar esta solicitud; se avisará al cliente de inmediato.
link-approve-button = Aceptar
link-decline-heading = Rechazar esta reserva
link-decline-intro = Pulse el botón para rechazar esta solicitud; se avisará al cliente y el horario quedará libre.
link-decline-button = Rechazar
link-confirm-done = Su reserva está confirmada
link-confirm-done-message = Gracias. Le hemos enviado la confirmación con un archivo de calendario por correo.
link-approve-done = Reserva aceptada
link-approve-done-message = Se ha avisado al cliente de que la reserva está confirmada.
link-decline-done = Reserva rechazada
link-decline-done-message = Se ha avisado al cliente y el horario vuelve a estar libre.
link-cancel-done = Su reserva está cancelada
link-cancel-done-message = El horario vuelve a estar libre y se ha avisado al profesional. Le hemos enviado una confirmación por correo.
link-book-another = Reservar otro horario
link-book-service = Reservar { $service }
link-hold-lapsed = El horario ya no está reservado
link-hold-lapsed-message = La reserva no se confirmó a tiempo, así que el horario se liberó. Puede volver a reservar cuando quiera.
link-cannot = Esto no es posible
link-reason-unreadable = Su motivo contiene caracteres de control invisibles, así que no se ha cambiado nada. Vuelva atrás y escríbalo de nuevo.
links-reason = Motivo (opcional)

## Archivos de calendario
ics-description-guest = { $service } reservado por { $guest } a través de Slotbook.

## Correos de reserva
mail-hello = Hola, { $name }:
mail-what = Qué
mail-when = Cuándo
mail-timezone = Zona horaria
mail-where = Dónde
mail-guest = Cliente
mail-phone = Teléfono
mail-notes = Notas
mail-with = Con
mail-link-confirm = Confirmar su reserva
mail-link-reschedule = Cambiar la cita
mail-link-cancel = Cancelar
mail-link-approve = Aceptar
mail-link-decline = Rechazar
mail-link-dashboard = Abrir en su panel
mail-link-book-again = Reservar de nuevo
mail-footer = Enviado por Slotbook.
mail-footer-on-behalf = Enviado por Slotbook en nombre de { $provider }.
mail-signature-on-behalf = Slotbook, en nombre de { $provider }
mail-cancelled-by-you = Su reserva está cancelada, tal como pidió.
mail-cancelled-by-provider = { $provider } ha tenido que cancelar su reserva.
mail-cancelled-by-provider-reason = { $provider } ha tenido que cancelar su reserva: { $reason }
mail-confirm-lead = Confirme su reserva con { $provider }. El horario queda reservado para usted durante { $minutes } minutos; después, las reservas no confirmadas se liberan.
mail-confirmed-lead = Su reserva con { $provider } está confirmada.
mail-confirmed-later = Con los enlaces de abajo puede cancelarla o cambiarla; los enlaces de correos anteriores ya no funcionan.
mail-declined-lead = { $provider } no ha podido aceptar su solicitud para este horario. No se ha reservado nada; puede elegir otro horario cuando quiera.
mail-expired-lead = Su reserva no se confirmó a tiempo, así que el horario se liberó. Puede volver a reservar cuando quiera.
mail-reminder-lead = Le recordamos su cita con { $provider }.
mail-reminder-note = Para cancelar o cambiar la cita, use los enlaces del correo de confirmación de su reserva.
mail-requested-lead = { $provider } ha recibido su solicitud y la aceptará o rechazará. Mientras tanto, el horario queda reservado para usted.
mail-rescheduled-lead = Su reserva con { $provider } se ha movido al horario indicado abajo.
mail-rescheduled-pending = Queda pendiente hasta que se confirme.
mail-rescheduled-links = Los enlaces de correos anteriores ya no funcionan; use los de este correo.
mail-approval-lead = { $guest } quiere reservar { $service }. Acepte o rechace la solicitud.
mail-provider-confirmed-lead = La reserva de { $service } de { $guest } está confirmada.
mail-provider-rescheduled-lead = { $guest } ha movido su reserva de { $service } al horario indicado abajo.
mail-guest-cancelled-lead = { $guest } ha cancelado su reserva. El horario vuelve a estar libre.
mail-guest-cancelled-lead-reason = { $guest } ha cancelado su reserva («{ $reason }»). El horario vuelve a estar libre.
mail-new-booking-lead = { $guest } ha reservado { $service }.
mail-new-booking-pending = Queda pendiente hasta que lo confirme por correo.
mail-subject-cancelled = Reserva cancelada: { $service } el { $when }
mail-subject-confirm = Confirme su reserva: { $service } el { $when }
mail-subject-confirmed = Reserva confirmada: { $service } el { $when }
mail-subject-declined = Reserva rechazada: { $service } el { $when }
mail-subject-expired = Reserva no confirmada: { $service } el { $when }
mail-subject-reminder = Recordatorio: { $service } el { $when }
mail-subject-requested = Solicitud recibida: { $service } el { $when }
mail-subject-rescheduled = Reserva movida: { $service } el { $when }
mail-subject-approval = Requiere aprobación: { $service } con { $guest } el { $when }
mail-subject-provider-confirmed = Confirmada: { $service } con { $guest } el { $when }
mail-subject-provider-rescheduled = Movida: { $service } con { $guest }, ahora el { $when }
mail-subject-guest-cancelled = Cancelada por el cliente: { $service } con { $guest } el { $when }
mail-subject-new-booking = Nueva reserva: { $service } con { $guest } el { $when }

## Home, errors, accounts
home-title = Citas sin complicaciones
home-heading = Citas sin idas y venidas
home-lead = Con Slotbook publica su horario y sus servicios; sus clientes eligen un horario libre en su propia zona horaria y confirman por correo. Nunca habrá reservas duplicadas.
home-dashboard = Ir a su panel
error-reference = Si nos escribe sobre esto, indique la referencia
error-back-home = Volver a la página de inicio
auth-create-account-link = Crear una cuenta de profesional
auth-email = Dirección de correo electrónico
auth-password = Contraseña
auth-password-hint = Al menos 10 caracteres. Unas cuantas palabras sin relación entre sí funcionan bien.
auth-username = Nombre de usuario
auth-timezone = Su zona horaria
auth-back-to-sign-in = Volver al inicio de sesión
forgot-title = Contraseña olvidada
forgot-heading = ¿Ha olvidado su contraseña?
forgot-lead = Introduzca la dirección de correo de su cuenta. Si pertenece a una cuenta, le enviaremos un enlace para elegir una nueva contraseña; el enlace es válido durante una hora.
forgot-submit = Enviarme un enlace
login-login = Correo electrónico o nombre de usuario
login-new-here = ¿Es nuevo aquí?
reset-title = Elegir una nueva contraseña
reset-for-account = Para la cuenta { $username }. Al establecerla se cerrará su sesión en todos los demás dispositivos.
reset-not-changed = La contraseña no se ha cambiado: consulte los mensajes de abajo.
reset-new = Nueva contraseña
reset-repeat = Repita la nueva contraseña
reset-submit = Establecer la nueva contraseña
signup-title = Crear su cuenta
signup-heading = Cree su cuenta de profesional
signup-closed = El registro está cerrado en esta instancia de Slotbook. Pida una cuenta a su administrador.
signup-closed-sign-in = si ya tiene una.
signup-have-account = ¿Ya tiene una cuenta?
signup-fix = Su cuenta aún no se ha creado. Corrija lo siguiente:
signup-name-hint = Se muestra a sus clientes en sus páginas de reserva.
signup-username-hint = La dirección de su página: de 3 a 30 letras a–z, cifras o guiones.
signup-email-hint = Le enviaremos un enlace para verificarla; las reservas se abren en cuanto esté verificada.
signup-submit = Crear la cuenta
verify-title = Verifique su dirección de correo
verify-lead = Confirme que { $email } es su dirección. Una vez verificada, sus clientes podrán reservar con usted.
verify-submit = Verificar mi dirección de correo

## Dashboard and settings
locale-en-US = Inglés (EE. UU.)
locale-en-GB = Inglés (Reino Unido)
locale-de = Deutsch (alemán)
locale-fr = Français (francés)
locale-es = Español
form-save = Guardar
form-nothing-saved = No se ha guardado nada: corrija lo siguiente.
settings-api-tokens = Tokens de API
settings-webhooks = Webhooks
settings-profile = Perfil
settings-profile-not-saved = Su perfil no se ha guardado: consulte los mensajes de abajo.
settings-username = Nombre de usuario: { $username } (la dirección de su página; no se puede cambiar).
settings-business-name = Nombre de la empresa (opcional)
settings-bio = Sobre usted (opcional)
settings-bio-hint = Se muestra en su página de reservas. Hasta 2000 caracteres.
settings-language = Idioma de sus páginas y correos
settings-save-profile = Guardar el perfil
settings-email-verified = Ahora: { $email } (verificada).
settings-email-unverified = Ahora: { $email } (aún sin verificar).
settings-resend = Enviar de nuevo el enlace de verificación
settings-email-hint = Una dirección nueva debe verificarse: las reservas se pausan hasta que abra el enlace que le enviamos.
settings-email-not-changed = Su dirección de correo no se ha cambiado: consulte los mensajes de abajo.
settings-new-email = Nueva dirección de correo
settings-your-current-password = Su contraseña actual
settings-change-email = Cambiar la dirección de correo
settings-password-hint = Al cambiarla se cerrará su sesión en todos los demás dispositivos.
settings-password-not-changed = Su contraseña no se ha cambiado: consulte los mensajes de abajo.
settings-current-password = Contraseña actual
settings-change-password = Cambiar la contraseña
settings-sessions = Dónde tiene la sesión iniciada
settings-sessions-count = { $count ->
    [one] Solo este navegador tiene la sesión iniciada en su cuenta.
   *[other] { $count } navegadores tienen la sesión iniciada en su cuenta, incluido este.
}
settings-sessions-hint = ¿Ha perdido un dispositivo o inició sesión en un ordenador compartido? Cierre todas las sesiones, incluida esta; después vuelva a iniciar sesión aquí.
settings-sign-out-everywhere = Cerrar sesión en todas partes
settings-delete = Eliminar su cuenta
settings-delete-hint = Elimina la cuenta con sus servicios, horarios y reservas; se avisa a los clientes con reservas pendientes.
settings-delete-link = Eliminar mi cuenta…
dash-welcome = Bienvenido/a, { $name }
dash-verify = Verifique su dirección de correo
dash-verify-lead = Hemos enviado un enlace a { $email }. Ya puede configurarlo todo; sus clientes podrán reservar cuando la dirección esté verificada.
dash-resend = Enviar de nuevo el enlace
dash-booking-page = Su página de reservas
dash-timezone = Su zona horaria: { $zone }.
dash-this-week = Esta semana
dash-today-agenda = La agenda de hoy
dash-hours = Horario semanal y días libres
dash-settings = Ajustes: perfil, zona horaria, correo y contraseña
dash-embedding = Insertar en su sitio web e imagen de marca
dash-embedding-hint = (con el código iframe para pegar)
overview-upcoming = Hoy y próximamente
overview-none = No hay reservas próximas.
overview-today = Hoy
overview-next-free = Próximos horarios libres
overview-no-services = Todavía no hay servicios activos.
overview-create-one = Crear uno.
overview-no-free = No hay horarios libres en las próximas dos semanas. Revise su
overview-check-hours = horario.
week-title = Semana: { $date }
week-day-title = Día: { $date }
week-day-heading = Agenda del día: { $date }
week-days = Días
week-weeks = Semanas
week-prev-day = Día anterior
week-prev-week = Semana anterior
week-next-day = Día siguiente
week-next-week = Semana siguiente
week-whole = La semana completa
week-count = { $count ->
    [one] { $count } reserva.
   *[other] { $count } reservas.
}
week-working-hours = horario laboral
week-time-off = ausencia
week-time-off-list = Ausencias:
week-caption = Reservas por hora ({ $zone }); las horas sombreadas son el horario laboral
week-hour = Hora
week-time-off-cell = Ausencia.
look-title = Inserción e imagen de marca
look-website = Su sitio web
look-origins = Sitios web que pueden insertar sus páginas de reserva
look-origins-hint = Uno por línea, con esquema y host: https://www.example.com (añada el puerto si lo tiene). http:// solo se acepta para localhost. Déjelo vacío para no permitir ninguno.
look-branding = Imagen de marca
look-accent = Color de acento
look-accent-hint = # y seis dígitos hexadecimales, como #2457d6. Los botones muestran texto blanco sobre él, así que necesita un contraste de al menos 4,5:1 con el blanco. Déjelo vacío para el color predeterminado.
look-logo = Texto del logotipo
look-logo-hint = Un nombre corto que se muestra en la cabecera de sus páginas públicas y en los correos de reserva (40 caracteres como máximo). Déjelo vacío para no mostrar ninguno.
look-embed = Insertar en su sitio web
look-paste = Pegue esto donde deba aparecer la reserva en su sitio web:
look-add-first = Añada primero su sitio web arriba: hasta entonces los navegadores no mostrarán sus páginas en un marco.
look-iframe = Código iframe
look-iframe-title = Reservar una cita

## Hours and time off
form-remove = Eliminar
flash-hours-added = { $count ->
    [one] Horario añadido a { $count } día.
   *[other] Horario añadido a { $count } días.
}
flash-hours-copied = { $count ->
    [one] Horario copiado a { $count } día.
   *[other] Horario copiado a { $count } días.
}
flash-hours-removed = Horario eliminado.
flash-override-saved = Excepción del { $date } guardada.
flash-override-removed = Excepción eliminada.
hours-valid-from = desde el { $date }
hours-valid-until = hasta el { $date }
hours-valid-between = del { $from } al { $until }
hours-closed-all-day = cerrado todo el día
hours-heading = Horario semanal
hours-timezone = Todas las horas están en su zona horaria, { $zone }.
hours-change-in-settings = Cámbiela en los ajustes.
hours-away = ¿Se ausenta por vacaciones o una tarde? Añádalo en
hours-your-week = Su semana
hours-caption = Horario por día de la semana ({ $zone })
hours-closed = Cerrado
hours-remove-label = Eliminar { $day } { $interval }
hours-add = Añadir horario
hours-add-hint = Para una pausa, añada dos intervalos (09:00–12:00 y 13:00–17:00). El horario no puede pasar de medianoche: termine a las 24:00 para abrir hasta medianoche.
hours-not-added = El horario no se ha añadido: consulte los mensajes de abajo.
hours-until-hint = Horas y minutos, como 17:30; 24:00 para medianoche.
hours-valid-from-label = Válido desde (opcional)
hours-valid-until-label = Válido hasta (opcional)
hours-copy-heading = Copiar un día
hours-copy-from = Copiar el horario del
hours-copy-to = a (sustituyendo su horario)
hours-copy = Copiar
hours-overrides = Excepciones por fecha
hours-overrides-hint = Un horario distinto en una fecha, o cerrado todo el día. Una excepción sustituye el horario semanal de esa fecha.
hours-no-overrides = No hay excepciones próximas.
hours-remove-override = Eliminar la excepción del { $date }
hours-override-not-saved = La excepción no se ha guardado: consulte los mensajes de abajo.
hours-date = Fecha
hours-closed-all-day-label = Cerrado todo el día
hours-open-from = Abierto desde
hours-until-short = hasta
hours-until-short-hint = Como 17:30; 24:00 para medianoche.
hours-save-override = Guardar la excepción
timeoff-timezone = Las horas están en su zona horaria, { $zone }.
timeoff-upcoming = Próximas
timeoff-none = No hay ausencias previstas.
timeoff-unreadable = Una entrada cuyas fechas no se pudieron leer (no bloquea nada); elimínela y añádala de nuevo
timeoff-remove-label = Eliminar la ausencia { $when }
timeoff-remove-unreadable = Eliminar la ausencia con fechas ilegibles
timeoff-add = Añadir una ausencia
timeoff-hint = Deje las horas vacías para bloquear días completos (desde el inicio del primer día hasta el final del último).
timeoff-not-added = La ausencia no se ha añadido: consulte los mensajes de abajo.
timeoff-first-day = Primer día
timeoff-from-time = Desde la hora (opcional)
timeoff-last-day = Último día
timeoff-until-time = Hasta la hora (opcional)
timeoff-reason = Motivo (solo lo ve usted)

## Services
form-delete = Eliminar
form-cancel = Cancelar
form-correct-n-fields = { $count ->
    [one] Corrija el campo marcado.
   *[other] Corrija los { $count } campos marcados.
}
mode-instant = Confirmada al instante
mode-email = El cliente confirma por correo
mode-provider = Apruebo cada reserva
qkind-short_text = Texto corto
qkind-long_text = Texto largo
qkind-choice = Opción
qkind-checkbox = Casilla
flash-service-created = Servicio «{ $name }» creado.
flash-service-saved = Servicio «{ $name }» guardado.
flash-service-activated = Servicio activado: sus clientes pueden reservarlo.
flash-service-deactivated = Servicio desactivado: sus clientes ya no pueden reservarlo.
flash-service-deleted = Servicio eliminado.
flash-service-has-upcoming = { $count ->
    [one] Este servicio tiene { $count } reserva próxima, así que no se puede eliminar. Desactívelo en su lugar: sus clientes ya no podrán reservarlo y las reservas existentes se mantienen.
   *[other] Este servicio tiene { $count } reservas próximas, así que no se puede eliminar. Desactívelo en su lugar: sus clientes ya no podrán reservarlo y las reservas existentes se mantienen.
}
flash-service-has-past = Este servicio tiene reservas pasadas, que conservan su historial; desactívelo en lugar de eliminarlo.
services-new = Nuevo servicio
services-edit = Editar el servicio
services-none = Todavía no tiene servicios. Cree uno para que sus clientes puedan reservar.
services-caption = Sus servicios, en el orden en que los ven sus clientes
services-col-service = Servicio
services-col-length = Duración
services-col-confirmation = Confirmación
services-col-status = Estado
services-col-actions = Acciones
services-active = Activo
services-inactive = Inactivo
services-move-up = Subir { $name }
services-move-down = Bajar { $name }
services-deactivate = Desactivar
services-activate = Activar
service-form-slug-hint = Sus clientes reservan en /{ $username }/nombre-del-enlace. Déjelo vacío para usar el nombre.
service-form-question = Pregunta { $n }
service-form-about = Información
service-form-name = Nombre
service-form-slug = Nombre del enlace
service-form-description = Descripción
service-form-location = Lugar
service-form-location-hint = Una dirección, un enlace de vídeo o un número de teléfono.
service-form-price = Precio (opcional)
service-form-price-hint = Solo se muestra a sus clientes; no se cobra nada.
service-form-currency = Moneda
service-form-currency-hint = Tres letras, p. ej. EUR.
service-form-timing = Tiempos (minutos)
service-form-duration = Duración
service-form-duration-hint = De 5 a 720 minutos.
service-form-interval = Horas de inicio cada
service-form-interval-hint = Vacío: igual que la duración.
service-form-buffer-before = Margen antes
service-form-buffer-before-hint = Tiempo libre que se reserva antes de cada cita.
service-form-buffer-after = Margen después
service-form-buffer-after-hint = Tiempo libre que se reserva después de cada cita.
service-form-notice = Antelación mínima
service-form-notice-hint = Con cuánta antelación al inicio puede reservar un cliente.
service-form-window = Plazo de reserva (días)
service-form-window-hint = Con cuánta antelación pueden reservar sus clientes.
service-form-daily = Límite diario (opcional)
service-form-daily-hint = Máximo de reservas de este servicio por día.
service-form-mode = Cómo se confirman las reservas
service-form-hold = Mantener una reserva sin confirmar durante
service-form-hold-hint = Minutos que el horario queda reservado a la espera de confirmación.
service-form-cancel-notice = Plazo de cancelación
service-form-cancel-notice-hint = Sus clientes no pueden cancelar ni cambiar la cita con menos de estos minutos de antelación.
service-form-reminder = Recordatorio (minutos antes)
service-form-reminder-hint = Vacío u «off» no envía recordatorio; 1440 es un día.
service-form-active = Activo (sus clientes pueden reservarlo)
service-form-questions = Preguntas para el cliente
service-form-questions-hint = Deje vacío el texto de una pregunta para eliminarla.
service-form-answer-type = Tipo de respuesta
service-form-choices = Opciones (para una pregunta de opción)
service-form-choices-hint = Separe las opciones con comas.
service-form-required = Obligatoria
service-form-save = Guardar el servicio

## Account mails
mail-hello-plain = Hola:
mail-calendar-failing-subject = Slotbook no puede leer uno de sus calendarios
mail-calendar-failing-lead = Slotbook no ha podido leer su calendario { $url } desde hace un día. Las horas ocupadas de la última lectura correcta siguen bloqueando reservas, pero no se ven los cambios que haya hecho desde entonces.
mail-calendar-failing-error = El último error fue: { $error }
mail-calendar-failing-button = Abrir sus calendarios
mail-calendar-failing-hint = Compruebe la dirección, o elimine el calendario y añádalo de nuevo.
mail-reset-subject = Restablezca su contraseña de Slotbook
mail-reset-lead = alguien, esperamos que usted, ha pedido restablecer la contraseña de la cuenta de Slotbook «{ $username }».
mail-reset-valid = { $hours ->
    [one] El enlace es válido durante { $hours } hora y una sola vez. Al establecer una nueva contraseña se cerrará su sesión en todas partes.
   *[other] El enlace es válido durante { $hours } horas y una sola vez. Al establecer una nueva contraseña se cerrará su sesión en todas partes.
}
mail-reset-ignore = Si no lo ha pedido usted, ignore este mensaje: su contraseña no cambia.
mail-invitation-subject = { $inviter } le invita a unirse a { $team } en Slotbook
mail-invitation-lead = { $inviter } le invita a unirse al equipo { $team } en Slotbook como { $role }. Puede crear una cuenta con esta dirección o iniciar sesión en la que ya tiene.
mail-invitation-button = Ver la invitación
mail-invitation-valid = El enlace es válido durante { $days } días y una sola vez.
mail-invitation-ignore = Si no esperaba esta invitación, ignore este mensaje.
mail-test-subject = Mensaje de prueba de Slotbook
mail-test-lead = este es un mensaje de prueba de la instancia de Slotbook en { $url }. Si puede leerlo, el envío de correo funciona.
mail-test-button = Abrir Slotbook
mail-test-sent = Enviado { $when }.
mail-verify-subject = Verifique su dirección de correo para Slotbook
mail-verify-lead = confirme que { $email } es su dirección, para que sus clientes puedan reservar con usted en Slotbook.
mail-verify-valid = { $hours ->
    [one] El enlace es válido durante { $hours } hora y una sola vez. Hasta que la dirección esté verificada, sus páginas de reserva indican que las reservas se abrirán pronto.
   *[other] El enlace es válido durante { $hours } horas y una sola vez. Hasta que la dirección esté verificada, sus páginas de reserva indican que las reservas se abrirán pronto.
}
mail-verify-ignore = Si no ha creado una cuenta de Slotbook, ignore este mensaje.
mail-webhook-subject = Su endpoint de webhook de Slotbook se ha desactivado
mail-webhook-lead = su endpoint de webhook { $url } no aceptó { $count } entregas seguidas, así que Slotbook ha dejado de enviarle eventos. Los eventos que ocurran mientras tanto no se le envían.
mail-webhook-button = Abrir los ajustes de webhooks
mail-webhook-hint = Cuando el endpoint vuelva a funcionar, actívelo allí y envíe un evento de prueba. Las entregas abandonadas pueden reenviarse desde la misma página.

## Privacy, tokens, webhooks
delete-lead = Al eliminar la cuenta { $username } se borra con todo su contenido: su perfil, servicios, horarios, ausencias y cada reserva con los datos de los clientes y su historial. Sus páginas de reserva dejan de estar en línea y se cierra su sesión en todas partes.
delete-upcoming = { $count ->
    [one] Queda { $count } reserva pendiente: se cancela primero y el cliente recibe el correo de cancelación habitual.
   *[other] Quedan { $count } reservas pendientes: se cancelan primero y cada cliente recibe el correo de cancelación habitual.
}
delete-no-upcoming = No tiene reservas pendientes.
delete-undone = Esto no se puede deshacer. Quizá quiera exportar antes sus reservas (CSV, en la página de reservas).
delete-not-deleted = Su cuenta no se ha eliminado: consulte el mensaje de abajo.
delete-password = Su contraseña, para confirmar
delete-submit = Eliminar mi cuenta
erase-title = Borrar los datos del cliente
erase-heading = ¿Borrar los datos de { $email }?
erase-lead = { $count ->
    [one] { $count } reserva con usted perderá para siempre el nombre, la dirección de correo, el teléfono, las notas y las respuestas del cliente. Los correos sobre ella no conservan texto y los que aún no se han enviado se descartan. El historial registra el borrado.
   *[other] { $count } reservas con usted perderán para siempre el nombre, la dirección de correo, el teléfono, las notas y las respuestas del cliente. Los correos sobre ellas no conservan texto y los que aún no se han enviado se descartan. El historial registra el borrado.
}
erase-lead-instance = { $count ->
    [one] { $count } reserva perderá para siempre el nombre, la dirección de correo, el teléfono, las notas y las respuestas del cliente. Los correos sobre ella no conservan texto y los que aún no se han enviado se descartan. El historial registra el borrado.
   *[other] { $count } reservas perderán para siempre el nombre, la dirección de correo, el teléfono, las notas y las respuestas del cliente. Los correos sobre ellas no conservan texto y los que aún no se han enviado se descartan. El historial registra el borrado.
}
erase-upcoming = { $count ->
    [one] { $count } de ellas aún está pendiente: el horario sigue reservado, pero nadie recibirá recordatorios ni avisos de cambios, y los enlaces del cliente dejan de funcionar.
   *[other] { $count } de ellas aún están pendientes: el horario sigue reservado, pero nadie recibirá recordatorios ni avisos de cambios, y los enlaces del cliente dejan de funcionar.
}
erase-undone = Esto no se puede deshacer. Descargue antes los datos si el cliente pidió una copia.
erase-yes = Sí, borrar
erase-keep = Conservar
guests-title = Datos de clientes
guests-lead-instance = Encuentre todas las reservas de un cliente con todos los profesionales de esta instancia, descargue lo que se guarda sobre él o bórrelo cuando lo pida.
guests-lead = Encuentre todas las reservas que un cliente hizo con usted, descargue lo que se guarda sobre él o bórrelo cuando lo pida.
guests-email = Dirección de correo del cliente
guests-find = Buscar reservas
guests-bookings-of = Reservas de { $email }
guests-none-instance = No hay reservas para esta dirección.
guests-none = No hay reservas de esta dirección con usted.
guests-caption = Las reservas del cliente, por hora de inicio
guests-col-provider = Profesional
guests-download = Descargar todo lo que se guarda sobre él (JSON)
guests-erase-hint = El borrado sustituye el nombre, la dirección, el teléfono, las notas y las respuestas en estas reservas y vacía los correos sobre ellas. Los horarios siguen reservados; los enlaces dejan de funcionar. Confirmará en la página siguiente.
guests-erase = Borrar los datos de este cliente…
privacy-title = Aviso de privacidad
tokens-col-account = Cuenta
tokens-col-scope = Alcance
tokens-col-created = Creado
tokens-col-last-used = Último uso
tokens-never = Nunca
tokens-revoke = Revocar
tokens-revoke-label = Revocar { $name }
tokens-revoked = Revocado el { $when }
webhooks-disable = Desactivar
webhooks-enable = Activar
webhooks-disable-label = Desactivar { $url }
webhooks-enable-label = Activar { $url }
webhooks-test = Enviar un evento de prueba
webhooks-test-label = Enviar un evento de prueba a { $url }

## Settings: API tokens and webhooks
settings-back = Volver a los ajustes
tokens-api-reference = Referencia de la API
tokens-lead = Un token permite que una herramienta de confianza (un CRM, una automatización, el servidor de su sitio) lea sus servicios y reservas a través de la API en /api/v1 y, con lectura+escritura, también reserve y modifique reservas como lo haría usted aquí. Manténgalo en secreto; revóquelo aquí cuando la herramienta ya no lo necesite. Envíelo así:
tokens-new = Su nuevo token «{ $name }»
tokens-copy-now = Cópielo ahora: solo se muestra esta vez (solo guardamos una huella).
tokens-token = Token
tokens-create-heading = Crear un token
tokens-not-created = El token no se ha creado: consulte los mensajes de abajo.
tokens-name-hint = Qué lo usará, para reconocerlo más adelante (hasta 100 caracteres).
tokens-scope-legend = Qué puede hacer
tokens-scope-read = Lectura: ver servicios, horarios libres y reservas
tokens-scope-write = Lectura+escritura: también reservar, mover, aceptar, rechazar, cancelar y marcar reservas
tokens-create = Crear el token
tokens-yours = Sus tokens
tokens-none = Todavía no tiene tokens.
tokens-all = Tokens de todas las cuentas (administración)
tokens-all-none = Ninguna cuenta tiene un token.
webhooks-endpoint = Endpoint de webhook
webhooks-all = Todos los endpoints
webhooks-enabled = activado
webhooks-disabled = desactivado
webhooks-summary = Eventos: { $types }. Fallos seguidos: { $count }.
webhooks-recent = Entregas recientes
webhooks-nothing-sent = Todavía no se ha enviado nada.
webhooks-col-event = Evento
webhooks-col-events = Eventos
webhooks-col-state = Estado
webhooks-col-attempts = Intentos (estado, latencia)
webhooks-col-action = Acción
webhooks-next-try = próximo intento { $when }
webhooks-none-yet = Ninguno todavía
webhooks-no-answer = sin respuesta
webhooks-latency = en { $ms } ms
webhooks-redeliver = Reenviar
webhooks-redeliver-label = Reenviar { $event } { $id }
webhooks-lead = Slotbook avisa a su endpoint de los cambios en las reservas con un POST JSON firmado
webhooks-retry = { $count ->
    [one] Una entrega fallida se reintenta durante un día aproximadamente; tras { $count } fallo seguido el endpoint se desactiva y recibe un correo.
   *[other] Una entrega fallida se reintenta durante un día aproximadamente; tras { $count } fallos seguidos el endpoint se desactiva y recibe un correo.
}
webhooks-secret-for = Secreto de firma para { $url }
webhooks-secret-copy = Cópielo ahora: solo se muestra esta vez. Su endpoint verifica con él la firma de cada entrega.
webhooks-secret = Secreto
webhooks-add-heading = Añadir un endpoint
webhooks-not-added = El endpoint no se ha añadido: consulte los mensajes de abajo.
webhooks-url = URL del endpoint
webhooks-events = Eventos que enviar
webhooks-add = Añadir el endpoint
webhooks-yours = Sus endpoints
webhooks-none = Todavía no hay endpoints.

## Admin and API reference
admin-yes = Sí
admin-no = No
admin-accounts = Cuentas
admin-guest-data = Datos de clientes de todos los profesionales: buscar, exportar, borrar
admin-accounts-lead = Desactivar a un profesional cierra su sesión en todas partes y deja sus páginas de reserva fuera de línea; reactivarlo las vuelve a publicar.
admin-accounts-caption = Todas las cuentas, de la más antigua a la más reciente
admin-role = Rol
admin-verified = Verificada
admin-reactivate = Reactivar
admin-deactivate-label = Desactivar { $username }
admin-reactivate-label = Reactivar { $username }
admin-mail = Entrega de correo
admin-mail-filter = Filtrar por estado
admin-mail-all = Todos
admin-mail-newest = Los { $count } mensajes más recientes.
admin-mail-newest-filtered = Los { $count } mensajes más recientes con estado { $status }.
admin-mail-lead = Los mensajes fallidos se abandonaron tras su último intento, o de inmediato cuando el servidor de correo los rechazó definitivamente (una respuesta 5xx como «550 no such user», mostrada como último error); «Reintentar» los vuelve a poner en cola.
admin-mail-none = No hay mensajes.
admin-mail-none-filtered = No hay mensajes con estado { $status }.
admin-mail-caption = Correo saliente, del más reciente al más antiguo
admin-mail-recipient = Destinatario
admin-mail-subject = Asunto
admin-mail-kind = Tipo
admin-mail-attempts = Intentos
admin-mail-next = Próximo intento
admin-mail-sent = Enviado
admin-mail-last-error = Último error
admin-mail-permanent = Fallo permanente, sin reintento:
admin-mail-retry = Reintentar
admin-mail-retry-label = Reintentar: { $subject } a { $recipient }
api-problem-title = Problema: { $name }
api-problem-type = Tipo de problema
api-problem-see = las operaciones que responden con él.
api-machine-readable = El documento legible por máquina del que se genera esta página:
api-operations = Operaciones
api-needs-token = Necesita un token
api-no-token = No necesita token.
api-parameters = Parámetros
api-in = En
api-type = Tipo
api-meaning = Significado
api-body = Cuerpo:
api-body-hint = (JSON; los campos desconocidos se rechazan).
api-answers = Respuestas
api-body-col = Cuerpo
api-problem-types = Tipos de problema
api-problems-lead = Cada rechazo lleva uno de estos tipos, como
api-title = Título

## Teams and bookings
mail-agenda-subject = { $team }: agenda del { $day } ({ $count ->
        [one] una reserva
       *[other] { $count } reservas
    })
mail-agenda-empty = { $team } no tiene reservas el { $day }.
mail-agenda-lead = Las reservas de { $team } el { $day }. Horas en { $zone }.
mail-agenda-time = Hora ({ $zone })
mail-agenda-service = Servicio
mail-agenda-with = Con
mail-agenda-guest = Cliente
mail-agenda-status = Estado
mail-agenda-checked-in = ha llegado
mail-agenda-open = Abrir el día
mail-agenda-why = Recibe este correo porque solicitó la agenda diaria del equipo. Puede desactivarla en la página del equipo.
mail-subject-provider-moved = Cambiada: { $service } con { $guest }, ahora el { $when }
mail-provider-moved-lead = La recepción ha cambiado la reserva de { $service } para { $guest } a la hora indicada abajo, con { $provider }.
mail-subject-provider-cancelled = Cancelada: { $service } con { $guest } el { $when }
mail-provider-cancelled-lead = La reserva de { $service } para { $guest } se ha cancelado. La hora vuelve a estar libre.
mail-provider-cancelled-lead-reason = La reserva de { $service } para { $guest } se ha cancelado («{ $reason }»). La hora vuelve a estar libre.
bookings-title = Reservas
bookings-any = Cualquiera
bookings-status = Estado
bookings-service = Servicio
bookings-from = Desde
bookings-until = Hasta
bookings-filter = Filtrar
bookings-csv = Descargar como CSV
bookings-total = { $count ->
        [one] Una reserva
       *[other] { $count } reservas
    }. Horas en { $zone }.
bookings-none = Ninguna reserva coincide.
bookings-caption = Reservas ({ $zone })
bookings-when = Cuándo
bookings-guest = Cliente
bookings-actions = Acciones
bookings-moved-from = Cambiada del { $from } al { $to } ({ $zone })
bookings-moved-to = Cambiada al { $to } ({ $zone }).
bookings-pages = Páginas
bookings-earlier = Anteriores
bookings-later = Posteriores
bookings-feed = Suscripción de calendario
bookings-feed-lead = Suscríbase a sus próximas reservas desde cualquier aplicación de calendario con una dirección secreta.
bookings-feed-new = Su nueva dirección (cópiela ahora; solo se muestra una vez):
bookings-feed-create = Crear una nueva dirección de suscripción
bookings-feed-hint = Al crear una dirección nueva, la anterior deja de funcionar.
booking-title = Reserva
booking-all = Todas las reservas
booking-for-guest = Para el cliente: { $when } ({ $zone })
booking-cancelled-by = Cancelada por: { $by }.
booking-cancelled-by-reason = Cancelada por: { $by } ({ $reason }).
actor-guest = cliente
actor-provider = profesional
actor-system = sistema
booking-guest = Cliente
booking-name = Nombre
booking-email = Correo electrónico
booking-phone = Teléfono
booking-notes = Notas
booking-guest-data = Todas las reservas de este cliente: exportar o borrar sus datos
booking-actions = Acciones
booking-reason = Motivo (se envía al cliente)
booking-history = Historial
booking-moved-here = cambiada aquí desde el
booking-booked-for = reservada para el { $when }
booking-moved-to = cambiada al
booking-moved-new-time = cambiada a otra hora
booking-action-confirm = Confirmar
booking-action-approve = Aprobar
booking-action-decline = Rechazar
booking-action-complete = Marcar como completada
booking-action-no-show = Marcar como no presentado
booking-action-cancel = Cancelar la reserva
event-created = creada
event-confirmed = confirmada
event-approved = aprobada
event-rescheduled = reprogramada
event-cancelled = cancelada
event-declined = rechazada
event-expired = caducada
event-completed = completada
event-no_show = no presentado
event-moved = cambiada
event-arrived = ha llegado
event-reminder_sent = recordatorio enviado
event-guest_data_erased = datos del cliente borrados
booking-reason-needed = Indique un motivo para la cancelación: el cliente lo recibirá.
flash-booking-approved = Reserva aprobada; se ha avisado al cliente.
flash-booking-declined = Reserva rechazada; se ha avisado al cliente y la hora está libre.
flash-booking-cancelled = Reserva cancelada; se ha avisado al cliente y la hora está libre.
flash-booking-completed = Marcada como completada.
flash-booking-no-show = Marcada como no presentado.
flash-booking-confirmed = Reserva confirmada.
flash-feed-replaced = Nueva dirección de suscripción creada; la anterior ya no funciona.
flash-feed-created = Dirección de suscripción creada: añádala a su aplicación de calendario.
bookings-filter-out-of-range = Las fechas deben estar entre 1970 y 2199; se ha ignorado ese filtro.
bookings-filter-malformed = Las fechas deben tener la forma 2030-01-31; se ha ignorado ese filtro.
role-owner = propietario
role-admin = administrador
role-provider = profesional
role-staff = personal
teams-title = Equipos
teams-mine = Sus equipos
teams-none = Todavía no pertenece a ningún equipo. Cree uno abajo o acepte una invitación de su correo.
teams-create = Crear un equipo
teams-create-hint = Un equipo es una clínica, una consulta o cualquier grupo que comparte una página de reservas. Usted será su propietario.
teams-not-created = No se ha creado el equipo: consulte los mensajes de abajo.
teams-name = Nombre del equipo
teams-address = Dirección
teams-address-hint = La página de su equipo estará en /direccion: de 3 a 30 letras, cifras o guiones.
teams-timezone = Zona horaria del equipo (las páginas del equipo y la recepción muestran las horas en ella)
teams-logo = Texto del logotipo (opcional)
teams-colour = Color (opcional)
teams-colour-hint = Por ejemplo, #1a6b4f.
teams-create-button = Crear el equipo
team-your-role = Su función:
team-zone = Zona horaria del equipo:
team-public-page = Página pública:
team-services = Servicios del equipo
team-desk = Recepción
team-agenda = Agenda diaria
team-agenda-on = Recibe las reservas del día del equipo por correo cada mañana a las 07:00 ({ $zone }).
team-agenda-stop = Dejar de recibir la agenda
team-agenda-hint = Un correo cada mañana a las 07:00 ({ $zone }) con las reservas del día del equipo: hora, profesional, servicio, cliente y estado.
team-agenda-start = Enviarme la agenda del día
team-members = Miembros
team-name = Nombre
team-email = Correo electrónico
team-role = Función
team-change = Cambiar
team-role-of = Función de { $name }
team-change-role = Cambiar la función
team-remove-label = Quitar a { $name } del equipo
team-remove = Quitar
team-invite = Invitar a alguien
team-invite-hint = La persona recibe por correo un enlace válido durante 7 días y una sola vez: crea su cuenta o añade la que ya tiene.
team-invite-failed = No se ha enviado ninguna invitación: consulte los mensajes de abajo.
team-invite-email = Dirección de correo electrónico
team-invite-provider = profesional (tiene calendario y puede atender servicios del equipo)
team-invite-staff = personal (recepción, sin calendario)
team-invite-admin = administrador (miembros, servicios, todas las reservas)
team-invite-send = Enviar la invitación
team-invite-waiting = Esperando respuesta
team-invite-until = { $email } — { $role }, hasta el { $until }
team-delete = Eliminar el equipo
team-delete-hint = Los miembros conservan sus cuentas y reservas; se eliminan la página del equipo y las membresías.
team-delete-confirm = Escriba la dirección del equipo para confirmar
team-delete-button = Eliminar el equipo
team-services-title = Servicios de { $team }
team-back = Volver al equipo
team-services-none = Todavía no hay servicios del equipo.
team-service-row = { $mode }; profesionales: { $hosts }
assign-round_robin = por turnos
assign-collective = colectivo
team-service-new = Nuevo servicio del equipo
team-service-not-created = No se ha creado el servicio: consulte los mensajes de abajo.
team-service-slug = Nombre del enlace (opcional)
team-service-slug-hint = Los clientes reservan en /equipo/nombre-del-enlace.
team-service-description = Descripción (opcional)
team-service-duration = Duración en minutos
team-service-interval = Inicio cada … minutos (opcional)
team-service-buffer-before = Margen antes, minutos (opcional)
team-service-buffer-after = Margen después, minutos (opcional)
team-service-notice = Antelación mínima, minutos (opcional)
team-service-window = Reservable con cuántos días de antelación
team-service-location = Lugar (opcional)
team-service-confirmation = Confirmación
team-service-mode-instant = Inmediata
team-service-mode-provider = El profesional la aprueba
team-service-who = Quién atiende una reserva
team-service-round-robin = Por turnos: un profesional libre, el que elija el cliente o el más equitativo
team-service-collective = Colectivo: todos los profesionales, solo cuando todos están libres
team-service-hosts = Profesionales
team-service-create = Crear el servicio del equipo
invite-title = Unirse a { $team }
invite-closed = Esta invitación ya se ha usado o ha caducado. Pida una nueva al equipo.
invite-accept = { $name }, le invitan a unirse a { $team } como { $role }.
invite-other-account = Esta invitación se envió a { $email }, pero ha iniciado sesión como { $current }. Cierre la sesión, vuelva a abrir el enlace e inicie sesión con la dirección invitada (o cree una cuenta con ella).
invite-signed-out = Le invitan a unirse a { $team } como { $role }. La invitación se envió a { $email }.
invite-have-account = Tengo una cuenta de Slotbook
invite-sign-in-with = con { $email } y volverá aquí para aceptar.
invite-create = Crear mi cuenta
invite-no-signup = Este Slotbook no admite cuentas nuevas. Pida a su administrador que cree una para { $email }.
invite-not-created = No se ha creado su cuenta: consulte los mensajes de abajo.
invite-email = Dirección de correo: { $email } (la invitación la confirma).
invite-username-hint = Su propia página de reservas estará en /usuario.
invite-submit = Crear la cuenta y unirse
desk-title = Recepción · { $team }
desk-zone = Las horas están en la zona horaria del equipo, { $zone }.
desk-days = Días
desk-previous = Anterior
desk-next = Siguiente
desk-day = Día
desk-week = Semana
desk-csv = Exportar CSV
desk-provider = Profesional
desk-all = Todos
desk-service = Servicio
desk-status = Estado
desk-holding = Con hora reservada
desk-filter = Filtrar
desk-caption = Reservas y tiempo libre por profesional ({ $zone })
desk-arrived = ha llegado
desk-busy = ocupado
desk-free = Libre:
desk-book-from = Reservar el { $day } desde las { $time }
desk-book = Reservar para quien llama
desk-not-booked = No se ha reservado nada: consulte los mensajes de abajo.
desk-with = Con
desk-any-host = cualquiera disponible
desk-date = Fecha
desk-time = Hora ({ $zone })
desk-guest-name = Nombre del cliente
desk-guest-email = Correo del cliente
desk-guest-phone = Teléfono del cliente (opcional)
desk-override = Motivo para reservar fuera del horario del profesional (opcional)
desk-override-hint = Solo es necesario para una hora fuera del horario; una hora que se solape con otra reserva nunca es posible.
desk-send-mails = Enviar al cliente los correos habituales
desk-book-button = Reservar
desk-booking-of = Reserva de { $guest }
desk-booking = Reserva
desk-service-with = { $service } con { $provider }
desk-move = Cambiar
desk-not-moved = No se ha cambiado la reserva: consulte los mensajes de abajo.
desk-move-override = Motivo para cambiar fuera del horario del profesional (opcional)
desk-move-button = Cambiar la reserva
desk-status-heading = Llegada, finalización, cancelación
desk-mark-arrived = Marcar como llegado
desk-mark-completed = Marcar como completada
desk-mark-no-show = Marcar como no presentado
desk-cancel-reason = Motivo de la cancelación
desk-cancel = Cancelar la reserva
desk-history = Historial
desk-error-date = Introduzca la fecha.
desk-error-time = Introduzca una hora como 09:30.
desk-error-service = Elija uno de los servicios del equipo.
desk-error-incomplete = El formulario de reserva está incompleto. Vuelva a cargar la página e inténtelo de nuevo.
desk-error-host-any = Elija un profesional de este servicio, o cualquiera disponible.
desk-error-host = Elija un profesional de este servicio.
desk-error-outside-hours = Esa hora está fuera del horario del profesional: indique un motivo para reservarla de todos modos.
desk-error-outside-hours-move = Esa hora está fuera del horario del profesional: indique un motivo para cambiarla allí de todos modos.
desk-error-not-holding = Esta reserva ya no ocupa ninguna hora, así que no se puede cambiar.
desk-error-action = Elija llegado, completada, no presentado o cancelar.
flash-desk-booked = Reservado.
flash-desk-moved = Reserva cambiada.
flash-desk-arrived = Marcado como llegado.
flash-desk-arrived-already = Ya ha llegado, o ya no está reservado.
flash-desk-done = Hecho.
agenda-error-choice = Elija si desea recibir la agenda por correo.
flash-agenda-on = Recibirá la agenda del día por correo cada mañana a las 07:00 (hora del equipo).
flash-agenda-off = La agenda diaria por correo está desactivada.
team-service-error-mode = Elija por turnos o colectivo.
team-service-error-no-host = Elija al menos un profesional.
flash-team-service-created = Servicio del equipo creado.
team-service-error-slug-taken = Otro servicio del equipo usa ese nombre de enlace; elija otro.
team-service-error-bad-hosts = Los profesionales deben ser miembros del equipo con calendario (no personal).
teams-error-slug-taken = Esa dirección ya está ocupada; elija otra.
flash-team-created = Su equipo está listo. Invite a sus miembros abajo.
flash-team-invited = Invitación enviada a { $email }.
team-error-role = Elija propietario, administrador, profesional o personal.
flash-team-role-changed = Función cambiada a { $role ->
        [owner] propietario
        [admin] administrador
        [provider] profesional
       *[staff] personal
    }.
flash-team-member-removed = Miembro quitado del equipo.
team-refusal-not-allowed = Solo los propietarios y administradores cambian los miembros de un equipo.
team-refusal-owners-only = Solo un propietario puede cambiar a un propietario o nombrar propietario a alguien.
team-refusal-last-owner = Un equipo siempre tiene un propietario: nombre primero propietario a otra persona.
flash-team-not-deleted = No se ha eliminado el equipo: escriba exactamente su dirección para confirmar.
flash-team-deleted = Se ha eliminado el equipo { $team }.
flash-team-welcome = Bienvenido a { $team }.
flash-team-welcome-new = Bienvenido a Slotbook y a { $team }.
invite-error-username-taken = Ese nombre de usuario ya está ocupado; elija otro.
invite-error-email-taken = Ya existe una cuenta con esta dirección de correo: inicie sesión con ella para aceptar la invitación.

## Accessibility and calendars
admin-mail-see-calendar-writes = Véase también: escritura en calendarios
calendars-lead = Las horas ocupadas de los calendarios a los que se suscribe o que conecta aquí bloquean reservas, igual que una ausencia. Slotbook lee cada uno cada { $minutes } minutos; solo se lee cuándo empieza y termina un evento, nada más.
calendars-timezone = Las horas están en su zona horaria, { $zone }.
calendars-ics-heading = Suscripciones ICS
calendars-none = Todavía no hay calendarios.
calendars-accounts-heading = Cuentas CalDAV
calendars-no-accounts = Todavía no hay cuentas.
calendars-account-at = { $username } en { $server }
calendars-account-no-busy = Ningún calendario de esta cuenta cuenta como ocupado.
calendars-account-not-written = Las reservas no se escriben en esta cuenta.
calendars-account-written-into = Las reservas confirmadas se escriben en { $calendar }.
calendars-choose = Elegir calendarios
calendars-remove-account = Quitar la cuenta
calendars-remove-account-label = Quitar la cuenta { $username } en { $server }
calendars-connect-heading = Conectar una cuenta CalDAV
calendars-connect-hint = Nextcloud, iCloud, Fastmail, Radicale y otros servidores CalDAV. Use una contraseña de aplicación cuando su proveedor la ofrezca (iCloud: appleid.apple.com → Contraseñas específicas de apps; Nextcloud: Configuración → Seguridad → Dispositivos y sesiones). Slotbook guarda la contraseña cifrada y no vuelve a mostrarla.
calendars-account-not-connected = La cuenta no se conectó: consulte los mensajes de abajo.
calendars-server-url = Dirección del servidor
calendars-server-url-hint = Por ejemplo https://cloud.example.com/remote.php/dav/
calendars-username = Nombre de usuario
calendars-password = Contraseña o contraseña de aplicación
calendars-connect = Conectar la cuenta
calendars-subscribe-heading = Suscribirse a un calendario
calendars-subscribe-hint = Pegue la dirección ICS del calendario (empieza por https://, http:// o webcal://). Google: Configuración → su calendario → «Dirección secreta en formato iCal». Apple iCloud: comparta el calendario como calendario público. Outlook: Configuración → Calendarios compartidos → Publicar un calendario → vínculo ICS. Nextcloud: menú del calendario → «Copiar enlace de suscripción». Hasta { $max } calendarios.
calendars-not-added = El calendario no se añadió: consulte el mensaje de abajo.
calendars-url = Dirección del calendario (ICS)
calendars-add = Añadir calendario
calendars-not-read-yet = Todavía no se ha leído correctamente.
calendars-last-read = Última lectura el { $when } ({ $zone }): { $count ->
        [one] una hora ocupada
       *[other] { $count } horas ocupadas
    } en su periodo de reservas.
calendars-skipped = { $count ->
        [one] Un evento no se pudo leer y no bloquea nada.
       *[other] { $count } eventos no se pudieron leer y no bloquean nada.
    }
calendars-last-failed = El último intento, el { $when } ({ $zone }), falló: { $error }.
calendars-last-success-counts = Las horas ocupadas de la última lectura correcta siguen contando.
calendars-refreshing = Actualizando… Vuelva a cargar la página en un momento para ver el resultado.
calendars-next-read = Próxima lectura el { $when } ({ $zone }).
calendars-refresh-now = Actualizar ahora
calendars-refresh-label = Actualizar { $url } ahora
calendars-remove = Quitar
calendars-remove-label = Quitar { $url }
calendars-account-lead = Cuenta { $username } en { $server }.
calendars-back = Volver a Calendarios
calendars-busy-legend = ¿Qué calendarios cuentan como ocupados?
calendars-busy-hint = Los eventos de los calendarios que marque bloquean reservas, como una ausencia.
calendars-write-legend = Escribir las reservas confirmadas en
calendars-write-hint = Slotbook añade cada reserva confirmada a este calendario, la mueve cuando se cambia la reserva y la quita cuando se cancela. Un solo calendario para todas sus cuentas.
calendars-write-none = Ningún calendario
calendars-save = Guardar
calendar-write-label = Su calendario:
calendar-write-removed = quitada de su calendario el { $when }.
calendar-write-written = escrita en su calendario el { $when }.
calendar-write-nothing = nada que escribir todavía ({ $when }).
calendar-write-failed = la escritura falló tras { $count ->
        [one] un intento
       *[other] { $count } intentos
    }: { $error }. Slotbook ha desistido de este cambio.
calendar-write-pending = pendiente.
calendar-write-retrying = pendiente: el último intento falló ({ $error }); Slotbook lo intentará de nuevo el { $when }.
admin-calendar-writes = Escritura en calendarios
admin-calendar-writes-lead = Las { $limit } reservas más recientes escritas en los calendarios CalDAV de los proveedores. Horas en UTC. Una escritura fallida se abandonó tras su último intento; el próximo cambio de esa reserva por parte del proveedor la vuelve a poner en cola.
admin-calendar-writes-none = No hay escrituras en calendarios.
admin-calendar-writes-caption = Escrituras en calendarios, las más recientes primero
admin-calendar-writes-booking = Reserva
admin-calendar-writes-object = Objeto del calendario
admin-calendar-writes-status = Estado
admin-calendar-writes-did = Acción
admin-calendar-writes-attempts = Intentos
admin-calendar-writes-when = Momento
admin-calendar-writes-error = Último error
write-status-queued = en cola
write-status-sending = enviándose
write-status-written = escrita
write-status-failed = fallida
write-action-put = escrita
write-action-delete = quitada
write-action-none = nada
calendars-error-url-empty = Introduzca la dirección del calendario.
calendars-error-url-long = Esta dirección tiene más de 2000 caracteres.
calendars-error-url-scheme = Introduzca una dirección que empiece por https://, http:// o webcal://.
calendars-error-private = Esta dirección está en una red privada, de la que Slotbook no lee.
calendars-error-too-many = Ya está suscrito al máximo de calendarios que Slotbook lee para una persona; quite uno primero.
flash-calendar-added = Calendario añadido: Slotbook lo está leyendo ahora y sus horas ocupadas bloquearán reservas.
flash-calendar-refreshing = Actualizando: Slotbook vuelve a leer el calendario en un momento.
flash-calendar-removed = Calendario quitado: sus horas ocupadas ya no bloquean reservas.
calendars-error-server-empty = Introduzca la dirección de su servidor de calendario.
calendars-error-server-scheme = Introduzca una dirección que empiece por https:// o http://.
calendars-error-username = Introduzca el nombre de usuario con el que inicia sesión en el servidor.
calendars-error-password = Introduzca la contraseña o una contraseña de aplicación para esta cuenta.
calendars-error-unauthorized = El servidor rechazó este nombre de usuario y esta contraseña. Compruébelos o cree una contraseña de aplicación para Slotbook.
calendars-error-not-found = No se encontraron calendarios en esta dirección: { $error }.
calendars-error-no-calendars = Esta cuenta no tiene calendarios.
calendars-error-too-many-accounts = Ya ha conectado el máximo de cuentas que Slotbook guarda para una persona; quite una primero.
calendars-error-choose-fewer = Son más calendarios de los que Slotbook lee para una persona: elija menos.
calendars-error-choose-listed = Elija entre los calendarios de esta lista.
flash-calendar-account-connected = Cuenta conectada: elija cuáles de sus calendarios cuentan como ocupados.
flash-calendars-saved = Calendarios guardados: Slotbook está leyendo ahora los ocupados.
flash-calendar-account-removed = Cuenta quitada: sus calendarios ya no bloquean reservas y las reservas ya no se escriben en ella.
calendar-description-notes = Notas: { $notes }
calendar-description-manage = Gestionar esta reserva: { $link }
## Flash messages
flash-welcome = ¡Bienvenido/a a Slotbook! Hemos enviado un enlace a { $email } para verificar su dirección; sus clientes podrán reservar cuando esté verificada.
flash-verified = Gracias: { $email } está verificada. Sus clientes ya pueden reservar con usted.
flash-reset-sent = Si una cuenta usa { $email }, le hemos enviado un enlace para elegir una nueva contraseña. El enlace es válido durante una hora.
flash-profile-saved = Su perfil se ha guardado.
flash-email-changed = Su dirección de correo es ahora { $email }. Le hemos enviado un enlace para verificarla; las reservas se pausan hasta que esté verificada.
flash-password-changed = Su contraseña se ha cambiado. Se han cerrado todas las demás sesiones.
flash-look-saved = Inserción e imagen de marca guardadas.
flash-mail-requeued = El mensaje vuelve a estar en cola y se enviará en breve.
flash-mail-not-failed = Ese mensaje ya no está fallido; no se ha cambiado nada.
flash-admin-not-yourself = No puede desactivar su propia cuenta.
flash-admin-only-providers = Solo las cuentas de profesional pueden desactivarse o reactivarse.
flash-admin-reactivated = La cuenta vuelve a estar activa; sus páginas de reserva vuelven a estar en línea.
flash-admin-deactivated = La cuenta está desactivada: se ha cerrado la sesión en todas partes y sus páginas de reserva están fuera de línea.
flash-token-revoked = Token revocado: ya no funciona.
flash-webhook-test-queued = Evento de prueba en cola: se envía en unos segundos; sus intentos aparecen abajo.
flash-webhook-requeued = De nuevo en cola con el mismo webhook-id: se envía en unos segundos.
flash-time-off-added = Ausencia añadida: { $when }.
flash-time-off-removed = Ausencia eliminada.

## More flash messages
flash-verification-resent = Hemos enviado un nuevo enlace de verificación a { $email }. Los enlaces anteriores ya no funcionan.
flash-already-verified = Su dirección de correo ya está verificada.
flash-guest-erased = { $count ->
    [one] Los datos del cliente se han borrado de { $count } reserva.
   *[other] Los datos del cliente se han borrado de { $count } reservas.
}
flash-webhook-enabled = Endpoint activado: se le envían los nuevos eventos.
flash-webhook-disabled = Endpoint desactivado: no se le envía nada hasta que lo active.

## Error pages
error-login = Inicie sesión
error-login-message = Inicie sesión para continuar.
error-not-found = Página no encontrada
error-not-found-message = No hemos encontrado esa página. Puede que el enlace esté mal escrito o desactualizado.
error-csrf = Este formulario ha caducado
error-csrf-message = Por su seguridad no se ha podido aceptar el formulario: estuvo abierto demasiado tiempo o procede de otro sitio. Vuelva atrás, recargue la página y envíelo de nuevo.
error-forbidden = No permitido
error-forbidden-message = No tiene acceso a esta página.
error-bad-request = Eso no ha funcionado
error-rate-limited = Demasiados intentos
error-rate-limited-message = Lo ha intentado demasiadas veces. Espere { $wait } y vuelva a intentarlo.
error-slot-taken-message = Otra persona acaba de reservar este horario. Elija otro horario.
error-duplicate = Ya existe
error-duplicate-message = Ya existe algo con el mismo nombre. Vuelva atrás y elija otro.
error-busy = Estamos ocupados
error-busy-message = El servidor está ocupado en este momento. Vuelva a intentarlo en unos segundos.
error-internal = Algo ha salido mal
error-internal-message = Algo ha salido mal por nuestra parte. No es culpa suya; vuelva a intentarlo en un momento.

## More formats
fmt-day-month = %-d %b
fmt-day-month-year = %-d %b %Y
week-times-in = Horarios en

## Webhook states
webhooks-state-enabled = Activado
webhooks-state-disabled = Desactivado

## Status badges
badge-pending = Pendiente
badge-confirmed = Confirmada
badge-completed = Completada
badge-no_show = No se presentó
badge-expired = Caducada
badge-declined = Rechazada
badge-cancelled = Cancelada

## lang (issue #16): form errors from the domain and the form handlers, and the last page texts
form-error-control-characters = Contiene caracteres de control invisibles; vuelva a escribirlo.
form-error-line-break = Escríbalo en una sola línea.
form-error-number-range = { $what } debe estar entre { $min } y { $max }.
form-error-number-missing = Introduzca { $what }.
form-error-number-whole = { $what } debe ser un número entero.
form-error-at-most = Use como máximo { $max } caracteres.
form-error-date = Introduzca una fecha como 2030-01-31.
form-error-month = Introduzca un mes como 2030-01.
form-error-date-range = Elija una fecha entre 1970 y 2199.
form-error-timezone = «{ $zone }» no es una zona horaria que conozcamos; elija una de la lista, por ejemplo Europe/Madrid.
field-duration = Duración
    .lower = la duración
field-slot-interval = Intervalo de horarios
    .lower = el intervalo de horarios
field-buffer-before = Margen antes
    .lower = el margen antes
field-buffer-after = Margen después
    .lower = el margen después
field-minimum-notice = Antelación mínima
    .lower = la antelación mínima
field-booking-window = Plazo de reserva
    .lower = el plazo de reserva
field-daily-limit = Límite diario
    .lower = el límite diario
field-hold-time = Tiempo de reserva provisional
    .lower = el tiempo de reserva provisional
field-cancellation-notice = Plazo de cancelación
    .lower = el plazo de cancelación
field-reminder = Recordatorio
    .lower = el recordatorio
email-error-missing = Introduzca su dirección de correo electrónico.
email-error-long = Una dirección de correo electrónico puede tener como máximo 254 caracteres.
email-error-invalid = Introduzca una dirección de correo electrónico como nombre@example.com.
username-error-missing = Elija un nombre de usuario.
username-error-length = Un nombre de usuario tiene de 3 a 30 caracteres.
username-error-characters = Use solo letras a–z, cifras y guiones.
username-error-hyphen = Un nombre de usuario no puede empezar ni terminar con un guion.
username-error-reserved = Ese nombre de usuario está reservado; elija otro.
password-error-missing = Elija una contraseña.
password-error-short = Use al menos { $min } caracteres (unas cuantas palabras forman una buena contraseña).
password-error-obvious = Esa contraseña es demasiado fácil de adivinar: evite su nombre de usuario, su dirección de correo electrónico y las contraseñas comunes.
password-error-differ = Las dos contraseñas no coinciden: escriba dos veces la misma contraseña nueva.
account-error-language = Elija uno de los idiomas.
signup-error-username-taken = Ese nombre de usuario ya está en uso; elija otro.
signup-error-email-taken = Ya existe una cuenta con esta dirección de correo electrónico. Inicie sesión o restablezca su contraseña.
login-error-login-missing = Introduzca su dirección de correo electrónico o su nombre de usuario.
login-error-password-missing = Introduzca su contraseña.
settings-error-email-same = Esa ya es su dirección de correo electrónico.
settings-error-email-taken = Otra cuenta usa esta dirección de correo electrónico.
settings-error-password-missing = Introduzca su contraseña actual.
settings-error-password-wrong = Esa no es su contraseña actual.
guest-error-name-missing = Introduzca su nombre.
guest-error-name-long = Su nombre puede tener como máximo 200 caracteres.
guest-error-email-missing = Introduzca su dirección de correo electrónico: la confirmación se envía allí.
guest-error-email-invalid = Introduzca una dirección de correo electrónico válida, como nombre@example.com.
guest-error-phone = Introduzca un número de teléfono con cifras (se admiten espacios, +, - y paréntesis), o deje el campo vacío.
guest-error-notes-long = Las notas pueden tener como máximo 5000 caracteres.
guest-error-answer-missing = Esta pregunta necesita una respuesta.
guest-error-answer-choice = Elija una de las opciones.
guest-error-answer-long = Una respuesta puede tener como máximo 2000 caracteres.
privacy-error-email-missing = Introduzca la dirección de correo electrónico del cliente.
privacy-error-email-erased = Esa es la dirección de sustitución de las reservas borradas, no la de un cliente.
service-error-name-missing = Introduzca un nombre para el servicio.
service-error-name-long = El nombre puede tener como máximo 120 caracteres.
service-error-slug = El nombre del enlace puede usar letras minúsculas, cifras y guiones (como máximo 60), sin empezar ni terminar con un guion.
service-error-slug-reserved = «{ $slug }» está reservado; elija otro nombre de enlace.
service-error-slug-taken = Ya tiene un servicio con este nombre de enlace; elija otro.
service-error-description-long = La descripción puede tener como máximo 5000 caracteres.
service-error-price = Introduzca un precio como 25 o 25.50, o deje el campo vacío.
service-error-currency = Use un código de moneda de tres letras como EUR o USD.
service-error-currency-missing = Introduzca la moneda del precio, por ejemplo EUR o USD.
service-error-location-long = El lugar puede tener como máximo 500 caracteres.
service-error-confirmation = Elija cómo se confirman las reservas.
service-error-questions-many = Un servicio puede tener como máximo { $max } preguntas.
service-error-question-long = Una pregunta puede tener como máximo 200 caracteres.
service-error-choices = Una pregunta de opción necesita al menos dos opciones, separadas por comas.
hours-error-start-missing = Introduzca una hora de inicio.
hours-error-end-missing = Introduzca una hora de fin.
hours-error-start-unreadable = Introduzca la hora de inicio en horas y minutos, como 09:30.
hours-error-end-unreadable = Introduzca la hora de fin en horas y minutos, como 17:30, o { $midnight } para medianoche.
hours-error-date-missing = Introduzca la fecha.
hours-error-days = Elija al menos un día.
hours-error-validity = La última fecha de validez no puede ser anterior a la primera.
hours-error-override-empty = Introduzca el horario de apertura de esa fecha, o marque «Cerrado todo el día».
hours-error-backwards = { $interval } termina antes de empezar; el horario no puede pasar de medianoche, así que añada el resto al día siguiente.
hours-error-overlap = { $first } se solapa con { $second }; únalos o sepárelos.
hours-error-backwards-on-day = { $day }: { $interval } termina antes de empezar; el horario no puede pasar de medianoche, así que añada el resto al día siguiente.
hours-error-overlap-on-day = { $day }: { $first } se solapa con { $second }; únalos o sepárelos.
timeoff-error-first-day = Introduzca el primer día.
timeoff-error-last-day = Introduzca el último día.
timeoff-error-time = Introduzca una hora como 09:30, o deje el campo vacío.
timeoff-error-reason-long = El motivo puede tener como máximo 200 caracteres.
timeoff-error-order = La ausencia debe terminar después de empezar.
find-error-days = Elija días de lunes a domingo.
find-error-part = Elija mañana, tarde o noche.
find-error-time = Introduzca una hora en horas y minutos, como 17:30.
find-error-order = El final debe ser posterior al inicio.
find-error-both = Introduzca ambas horas, o ninguna.
team-error-name-missing = Introduzca el nombre del equipo.
team-error-colour = Indique un color como # y seis cifras hexadecimales, por ejemplo #1a6b4f.
team-error-invite-role = Elija administrador, profesional o personal.
team-slug-error-missing = Elija la dirección del equipo.
team-slug-error-length = Una dirección de equipo tiene de 3 a 30 caracteres.
team-slug-error-hyphen = Una dirección de equipo no puede empezar ni terminar con un guion.
team-slug-error-reserved = Esa dirección está reservada; elija otra.
look-error-colour = Introduzca el color como # y seis cifras hexadecimales, como #2457d6.
look-error-colour-missing = Introduzca un color.
look-error-colour-light = { $colour } es demasiado claro: el texto blanco sobre él tiene un contraste de { $ratio }:1, y se necesita al menos { $min }:1 para que sea legible. Elija un tono más oscuro.
look-error-logo-long = El texto del logotipo puede tener como máximo { $max } caracteres.
look-error-logo-line = El texto del logotipo debe ser una sola línea.
look-error-origins-many = Indique como máximo { $max } sitios web.
look-error-origin = «{ $origin }» no es un origen de sitio web: introdúzcalo como https://example.com (esquema y host, un puerto opcional, sin ruta).
look-error-origin-http = «{ $origin }» usa http: solo los sitios https pueden insertar sus páginas (http se admite para localhost mientras hace pruebas).
team-bookings-not-open = Las reservas se abrirán cuando un miembro de { $team } acepte reservas para este servicio. Vuelva a consultar pronto.
error-form-unreadable = No se pudo leer el formulario. Vuelva atrás, recargue la página e inténtelo de nuevo.
error-query-unreadable = La dirección tiene parámetros que no pudimos leer.
book-error-far-start = Esa hora está fuera de las fechas que se pueden reservar (de 1970 a 2199). Elija una hora del calendario.
flash-signed-out = Ha cerrado la sesión.
flash-password-reset-done = Su contraseña se ha cambiado y se han cerrado todas las sesiones. Inicie sesión con su nueva contraseña.
flash-account-deleted = Su cuenta está eliminada. Se ha avisado a los clientes con reservas pendientes.
delete-refused-last-admin = Usted es el único administrador de esta instancia. Cree otro administrador (slotbook admin create) antes de eliminar esta cuenta, para que alguien pueda seguir gestionándola.
delete-refused-team-owner = Usted es el único propietario del equipo o los equipos «{ $teams }». Transfiera primero la propiedad: haga propietario a otro miembro en la página Miembros del equipo (o elimine el equipo) y después elimine su cuenta, para que ningún equipo quede sin nadie que lo gestione.
webhooks-error-url-long = Una URL puede tener como máximo 2000 caracteres.
webhooks-error-url-unreadable = Introduzca una URL completa, como https://example.com/hooks.
webhooks-error-url-scheme = Introduzca una URL http:// o https:// con un nombre de host.
webhooks-error-url-credentials = Ponga las credenciales en el punto de conexión, no en la URL.
webhooks-error-url-private = Esta dirección está en una red privada, a la que Slotbook no envía nada.
webhooks-error-types = Elija al menos uno de los eventos.
tokens-error-name-missing = Dé un nombre al token, por ejemplo el de la herramienta que lo usará.
tokens-error-name-long = Un nombre de token puede tener como máximo 100 caracteres.
tokens-error-name-line = Un nombre de token debe ser una sola línea de texto.
tokens-error-scope = Elija lectura o lectura+escritura.
hours-error-copy-days = Elija al menos otro día al que copiar.
## End of the lang block
