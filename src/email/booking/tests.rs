use std::path::PathBuf;

use chrono::{TimeZone, Utc};
use uuid::Uuid;

use super::*;
use crate::domain::guest::Answer;

pub(crate) fn user() -> User {
    User {
        id: Uuid::nil(),
        username: "alice".into(),
        email: "alice@example.com".into(),
        password_hash: String::new(),
        full_name: "Alice <Example> & \"Co\"".into(),
        business_name: String::new(),
        bio: String::new(),
        timezone: crate::domain::time::Timezone::parse("Europe/Berlin").unwrap(),
        role: crate::domain::account::Role::Provider,
        email_verified_at: None,
        is_active: true,
        feed_token_hash: None,
        created_at: Utc::now(),
        updated_at: Utc::now(),
        language: crate::i18n::Locale::EnGb,
    }
}

pub(crate) fn service(mode: &str, location: &str) -> Service {
    let t = Utc.with_ymd_and_hms(2030, 1, 1, 0, 0, 0).unwrap();
    Service {
        id: Uuid::nil(),
        provider_id: Uuid::nil(),
        slug: "intro".into(),
        name: "Intro <call>".into(),
        description: String::new(),
        duration_minutes: 30,
        slot_interval_minutes: 30,
        buffer_before_minutes: 0,
        buffer_after_minutes: 0,
        min_notice_minutes: 0,
        max_days_ahead: 60,
        max_per_day: None,
        price_cents: None,
        currency: None,
        location: location.into(),
        confirmation_mode: ConfirmationMode::try_from(mode.to_owned()).unwrap(),
        hold_minutes: 20,
        cancellation_notice_minutes: 0,
        reminder_minutes_before: None,
        custom_questions: Vec::new(),
        is_active: true,
        display_order: 0,
        created_at: t,
        updated_at: t,
    }
}

pub(crate) fn booking(
    status: &str,
    rescheduled: bool,
    rich: bool,
    multi_day: bool,
    reason: Option<&str>,
) -> Booking {
    let start = Utc.with_ymd_and_hms(2030, 1, 8, 8, 0, 0).unwrap();
    let end = if multi_day {
        Utc.with_ymd_and_hms(2030, 1, 9, 9, 0, 0).unwrap()
    } else {
        Utc.with_ymd_and_hms(2030, 1, 8, 8, 30, 0).unwrap()
    };
    Booking {
        id: Uuid::from_u128(7),
        provider_id: Uuid::nil(),
        service_id: Uuid::nil(),
        guest_name: "Grace <Guest>".into(),
        guest_email: "grace@example.com".into(),
        guest_phone: rich.then(|| "+49 30 1234".into()),
        guest_timezone: crate::domain::time::Timezone::parse("America/New_York").unwrap(),
        guest_notes: rich.then(|| "Bring <notes> & more".into()),
        answers: if rich {
            vec![Answer {
                question: "Why?".into(),
                answer: "Because <b>".into(),
            }]
        } else {
            Vec::new()
        },
        start_at: start,
        end_at: end,
        block_start_at: start,
        block_end_at: end,
        status: BookingStatus::try_from(status.to_owned()).unwrap(),
        hold_expires_at: None,
        confirmed_at: None,
        cancelled_at: None,
        cancelled_by: None,
        cancellation_reason: reason.map(Into::into),
        rescheduled_from_id: rescheduled.then(|| Uuid::from_u128(6)),
        idempotency_key: None,
        reminder_sent_at: None,
        version: 1,
        created_at: start,
        updated_at: start,
        team_id: None,
        arrived_at: None,
        guest_mails: true,
        language: None,
    }
}

fn tokens(all: bool) -> IssuedTokens {
    let t = |s: &str| all.then(|| s.to_owned());
    IssuedTokens {
        confirm: t("tc"),
        cancel: t("tx"),
        reschedule: t("tr"),
        approve: t("ta"),
        decline: t("td"),
    }
}

fn context(mode: &str, location: &str) -> Context {
    let settings = crate::config::Settings::for_database(
        crate::db::DatabaseUrl::parse("sqlite://x.db").unwrap(),
        PathBuf::from("/tmp"),
    );
    Context::new(
        &settings,
        &user(),
        &service(mode, location),
        crate::domain::look::Branding::default(),
    )
}

const LINEAGE: (Uuid, i32) = (Uuid::from_u128(5), 2);

#[test]
fn every_message_renders_both_parts_in_its_recipients_zone() {
    let booked = booking("confirmed", false, true, false, None);
    let pending = booking("pending", false, true, false, None);
    let moved = booking("pending", true, true, false, None);
    let email = context("email", "Room 1");
    let provider = context("provider", "Room 1");
    let mut mails = Vec::new();
    mails.extend(email.new_booking(&booked, LINEAGE, &tokens(true)).unwrap());
    mails.extend(email.new_booking(&pending, LINEAGE, &tokens(true)).unwrap());
    mails.extend(
        provider
            .new_booking(&pending, LINEAGE, &tokens(true))
            .unwrap(),
    );
    mails.extend(email.new_booking(&moved, LINEAGE, &tokens(true)).unwrap());
    for (change, actor) in [
        (Change::Confirm, Actor::Guest),
        (Change::Decline, Actor::Provider),
        (
            Change::Cancel {
                reason: String::new(),
            },
            Actor::Guest,
        ),
    ] {
        mails.extend(
            email
                .changed(&booked, LINEAGE, &tokens(true), &change, actor)
                .unwrap(),
        );
    }
    mails.extend(email.expired(&pending).unwrap());
    mails.push(email.reminder(&booked).unwrap());

    let mut kinds: Vec<&str> = mails.iter().map(|m| m.kind.as_str()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    assert_eq!(kinds.len(), 13, "{kinds:?}");
    for mail in &mails {
        let (zone, name, local) = if mail.kind.starts_with("provider_") {
            ("Europe/Berlin", "Alice &#60;Example&#62;", "09:00")
        } else {
            ("America/New_York", "Grace &#60;Guest&#62;", "03:00")
        };
        assert!(
            mail.subject.contains(&format!("{local} ({zone})")),
            "{}",
            mail.subject
        );
        assert!(
            mail.text.contains(&format!("Timezone: {zone}\n")),
            "{}",
            mail.text
        );
        assert!(mail
            .text
            .ends_with("— Slotbook, on behalf of Alice <Example> & \"Co\""));
        assert!(
            mail.html.contains(&format!("<p>Hello {name}")),
            "{}",
            mail.html
        );
        assert!(!mail.html.contains("<Guest>") && !mail.html.contains("<call>"));
        assert_eq!(mail.booking_id, Some(Uuid::from_u128(7)));
    }
}

#[test]
fn a_guest_cancellation_tells_the_provider_the_reason_in_quotes() {
    let cancelled = booking("cancelled", false, false, false, Some("Sick & tired"));
    let mails = context("email", "")
        .changed(
            &cancelled,
            LINEAGE,
            &tokens(false),
            &Change::Cancel {
                reason: String::new(),
            },
            Actor::Guest,
        )
        .unwrap();
    let [guest, provider] = &mails[..] else {
        panic!("two mails: {mails:?}")
    };
    assert!(guest
        .text
        .contains("\n\nYour booking is cancelled, as you asked.\n\n"));
    assert!(provider.text.contains(
        "Grace <Guest> cancelled their booking (\"Sick & tired\"). The time is free again."
    ));
    assert!(provider.text.contains("Open in your dashboard:\nhttp://"));
    assert!(!provider.text.contains("Where:"), "no location, no row");
}

#[test]
fn the_reminder_carries_its_note_and_no_links() {
    let mail = context("email", "")
        .reminder(&booking("confirmed", false, false, true, None))
        .unwrap();
    assert_eq!(mail.kind, "booking_reminder");
    assert!(mail
        .text
        .contains("When: Tuesday, 8 January 2030, 03:00 – Wednesday, 9 January 2030, 04:00\n"));
    assert!(mail
        .text
        .contains("\n\nTo cancel or reschedule, use the links in your booking confirmation email.\n\n— Slotbook"));
    assert!(!mail.text.contains("http"));
    assert!(mail.html.contains("To cancel or reschedule"));
}
