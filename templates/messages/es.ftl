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
