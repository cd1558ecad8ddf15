//! Encryption at rest: XChaCha20-Poly1305 under a 256-bit key kept in a file outside the
//! database. Each value is sealed with a fresh random nonce and bound to its place (table,
//! row and column) as associated data, so a sealed value moved to another row fails to open.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::Path;

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};

use crate::StoreError;

const VERSION: u8 = 1;
const NONCE_LEN: usize = 24;

/// The secret key. Its `Debug` never shows it.
#[derive(Clone)]
pub struct Key([u8; 32]);

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(‹secret›)")
    }
}

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("key file {path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("key file {path} does not hold 64 hexadecimal characters")]
    Malformed { path: String },
    #[error("the system has no randomness: {0}")]
    Random(String),
}

impl Key {
    /// A secret for one purpose, derived from the key; the key itself is used only to seal.
    pub(crate) fn derive(&self, purpose: &str) -> [u8; 32] {
        use sha2::{Digest, Sha256};
        let mut hasher = Sha256::new();
        hasher.update(purpose.as_bytes());
        hasher.update([0]);
        hasher.update(self.0);
        hasher.finalize().into()
    }

    /// Reads the key file, or creates it (mode 0600) with a new random key when it is missing.
    pub fn load_or_create(path: &Path) -> Result<Key, KeyError> {
        let io = |source| KeyError::Io {
            path: path.display().to_string(),
            source,
        };
        match fs::read_to_string(path) {
            Ok(text) => Key::from_hex(text.trim()).ok_or(KeyError::Malformed {
                path: path.display().to_string(),
            }),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                let key = Key::generate()?;
                if let Some(parent) = path.parent() {
                    fs::create_dir_all(parent).map_err(io)?;
                }
                let mut options = OpenOptions::new();
                options.write(true).create_new(true);
                #[cfg(unix)]
                std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
                let mut file = options.open(path).map_err(io)?;
                writeln!(file, "{}", hex::encode(key.0)).map_err(io)?;
                file.sync_all().map_err(io)?;
                Ok(key)
            }
            Err(error) => Err(io(error)),
        }
    }

    pub fn generate() -> Result<Key, KeyError> {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).map_err(|e| KeyError::Random(e.to_string()))?;
        Ok(Key(bytes))
    }

    fn from_hex(text: &str) -> Option<Key> {
        Some(Key(hex::decode(text).ok()?.try_into().ok()?))
    }
}

#[derive(Clone)]
pub(crate) struct Cipher(XChaCha20Poly1305);

impl Cipher {
    pub(crate) fn new(key: &Key) -> Cipher {
        Cipher(XChaCha20Poly1305::new(&key.0.into()))
    }

    /// Seals `plain` for the place named by `aad`.
    pub(crate) fn seal(&self, aad: &str, plain: &str) -> Result<Vec<u8>, StoreError> {
        self.seal_bytes(aad, plain.as_bytes())
    }

    /// Opens a value sealed for `aad`; anything altered fails.
    pub(crate) fn open(&self, aad: &str, sealed: &[u8]) -> Result<String, StoreError> {
        String::from_utf8(self.open_bytes(aad, sealed)?).map_err(|_| StoreError::Corrupt("sealed value"))
    }

    /// Seals bytes (a recording) for the place named by `aad`.
    pub(crate) fn seal_bytes(&self, aad: &str, plain: &[u8]) -> Result<Vec<u8>, StoreError> {
        let mut nonce = [0u8; NONCE_LEN];
        getrandom::fill(&mut nonce).map_err(|_| StoreError::Corrupt("nonce"))?;
        let sealed = self
            .0
            .encrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: plain,
                    aad: aad.as_bytes(),
                },
            )
            .map_err(|_| StoreError::Corrupt("sealed value"))?;
        let mut out = Vec::with_capacity(1 + NONCE_LEN + sealed.len());
        out.push(VERSION);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        Ok(out)
    }

    /// Opens bytes sealed for `aad`; anything altered fails.
    pub(crate) fn open_bytes(&self, aad: &str, sealed: &[u8]) -> Result<Vec<u8>, StoreError> {
        let corrupt = || StoreError::Corrupt("sealed value");
        if sealed.len() < 1 + NONCE_LEN || sealed[0] != VERSION {
            return Err(corrupt());
        }
        let nonce: [u8; NONCE_LEN] = sealed[1..1 + NONCE_LEN].try_into().map_err(|_| corrupt())?;
        let plain = self
            .0
            .decrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: &sealed[1 + NONCE_LEN..],
                    aad: aad.as_bytes(),
                },
            )
            .map_err(|_| corrupt())?;
        Ok(plain)
    }

    /// Seals an optional text; an empty text is stored as NULL.
    pub(crate) fn seal_optional(&self, aad: &str, plain: &str) -> Result<Option<Vec<u8>>, StoreError> {
        if plain.is_empty() {
            Ok(None)
        } else {
            self.seal(aad, plain).map(Some)
        }
    }

    pub(crate) fn open_optional(&self, aad: &str, sealed: Option<&[u8]>) -> Result<String, StoreError> {
        sealed.map_or(Ok(String::new()), |sealed| self.open(aad, sealed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_value_opens_only_in_its_place_and_unaltered() {
        let cipher = Cipher::new(&Key::generate().unwrap());
        let sealed = cipher.seal("appeals/1/2025/1/summary", "Өтініш мәтіні").unwrap();
        assert!(!sealed.windows(6).any(|w| w == "Өті".as_bytes()));
        assert_eq!(
            cipher.open("appeals/1/2025/1/summary", &sealed).unwrap(),
            "Өтініш мәтіні"
        );
        assert!(cipher.open("appeals/1/2025/2/summary", &sealed).is_err());
        let mut altered = sealed.clone();
        *altered.last_mut().unwrap() ^= 1;
        assert!(cipher.open("appeals/1/2025/1/summary", &altered).is_err());
        let other = Cipher::new(&Key::generate().unwrap());
        assert!(other.open("appeals/1/2025/1/summary", &sealed).is_err());
    }

    #[test]
    fn the_key_file_is_created_private_and_read_back() {
        let dir = std::env::temp_dir().join(format!("senim-key-{}", std::process::id()));
        let path = dir.join("secret.key");
        let _ = fs::remove_file(&path);
        let first = Key::load_or_create(&path).unwrap();
        let second = Key::load_or_create(&path).unwrap();
        assert_eq!(first.0, second.0);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        }
        assert_eq!(format!("{first:?}"), "Key(‹secret›)");
        fs::remove_dir_all(dir).unwrap();
    }
}
