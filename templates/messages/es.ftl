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
