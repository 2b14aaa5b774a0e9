//! The migration that gives an API request's body fingerprint its own column carries
//! existing bookings over, on both backends: a database migrated to just before it, with
//! keys stored the old way (`api:<provider>:<key>:<sha-256>`), is migrated the rest of the
//! way; each key is then its caller's key alone and matched exactly, with its fingerprint
//! beside it, and keys that were never API keys are left as they were.

use diesel::prelude::*;
use slotbook::db::models::{bookings, services, users};
use slotbook::db::run_migrations;
use slotbook::db::schema::bookings as table;
use slotbook::domain::service::ServiceSpec;
use slotbook::tokens::hash_token;

use crate::booking::tuesday_ten;
use crate::helpers::{fresh_database, migrate_to_before, test_now, Backend};
use crate::teams::guard::booking;

crate::on_both_backends!(keys_stored_with_their_fingerprint_are_split_by_the_migration);

/// The migration under test: everything before it is the old way.
const SPLIT: &str = "20261129000740";

async fn keys_stored_with_their_fingerprint_are_split_by_the_migration(backend: Backend) {
    let Some(database) = fresh_database(backend) else {
        return;
    };
    let url = database.url.clone();
    tokio::task::spawn_blocking(move || {
        let mut conn = url.connect().expect("a connection");
        migrate_to_before(&mut conn, SPLIT);
        let now = test_now();
        let provider = users::insert(
            &mut conn,
            &users::NewUser {
                username: "alice",
                email: "alice@example.com",
                password_hash: "unused",
                full_name: "Alice",
                timezone: "Europe/Berlin",
                role: "provider",
                email_verified_at: Some(now),
            },
            now,
        )
        .unwrap();
        let service = services::insert(
            &mut conn,
            provider,
            &ServiceSpec {
                name: "Intro".into(),
                slug: "intro".into(),
                ..ServiceSpec::defaults()
            },
            now,
        )
        .unwrap();
        let scope = format!("api:{}", provider.simple());
        let (first, second) = (hash_token("{\"first\":1}"), hash_token("{\"second\":2}"));
        // (key as stored the old way, key afterwards, fingerprint afterwards)
        let cases = [
            // A caller's key, with its fingerprint.
            (
                format!("{scope}:order-7:{first}"),
                format!("{scope}:order-7"),
                Some(first.clone()),
            ),
            // A caller's key with colons of its own.
            (
                format!("{scope}:a:b:{second}"),
                format!("{scope}:a:b"),
                Some(second.clone()),
            ),
            // The same caller key again with another body (a race the old lookup lost):
            // the first keeps the key, this one can never be matched again.
            (
                format!("{scope}:order-7:{second}"),
                format!("{scope}:order-7:{second}"),
                None,
            ),
            // No header: a key of our own, left as it is.
            (
                "Zm9yLW5vLWhlYWRlcg".repeat(3),
                "Zm9yLW5vLWhlYWRlcg".repeat(3),
                None,
            ),
            // The booking form's key, left as it is.
            (
                "form-key-0123456789abcdef0123456789".into(),
                "form-key-0123456789abcdef0123456789".into(),
                None,
            ),
        ];
        for (n, (old, _, _)) in cases.iter().enumerate() {
            let start = tuesday_ten() + chrono::Duration::hours(n as i64);
            let new = bookings::NewBooking {
                idempotency_key: Some(old.clone()),
                ..booking(provider, service, start, 30)
            };
            bookings::insert(&mut conn, &new, now).unwrap();
        }

        run_migrations(&mut conn).unwrap();

        let mut stored: Vec<(
            chrono::DateTime<chrono::Utc>,
            Option<String>,
            Option<String>,
        )> = table::table
            .select((
                table::start_at,
                table::idempotency_key,
                table::idempotency_body_hash,
            ))
            .load(&mut conn)
            .unwrap();
        stored.sort();
        let expected: Vec<_> = cases
            .iter()
            .enumerate()
            .map(|(n, (_, key, hash))| {
                (
                    tuesday_ten() + chrono::Duration::hours(n as i64),
                    Some(key.clone()),
                    hash.clone(),
                )
            })
            .collect();
        assert_eq!(stored, expected);
        // And the exact lookup finds the first booking under the caller's bare key.
        let (found, hash) =
            bookings::find_by_idempotency_key_with_hash(&mut conn, &format!("{scope}:order-7"))
                .unwrap()
                .unwrap();
        assert_eq!((found.start_at, hash), (tuesday_ten(), Some(first)));
    })
    .await
    .unwrap();
}
