//! Senim's use cases: one function per thing a member of staff or a student does — register
//! an appeal, correct it, record its outcome, submit to the online box, register a letter
//! found at an opening. Each decides what it can before writing (validation and the urgent-risk
//! screen are the domain's) and then writes in one transaction of the store, so a crash
//! leaves all of an action or none of it. Pages, the JSON API, the CLI and the demo call these;
//! nothing here knows HTTP or SQL.

pub mod accounts;
pub mod appeals;
pub mod audit;
pub mod clock;
pub mod commission;
pub mod exports;
pub mod forwarding;
pub mod inbox;
pub mod openings;
pub mod outbox;
pub mod paperwork;
pub mod phone;
pub mod plans;
pub mod settings;
pub mod trust_box;
pub mod two_factor;
pub mod watch;
pub mod wording;

use std::sync::Arc;

use chrono::{DateTime, Utc};
use senim_domain::calendar::WorkingCalendar;
use senim_domain::triage::Lexicon;
use senim_store::{Store, StoreError};

pub use clock::Clock;

/// Why a use case did not do what was asked: a rule refused it (the person can mend what
/// they sent), or the store failed.
#[derive(Debug, thiserror::Error)]
pub enum Refused<E> {
    #[error("{0}")]
    Rule(E),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Everything a use case can reach: the store, the working calendar and the lexicon in force,
/// the clock, and the outbox's bell. Cheap to clone.
#[derive(Clone)]
pub struct App {
    pub store: Store,
    /// The working calendar in force when the application started.
    pub calendar: Arc<WorkingCalendar>,
    /// The urgent-risk lexicon every registered text is screened with; a term added from the
    /// lexicon's page replaces it for every clone at once.
    lexicon: Arc<std::sync::RwLock<Arc<Lexicon>>>,
    pub clock: Clock,
    /// Sends forwarding letters, alerts and digests; `None` when no SMTP server is configured.
    pub mailer: Option<senim_mail::Mailer>,
    /// Wakes the outbox when something is waiting to be sent.
    pub outbox: Arc<tokio::sync::Notify>,
    pub outbox_settings: OutboxSettings,
}

/// How the outbox paces itself.
#[derive(Clone, Copy, Debug)]
pub struct OutboxSettings {
    /// The first wait before a failed letter is tried again; it doubles each time, up to an hour.
    pub retry_after: std::time::Duration,
    /// How often the outbox looks for letters, alerts and digests due.
    pub interval: std::time::Duration,
}

impl Default for OutboxSettings {
    fn default() -> OutboxSettings {
        OutboxSettings {
            retry_after: std::time::Duration::from_secs(60),
            interval: std::time::Duration::from_secs(30),
        }
    }
}

impl App {
    /// The application over a store, with the embedded lexicon and the system clock.
    pub fn new(store: Store, calendar: WorkingCalendar, mailer: Option<senim_mail::Mailer>) -> App {
        App {
            store,
            calendar: Arc::new(calendar),
            lexicon: Arc::new(std::sync::RwLock::new(Arc::new(Lexicon::embedded()))),
            clock: Clock::system(),
            mailer,
            outbox: Arc::default(),
            outbox_settings: OutboxSettings::default(),
        }
    }

    /// The application with the lexicon in force (the embedded one and an administrator's
    /// additions).
    pub fn with_lexicon(self, lexicon: Lexicon) -> App {
        self.set_lexicon(lexicon);
        self
    }

    /// The lexicon in force now.
    pub fn lexicon(&self) -> Arc<Lexicon> {
        self.lexicon
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// Puts `lexicon` in force for every clone of this application, from the next text on.
    pub fn set_lexicon(&self, lexicon: Lexicon) {
        *self
            .lexicon
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Arc::new(lexicon);
    }

    /// The application with its outbox paced by `settings`.
    pub fn with_outbox_settings(mut self, settings: OutboxSettings) -> App {
        self.outbox_settings = settings;
        self
    }

    /// The application reading this clock (tests set it).
    pub fn with_clock(mut self, clock: Clock) -> App {
        self.clock = clock;
        self
    }

    /// Now, by the application's clock.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }
}
