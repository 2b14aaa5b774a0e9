//! Secrets Slotbook must use again but never show again (CalDAV account passwords): sealed
//! with AES-256-GCM under a key derived from the instance's `SECRET_KEY` with HKDF-SHA256,
//! so a copied database alone does not reveal them. Each value is bound to what it belongs
//! to (`context`, e.g. the account's id) so a sealed value moved to another row does not
//! open. The stored form is `v1:` + base64(nonce ‖ ciphertext); the version leaves room to
//! rotate the scheme.

use aes_gcm::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hkdf::Hkdf;
use sha2::Sha256;

const VERSION: &str = "v1:";
const NONCE_LEN: usize = 12;
/// Separates this key from every other use of `SECRET_KEY`.
const INFO: &[u8] = b"slotbook sealed secrets v1";

/// Why a sealed value did not open: another key, another context, or a damaged value.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("the stored secret cannot be opened with this SECRET_KEY")]
pub struct Unsealable;

/// Why a secret could not be sealed (AES-GCM refuses inputs beyond 64 GiB; callers bound
/// what they seal far below that, so this is never a value to store).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("the secret could not be sealed")]
pub struct Unsealed;

/// The sealing key of one instance.
#[derive(Clone)]
pub struct Sealer {
    cipher: Aes256Gcm,
}

impl std::fmt::Debug for Sealer {
    // The key never reaches a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Sealer(..)")
    }
}

impl Sealer {
    /// Derives the sealing key from the instance's master key bytes.
    pub fn new(master: &[u8]) -> Sealer {
        let mut key = [0u8; 32];
        // 32 bytes is far below HKDF-SHA256's limit of 255 * 32, so expand cannot fail.
        let _ = Hkdf::<Sha256>::new(None, master).expand(INFO, &mut key);
        Sealer {
            cipher: Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(&key)),
        }
    }

    /// Seals `secret` for `context` with a fresh random nonce.
    pub fn seal(&self, secret: &str, context: &str) -> Result<String, Unsealed> {
        let nonce = Aes256Gcm::generate_nonce(&mut OsRng);
        let payload = Payload {
            msg: secret.as_bytes(),
            aad: context.as_bytes(),
        };
        let sealed = self.cipher.encrypt(&nonce, payload).map_err(|_| Unsealed)?;
        let mut bytes = nonce.to_vec();
        bytes.extend_from_slice(&sealed);
        Ok(format!("{VERSION}{}", STANDARD.encode(bytes)))
    }

    /// Opens a value [`Sealer::seal`] made for the same `context`.
    pub fn open(&self, stored: &str, context: &str) -> Result<String, Unsealable> {
        let encoded = stored.strip_prefix(VERSION).ok_or(Unsealable)?;
        let bytes = STANDARD.decode(encoded).map_err(|_| Unsealable)?;
        if bytes.len() < NONCE_LEN {
            return Err(Unsealable);
        }
        let (nonce, sealed) = bytes.split_at(NONCE_LEN);
        let payload = Payload {
            msg: sealed,
            aad: context.as_bytes(),
        };
        let opened = self
            .cipher
            .decrypt(Nonce::from_slice(nonce), payload)
            .map_err(|_| Unsealable)?;
        String::from_utf8(opened).map_err(|_| Unsealable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_secret_opens_only_with_its_key_and_context() {
        let sealer = Sealer::new(&[7u8; 64]);
        let sealed = sealer.seal("app password", "account-1").unwrap();
        assert!(!sealed.contains("app password"));
        assert_ne!(
            sealed,
            sealer.seal("app password", "account-1").unwrap(),
            "fresh nonce"
        );
        assert_eq!(sealer.open(&sealed, "account-1").unwrap(), "app password");
        assert_eq!(sealer.open(&sealed, "account-2"), Err(Unsealable));
        assert_eq!(
            Sealer::new(&[8u8; 64]).open(&sealed, "account-1"),
            Err(Unsealable)
        );
        assert_eq!(sealer.open("v1:AAAA", "account-1"), Err(Unsealable));
        assert_eq!(sealer.open("plain", "account-1"), Err(Unsealable));
        let mut damaged = sealed.clone();
        damaged.pop();
        damaged.push(if sealed.ends_with('A') { 'B' } else { 'A' });
        assert_eq!(sealer.open(&damaged, "account-1"), Err(Unsealable));
        assert!(!format!("{sealer:?}").contains('7'));
    }
}
