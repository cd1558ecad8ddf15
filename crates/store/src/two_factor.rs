//! Two-factor sign-in's rows: each account's TOTP secret (sealed), the last step accepted,
//! its recovery codes (hashed with a key-derived pepper, each usable once), the challenge a
//! browser holds between the password and the code, and the school's requirement.

use chrono::{DateTime, Duration, Utc};
use senim_domain::audit::AuditEvent;
use senim_domain::{OrganisationId, UserId};
use sha2::{Digest, Sha256};
use sqlx::Row;

use crate::users::{User, random_token, token_hash, user_from_row};
use crate::{Store, StoreError, unix};

/// How long a browser may take between the password and the code.
pub const CHALLENGE_LIFETIME: Duration = Duration::minutes(5);

/// An account's second factor as the sign-in checks it.
#[derive(Clone)]
pub struct TwoFactor {
    pub secret: Vec<u8>,
    pub last_step: Option<u64>,
}

impl std::fmt::Debug for TwoFactor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TwoFactor(‹secret›)")
    }
}

fn secret_aad(user_id: UserId, column: &str) -> String {
    format!("users/{}/{column}", user_id.0)
}

impl Store {
    fn recovery_hash(&self, code: &str) -> String {
        let mut hasher = Sha256::new();
        hasher.update(self.recovery_pepper.as_slice());
        hasher.update(senim_domain::two_factor::normalise_recovery_code(code).as_bytes());
        hex::encode(hasher.finalize())
    }

    /// Starts an enrolment: a new secret waits, sealed, until one code from it is checked.
    pub async fn begin_two_factor(&self, user_id: UserId) -> Result<Vec<u8>, StoreError> {
        let mut secret = vec![0u8; senim_domain::two_factor::SECRET_LEN];
        getrandom::fill(&mut secret).map_err(|_| StoreError::Corrupt("randomness"))?;
        let sealed = self
            .cipher
            .seal(&secret_aad(user_id, "totp_pending"), &hex::encode(&secret))?;
        // Not over a second factor in use: replacing it asks for turning it off first.
        sqlx::query("UPDATE users SET totp_pending = $1 WHERE id = $2 AND totp_enabled_at IS NULL")
            .bind(sealed)
            .bind(user_id.0)
            .execute(&self.pool)
            .await?;
        Ok(secret)
    }

    /// The secret of an enrolment not yet finished, if any.
    pub async fn pending_two_factor(&self, user_id: UserId) -> Result<Option<Vec<u8>>, StoreError> {
        let row = sqlx::query("SELECT totp_pending FROM users WHERE id = $1")
            .bind(user_id.0)
            .fetch_one(&self.pool)
            .await?;
        let sealed: Option<Vec<u8>> = row.try_get("totp_pending")?;
        sealed
            .map(|sealed| {
                let text = self.cipher.open(&secret_aad(user_id, "totp_pending"), &sealed)?;
                hex::decode(text).map_err(|_| StoreError::Corrupt("two-factor secret"))
            })
            .transpose()
    }

    /// The account's second factor, when it has one.
    pub async fn two_factor_of(&self, user_id: UserId) -> Result<Option<TwoFactor>, StoreError> {
        let row = sqlx::query(
            "SELECT totp_secret, totp_last_step FROM users WHERE id = $1 AND totp_enabled_at IS NOT NULL",
        )
        .bind(user_id.0)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let sealed: Vec<u8> = row.try_get("totp_secret")?;
        let text = self.cipher.open(&secret_aad(user_id, "totp_secret"), &sealed)?;
        Ok(Some(TwoFactor {
            secret: hex::decode(text).map_err(|_| StoreError::Corrupt("two-factor secret"))?,
            last_step: row
                .try_get::<Option<i64>, _>("totp_last_step")?
                .and_then(|step| u64::try_from(step).ok()),
        }))
    }

    /// Finishes an enrolment whose first code (of `step`) was checked: the pending secret
    /// becomes the account's, with `codes` as its recovery codes, and `audit` is recorded, in
    /// one transaction. False when nothing was pending.
    pub async fn enable_two_factor(
        &self,
        user_id: UserId,
        secret: &[u8],
        step: u64,
        codes: &[String],
        now: DateTime<Utc>,
        audit: &AuditEvent,
    ) -> Result<bool, StoreError> {
        let sealed = self
            .cipher
            .seal(&secret_aad(user_id, "totp_secret"), &hex::encode(secret))?;
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "UPDATE users SET totp_secret = $1, totp_pending = NULL, totp_enabled_at = $2, totp_last_step = $3 \
             WHERE id = $4 AND totp_pending IS NOT NULL AND totp_enabled_at IS NULL",
        )
        .bind(sealed)
        .bind(unix(now))
        .bind(i64::try_from(step).map_err(|_| StoreError::Corrupt("step"))?)
        .bind(user_id.0)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        self.insert_recovery_codes(&mut tx, user_id, codes, now).await?;
        crate::audit::append(&mut tx, &self.chain_key, audit).await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn insert_recovery_codes(
        &self,
        tx: &mut sqlx::Transaction<'static, sqlx::Any>,
        user_id: UserId,
        codes: &[String],
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
            .bind(user_id.0)
            .execute(&mut **tx)
            .await?;
        for code in codes {
            sqlx::query("INSERT INTO recovery_codes (user_id, code_hash, created_at) VALUES ($1, $2, $3)")
                .bind(user_id.0)
                .bind(self.recovery_hash(code))
                .bind(unix(now))
                .execute(&mut **tx)
                .await?;
        }
        Ok(())
    }

    /// Keeps `step` as the last accepted, unless it is not later than the one kept: false
    /// then, so a code is never accepted twice, even by two requests at once.
    pub async fn accept_two_factor_step(&self, user_id: UserId, step: u64) -> Result<bool, StoreError> {
        let step = i64::try_from(step).map_err(|_| StoreError::Corrupt("step"))?;
        let done = sqlx::query(
            "UPDATE users SET totp_last_step = $1 WHERE id = $2 AND (totp_last_step IS NULL OR totp_last_step < $1)",
        )
        .bind(step)
        .bind(user_id.0)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Spends one of the account's recovery codes and records `audit`; false for a code that
    /// is not one of them or was already used.
    pub async fn use_recovery_code(
        &self,
        user_id: UserId,
        code: &str,
        now: DateTime<Utc>,
        audit: &AuditEvent,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "UPDATE recovery_codes SET used_at = $1 WHERE user_id = $2 AND code_hash = $3 AND used_at IS NULL",
        )
        .bind(unix(now))
        .bind(user_id.0)
        .bind(self.recovery_hash(code))
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        crate::audit::append(&mut tx, &self.chain_key, audit).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Replaces the account's recovery codes (the old ones stop) and records `audit`.
    pub async fn replace_recovery_codes(
        &self,
        user_id: UserId,
        codes: &[String],
        now: DateTime<Utc>,
        audit: &AuditEvent,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        self.insert_recovery_codes(&mut tx, user_id, codes, now).await?;
        crate::audit::append(&mut tx, &self.chain_key, audit).await?;
        tx.commit().await?;
        Ok(())
    }

    /// How many of the account's recovery codes are still unused.
    pub async fn recovery_codes_left(&self, user_id: UserId) -> Result<i64, StoreError> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS left_over FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL",
        )
        .bind(user_id.0)
        .fetch_one(&self.pool)
        .await?;
        Ok(row.try_get("left_over")?)
    }

    /// Takes the account's second factor away (its secret and recovery codes) and records
    /// `audit`; false when it had none.
    pub async fn disable_two_factor(&self, user_id: UserId, audit: &AuditEvent) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "UPDATE users SET totp_secret = NULL, totp_pending = NULL, totp_enabled_at = NULL, totp_last_step = NULL \
             WHERE id = $1 AND totp_enabled_at IS NOT NULL",
        )
        .bind(user_id.0)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
            .bind(user_id.0)
            .execute(&mut *tx)
            .await?;
        crate::audit::append(&mut tx, &self.chain_key, audit).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// A browser that gave the right password and now owes the code: the token its cookie
    /// holds for a few minutes.
    pub async fn create_sign_in_challenge(
        &self,
        user_id: UserId,
        now: DateTime<Utc>,
    ) -> Result<String, StoreError> {
        let token = random_token(32);
        sqlx::query("DELETE FROM sign_in_challenges WHERE expires_at <= $1")
            .bind(unix(now))
            .execute(&self.pool)
            .await?;
        sqlx::query("INSERT INTO sign_in_challenges (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
            .bind(token_hash(&token))
            .bind(user_id.0)
            .bind(unix(now))
            .bind(unix(now + CHALLENGE_LIFETIME))
            .execute(&self.pool)
            .await?;
        Ok(token)
    }

    /// The active account a live challenge belongs to.
    pub async fn challenge_user(&self, token: &str, now: DateTime<Utc>) -> Result<Option<User>, StoreError> {
        let row = sqlx::query(concat!(
            "SELECT ",
            user_columns!(),
            " FROM sign_in_challenges JOIN users ON users.id = sign_in_challenges.user_id \
             WHERE sign_in_challenges.token_hash = $1 AND sign_in_challenges.expires_at > $2 AND users.active = 1"
        ))
        .bind(token_hash(token))
        .bind(unix(now))
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(user_from_row).transpose()
    }

    pub async fn end_sign_in_challenge(&self, token: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM sign_in_challenges WHERE token_hash = $1")
            .bind(token_hash(token))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Whether the school requires the second factor of every account that reads appeals.
    pub async fn requires_two_factor(&self, organisation_id: OrganisationId) -> Result<bool, StoreError> {
        let row = sqlx::query("SELECT require_two_factor FROM organisations WHERE id = $1")
            .bind(organisation_id.0)
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get::<i64, _>("require_two_factor")? != 0)
    }

    /// Sets the school's requirement and records `audit`.
    pub async fn set_require_two_factor(
        &self,
        organisation_id: OrganisationId,
        required: bool,
        audit: &AuditEvent,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE organisations SET require_two_factor = $1 WHERE id = $2")
            .bind(i64::from(required))
            .bind(organisation_id.0)
            .execute(&mut *tx)
            .await?;
        crate::audit::append(&mut tx, &self.chain_key, audit).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// A fresh set of recovery codes, to show once.
pub fn new_recovery_codes() -> Vec<String> {
    (0..senim_domain::two_factor::RECOVERY_CODES)
        .map(|_| {
            let mut random = [0u8; 10];
            getrandom::fill(&mut random).expect("the operating system provides randomness");
            senim_domain::two_factor::recovery_code(random)
        })
        .collect()
}
