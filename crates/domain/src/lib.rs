//! Senim's domain: what an appeal is, how the registration journal numbers and chains its
//! entries, who may do what. Plain Rust: no I/O, no async, no database types, no clock —
//! every moment is an argument.

pub mod analysis;
pub mod appeal;
pub mod audit;
pub mod calendar;
pub mod classification;
pub mod deadline;
pub mod forwarding;
pub mod greeting;
pub mod handover;
pub mod hours;
pub mod inbox;
pub mod journal;
pub mod minutes;
pub mod opening;
pub mod organisation;
pub mod phone;
pub mod plan;
pub mod staff;
pub mod time;
pub mod triage;
pub mod trust_box;
pub mod two_factor;
pub mod watch;

pub use appeal::{
    Appeal, AppealContent, AppealError, AppealId, Applicant, Category, Channel, Correction, Outcome,
    Redacted, Topic,
};
pub use journal::{
    ChainBreak, ChainCounter, ChainId, ChainKey, EntryHash, EntryRef, JournalNumber, JournalYear,
};
pub use organisation::{Organisation, OrganisationId, Slug};
pub use staff::{Permissions, Position, Positions, UserId};

/// A refusal of something a person typed, naming the field it concerns and a stable code:
/// a page shows it beside the field, the API answers `{ code, field, message }`. Its `Display`
/// says what is expected, never what was typed.
pub trait FieldError: std::error::Error + Copy {
    fn field(self) -> &'static str;
    fn code(self) -> &'static str;
}

macro_rules! field_errors {
    ($($error:ty),* $(,)?) => {$(
        impl FieldError for $error {
            fn field(self) -> &'static str {
                <$error>::field(self)
            }
            fn code(self) -> &'static str {
                <$error>::code(self)
            }
        }
    )*};
}

field_errors!(
    AppealError,
    classification::ClassificationError,
    forwarding::ForwardingError,
    greeting::GreetingError,
    handover::HandoverError,
    hours::HoursError,
    inbox::DismissalError,
    inbox::VoicemailError,
    minutes::MinutesError,
    opening::OpeningError,
    phone::CallError,
    plan::PlanError,
    staff::AccountError,
    triage::TermError,
    watch::AssignError,
    watch::ExtensionError,
    watch::NoticeError,
);
