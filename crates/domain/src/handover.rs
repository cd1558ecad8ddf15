//! Handing an urgent appeal over to a national service: the unified contact centre 111, the
//! police 102 or the ambulance 103. The record says to whom, when and who did it.

use chrono::{DateTime, Utc};

use crate::appeal::{MAX_REASON, Redacted};

/// A national service an urgent appeal can be handed to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Service {
    /// 111 — the unified contact centre for families and children, 24/7.
    ContactCentre111,
    /// 102 — the police.
    Police102,
    /// 103 — the ambulance.
    Ambulance103,
}

impl Service {
    pub const ALL: [Service; 3] = [
        Service::ContactCentre111,
        Service::Police102,
        Service::Ambulance103,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Service::ContactCentre111 => "111",
            Service::Police102 => "102",
            Service::Ambulance103 => "103",
        }
    }

    pub fn parse(code: &str) -> Option<Service> {
        Service::ALL.into_iter().find(|service| service.code() == code)
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Service::ContactCentre111 => "service-111",
            Service::Police102 => "service-102",
            Service::Ambulance103 => "service-103",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum HandoverError {
    #[error("service: 111, 102 or 103")]
    UnknownService,
    #[error("handed_at: a hand-over cannot be recorded before it happens")]
    InFuture,
    #[error("note: the note is longer than {MAX_REASON} characters")]
    NoteTooLong,
}

impl HandoverError {
    pub fn field(self) -> &'static str {
        match self {
            HandoverError::UnknownService => "service",
            HandoverError::InFuture => "handed_at",
            HandoverError::NoteTooLong => "note",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            HandoverError::UnknownService => "unknown_service",
            HandoverError::InFuture => "handed_in_future",
            HandoverError::NoteTooLong => "too_long",
        }
    }

    pub fn message_id(self) -> &'static str {
        match self {
            HandoverError::UnknownService => "error-handover-service",
            HandoverError::InFuture => "error-handover-future",
            HandoverError::NoteTooLong => "error-handover-note",
        }
    }
}

/// A hand-over as recorded: the service, when the school handed the appeal over (reported by
/// the person who did), and a note (whom they spoke to, a reference number).
#[derive(Clone, Debug)]
pub struct Handover {
    pub service: Service,
    pub handed_at: DateTime<Utc>,
    pub note: Redacted<String>,
}

impl Handover {
    pub fn new(
        service: &str,
        handed_at: DateTime<Utc>,
        note: &str,
        now: DateTime<Utc>,
    ) -> Result<Handover, HandoverError> {
        let service = Service::parse(service.trim()).ok_or(HandoverError::UnknownService)?;
        if crate::time::is_in_future(handed_at, now) {
            return Err(HandoverError::InFuture);
        }
        let note = note.trim();
        if note.chars().count() > MAX_REASON {
            return Err(HandoverError::NoteTooLong);
        }
        Ok(Handover {
            service,
            handed_at: handed_at.min(now),
            note: Redacted(note.to_owned()),
        })
    }
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_handover_names_a_known_service_and_a_past_moment() {
        let now = Utc.with_ymd_and_hms(2026, 11, 25, 6, 0, 0).unwrap();
        let handover =
            Handover::new("102", now - Duration::minutes(5), " ПДН инспекторы Алиев ", now).unwrap();
        assert_eq!(handover.service, Service::Police102);
        assert_eq!(handover.note.as_str(), "ПДН инспекторы Алиев");
        assert_eq!(
            Handover::new("112", now, "", now).unwrap_err(),
            HandoverError::UnknownService
        );
        assert_eq!(
            Handover::new("111", now + Duration::hours(1), "", now).unwrap_err(),
            HandoverError::InFuture
        );
        assert_eq!(
            Handover::new("103", now, &"ә".repeat(MAX_REASON + 1), now)
                .unwrap_err()
                .field(),
            "note"
        );
    }
}
