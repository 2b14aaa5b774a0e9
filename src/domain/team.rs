//! Teams as values: the roles of a membership and what each may do, the team and
//! invitation forms, and the round-robin fairness rule. Pure: no I/O.
//!
//! | role | members | team services | team bookings (front desk) | calendar (host) | delete team |
//! |---|---|---|---|---|---|
//! | owner | yes | yes | yes | yes | yes |
//! | admin | yes (not owners) | yes | yes | yes | no |
//! | provider | no | no | their own | yes | no |
//! | staff | no | no | yes | no | no |

use std::cmp::Ordering;
use std::fmt;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use uuid::Uuid;

use crate::domain::account::is_reserved_handle;
use crate::domain::availability::Refusal;
use crate::domain::email_address::EmailAddress;
use crate::domain::forms::{FieldErrors, RawForm, Text};
use crate::domain::time::Timezone;

/// A member's role in one team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TeamRole {
    Owner,
    Admin,
    Provider,
    Staff,
}

impl TeamRole {
    pub const ALL: [TeamRole; 4] = [Self::Owner, Self::Admin, Self::Provider, Self::Staff];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Owner => "owner",
            Self::Admin => "admin",
            Self::Provider => "provider",
            Self::Staff => "staff",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|role| role.as_str() == text)
    }

    /// Invites, role changes and removals.
    pub fn manages_members(self) -> bool {
        matches!(self, Self::Owner | Self::Admin)
    }

    /// Creating and changing team services and their hosts.
    pub fn manages_services(self) -> bool {
        matches!(self, Self::Owner | Self::Admin)
    }

    /// Seeing and operating every booking of the team (the front desk).
    pub fn operates_front_desk(self) -> bool {
        matches!(self, Self::Owner | Self::Admin | Self::Staff)
    }

    /// Has a calendar of their own, so can host team services.
    pub fn hosts(self) -> bool {
        !matches!(self, Self::Staff)
    }

    pub fn deletes_team(self) -> bool {
        self == Self::Owner
    }
}

impl fmt::Display for TeamRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, thiserror::Error)]
#[error("unknown team role {0:?}")]
pub struct UnknownTeamRole(String);

/// Rows read the stored role straight into a `TeamRole`.
impl TryFrom<String> for TeamRole {
    type Error = UnknownTeamRole;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text).ok_or(UnknownTeamRole(text))
    }
}

/// Why a change of a member's role (or their removal, `to = None`) is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum MembershipRefusal {
    #[error("Only owners and admins change the members of a team.")]
    NotAllowed,
    #[error("Only an owner can change an owner or make someone an owner.")]
    OwnersOnly,
    #[error("A team always has an owner: make someone else owner first.")]
    LastOwner,
}

/// Whether `actor` may move a member from `from` to `to` (`None` removes them), given
/// how many owners the team has now.
pub fn decide_membership_change(
    actor: TeamRole,
    from: TeamRole,
    to: Option<TeamRole>,
    owners: usize,
) -> Result<(), MembershipRefusal> {
    if !actor.manages_members() {
        return Err(MembershipRefusal::NotAllowed);
    }
    let touches_owner = from == TeamRole::Owner || to == Some(TeamRole::Owner);
    if touches_owner && actor != TeamRole::Owner {
        return Err(MembershipRefusal::OwnersOnly);
    }
    if from == TeamRole::Owner && to != Some(TeamRole::Owner) && owners <= 1 {
        return Err(MembershipRefusal::LastOwner);
    }
    Ok(())
}

/// A team's public handle: the rules of a username (one namespace for both).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamSlug(String);

impl TeamSlug {
    pub fn parse(text: &str) -> Result<TeamSlug, Text> {
        let slug = text.trim().to_lowercase();
        let length = slug.chars().count();
        if length == 0 {
            return Err(Text::id("team-slug-error-missing"));
        }
        if !(3..=30).contains(&length) {
            return Err(Text::id("team-slug-error-length"));
        }
        if !slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return Err(Text::id("username-error-characters"));
        }
        if slug.starts_with('-') || slug.ends_with('-') {
            return Err(Text::id("team-slug-error-hyphen"));
        }
        if is_reserved_handle(&slug) {
            return Err(Text::id("team-slug-error-reserved"));
        }
        Ok(TeamSlug(slug))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

const TEAM_NAME_MAX: usize = 120;
const LOGO_TEXT_MAX: usize = 40;

/// The team form: `name`, `slug`, `timezone`, `logo_text`, `colour` (`#rrggbb` or empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamSpec {
    pub name: String,
    pub slug: TeamSlug,
    pub timezone: Timezone,
    pub logo_text: String,
    pub colour: String,
}

impl TeamSpec {
    pub fn parse(form: &RawForm) -> Result<TeamSpec, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = form.line(&mut errors, "name");
        if name.is_empty() {
            errors.add("name", Text::id("team-error-name-missing"));
        } else if name.chars().count() > TEAM_NAME_MAX {
            errors.add(
                "name",
                Text::id("form-error-at-most").count("max", TEAM_NAME_MAX as i64),
            );
        }
        let slug = TeamSlug::parse(form.get("slug")).map_err(|e| errors.add("slug", e));
        let timezone =
            Timezone::parse(form.get("timezone")).map_err(|e| errors.add("timezone", e.text()));
        let logo_text = form.line(&mut errors, "logo_text");
        if logo_text.chars().count() > LOGO_TEXT_MAX {
            errors.add(
                "logo_text",
                Text::id("form-error-at-most").count("max", LOGO_TEXT_MAX as i64),
            );
        }
        let colour = form.get("colour").trim().to_lowercase();
        let is_hex = colour.len() == 7
            && colour.starts_with('#')
            && colour[1..].chars().all(|c| c.is_ascii_hexdigit());
        if !colour.is_empty() && !is_hex {
            errors.add("colour", Text::id("team-error-colour"));
        }
        match (slug, timezone) {
            (Ok(slug), Ok(timezone)) => errors.into_result(TeamSpec {
                name,
                slug,
                timezone,
                logo_text,
                colour,
            }),
            _ => Err(errors),
        }
    }
}

/// The invitation form: `email` and `role` (never owner: ownership is given to a member).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invite {
    pub email: EmailAddress,
    pub role: TeamRole,
}

impl Invite {
    pub fn parse(form: &RawForm) -> Result<Invite, FieldErrors> {
        let mut errors = FieldErrors::new();
        let email = EmailAddress::parse(form.get("email")).map_err(|e| errors.add("email", e));
        let role = match TeamRole::parse(form.get("role")) {
            Some(role) if role != TeamRole::Owner => Some(role),
            _ => {
                errors.add("role", Text::id("team-error-invite-role"));
                None
            }
        };
        match (email, role) {
            (Ok(email), Some(role)) => errors.into_result(Invite { email, role }),
            _ => Err(errors),
        }
    }
}

/// What the fairness rule knows of one free host.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HostLoad {
    pub host_id: Uuid,
    /// Holding team bookings of this host in the last 30 days.
    pub recent_bookings: u32,
    /// When this host was last given a team booking (creation time), if ever.
    pub last_booked_at: Option<DateTime<Utc>>,
    /// 1–10: a host with weight 2 is meant to get twice the bookings of weight 1.
    pub weight: u32,
}

/// Days of team bookings the fairness rule counts.
pub const FAIRNESS_WINDOW_DAYS: i64 = 30;

/// The round-robin fairness rule: among the free hosts, the one with the fewest team
/// bookings in the last 30 days relative to their weight (`bookings / weight`, compared
/// exactly); ties go to the least recently booked (never booked first), then to the
/// smallest id so the choice is deterministic.
pub fn pick_host(free: &[HostLoad]) -> Option<Uuid> {
    free.iter()
        .min_by(|a, b| fairness_order(a, b))
        .map(|host| host.host_id)
}

/// The host of a moved round-robin booking booked for "any available": its current host
/// when they are free at the new time (a guest who moves expects the same person), else
/// the fairness rule among the free hosts.
pub fn pick_host_for_move(free: &[HostLoad], current: Uuid) -> Option<Uuid> {
    if free.iter().any(|host| host.host_id == current) {
        return Some(current);
    }
    pick_host(free)
}

fn fairness_order(a: &HostLoad, b: &HostLoad) -> Ordering {
    let load = |h: &HostLoad, other: &HostLoad| {
        u64::from(h.recent_bookings) * u64::from(other.weight.max(1))
    };
    load(a, b)
        .cmp(&load(b, a))
        .then_with(|| match (a.last_booked_at, b.last_booked_at) {
            (None, None) => Ordering::Equal,
            (None, Some(_)) => Ordering::Less,
            (Some(_), None) => Ordering::Greater,
            (Some(x), Some(y)) => x.cmp(&y),
        })
        .then_with(|| a.host_id.cmp(&b.host_id))
}

/// The local hour from which the day's agenda mail goes out, in the team's zone.
pub const AGENDA_HOUR: u32 = 7;

/// The team's local date whose agenda is due at `now`: today once it is 07:00 or later in
/// the team's zone (a job that missed 07:00 still sends it later that day), else none.
pub fn agenda_day(now: DateTime<Utc>, tz: Tz) -> Option<NaiveDate> {
    let local = now.with_timezone(&tz);
    let from = NaiveTime::from_hms_opt(AGENDA_HOUR, 0, 0)?;
    (local.time() >= from).then(|| local.date_naive())
}

/// Whether the front desk may book (or move to) a time the engine refused for a guest:
/// staff may book inside the minimum notice (the desk's check leaves the notice out), but
/// a time outside the host's hours or off the service's grid needs an override reason;
/// a past time, one beyond the booking window, or a taken time never.
pub fn desk_allows(refusal: Refusal, override_reason: Option<&str>) -> bool {
    match refusal {
        Refusal::InsideNotice { .. } => true,
        Refusal::OutsideHours | Refusal::OffGrid => {
            override_reason.is_some_and(|r| !r.trim().is_empty())
        }
        Refusal::InPast
        | Refusal::BeyondWindow { .. }
        | Refusal::DailyLimitReached { .. }
        | Refusal::Unavailable => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> RawForm {
        RawForm(
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        )
    }

    #[test]
    fn roles_read_back_what_was_stored_and_refuse_anything_else() {
        for role in TeamRole::ALL {
            assert_eq!(TeamRole::try_from(role.as_str().to_owned()).unwrap(), role);
        }
        assert!(TeamRole::try_from("Owner".to_owned()).is_err());
    }

    #[test]
    fn staff_run_the_front_desk_but_have_no_calendar_and_manage_nothing() {
        use TeamRole::*;
        assert!(Staff.operates_front_desk() && !Staff.hosts());
        assert!(!Staff.manages_members() && !Staff.manages_services());
        assert!(Provider.hosts() && !Provider.operates_front_desk());
        assert!(Admin.manages_members() && !Admin.deletes_team());
        assert!(Owner.deletes_team());
    }

    #[test]
    fn a_team_always_keeps_an_owner_and_only_owners_touch_owners() {
        use MembershipRefusal::*;
        use TeamRole::*;
        assert_eq!(
            decide_membership_change(Owner, Owner, None, 1),
            Err(LastOwner)
        );
        assert_eq!(
            decide_membership_change(Owner, Owner, Some(Admin), 1),
            Err(LastOwner)
        );
        assert_eq!(
            decide_membership_change(Owner, Owner, Some(Admin), 2),
            Ok(())
        );
        assert_eq!(
            decide_membership_change(Admin, Owner, None, 2),
            Err(OwnersOnly)
        );
        assert_eq!(
            decide_membership_change(Admin, Staff, Some(Owner), 1),
            Err(OwnersOnly)
        );
        assert_eq!(
            decide_membership_change(Admin, Staff, Some(Provider), 1),
            Ok(())
        );
        assert_eq!(
            decide_membership_change(Staff, Provider, None, 1),
            Err(NotAllowed)
        );
        assert_eq!(
            decide_membership_change(Provider, Staff, None, 1),
            Err(NotAllowed)
        );
        assert_eq!(
            decide_membership_change(Owner, Provider, Some(Owner), 1),
            Ok(())
        );
    }

    #[test]
    fn team_forms_parse_into_values_or_field_errors() {
        let spec = TeamSpec::parse(&form(&[
            ("name", " Harbour Clinic "),
            ("slug", "Harbour-Clinic"),
            ("timezone", "Europe/Berlin"),
            ("colour", "#1A6B4F"),
        ]))
        .unwrap();
        assert_eq!(spec.slug.as_str(), "harbour-clinic");
        assert_eq!(spec.name, "Harbour Clinic");
        assert_eq!(spec.colour, "#1a6b4f");
        let errors = TeamSpec::parse(&form(&[
            ("name", ""),
            ("slug", "dashboard"),
            ("timezone", "Mars/Base"),
            ("colour", "green"),
        ]))
        .unwrap_err();
        for field in ["name", "slug", "timezone", "colour"] {
            assert!(errors.has(field), "{field}");
        }
        let invite = Invite::parse(&form(&[("email", "Nurse@Example.com"), ("role", "staff")]));
        assert_eq!(invite.unwrap().role, TeamRole::Staff);
        let refused = Invite::parse(&form(&[("email", "x@example.com"), ("role", "owner")]));
        assert!(refused.unwrap_err().has("role"));
    }

    #[test]
    fn the_desk_books_inside_notice_but_outside_hours_only_with_a_reason_and_never_over_a_booking()
    {
        let notice = Refusal::InsideNotice {
            min_notice_minutes: 60,
        };
        assert!(desk_allows(notice, None));
        assert!(!desk_allows(Refusal::OutsideHours, None));
        assert!(!desk_allows(Refusal::OutsideHours, Some("  ")));
        assert!(desk_allows(Refusal::OutsideHours, Some("emergency")));
        assert!(desk_allows(Refusal::OffGrid, Some("emergency")));
        assert!(!desk_allows(Refusal::Unavailable, Some("emergency")));
        assert!(!desk_allows(Refusal::InPast, Some("emergency")));
    }

    fn load(n: u128, recent: u32, last: Option<i64>, weight: u32) -> HostLoad {
        HostLoad {
            host_id: Uuid::from_u128(n),
            recent_bookings: recent,
            last_booked_at: last.map(|s| DateTime::from_timestamp(s, 0).unwrap()),
            weight,
        }
    }

    #[test]
    fn the_fairest_host_has_fewest_recent_bookings_per_weight_then_waited_longest() {
        assert_eq!(pick_host(&[]), None);
        let fewest = [load(1, 3, Some(10), 1), load(2, 1, Some(20), 1)];
        assert_eq!(pick_host(&fewest), Some(Uuid::from_u128(2)));
        let weighted = [load(1, 3, Some(10), 1), load(2, 4, Some(20), 2)];
        assert_eq!(pick_host(&weighted), Some(Uuid::from_u128(2)));
        let waited = [load(1, 2, Some(30), 1), load(2, 2, Some(20), 1)];
        assert_eq!(pick_host(&waited), Some(Uuid::from_u128(2)));
        let never = [load(1, 0, Some(30), 1), load(2, 0, None, 1)];
        assert_eq!(pick_host(&never), Some(Uuid::from_u128(2)));
        let tie = [load(2, 0, None, 1), load(1, 0, None, 1)];
        assert_eq!(pick_host(&tie), Some(Uuid::from_u128(1)));
    }

    #[test]
    fn the_agenda_is_due_from_seven_in_the_teams_zone_until_midnight() {
        let berlin = chrono_tz::Europe::Berlin;
        // 05:59 UTC is 06:59 in Berlin in winter: not yet.
        let before = DateTime::parse_from_rfc3339("2030-01-08T05:59:00Z").unwrap();
        assert_eq!(agenda_day(before.to_utc(), berlin), None);
        let at_seven = DateTime::parse_from_rfc3339("2030-01-08T06:00:00Z").unwrap();
        let day = NaiveDate::from_ymd_opt(2030, 1, 8).unwrap();
        assert_eq!(agenda_day(at_seven.to_utc(), berlin), Some(day));
        // 23:30 UTC is already the 9th in Berlin, but before 07:00 there.
        let late = DateTime::parse_from_rfc3339("2030-01-08T23:30:00Z").unwrap();
        assert_eq!(agenda_day(late.to_utc(), berlin), None);
        // Summer time: 07:00 in Berlin is 05:00 UTC.
        let summer = DateTime::parse_from_rfc3339("2030-07-08T05:00:00Z").unwrap();
        assert_eq!(
            agenda_day(summer.to_utc(), berlin),
            NaiveDate::from_ymd_opt(2030, 7, 8)
        );
    }

    #[test]
    fn a_move_keeps_its_host_while_free_and_otherwise_follows_the_fairness_rule() {
        let free = [load(1, 5, Some(10), 1), load(2, 0, None, 1)];
        assert_eq!(
            pick_host_for_move(&free, Uuid::from_u128(1)),
            Some(Uuid::from_u128(1))
        );
        assert_eq!(
            pick_host_for_move(&free, Uuid::from_u128(3)),
            Some(Uuid::from_u128(2))
        );
        assert_eq!(pick_host_for_move(&[], Uuid::from_u128(1)), None);
    }
}
