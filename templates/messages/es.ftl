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
