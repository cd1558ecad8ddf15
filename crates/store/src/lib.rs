//! Senim's storage: SQLite (one file, WAL) or PostgreSQL behind one code path and one
//! schema (sqlx `Any`). Only this crate knows SQL. Personal data and texts are encrypted
//! before they reach the database; the key lives outside it.

mod alerts;
#[macro_use]
mod appeals;
mod audit;
mod calendar;
mod classification;
mod crypto;
mod error;
mod figures;
mod forwarding;
mod handovers;
mod inbox;
mod minutes;
mod openings;
mod organisations;
mod phone;
mod plans;
mod reports;
mod trust_box;
#[macro_use]
mod users;
mod two_factor;
mod verify;
mod watch;

use std::path::Path;
use std::str::FromStr;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, ConnectOptions, Executor};

pub use alerts::{AlertAbout, DueAlert};
pub use appeals::{AppealRecord, JournalFilter, JournalRow, JournalSlice, OutcomeRecord, Triage};
pub use audit::{AuditFilter, AuditRecord};
pub use calendar::LexiconTerm;
pub use crypto::{Key, KeyError};
pub use error::StoreError;
pub use figures::{EntryCodes, ForwardingCodes};
pub use forwarding::{
    Delivery, DirectoryEntry, EmailChange, ForwardingEvent, ForwardingRecord, NewForwarding,
};
pub use handovers::HandoverRecord;
pub use inbox::{InboxContent, InboxItem, InboxRefusal};
pub use minutes::{Attendee, MinutesRecord, MinutesRefusal};
pub use openings::{
    DEFAULT_SCHEDULE, NewOpening, Opening, OpeningId, OpeningRefusal, RegisteredLetter, Signatory,
};
pub use phone::{CallRecord, CallRefusal};
pub use plans::{PlanItemId, PlanItemRecord, PlanMark, PlanRefusal};
pub use reports::{AnalysisReport, Submitted};
pub use trust_box::{BoxMessage, Conversation, ConversationState, Written};
pub use two_factor::{CHALLENGE_LIFETIME, TwoFactor, new_recovery_codes};
pub use users::{ApiTokenRecord, NewUser, Session, User, one_time_password, random_token};
pub use verify::{ChainKind, ChainReport, VerifyReport};
pub use watch::{AssignmentRecord, ExtensionRecord};

use crypto::Cipher;

/// Which database is behind the pool; only DDL and connection set-up differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn of_url(url: &str) -> Result<Backend, StoreError> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else {
            Err(StoreError::UnsupportedUrl)
        }
    }
}

/// The database and the key that opens its texts. Cheap to clone.
#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    cipher: Cipher,
    /// The secret mixed into every receipt code's hash, derived from the key: a copy of the
    /// database alone does not let anyone test codes.
    receipt_pepper: std::sync::Arc<[u8; 32]>,
    /// Seals each chain's head (journal, outcomes, audit), derived from the key.
    chain_key: std::sync::Arc<senim_domain::ChainKey>,
    /// Mixed into every recovery code's hash, derived from the key.
    recovery_pepper: std::sync::Arc<[u8; 32]>,
    /// Keys the marks browsers keep of the logins they signed in to, derived from the key.
    device_secret: [u8; 32],
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

/// The URL of the embedded database in a data directory.
pub fn sqlite_url(data_dir: &Path) -> String {
    format!("sqlite://{}?mode=rwc", data_dir.join("senim.db").display())
}

impl Store {
    /// The secret that keys the sign-in throttle's marks of known browsers: derived from the
    /// key, so a mark outlives a restart and means nothing to another installation.
    pub fn sign_in_device_secret(&self) -> [u8; 32] {
        self.device_secret
    }

    /// Connects and brings the schema up to date.
    pub async fn open(database_url: &str, key: Key) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let backend = Backend::of_url(database_url)?;
        let options = AnyConnectOptions::from_str(database_url)?.disable_statement_logging();
        let pool = AnyPoolOptions::new()
            .max_connections(match backend {
                Backend::Sqlite => 8,
                Backend::Postgres => 16,
            })
            .after_connect(move |connection, _| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        connection
                            .execute(
                                "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 30000; \
                                 PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;",
                            )
                            .await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await?;
        let store = Store {
            pool,
            backend,
            cipher: Cipher::new(&key),
            receipt_pepper: std::sync::Arc::new(key.derive("senim/receipt-codes")),
            chain_key: std::sync::Arc::new(senim_domain::ChainKey::new(key.derive("senim/chain-seal"))),
            recovery_pepper: std::sync::Arc::new(key.derive("senim/recovery-codes")),
            device_secret: key.derive("senim/sign-in-devices"),
        };
        store.migrate().await?;
        if backend == Backend::Sqlite {
            keep_private(database_url);
        }
        store.seal_unsealed_heads(now_for_seeding()).await?;
        store.seed_directories(now_for_seeding()).await?;
        Ok(store)
    }

    async fn migrate(&self) -> Result<(), StoreError> {
        match self.backend {
            Backend::Sqlite => SQLITE_MIGRATIONS.run(&self.pool).await?,
            Backend::Postgres => POSTGRES_MIGRATIONS.run(&self.pool).await?,
        }
        Ok(())
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The pool, for tools that measure the database itself (`senim bench`).
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Makes the SQLite file and its journal files readable by the server's user only (0600).
fn keep_private(database_url: &str) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let path = database_url
            .trim_start_matches("sqlite://")
            .trim_start_matches("sqlite:")
            .split('?')
            .next()
            .unwrap_or_default();
        if path.is_empty() || path.starts_with(':') {
            return;
        }
        for suffix in ["", "-wal", "-shm"] {
            let file = format!("{path}{suffix}");
            if std::path::Path::new(&file).exists()
                && let Err(error) = std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600))
            {
                tracing::warn!(%error, "could not make the database file private");
            }
        }
    }
}

/// Seeding stamps rows with the time of the start-up that made them.
#[allow(clippy::disallowed_methods)]
fn now_for_seeding() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc::now()
}

fn unix(moment: chrono::DateTime<chrono::Utc>) -> i64 {
    moment.timestamp()
}

fn from_unix(seconds: i64) -> Result<chrono::DateTime<chrono::Utc>, StoreError> {
    chrono::DateTime::from_timestamp(seconds, 0).ok_or(StoreError::Corrupt("timestamp"))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    #[test]
    fn both_backends_have_the_same_migrations() {
        let names = |dir: &str| -> BTreeSet<String> {
            std::fs::read_dir(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir))
                .unwrap()
                .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        };
        assert_eq!(names("migrations/sqlite"), names("migrations/postgres"));
    }
}
