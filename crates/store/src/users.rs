//! Staff accounts, passwords (argon2id), browser sessions and API tokens. Secrets handed to
//! people (session cookies, API tokens) are stored only as SHA-256 hashes.

use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier, phc::PasswordHash};
use chrono::{DateTime, Duration, Utc};
use senim_domain::audit::AuditEvent;
use senim_domain::staff::TokenScopes;
use senim_domain::{OrganisationId, Permissions, Positions, UserId};
use sha2::{Digest, Sha256};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::{Store, StoreError, unix};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    pub id: UserId,
    pub organisation_id: OrganisationId,
    pub login: String,
    pub full_name: String,
    pub positions: Positions,
    pub locale: String,
    /// Signed in with a one-time password that must be replaced before anything else.
    pub must_change_password: bool,
    /// Where the daily digest goes; empty for none.
    pub email: String,
    /// Confirmed by the school's director or deputy director (or by whoever holds the server).
    pub confirmed: bool,
    /// Deactivated accounts sign in to nothing, and their sessions and tokens open nothing.
    pub active: bool,
    /// Signs in with a second factor (an authenticator app's code).
    pub two_factor: bool,
}

impl User {
    /// What the person may do now: a reading position reads nothing until it is confirmed.
    pub fn permissions(&self) -> Permissions {
        self.positions.permissions_when(self.confirmed)
    }

    pub fn state(&self) -> senim_domain::staff::AccountState {
        senim_domain::staff::AccountState::of(&self.positions, self.active, self.confirmed)
    }

    /// The account's positions read appeals, and nobody has confirmed it yet.
    pub fn awaits_confirmation(&self) -> bool {
        self.positions.need_confirmation() && !self.confirmed
    }
}

pub struct NewUser<'a> {
    pub organisation_id: OrganisationId,
    pub login: &'a str,
    pub full_name: &'a str,
    pub positions: Positions,
    pub password: &'a str,
    pub locale: &'a str,
    /// The password was handed over by someone else and must be replaced at first sign-in.
    pub must_change_password: bool,
    pub email: &'a str,
    /// Able to read at once: only whoever holds the server makes such an account
    /// (`senim user add --confirmed`, the demo, a new school's first director).
    pub confirmed: bool,
}

/// An API token as its person's list shows it: never the token itself.
#[derive(Clone, Debug)]
pub struct ApiTokenRecord {
    pub id: i64,
    pub name: String,
    pub scopes: TokenScopes,
    pub created_at: DateTime<Utc>,
    pub expires_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// A signed-in browser: its user and the token its forms must echo.
#[derive(Clone, Debug)]
pub struct Session {
    pub user: User,
    pub csrf_token: String,
    /// The user's school requires a second factor of every account that reads appeals.
    pub school_requires_two_factor: bool,
}

macro_rules! user_columns {
    () => {
        "users.id, users.organisation_id, users.login, users.full_name, users.positions, users.locale, \
         users.must_change_password, users.email, users.confirmed_at, users.active, users.totp_enabled_at"
    };
}

pub(crate) fn user_from_row(row: &AnyRow) -> Result<User, StoreError> {
    let positions: String = row.try_get("positions")?;
    Ok(User {
        id: UserId(row.try_get("id")?),
        organisation_id: OrganisationId(row.try_get("organisation_id")?),
        login: row.try_get("login")?,
        full_name: row.try_get("full_name")?,
        positions: Positions::parse(&positions).map_err(|_| StoreError::Corrupt("positions"))?,
        locale: row.try_get("locale")?,
        must_change_password: row.try_get::<i64, _>("must_change_password")? != 0,
        email: row.try_get("email")?,
        confirmed: row.try_get::<Option<i64>, _>("confirmed_at")?.is_some(),
        active: row.try_get::<i64, _>("active")? != 0,
        two_factor: row.try_get::<Option<i64>, _>("totp_enabled_at")?.is_some(),
    })
}

/// A fresh random secret, as hex.
pub fn random_token(bytes: usize) -> String {
    let mut buffer = vec![0u8; bytes];
    getrandom::fill(&mut buffer).expect("the operating system provides randomness");
    hex::encode(buffer)
}

/// A password for a new account, handed over once: 14 characters without look-alikes.
pub fn one_time_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789";
    // Bytes above the largest multiple of the alphabet's length are dropped, so every
    // character is equally likely.
    let unbiased_limit = 256 - 256 % ALPHABET.len();
    let mut password = String::with_capacity(14);
    while password.len() < 14 {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).expect("the operating system provides randomness");
        for byte in bytes
            .iter()
            .map(|b| usize::from(*b))
            .filter(|b| *b < unbiased_limit)
        {
            if password.len() < 14 {
                password.push(ALPHABET[byte % ALPHABET.len()] as char);
            }
        }
    }
    password
}

pub(crate) fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Argon2 takes about 19 MiB and 50 ms a hash. At most [`HashGate::AT_ONCE`] run at once;
/// at most [`HashGate::QUEUE`] more wait, each at most [`HashGate::WAIT`], and any beyond are
/// turned away at once with [`StoreError::Busy`]. So a flood of sign-ins costs bounded memory
/// and threads and gets quick refusals, while staff already signed in — whose requests never
/// hash a password — go on working.
pub(crate) struct HashGate {
    permits: tokio::sync::Semaphore,
    waiting: std::sync::atomic::AtomicUsize,
    queue: usize,
    wait: std::time::Duration,
}

pub(crate) static HASHING: HashGate = HashGate::new(HashGate::AT_ONCE, HashGate::QUEUE, HashGate::WAIT);

impl HashGate {
    pub const AT_ONCE: usize = 4;
    pub const QUEUE: usize = 64;
    pub const WAIT: std::time::Duration = std::time::Duration::from_secs(10);

    pub const fn new(at_once: usize, queue: usize, wait: std::time::Duration) -> HashGate {
        HashGate {
            permits: tokio::sync::Semaphore::const_new(at_once),
            waiting: std::sync::atomic::AtomicUsize::new(0),
            queue,
            wait,
        }
    }

    /// A turn at the hasher, or [`StoreError::Busy`] when the queue is full or the wait too long.
    /// The turn is to be moved into the blocking task, so that a request dropped meanwhile
    /// does not free it while its hash still runs.
    pub async fn enter(&'static self) -> Result<tokio::sync::SemaphorePermit<'static>, StoreError> {
        use std::sync::atomic::Ordering;
        if let Ok(permit) = self.permits.try_acquire() {
            return Ok(permit);
        }
        if self.waiting.fetch_add(1, Ordering::AcqRel) >= self.queue {
            self.waiting.fetch_sub(1, Ordering::AcqRel);
            return Err(StoreError::Busy);
        }
        // Counted out again however the wait ends, a request dropped while waiting included.
        struct Waiting<'a>(&'a std::sync::atomic::AtomicUsize);
        impl Drop for Waiting<'_> {
            fn drop(&mut self) {
                self.0.fetch_sub(1, std::sync::atomic::Ordering::AcqRel);
            }
        }
        let _waiting = Waiting(&self.waiting);
        match tokio::time::timeout(self.wait, self.permits.acquire()).await {
            Ok(Ok(permit)) => Ok(permit),
            Ok(Err(error)) => Err(StoreError::PasswordHash(error.to_string())),
            Err(_) => Err(StoreError::Busy),
        }
    }
}

async fn hash_password(password: String) -> Result<String, StoreError> {
    let permit = HASHING.enter().await?;
    tokio::task::spawn_blocking(move || {
        let _permit = permit;
        Argon2::default()
            .hash_password(password.as_bytes())
            .map(|hash| hash.to_string())
            .map_err(|error| StoreError::PasswordHash(error.to_string()))
    })
    .await
    .map_err(|error| StoreError::PasswordHash(error.to_string()))?
}

async fn password_matches(password: String, stored: String) -> Result<bool, StoreError> {
    let permit = HASHING.enter().await?;
    tokio::task::spawn_blocking(move || {
        let _permit = permit;
        PasswordHash::new(&stored)
            .map(|hash| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &hash)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .map_err(|error| StoreError::PasswordHash(error.to_string()))
}

/// Ends every browser session of the account and revokes its tokens, in the caller's
/// transaction.
async fn sign_out_everywhere(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    id: UserId,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL")
        .bind(unix(now))
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

impl Store {
    /// Makes the account and records `audit` (its subject set to the new account) in one
    /// transaction.
    pub async fn create_user(
        &self,
        new_user: NewUser<'_>,
        now: DateTime<Utc>,
        audit: AuditEvent,
    ) -> Result<User, StoreError> {
        let password_hash = hash_password(new_user.password.to_owned()).await?;
        let mut tx = self.pool.begin().await?;
        let row = sqlx::query(
            "INSERT INTO users (organisation_id, login, full_name, positions, password_hash, locale, \
             must_change_password, active, created_at, email, confirmed_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $9, $10) \
             RETURNING id, organisation_id, login, full_name, positions, locale, must_change_password, email, \
             confirmed_at, active, totp_enabled_at",
        )
        .bind(new_user.organisation_id.0)
        .bind(new_user.login)
        .bind(new_user.full_name.trim())
        .bind(new_user.positions.to_string())
        .bind(password_hash)
        .bind(new_user.locale)
        .bind(i64::from(new_user.must_change_password))
        .bind(unix(now))
        .bind(new_user.email.trim())
        .bind(new_user.confirmed.then(|| unix(now)))
        .fetch_one(&mut *tx)
        .await
        .map_err(|error| {
            if StoreError::is_unique_violation(&error) {
                StoreError::LoginTaken
            } else {
                error.into()
            }
        })?;
        let user = user_from_row(&row)?;
        crate::audit::append(&mut tx, &self.chain_key, &audit.on_account(user.id)).await?;
        tx.commit().await?;
        Ok(user)
    }

    /// Confirms that an account of the school waiting for it may read appeals. False when
    /// there was nothing to confirm (already confirmed, no reading position, another school's,
    /// or not active).
    pub async fn confirm_user(
        &self,
        organisation_id: OrganisationId,
        id: UserId,
        by: UserId,
        now: DateTime<Utc>,
        audit: &AuditEvent,
    ) -> Result<bool, StoreError> {
        let Some(user) = self.active_user_of(organisation_id, id).await? else {
            return Ok(false);
        };
        if !user.awaits_confirmation() {
            return Ok(false);
        }
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "UPDATE users SET confirmed_at = $1, confirmed_by = $2 \
             WHERE id = $3 AND organisation_id = $4 AND confirmed_at IS NULL AND active = 1 \
             AND must_change_password = 0",
        )
        .bind(unix(now))
        .bind(by.0)
        .bind(id.0)
        .bind(organisation_id.0)
        .execute(&mut *tx)
        .await?;
        self.audited(tx, done.rows_affected() == 1, audit).await
    }

    /// Records `audit` and commits when `done`; rolls back otherwise. Returns `done`.
    async fn audited(
        &self,
        mut tx: sqlx::Transaction<'static, sqlx::Any>,
        done: bool,
        audit: &AuditEvent,
    ) -> Result<bool, StoreError> {
        if done {
            crate::audit::append(&mut tx, &self.chain_key, audit).await?;
            tx.commit().await?;
        }
        Ok(done)
    }

    async fn active_user_of(
        &self,
        organisation_id: OrganisationId,
        id: UserId,
    ) -> Result<Option<User>, StoreError> {
        let row = sqlx::query(concat!(
            "SELECT ",
            user_columns!(),
            " FROM users WHERE id = $1 AND organisation_id = $2 AND active = 1 AND system_account = 0"
        ))
        .bind(id.0)
        .bind(organisation_id.0)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(user_from_row).transpose()
    }

    /// Every account of the school, active or not (the box's system account aside), for the
    /// staff page.
    pub async fn staff(&self, organisation_id: OrganisationId) -> Result<Vec<User>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            user_columns!(),
            " FROM users WHERE organisation_id = $1 AND system_account = 0 ORDER BY active DESC, full_name, id"
        ))
        .bind(organisation_id.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(user_from_row).collect()
    }

    /// Deactivates an account of the school: it signs in to nothing, its browsers are signed
    /// out and its tokens revoked, in one transaction. False when it was not active.
    pub async fn deactivate_user(
        &self,
        organisation_id: OrganisationId,
        id: UserId,
        now: DateTime<Utc>,
        audit: &AuditEvent,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "UPDATE users SET active = 0 WHERE id = $1 AND organisation_id = $2 AND active = 1 AND system_account = 0",
        )
        .bind(id.0)
        .bind(organisation_id.0)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        // Its tokens end with it: a reactivated account makes new ones.
        sign_out_everywhere(&mut tx, id, now).await?;
        self.audited(tx, true, audit).await
    }

    /// Confirms an account as whoever holds the server (`senim user confirm`): the way back for
    /// a school left without a confirmed head. False when nothing waited.
    pub async fn confirm_as_holder(
        &self,
        id: UserId,
        now: DateTime<Utc>,
        audit: &AuditEvent,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "UPDATE users SET confirmed_at = $1, confirmed_by = NULL \
             WHERE id = $2 AND confirmed_at IS NULL AND active = 1 AND system_account = 0",
        )
        .bind(unix(now))
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
        self.audited(tx, done.rows_affected() == 1, audit).await
    }

    /// Reactivates a deactivated account of the school. An account whose positions read
    /// appeals waits for the heads' confirmation again. False when it was not deactivated.
    pub async fn reactivate_user(
        &self,
        organisation_id: OrganisationId,
        id: UserId,
        audit: &AuditEvent,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "UPDATE users SET active = 1, confirmed_at = NULL, confirmed_by = NULL, confirmation_requested_at = NULL \
             WHERE id = $1 AND organisation_id = $2 AND active = 0 AND system_account = 0",
        )
        .bind(id.0)
        .bind(organisation_id.0)
        .execute(&mut *tx)
        .await?;
        self.audited(tx, done.rows_affected() == 1, audit).await
    }

    /// Gives an active account of the school new positions; with `confirm_again` it waits for
    /// the heads' confirmation before it reads again. False when no such account.
    pub async fn change_positions(
        &self,
        organisation_id: OrganisationId,
        id: UserId,
        positions: &Positions,
        confirm_again: bool,
        audit: &AuditEvent,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "UPDATE users SET positions = $1 \
             WHERE id = $2 AND organisation_id = $3 AND active = 1 AND system_account = 0",
        )
        .bind(positions.to_string())
        .bind(id.0)
        .bind(organisation_id.0)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        if confirm_again {
            // As a new account: the heads are asked again, and told again.
            sqlx::query(
                "UPDATE users SET confirmed_at = NULL, confirmed_by = NULL, confirmation_requested_at = NULL \
                 WHERE id = $1",
            )
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        }
        self.audited(tx, true, audit).await
    }

    /// Gives an active account of the school a new one-time password: its browsers are
    /// signed out and its tokens revoked. False when no such account.
    pub async fn reset_password(
        &self,
        organisation_id: OrganisationId,
        id: UserId,
        password: &str,
        now: DateTime<Utc>,
        audit: &AuditEvent,
    ) -> Result<bool, StoreError> {
        let password_hash = hash_password(password.to_owned()).await?;
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "UPDATE users SET password_hash = $1, must_change_password = 1 \
             WHERE id = $2 AND organisation_id = $3 AND active = 1 AND system_account = 0",
        )
        .bind(password_hash)
        .bind(id.0)
        .bind(organisation_id.0)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        sign_out_everywhere(&mut tx, id, now).await?;
        self.audited(tx, true, audit).await
    }

    /// Sets the e-mail address (empty for none) of an active account of the school. False when
    /// no such account.
    pub async fn change_email(
        &self,
        organisation_id: OrganisationId,
        id: UserId,
        email: &str,
        audit: &AuditEvent,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "UPDATE users SET email = $1 WHERE id = $2 AND organisation_id = $3 AND active = 1 AND system_account = 0",
        )
        .bind(email)
        .bind(id.0)
        .bind(organisation_id.0)
        .execute(&mut *tx)
        .await?;
        self.audited(tx, done.rows_affected() == 1, audit).await
    }

    /// The school's active accounts that wait for a confirmation before they read.
    pub async fn users_awaiting_confirmation(
        &self,
        organisation_id: OrganisationId,
    ) -> Result<Vec<User>, StoreError> {
        Ok(self
            .users(organisation_id)
            .await?
            .into_iter()
            .filter(User::awaits_confirmation)
            .collect())
    }

    /// Accounts of every school that wait for a confirmation and whose heads were not yet told.
    pub async fn confirmation_requests_due(&self) -> Result<Vec<User>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            user_columns!(),
            " FROM users WHERE active = 1 AND system_account = 0 AND confirmed_at IS NULL \
             AND confirmation_requested_at IS NULL ORDER BY id"
        ))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(user_from_row)
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .filter(User::awaits_confirmation)
            .collect())
    }

    /// Puts an account's confirmation request back, to be tried again.
    pub async fn release_confirmation_request(&self, id: UserId) -> Result<(), StoreError> {
        sqlx::query("UPDATE users SET confirmation_requested_at = NULL WHERE id = $1")
            .bind(id.0)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Takes an account's confirmation request for sending; false when another pass has it.
    pub async fn claim_confirmation_request(
        &self,
        id: UserId,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE users SET confirmation_requested_at = $1 WHERE id = $2 AND confirmation_requested_at IS NULL",
        )
        .bind(unix(now))
        .bind(id.0)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn user(&self, id: UserId) -> Result<User, StoreError> {
        let row = sqlx::query(concat!("SELECT ", user_columns!(), " FROM users WHERE id = $1"))
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound)?;
        user_from_row(&row)
    }

    /// The account with this login, active or not (the box's system account aside).
    pub async fn user_by_login_any(&self, login: &str) -> Result<Option<User>, StoreError> {
        let row = sqlx::query(concat!(
            "SELECT ",
            user_columns!(),
            " FROM users WHERE login = $1 AND system_account = 0"
        ))
        .bind(login)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(user_from_row).transpose()
    }

    pub async fn user_by_login(&self, login: &str) -> Result<User, StoreError> {
        let row = sqlx::query(concat!(
            "SELECT ",
            user_columns!(),
            " FROM users WHERE login = $1 AND active = 1"
        ))
        .bind(login)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        user_from_row(&row)
    }

    pub async fn users(&self, organisation_id: OrganisationId) -> Result<Vec<User>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            user_columns!(),
            " FROM users WHERE organisation_id = $1 AND active = 1 ORDER BY full_name, id"
        ))
        .bind(organisation_id.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(user_from_row).collect()
    }

    /// The active user with this login and password. A wrong login costs as much time as a
    /// wrong password, so logins cannot be probed by timing. [`StoreError::Busy`] when too
    /// many checks are waiting.
    pub async fn authenticate(&self, login: &str, password: &str) -> Result<Option<User>, StoreError> {
        let row = sqlx::query(concat!(
            "SELECT ",
            user_columns!(),
            ", users.password_hash FROM users WHERE login = $1 AND active = 1"
        ))
        .bind(login)
        .fetch_optional(&self.pool)
        .await?;
        let stored = match &row {
            Some(row) => row.try_get::<String, _>("password_hash")?,
            None => DUMMY_HASH.to_owned(),
        };
        let matches = password_matches(password.to_owned(), stored).await?;
        match row {
            Some(row) if matches => Ok(Some(user_from_row(&row)?)),
            _ => Ok(None),
        }
    }

    /// Sets the person's own password and, in the same transaction, signs out every other
    /// browser (all but the session `keep`), so whoever knew the old password is out.
    pub async fn set_password(
        &self,
        user_id: UserId,
        password: &str,
        keep: Option<&str>,
        audit: &AuditEvent,
    ) -> Result<(), StoreError> {
        let password_hash = hash_password(password.to_owned()).await?;
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE users SET password_hash = $1, must_change_password = 0 WHERE id = $2")
            .bind(password_hash)
            .bind(user_id.0)
            .execute(&mut *tx)
            .await?;
        if let Some(keep) = keep {
            sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
                .bind(user_id.0)
                .bind(token_hash(keep))
                .execute(&mut *tx)
                .await?;
        }
        self.audited(tx, true, audit).await?;
        Ok(())
    }

    /// Active staff of every school who gave an e-mail address, for the daily digest.
    pub async fn users_with_email(&self) -> Result<Vec<User>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            user_columns!(),
            " FROM users WHERE active = 1 AND email <> '' ORDER BY id"
        ))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(user_from_row).collect()
    }

    /// Notes that the user's digest of `day` went out; false when it already had.
    pub async fn mark_digest_sent(
        &self,
        user_id: UserId,
        day: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "INSERT INTO digests_sent (user_id, day, sent_at) VALUES ($1, $2, $3) ON CONFLICT (user_id, day) DO NOTHING",
        )
        .bind(user_id.0)
        .bind(day)
        .bind(unix(now))
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Gives back a digest claim whose sending failed, so the next pass tries again.
    pub async fn release_digest(&self, user_id: UserId, day: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM digests_sent WHERE user_id = $1 AND day = $2")
            .bind(user_id.0)
            .bind(day)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn digest_sent(&self, user_id: UserId, day: &str) -> Result<bool, StoreError> {
        let row = sqlx::query("SELECT user_id FROM digests_sent WHERE user_id = $1 AND day = $2")
            .bind(user_id.0)
            .bind(day)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.is_some())
    }

    pub async fn set_locale(&self, user_id: UserId, locale: &str) -> Result<(), StoreError> {
        sqlx::query("UPDATE users SET locale = $1 WHERE id = $2")
            .bind(locale)
            .bind(user_id.0)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Starts a session; returns the cookie token (kept by the browser only).
    pub async fn create_session(
        &self,
        user_id: UserId,
        now: DateTime<Utc>,
        lifetime: Duration,
    ) -> Result<String, StoreError> {
        let token = random_token(32);
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at, last_seen_at) \
             VALUES ($1, $2, $3, $4, $5, $4)",
        )
        .bind(token_hash(&token))
        .bind(user_id.0)
        .bind(random_token(32))
        .bind(unix(now))
        .bind(unix(now + lifetime))
        .execute(&self.pool)
        .await?;
        Ok(token)
    }

    /// The live session of a cookie token, if any: not past its end, and with a request within
    /// `idle` before `now`. The moment of this request is kept (at most once a minute, so that
    /// reading pages does not write on every request).
    pub async fn session(
        &self,
        token: &str,
        now: DateTime<Utc>,
        idle: Duration,
    ) -> Result<Option<Session>, StoreError> {
        let hash = token_hash(token);
        let row = sqlx::query(concat!(
            "SELECT ",
            user_columns!(),
            ", sessions.csrf_token, sessions.last_seen_at, organisations.require_two_factor FROM sessions \
             JOIN users ON users.id = sessions.user_id JOIN organisations ON organisations.id = users.organisation_id \
             WHERE sessions.token_hash = $1 AND sessions.expires_at > $2 AND sessions.last_seen_at > $3 \
             AND users.active = 1"
        ))
        .bind(&hash)
        .bind(unix(now))
        .bind(unix(now - idle))
        .fetch_optional(&self.pool)
        .await?;
        if let Some(row) = &row {
            let last_seen: i64 = row.try_get("last_seen_at")?;
            if last_seen < unix(now) - 60 {
                sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
                    .bind(unix(now))
                    .bind(&hash)
                    .execute(&self.pool)
                    .await?;
            }
        }
        row.map(|row| {
            Ok(Session {
                user: user_from_row(&row)?,
                csrf_token: row.try_get("csrf_token")?,
                school_requires_two_factor: row.try_get::<i64, _>("require_two_factor")? != 0,
            })
        })
        .transpose()
    }

    /// Ends every session of the user but the one whose cookie is `keep`.
    pub async fn end_session(&self, token: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash(token))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn purge_expired_sessions(&self, now: DateTime<Utc>) -> Result<u64, StoreError> {
        let done = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
            .bind(unix(now))
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }

    /// Makes an API token acting as the user with `scopes` until `expires_at`; the token is
    /// returned once and stored hashed.
    pub async fn create_api_token(
        &self,
        user_id: UserId,
        name: &str,
        scopes: &TokenScopes,
        expires_at: DateTime<Utc>,
        now: DateTime<Utc>,
        audit: &AuditEvent,
    ) -> Result<String, StoreError> {
        let token = format!("senim_{}", random_token(32));
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO api_tokens (user_id, token_hash, created_at, name, scopes, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(user_id.0)
        .bind(token_hash(&token))
        .bind(unix(now))
        .bind(name.trim())
        .bind(scopes.to_string())
        .bind(unix(expires_at))
        .execute(&mut *tx)
        .await?;
        self.audited(tx, true, audit).await?;
        Ok(token)
    }

    /// The person a token acts as and what it may do: none for an unknown, revoked or expired
    /// token, a deactivated account, or one still on its one-time password.
    pub async fn user_by_api_token(
        &self,
        token: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<(User, TokenScopes)>, StoreError> {
        let row = sqlx::query(concat!(
            "SELECT ",
            user_columns!(),
            ", api_tokens.scopes FROM api_tokens JOIN users ON users.id = api_tokens.user_id \
             WHERE api_tokens.token_hash = $1 AND users.active = 1 AND users.must_change_password = 0 \
             AND api_tokens.revoked_at IS NULL AND api_tokens.expires_at > $2"
        ))
        .bind(token_hash(token))
        .bind(unix(now))
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let scopes: String = row.try_get("scopes")?;
        let scopes = TokenScopes::parse(&scopes).ok_or(StoreError::Corrupt("token scopes"))?;
        Ok(Some((user_from_row(&row)?, scopes)))
    }

    /// A person's tokens, newest first, for listing (never the tokens themselves).
    pub async fn api_tokens_of(&self, user_id: UserId) -> Result<Vec<ApiTokenRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, name, scopes, created_at, expires_at, revoked_at FROM api_tokens \
             WHERE user_id = $1 ORDER BY id DESC",
        )
        .bind(user_id.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let scopes: String = row.try_get("scopes")?;
                Ok(ApiTokenRecord {
                    id: row.try_get("id")?,
                    name: row.try_get("name")?,
                    scopes: TokenScopes::parse(&scopes).ok_or(StoreError::Corrupt("token scopes"))?,
                    created_at: crate::from_unix(row.try_get("created_at")?)?,
                    expires_at: row
                        .try_get::<Option<i64>, _>("expires_at")?
                        .map(crate::from_unix)
                        .transpose()?,
                    revoked_at: row
                        .try_get::<Option<i64>, _>("revoked_at")?
                        .map(crate::from_unix)
                        .transpose()?,
                })
            })
            .collect()
    }

    /// Revokes a person's token; false when there is no such token of theirs still standing.
    pub async fn revoke_api_token(
        &self,
        user_id: UserId,
        id: i64,
        now: DateTime<Utc>,
        audit: &AuditEvent,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL",
        )
        .bind(unix(now))
        .bind(id)
        .bind(user_id.0)
        .execute(&mut *tx)
        .await?;
        self.audited(tx, done.rows_affected() == 1, audit).await
    }
}

/// An argon2id hash of a random password nobody knows, checked when a login does not exist.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c2VuaW1kdW1teXNhbHQ$0R4zBwh3u9xcJ2w2vOG7U5wL3x6nJ0KXwVJ0o7uCQxE";

/// A member of the school's staff as they are named and placed at this moment, read in the
/// caller's transaction: what acts and minutes freeze. `None` for anyone else — another
/// school's, an inactive account, the box's system account.
pub(crate) async fn staff_member(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    organisation_id: OrganisationId,
    user: UserId,
) -> Result<Option<(String, Positions)>, StoreError> {
    let Some(row) = sqlx::query(
        "SELECT full_name, positions FROM users WHERE id = $1 AND organisation_id = $2 \
         AND active = 1 AND system_account = 0",
    )
    .bind(user.0)
    .bind(organisation_id.0)
    .fetch_optional(&mut **tx)
    .await?
    else {
        return Ok(None);
    };
    let positions: String = row.try_get("positions")?;
    let positions = Positions::parse(&positions).map_err(|_| StoreError::Corrupt("positions"))?;
    Ok(Some((row.try_get("full_name")?, positions)))
}

#[cfg(test)]
mod tests {
    use super::{HashGate, StoreError};
    use std::time::Duration;

    #[tokio::test]
    async fn the_hasher_turns_away_what_it_cannot_queue_and_what_waits_too_long() {
        static GATE: HashGate = HashGate::new(1, 1, Duration::from_millis(200));
        let busy = GATE.enter().await.expect("the first gets a turn at once");
        // One may wait; it gives up when the turn does not come in time.
        let waiting = tokio::spawn(async { GATE.enter().await.map(drop) });
        tokio::task::yield_now().await;
        while GATE.waiting.load(std::sync::atomic::Ordering::Acquire) == 0 {
            tokio::task::yield_now().await;
        }
        // The queue is full: turned away without waiting.
        assert!(matches!(GATE.enter().await, Err(StoreError::Busy)));
        assert!(matches!(waiting.await.unwrap(), Err(StoreError::Busy)));
        // A waiter whose request is dropped leaves its place in the queue.
        let dropped = tokio::spawn(async { GATE.enter().await.map(drop) });
        while GATE.waiting.load(std::sync::atomic::Ordering::Acquire) == 0 {
            tokio::task::yield_now().await;
        }
        dropped.abort();
        let _ = dropped.await;
        assert_eq!(GATE.waiting.load(std::sync::atomic::Ordering::Acquire), 0);
        // A turn freed is given to the next.
        drop(busy);
        assert!(GATE.enter().await.is_ok());
    }
}
