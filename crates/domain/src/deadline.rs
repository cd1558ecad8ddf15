//! Deadlines the law sets for an appeal (the Administrative Procedural and Process Code),
//! counted on the working calendar, and where a deadline stands today.

use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::Serialize;

use crate::calendar::WorkingCalendar;

/// The rule that produced a deadline; shown beside it so people can check it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineRule {
    /// Art. 76: considered within 15 working days of receipt.
    Consideration,
    /// Art. 65: outside the school's competence, forwarded to the competent body within
    /// 3 working days.
    ForwardOutsideCompetence,
    /// Information on a crime against a child being prepared or committed, anonymous or not:
    /// forwarded at once, the day it arrives.
    ForwardAtOnce,
    /// Art. 76: extended by the head's reasoned decision — at most two months from receipt.
    ExtensionLimit,
    /// Art. 76: the applicant is told of an extension within 3 working days of the decision.
    ExtensionNotice,
}

impl DeadlineRule {
    pub const ALL: [DeadlineRule; 5] = [
        DeadlineRule::Consideration,
        DeadlineRule::ForwardOutsideCompetence,
        DeadlineRule::ForwardAtOnce,
        DeadlineRule::ExtensionLimit,
        DeadlineRule::ExtensionNotice,
    ];

    pub fn code(self) -> &'static str {
        match self {
            DeadlineRule::Consideration => "consideration",
            DeadlineRule::ForwardOutsideCompetence => "forward_outside_competence",
            DeadlineRule::ForwardAtOnce => "forward_at_once",
            DeadlineRule::ExtensionLimit => "extension_limit",
            DeadlineRule::ExtensionNotice => "extension_notice",
        }
    }

    pub fn parse(code: &str) -> Option<DeadlineRule> {
        DeadlineRule::ALL.into_iter().find(|rule| rule.code() == code)
    }

    /// The Fluent id of the rule's explanation.
    pub fn message_id(self) -> &'static str {
        match self {
            DeadlineRule::Consideration => "deadline-rule-consideration",
            DeadlineRule::ForwardOutsideCompetence => "deadline-rule-forward-outside-competence",
            DeadlineRule::ForwardAtOnce => "deadline-rule-forward-at-once",
            DeadlineRule::ExtensionLimit => "deadline-rule-extension-limit",
            DeadlineRule::ExtensionNotice => "deadline-rule-extension-notice",
        }
    }
}

/// Working days within which a deadline counts as due soon.
pub const DUE_SOON_WORKING_DAYS: u32 = 3;

/// The last day to act under `rule` for an appeal received at `received_at`; for an
/// extension notice, counted from `decided_on`, the day of the head's decision.
pub fn due_date(
    calendar: &WorkingCalendar,
    rule: DeadlineRule,
    received_at: DateTime<Utc>,
    decided_on: Option<NaiveDate>,
) -> NaiveDate {
    let receipt_day = calendar.receipt_day(received_at);
    match rule {
        DeadlineRule::Consideration => calendar.add_working_days(receipt_day, 15),
        DeadlineRule::ForwardOutsideCompetence => calendar.add_working_days(receipt_day, 3),
        // At once means at once: the calendar day it arrived, working day or not.
        DeadlineRule::ForwardAtOnce => crate::time::local_date(received_at),
        DeadlineRule::ExtensionLimit => receipt_day
            .checked_add_months(Months::new(2))
            .expect("two months after a receipt day is a date"),
        DeadlineRule::ExtensionNotice => calendar.add_working_days(decided_on.unwrap_or(receipt_day), 3),
    }
}

/// Where an open deadline stands on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineStatus {
    /// мерзімі өткен: the day is past the deadline.
    Overdue,
    /// мерзімі жақындап қалған: due within three working days.
    DueSoon,
    OnTime,
}

impl DeadlineStatus {
    pub fn of(calendar: &WorkingCalendar, due: NaiveDate, today: NaiveDate) -> DeadlineStatus {
        if today > due {
            DeadlineStatus::Overdue
        } else if due <= calendar.add_working_days(today, DUE_SOON_WORKING_DAYS) {
            DeadlineStatus::DueSoon
        } else {
            DeadlineStatus::OnTime
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            DeadlineStatus::Overdue => "overdue",
            DeadlineStatus::DueSoon => "due_soon",
            DeadlineStatus::OnTime => "on_time",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::from_local;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn almaty(text: &str) -> DateTime<Utc> {
        from_local(chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()).unwrap()
    }

    #[test]
    fn deadlines_by_rule() {
        let calendar = WorkingCalendar::embedded();
        let cases = [
            // Received Wednesday in hours: 15 working days, skipping Independence Day.
            (
                DeadlineRule::Consideration,
                "2026-11-25 10:00",
                None,
                "2026-12-17",
            ),
            // Received Saturday: counted from Monday 30 November; 16 December is a holiday.
            (
                DeadlineRule::Consideration,
                "2026-11-28 12:00",
                None,
                "2026-12-22",
            ),
            // Received Thursday evening before Nauryz 2025 (21, 24, 25 March off): from the 26th.
            (
                DeadlineRule::ForwardOutsideCompetence,
                "2025-03-20 19:00",
                None,
                "2025-03-31",
            ),
            // A crime against a child on a Sunday night: forwarded that day, not Monday.
            (
                DeadlineRule::ForwardAtOnce,
                "2026-11-29 23:30",
                None,
                "2026-11-29",
            ),
            (
                DeadlineRule::ExtensionLimit,
                "2026-11-25 10:00",
                None,
                "2027-01-25",
            ),
            // Decided Tuesday 15 December: 16 December is a holiday, so 17, 18 and 21.
            (
                DeadlineRule::ExtensionNotice,
                "2026-11-25 10:00",
                Some("2026-12-15"),
                "2026-12-21",
            ),
            // Across the new year of 2025: 1–3 January off, Sunday 5 worked, 6, then 7 (Christmas) off.
            (
                DeadlineRule::ForwardOutsideCompetence,
                "2024-12-31 11:00",
                None,
                "2025-01-08",
            ),
        ];
        for (rule, received, decided, expected) in cases {
            let due = due_date(&calendar, rule, almaty(received), decided.map(date));
            assert_eq!(due, date(expected), "{rule:?} for {received}");
        }
    }

    #[test]
    fn status_on_a_day() {
        let calendar = WorkingCalendar::embedded();
        let due = date("2026-12-03"); // Thursday
        assert_eq!(
            DeadlineStatus::of(&calendar, due, date("2026-11-25")),
            DeadlineStatus::OnTime
        );
        assert_eq!(
            DeadlineStatus::of(&calendar, due, date("2026-11-30")),
            DeadlineStatus::DueSoon
        );
        assert_eq!(
            DeadlineStatus::of(&calendar, due, date("2026-12-03")),
            DeadlineStatus::DueSoon
        );
        assert_eq!(
            DeadlineStatus::of(&calendar, due, date("2026-12-04")),
            DeadlineStatus::Overdue
        );
    }

    #[test]
    fn rule_codes_round_trip() {
        for rule in DeadlineRule::ALL {
            assert_eq!(DeadlineRule::parse(rule.code()), Some(rule));
        }
    }
}
