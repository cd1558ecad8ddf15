//! Senim's domain: what an appeal is, how the registration journal numbers and chains its
//! entries, who may do what. Plain Rust: no I/O, no async, no database types, no clock —
//! every moment is an argument.

pub mod analysis;
pub mod appeal;
pub mod calendar;
pub mod classification;
pub mod deadline;
pub mod forwarding;
pub mod handover;
pub mod journal;
pub mod minutes;
pub mod opening;
pub mod organisation;
pub mod plan;
pub mod staff;
pub mod time;
pub mod triage;
pub mod trust_box;

pub use appeal::{
    Appeal, AppealContent, AppealError, AppealId, Applicant, Category, Channel, Correction, Outcome,
    Redacted, Topic,
};
pub use journal::{ChainBreak, ChainCounter, EntryHash, EntryRef, JournalNumber, JournalYear};
pub use organisation::{Organisation, OrganisationId, Slug};
pub use staff::{Permissions, Position, Positions, UserId};
