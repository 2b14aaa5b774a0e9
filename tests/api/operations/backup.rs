//! `slotbook backup` while guests keep booking, then `slotbook restore` into an empty
//! database: every booking acknowledged before the backup began is there, and the
//! restored database passes its checks.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use chrono::{Duration, TimeZone, Utc};
use diesel::prelude::*;
use slotbook::db::schema::bookings;
use slotbook::db::{self, transfer};
use slotbook::domain::service::ConfirmationMode;

use super::{fail, slotbook, succeed, url_text};
use crate::booking::{arrange_provider, book};
use crate::helpers::{fresh_database, spawn_app_with, Backend};

crate::on_both_backends!(a_backup_taken_during_bookings_restores_every_acknowledged_booking);

/// Free 30-minute starts: Tuesday to Friday 2030-01-08..11, 09:00–16:30 Berlin (UTC+1).
fn starts() -> Vec<chrono::DateTime<Utc>> {
    let mut starts = Vec::new();
    for day in 8..=11 {
        let opening = Utc.with_ymd_and_hms(2030, 1, day, 8, 0, 0).unwrap();
        for half_hour in 0..16 {
            starts.push(opening + Duration::minutes(30 * half_hour));
        }
    }
    starts
}

async fn a_backup_taken_during_bookings_restores_every_acknowledged_booking(backend: Backend) {
    // Every booking comes from one address: lift the per-address booking limit.
    let Some(app) = spawn_app_with(backend, |s| s.rate_limits.booking = 1000).await else {
        return;
    };
    let Some(target) = fresh_database(backend) else {
        return;
    };
    arrange_provider(&app, ConfirmationMode::Instant, |s| s.max_days_ahead = 60).await;
    let app = Arc::new(app);
    let acknowledged = Arc::new(Mutex::new(Vec::<String>::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let stream = {
        let (app, acknowledged, stop) = (app.clone(), acknowledged.clone(), stop.clone());
        tokio::spawn(async move {
            for (i, start) in starts().into_iter().enumerate() {
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                let email = format!("guest{i}@example.com");
                let fields = [("name", "Guest"), ("email", email.as_str())];
                let answer = book(&app, start, &fields).await;
                assert_eq!(answer.status(), 303, "booking {i} at {start}");
                acknowledged.lock().unwrap().push(email);
            }
        })
    };
    while acknowledged.lock().unwrap().len() < 8 {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }

    // Act: back up while the stream goes on.
    let before_backup = acknowledged.lock().unwrap().clone();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("slotbook.backup");
    let source_url = url_text(&app.state.settings.database_url);
    let mut backup = slotbook(dir.path(), &source_url);
    backup.args(["backup", "--to"]).arg(&file);
    let said = tokio::task::spawn_blocking(move || succeed(&mut backup))
        .await
        .unwrap();
    assert!(said.contains("backup written to"), "{said}");
    let during = acknowledged.lock().unwrap().len();
    stop.store(true, Ordering::SeqCst);
    stream.await.unwrap();
    let after = acknowledged.lock().unwrap().len();

    let mut again = slotbook(dir.path(), &source_url);
    again.args(["backup", "--to"]).arg(&file);
    let refused = fail(&mut again);
    assert!(refused.contains("already exists"), "{refused}");

    // Restore into an empty database.
    let target_url = url_text(&target.url);
    let said = succeed(
        slotbook(dir.path(), &target_url)
            .args(["restore", "--from"])
            .arg(&file),
    );
    assert!(said.contains("restored and checked"), "{said}");

    // Assert: every acknowledged booking is there, and the database is sound.
    let mut conn = target.url.connect().unwrap();
    let restored: Vec<String> = bookings::table
        .select(bookings::guest_email)
        .load(&mut conn)
        .unwrap();
    for email in &before_backup {
        assert!(
            restored.contains(email),
            "{email} was acknowledged before the backup"
        );
    }
    assert!(restored.len() >= before_backup.len() && restored.len() <= after);
    assert!(db::migrations_current(&mut conn).unwrap());
    // SQLite: integrity_check and foreign keys; on both, the double-booking guard.
    assert_eq!(
        transfer::integrity_problems(&mut conn).unwrap(),
        Vec::<String>::new()
    );
    assert!(transfer::overlap_guard_present(&mut conn).unwrap());
    eprintln!(
        "backup test: {} acknowledged before the backup, {during} when it finished, {after} in all, {} restored",
        before_backup.len(),
        restored.len()
    );
    drop(conn);

    // A database that holds data is never overwritten.
    let refused = fail(
        slotbook(dir.path(), &target_url)
            .args(["restore", "--from"])
            .arg(&file),
    );
    assert!(refused.contains("not empty"), "{refused}");
}
