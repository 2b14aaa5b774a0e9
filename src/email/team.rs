//! Team messages: the invitation to join a team (`templates/email/team_invitation/`).

use askama::Template;

use crate::email::{render, EmailTemplate, OutgoingMessage};

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

/// The invitation mail to `to`.
pub fn invitation(to: &str, message: &TeamInvitation) -> askama::Result<OutgoingMessage> {
    render(to, message)
}
