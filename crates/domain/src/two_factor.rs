//! Two-factor sign-in: time-based one-time codes (RFC 6238: HMAC-SHA1, six digits, 30-second
//! steps, one step of clock difference either way) and single-use recovery codes. A code's
//! step is kept once accepted, so no code is ever accepted twice.

use chrono::{DateTime, Utc};
use totp_rs::{Algorithm, Builder, Secret, Totp};

/// The issuer an authenticator app shows beside the login.
pub const ISSUER: &str = "Senim";

/// The secret's length in bytes (160 bits, as RFC 4226 recommends).
pub const SECRET_LEN: usize = 20;

/// How many recovery codes a person is given at a time.
pub const RECOVERY_CODES: usize = 10;

/// Why a change to the second factor was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TwoFactorError {
    #[error("code: the six digits the authenticator app shows now")]
    WrongCode,
    #[error("code: this code was already used; wait for the next one")]
    ReusedCode,
    #[error("password: the account's current password")]
    WrongPassword,
    #[error("two_factor: the school requires a second factor of every account that reads appeals")]
    Required,
    #[error("two_factor: start the enrolment again")]
    NothingPending,
}

impl From<CodeError> for TwoFactorError {
    fn from(error: CodeError) -> TwoFactorError {
        match error {
            CodeError::Wrong => TwoFactorError::WrongCode,
            CodeError::Reused => TwoFactorError::ReusedCode,
        }
    }
}

/// Why a code was not accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("code: the six digits the authenticator app shows now")]
    Wrong,
    #[error("code: this code was already used; wait for the next one")]
    Reused,
}

fn totp(secret: &[u8], login: &str) -> Option<Totp> {
    Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(30)
        .with_secret(secret.to_vec())
        .with_account_name(login)
        .with_issuer(Some(ISSUER))
        .build()
        .ok()
}

/// The `otpauth://` URI an authenticator app reads (from the QR code or typed in).
pub fn uri(secret: &[u8], login: &str) -> Option<String> {
    totp(secret, login)?.to_url().ok()
}

/// The secret in base32, in groups of four, for typing into an app by hand.
pub fn secret_text(secret: &[u8]) -> String {
    let text = Secret::from(secret.to_vec()).to_base32();
    text.as_bytes()
        .chunks(4)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Checks `code` at `now`: the step it belongs to, which must be later than the last step
/// accepted for this secret (`last_step`).
pub fn check(
    secret: &[u8],
    code: &str,
    now: DateTime<Utc>,
    last_step: Option<u64>,
) -> Result<u64, CodeError> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.chars().all(|c| c.is_ascii_digit()) {
        return Err(CodeError::Wrong);
    }
    let totp = totp(secret, "").ok_or(CodeError::Wrong)?;
    let time = u64::try_from(now.timestamp()).map_err(|_| CodeError::Wrong)?;
    let step = totp.check(&code, time).ok_or(CodeError::Wrong)?;
    if last_step.is_some_and(|last| step <= last) {
        return Err(CodeError::Reused);
    }
    Ok(step)
}

/// The code an app shows at `now` (for tests and the demo's explanation).
pub fn code_at(secret: &[u8], now: DateTime<Utc>) -> String {
    let time = u64::try_from(now.timestamp()).unwrap_or(0);
    totp(secret, "").map_or(String::new(), |totp| totp.generate(time).to_string())
}

/// The letters recovery codes are made of: no 0/o, 1/l/i that read alike on paper.
const RECOVERY_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";

/// A recovery code written from ten random bytes: `xxxxx-xxxxx` (about 49 bits).
pub fn recovery_code(random: [u8; 10]) -> String {
    let letters: String = random
        .iter()
        .map(|byte| RECOVERY_ALPHABET[usize::from(*byte) % RECOVERY_ALPHABET.len()] as char)
        .collect();
    format!("{}-{}", &letters[..5], &letters[5..])
}

/// A recovery code as typed, in the one form it is hashed in: lower case, without spaces or
/// dashes.
pub fn normalise_recovery_code(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// RFC 6238 appendix B: the SHA-1 secret "12345678901234567890".
    const RFC_SECRET: &[u8] = b"12345678901234567890";

    #[test]
    fn codes_follow_rfc_6238() {
        // 59 s → 94287082 (eight digits); its last six are the six-digit code.
        let at = Utc.timestamp_opt(59, 0).unwrap();
        assert_eq!(code_at(RFC_SECRET, at), "287082");
        let at = Utc.timestamp_opt(1_111_111_109, 0).unwrap();
        assert_eq!(code_at(RFC_SECRET, at), "081804");
        assert_eq!(check(RFC_SECRET, "081 804", at, None), Ok(1_111_111_109 / 30));
    }

    #[test]
    fn a_code_is_accepted_once_and_a_wrong_one_never() {
        let now = Utc.with_ymd_and_hms(2026, 12, 2, 6, 0, 0).unwrap();
        let code = code_at(RFC_SECRET, now);
        let step = check(RFC_SECRET, &code, now, None).unwrap();
        assert_eq!(check(RFC_SECRET, &code, now, Some(step)), Err(CodeError::Reused));
        // The previous step's code, within the allowed clock difference, is also spent.
        let earlier = code_at(RFC_SECRET, now - chrono::Duration::seconds(30));
        assert_eq!(
            check(RFC_SECRET, &earlier, now, Some(step)),
            Err(CodeError::Reused)
        );
        // Ten minutes later it is simply wrong.
        assert_eq!(
            check(RFC_SECRET, &code, now + chrono::Duration::minutes(10), None),
            Err(CodeError::Wrong)
        );
        assert_eq!(check(RFC_SECRET, "12345", now, None), Err(CodeError::Wrong));
        assert_eq!(check(RFC_SECRET, "abcdef", now, None), Err(CodeError::Wrong));
    }

    #[test]
    fn the_uri_names_senim_and_the_login() {
        let uri = uri(RFC_SECRET, "director").unwrap();
        assert!(uri.starts_with("otpauth://totp/Senim:director?"), "{uri}");
        assert!(uri.contains("secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"), "{uri}");
        assert!(uri.contains("issuer=Senim"), "{uri}");
        assert_eq!(secret_text(RFC_SECRET), "GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ");
    }

    #[test]
    fn recovery_codes_read_one_way() {
        let code = recovery_code([0, 1, 2, 3, 4, 31, 32, 33, 200, 255]);
        assert_eq!(code.len(), 11);
        assert_eq!(
            normalise_recovery_code(&code.to_uppercase().replace('-', " - ")),
            code.replace('-', "")
        );
        assert!(!code.contains(['0', '1', 'o', 'l', 'i']));
    }
}
