//! Team messages: the invitation to join a team (`templates/email/team_invitation/`) and
//! the daily agenda a member may ask for (`templates/email/team_agenda/`), with every
//! time in the team's zone and the zone's name.

use askama::Template;
use chrono::{DateTime, NaiveDate, Utc};

use crate::db::models::team_agenda::AgendaLine;
use crate::db::models::teams::Team;
use crate::db::models::users::User;
use crate::email::{render_in, EmailTemplate, OutgoingMessage};
use crate::i18n::format;

/// "X invites you to join Y on Slotbook".
pub struct TeamInvitation {
    pub team: String,
    pub inviter: String,
    pub role: String,
    pub link: String,
    pub valid_days: i64,
}

#[derive(Template)]
#[template(path = "email/team_invitation/subject.txt")]
struct InvitationSubject<'a> {
    m: &'a TeamInvitation,
}

#[derive(Template)]
#[template(path = "email/team_invitation/text.txt")]
struct InvitationText<'a> {
    m: &'a TeamInvitation,
}

#[derive(Template)]
#[template(path = "email/team_invitation/html.html")]
struct InvitationHtml<'a> {
    subject: &'a str,
    m: &'a TeamInvitation,
}

impl EmailTemplate for TeamInvitation {
    const KIND: &'static str = "team_invitation";

    fn subject(&self) -> askama::Result<String> {
        InvitationSubject { m: self }.render()
    }

    fn text(&self) -> askama::Result<String> {
        InvitationText { m: self }.render()
    }

    fn html(&self, subject: &str) -> askama::Result<String> {
        InvitationHtml { subject, m: self }.render()
    }
}

/// The invitation mail to `to`, in `locale` (the invitee's language when they have an
/// account, else the inviter's page's).
pub fn invitation(
    locale: crate::i18n::Locale,
    to: &str,
    message: &TeamInvitation,
) -> askama::Result<OutgoingMessage> {
    render_in(locale, to, message)
}

/// One booking on a team's daily agenda, in the team's zone.
pub struct AgendaItem {
    /// "09:00–09:30".
    pub time: String,
    pub hosts: String,
    pub service: String,
    pub guest: String,
    /// The status's slug (`status-…` message).
    pub status: String,
    pub arrived: bool,
}

/// The day's agenda of a team for one member who asked for it.
pub struct TeamAgenda {
    pub team: String,
    pub recipient: String,
    /// "Tuesday, January 8, 2030", in the member's language.
    pub day: String,
    /// The team's zone, in which every time is given.
    pub zone: String,
    pub items: Vec<AgendaItem>,
    /// The front desk's day view (for members who run it), else the team page.
    pub link: String,
}

#[derive(Template)]
#[template(path = "email/team_agenda/subject.txt")]
struct AgendaSubject<'a> {
    m: &'a TeamAgenda,
}

#[derive(Template)]
#[template(path = "email/team_agenda/text.txt")]
struct AgendaText<'a> {
    m: &'a TeamAgenda,
}

#[derive(Template)]
#[template(path = "email/team_agenda/html.html")]
struct AgendaHtml<'a> {
    subject: &'a str,
    m: &'a TeamAgenda,
}

impl EmailTemplate for TeamAgenda {
    const KIND: &'static str = "team_agenda";

    fn subject(&self) -> askama::Result<String> {
        AgendaSubject { m: self }.render()
    }

    fn text(&self) -> askama::Result<String> {
        AgendaText { m: self }.render()
    }

    fn html(&self, subject: &str) -> askama::Result<String> {
        AgendaHtml { subject, m: self }.render()
    }
}

/// The agenda of `day` for `member` of `team`, from the day's bookings.
pub fn agenda(
    base_url: &str,
    team: &Team,
    member: &User,
    front_desk: bool,
    day: NaiveDate,
    lines: &[AgendaLine],
) -> askama::Result<OutgoingMessage> {
    let tz = team.timezone.tz();
    let locale = member.language;
    let local = |at: DateTime<Utc>| format::time_at_in(locale, at, tz);
    let message = TeamAgenda {
        team: team.name.clone(),
        recipient: member.full_name.clone(),
        day: format::date_long_in(locale, day),
        zone: tz.name().to_owned(),
        items: lines
            .iter()
            .map(|line| AgendaItem {
                time: format!(
                    "{}\u{2013}{}",
                    local(line.booking.start_at),
                    local(line.booking.end_at)
                ),
                hosts: line.hosts.join(", "),
                service: line.service.clone(),
                guest: line.booking.guest_name.clone(),
                status: line.booking.status().as_str().to_owned(),
                arrived: line.booking.arrived_at.is_some(),
            })
            .collect(),
        link: if front_desk {
            format!("{base_url}/teams/{}/desk?view=day&date={day}", team.slug)
        } else {
            format!("{base_url}/teams/{}", team.slug)
        },
    };
    render_in(locale, &member.email, &message)
}
