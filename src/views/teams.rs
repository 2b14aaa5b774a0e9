//! Templates of the team pages: the list of one's teams with the creation form, a team's
//! members and invitations, and the invitation page a link opens.

use askama::Template;

use super::PageContext;
use crate::domain::forms::{FieldErrors, RawForm};

/// One team of the signed-in person.
pub struct TeamRow {
    pub slug: String,
    pub name: String,
    pub role: String,
}

#[derive(Template)]
#[template(path = "pages/teams/index.html")]
pub struct TeamsPage {
    pub ctx: PageContext,
    pub teams: Vec<TeamRow>,
    pub form: RawForm,
    pub errors: FieldErrors,
    pub timezones: &'static [&'static str],
}

impl TeamsPage {
    /// The zone the picker shows: what was typed, else UTC.
    pub fn selected_timezone(&self) -> &str {
        match self.form.get("timezone") {
            "" => "UTC",
            zone => zone,
        }
    }
}

/// One member as the team page lists them.
pub struct MemberRow {
    pub user_id: String,
    pub name: String,
    pub username: String,
    pub email: String,
    pub role: String,
    /// The roles the viewer may move this member to (empty: no change offered).
    pub role_choices: Vec<&'static str>,
    pub removable: bool,
}

/// An invitation not used yet.
pub struct InvitationRow {
    pub email: String,
    pub role: String,
    pub expires: String,
}

#[derive(Template)]
#[template(path = "pages/teams/team.html")]
pub struct TeamPage {
    pub ctx: PageContext,
    pub slug: String,
    pub name: String,
    pub timezone: String,
    pub my_role: String,
    pub manages_members: bool,
    pub deletes_team: bool,
    pub front_desk: bool,
    pub members: Vec<MemberRow>,
    pub invitations: Vec<InvitationRow>,
    pub invite_form: RawForm,
    pub invite_errors: FieldErrors,
    /// Whether the viewer gets the team's daily agenda by email.
    pub agenda_mail: bool,
}

/// What an invitation link shows, depending on the link and on who opens it.
pub enum InvitationState {
    /// Used, expired or unknown.
    Closed,
    /// Signed in with the invited address: one button accepts.
    Accept { name: String },
    /// Signed in with another address: sign out first.
    OtherAccount { email: String },
    /// Not signed in: sign in (existing account) or create one.
    SignedOut,
}

#[derive(Template)]
#[template(path = "pages/teams/invitation.html")]
pub struct InvitationPage {
    pub ctx: PageContext,
    pub token: String,
    pub team: String,
    pub role: String,
    pub email: String,
    pub state: InvitationState,
    pub allow_signup: bool,
    pub form: RawForm,
    pub errors: FieldErrors,
    pub timezones: &'static [&'static str],
}

impl InvitationPage {
    pub fn selected_timezone(&self) -> &str {
        match self.form.get("timezone") {
            "" => "UTC",
            zone => zone,
        }
    }
}

/// One team service as its team's page lists it.
pub struct TeamServiceRow {
    pub name: String,
    pub href: String,
    /// The assignment mode's message id.
    pub mode: &'static str,
    pub hosts: String,
}

/// A member who may host, as a checkbox of the service form.
pub struct HostChoice {
    pub id: String,
    pub name: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "pages/teams/services.html")]
pub struct TeamServicesPage {
    pub ctx: PageContext,
    pub slug: String,
    pub name: String,
    pub manages_services: bool,
    pub services: Vec<TeamServiceRow>,
    pub hosts: Vec<HostChoice>,
    pub form: RawForm,
    pub errors: FieldErrors,
}
