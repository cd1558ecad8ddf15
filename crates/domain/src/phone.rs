//! The Trust Phone's call log (seed 4.3–4.5): every call taken on duty, with the moment it
//! began, how long it lasted and its kind. A call that told of a child is registered as an
//! appeal and the log points at it; a call that is not an appeal — silent, a prank, a wrong
//! number, hung up, abusive, thanks or a question only — takes no journal number and is
//! counted in the call log alone, for the plan's work with calls and the monthly analysis.

use chrono::{DateTime, TimeDelta, Utc};

use crate::appeal::AppealId;
use crate::classification::ContactType;

/// The longest call the log takes: a line held for more than six hours is a mistake.
pub const MAX_CALL_SECONDS: i64 = 6 * 60 * 60;

impl ContactType {
    /// Whether a contact of this kind is an appeal to register: a child about itself, someone
    /// about a child, an emergency. The others are counted in the call log only.
    pub fn is_appeal(self) -> bool {
        matches!(
            self,
            ContactType::ChildAboutSelf | ContactType::AboutAChild | ContactType::Emergency
        )
    }

    /// The kinds of contact that are not appeals, in the order a call card offers them.
    pub fn not_appeals() -> impl Iterator<Item = ContactType> {
        ContactType::ALL.iter().copied().filter(|kind| !kind.is_appeal())
    }
}

/// A call as the log keeps it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Call {
    pub started_at: DateTime<Utc>,
    pub duration_seconds: i64,
    pub contact_type: ContactType,
    /// The appeal the call became, if it became one.
    pub appeal: Option<AppealId>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CallError {
    #[error("started_at: a call cannot end after now")]
    InFuture,
    #[error("duration_seconds: from 0 to {MAX_CALL_SECONDS} seconds")]
    Duration,
    #[error("contact_type: one of the framework's contact types")]
    UnknownContactType,
    #[error("appeal_id: a call about a child is registered as an appeal; give its id")]
    AppealNeeded,
    #[error("contact_type: a call that became an appeal is about a child or an emergency")]
    NotAnAppeal,
    #[error("appeal_id: this appeal's call is in the log already")]
    AlreadyLogged,
}

impl CallError {
    pub fn field(self) -> &'static str {
        match self {
            CallError::InFuture => "started_at",
            CallError::Duration => "duration_seconds",
            CallError::UnknownContactType | CallError::NotAnAppeal => "contact_type",
            CallError::AppealNeeded | CallError::AlreadyLogged => "appeal_id",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            CallError::InFuture => "in_future",
            CallError::Duration => "invalid_duration",
            CallError::UnknownContactType => "unknown_contact_type",
            CallError::AppealNeeded => "appeal_needed",
            CallError::NotAnAppeal => "not_an_appeal",
            CallError::AlreadyLogged => "already_logged",
        }
    }

    pub fn message_id(self) -> &'static str {
        match self {
            CallError::InFuture => "error-call-future",
            CallError::Duration => "error-call-duration",
            CallError::UnknownContactType => "error-call-contact-type",
            CallError::AppealNeeded => "error-call-appeal-needed",
            CallError::NotAnAppeal => "error-call-not-an-appeal",
            CallError::AlreadyLogged => "error-call-logged",
        }
    }
}

impl Call {
    /// Checks a call as reported: it ended by `now` (with the clocks' usual tolerance), lasted from 0 to [`MAX_CALL_SECONDS`], and its kind agrees with
    /// whether it became an appeal.
    pub fn new(
        started_at: DateTime<Utc>,
        duration_seconds: i64,
        contact_type: &str,
        appeal: Option<AppealId>,
        now: DateTime<Utc>,
    ) -> Result<Call, CallError> {
        if !(0..=MAX_CALL_SECONDS).contains(&duration_seconds) {
            return Err(CallError::Duration);
        }
        let contact_type = ContactType::parse(contact_type.trim()).ok_or(CallError::UnknownContactType)?;
        if crate::time::is_in_future(started_at + TimeDelta::seconds(duration_seconds), now) {
            return Err(CallError::InFuture);
        }
        match (appeal, contact_type.is_appeal()) {
            (None, true) => return Err(CallError::AppealNeeded),
            (Some(_), false) => return Err(CallError::NotAnAppeal),
            _ => {}
        }
        Ok(Call {
            started_at,
            duration_seconds,
            contact_type,
            appeal,
        })
    }
}

/// The month's calls that were not appeals, by kind — every kind listed, zeros too.
pub fn not_appeals_by_kind(calls: &[Call]) -> Vec<(ContactType, u32)> {
    ContactType::not_appeals()
        .map(|kind| {
            let count = calls
                .iter()
                .filter(|call| call.appeal.is_none() && call.contact_type == kind)
                .count();
            (kind, u32::try_from(count).unwrap_or(u32::MAX))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(hour: u32, minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 2, hour, minute, 0).unwrap()
    }

    #[test]
    fn a_silent_call_is_logged_without_an_appeal() {
        let call = Call::new(at(5, 0), 40, "silent", None, at(5, 1)).unwrap();
        assert_eq!(call.contact_type, ContactType::Silent);
        assert_eq!(call.appeal, None);
        assert_eq!(
            Call::new(at(5, 0), 40, "silent", Some(AppealId(3)), at(5, 1)),
            Err(CallError::NotAnAppeal)
        );
    }

    #[test]
    fn a_call_about_a_child_must_be_an_appeal() {
        assert_eq!(
            Call::new(at(5, 0), 300, "child_about_self", None, at(5, 10)),
            Err(CallError::AppealNeeded)
        );
        let call = Call::new(at(5, 0), 300, "child_about_self", Some(AppealId(3)), at(5, 10)).unwrap();
        assert_eq!(call.appeal, Some(AppealId(3)));
    }

    #[test]
    fn a_call_cannot_end_in_the_future_nor_last_for_ever() {
        assert_eq!(
            Call::new(at(5, 0), 600, "silent", None, at(5, 5)),
            Err(CallError::InFuture)
        );
        assert!(
            Call::new(at(5, 0), 390, "silent", None, at(5, 5)).is_ok(),
            "the clocks differ a little"
        );
        assert_eq!(
            Call::new(at(1, 0), -1, "silent", None, at(5, 0)),
            Err(CallError::Duration)
        );
        assert_eq!(
            Call::new(at(1, 0), MAX_CALL_SECONDS + 1, "silent", None, at(9, 0)),
            Err(CallError::Duration)
        );
        assert_eq!(
            Call::new(at(1, 0), 5, "prank call", None, at(9, 0)),
            Err(CallError::UnknownContactType)
        );
    }

    #[test]
    fn the_phone_is_on_duty_on_working_days_from_nine_to_half_past_six() {
        use crate::calendar::WorkingCalendar;
        use crate::hours::{Duty, DutyHours};
        let duty = |calendar: &WorkingCalendar, now| DutyHours::SEED.duty(calendar, now);
        let calendar = WorkingCalendar::embedded();
        // Wednesday 2 December 2026, Almaty is UTC+5.
        let noon = Utc.with_ymd_and_hms(2026, 12, 2, 7, 0, 0).unwrap();
        assert_eq!(
            duty(&calendar, noon),
            Duty::On {
                until: Utc.with_ymd_and_hms(2026, 12, 2, 13, 30, 0).unwrap()
            }
        );
        let evening = Utc.with_ymd_and_hms(2026, 12, 2, 14, 0, 0).unwrap();
        assert_eq!(
            duty(&calendar, evening),
            Duty::OutOfHours {
                resumes: Utc.with_ymd_and_hms(2026, 12, 3, 4, 0, 0).unwrap()
            }
        );
        // Saturday 5 December; Monday 7 December is worked.
        let saturday = Utc.with_ymd_and_hms(2026, 12, 5, 7, 0, 0).unwrap();
        assert_eq!(
            duty(&calendar, saturday),
            Duty::DayOff {
                resumes: Utc.with_ymd_and_hms(2026, 12, 7, 4, 0, 0).unwrap()
            }
        );
    }

    #[test]
    fn the_months_non_appeal_calls_are_counted_by_kind() {
        let calls = [
            Call::new(at(5, 0), 10, "silent", None, at(9, 0)).unwrap(),
            Call::new(at(5, 5), 10, "silent", None, at(9, 0)).unwrap(),
            Call::new(at(5, 9), 10, "wrong_number", None, at(9, 0)).unwrap(),
            Call::new(at(6, 0), 900, "about_a_child", Some(AppealId(1)), at(9, 0)).unwrap(),
        ];
        let counts = not_appeals_by_kind(&calls);
        assert!(counts.contains(&(ContactType::Silent, 2)));
        assert!(counts.contains(&(ContactType::WrongNumber, 1)));
        assert!(counts.contains(&(ContactType::Prank, 0)));
        assert!(counts.iter().all(|(kind, _)| !kind.is_appeal()));
    }
}
