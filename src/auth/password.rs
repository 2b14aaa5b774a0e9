//! Password hashing: argon2id with the crate's default parameters (19 MiB, 2 passes), a
//! fresh random salt per hash, PHC strings in the database.
//!
//! Hashing is deliberately slow, so the async helpers run it on the blocking pool. Checking
//! a password for an account that does not exist still verifies against a dummy hash, so
//! both answers take the same time and timing does not reveal which accounts exist.

use std::sync::OnceLock;

use argon2::password_hash::SaltString;
use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier};

use crate::error::{AppError, AppResult};
use crate::telemetry;

/// Hashes a password into a PHC string (`$argon2id$v=19$…`).
pub fn hash(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut rand::rngs::OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| anyhow::anyhow!("cannot hash a password: {e}"))
}

/// Whether `password` matches `stored`; a stored value that is not a PHC string never
/// matches (accounts created without a usable password).
pub fn verify(password: &str, stored: &str) -> bool {
    match PasswordHash::new(stored) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// Verifies against the account's hash, or against a dummy hash of the same cost when
/// there is no account (the answer is then always false).
pub fn verify_or_dummy(password: &str, stored: Option<&str>) -> bool {
    match stored {
        Some(stored) if PasswordHash::new(stored).is_ok() => verify(password, stored),
        _ => {
            let _ = verify(password, dummy_hash());
            false
        }
    }
}

fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| {
        hash("slotbook dummy password, never matches anything real").unwrap_or_default()
    })
}

/// `hash` on the blocking pool.
pub async fn hash_off_thread(password: String) -> AppResult<String> {
    telemetry::spawn_blocking(move || hash(&password))
        .await?
        .map_err(AppError::Internal)
}

/// `verify_or_dummy` on the blocking pool.
pub async fn verify_off_thread(password: String, stored: Option<String>) -> AppResult<bool> {
    Ok(telemetry::spawn_blocking(move || verify_or_dummy(&password, stored.as_deref())).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_salted_and_verify() {
        let first = hash("tulips in the rain").unwrap();
        let second = hash("tulips in the rain").unwrap();
        assert!(first.starts_with("$argon2id$"), "{first}");
        assert_ne!(first, second, "every hash has its own salt");
        assert!(verify("tulips in the rain", &first));
        assert!(!verify("tulips in the snow", &first));
    }

    #[test]
    fn missing_or_unusable_hashes_never_match() {
        assert!(!verify_or_dummy("anything at all", None));
        assert!(!verify_or_dummy("x", Some("x")));
        assert!(!verify("", ""));
    }
}
