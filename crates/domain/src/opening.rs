//! Opening the paper Trust Box («Сенім жәшігін» ашу): the commission opens it on a schedule,
//! counts the letters and draws up an act (АКТ) — also, and normally, when the box is empty.
//!
//! The school's yearly plan says «аптасына бір рет» (weekly); the commission's minutes of
//! 11.11.2023 resolved «айына екі рет» (twice a month). Both, and monthly, can be chosen.

use chrono::{Datelike, Duration, NaiveDate};

use crate::calendar::WorkingCalendar;

/// How often the box must be opened: at least once in every period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Schedule {
    /// Once in every week, Monday to Sunday.
    Weekly,
    /// Once in each half of a month: the 1st–15th and the 16th–last day.
    TwiceMonthly,
    /// Once in every calendar month.
    Monthly,
}

impl Schedule {
    pub const ALL: [Schedule; 3] = [Schedule::Weekly, Schedule::TwiceMonthly, Schedule::Monthly];

    pub fn code(self) -> &'static str {
        match self {
            Schedule::Weekly => "weekly",
            Schedule::TwiceMonthly => "twice_monthly",
            Schedule::Monthly => "monthly",
        }
    }

    pub fn parse(code: &str) -> Option<Schedule> {
        Schedule::ALL.into_iter().find(|schedule| schedule.code() == code)
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Schedule::Weekly => "schedule-weekly",
            Schedule::TwiceMonthly => "schedule-twice-monthly",
            Schedule::Monthly => "schedule-monthly",
        }
    }

    /// The first and last day of the period that holds `date`.
    pub fn period(self, date: NaiveDate) -> (NaiveDate, NaiveDate) {
        match self {
            Schedule::Weekly => {
                let monday = date - Duration::days(i64::from(date.weekday().num_days_from_monday()));
                (monday, monday + Duration::days(6))
            }
            Schedule::TwiceMonthly => {
                if date.day() <= 15 {
                    (
                        date.with_day(1).expect("day 1"),
                        date.with_day(15).expect("day 15"),
                    )
                } else {
                    (date.with_day(16).expect("day 16"), last_of_month(date))
                }
            }
            Schedule::Monthly => (date.with_day(1).expect("day 1"), last_of_month(date)),
        }
    }

    /// The period after the one that holds `date`.
    fn next_period(self, date: NaiveDate) -> (NaiveDate, NaiveDate) {
        let (_, last) = self.period(date);
        self.period(last + Duration::days(1))
    }

    /// When the box must next be opened, given the last opening (if any) and today: the last
    /// working day of the first period that has no opening yet. A period without a working
    /// day (a holiday week) moves the duty to the next one that has one.
    pub fn next_due(
        self,
        last_opening: Option<NaiveDate>,
        today: NaiveDate,
        calendar: &WorkingCalendar,
    ) -> NaiveDate {
        let (mut first, mut last) = match last_opening {
            Some(opened) if self.period(opened).0 == self.period(today).0 || opened > today => {
                self.next_period(opened.max(today))
            }
            Some(opened) => self.next_period(opened),
            None => self.period(today),
        };
        loop {
            let mut day = last;
            while day >= first {
                if calendar.is_working_day(day) {
                    return day;
                }
                day -= Duration::days(1);
            }
            (first, last) = self.next_period(last);
        }
    }
}

fn last_of_month(date: NaiveDate) -> NaiveDate {
    let (year, month) = if date.month() == 12 {
        (date.year() + 1, 1)
    } else {
        (date.year(), date.month() + 1)
    };
    NaiveDate::from_ymd_opt(year, month, 1).expect("first of a month") - Duration::days(1)
}

/// Where the box stands against its schedule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpeningStatus {
    /// The next opening is due on this day or later.
    Due(NaiveDate),
    /// The opening due on this day did not happen.
    Overdue(NaiveDate),
}

pub fn status(
    schedule: Schedule,
    last_opening: Option<NaiveDate>,
    today: NaiveDate,
    calendar: &WorkingCalendar,
) -> OpeningStatus {
    let Some(opened) = last_opening else {
        return OpeningStatus::Due(schedule.next_due(None, today, calendar));
    };
    let due = schedule.next_due(Some(opened), opened, calendar);
    if due < today {
        OpeningStatus::Overdue(due)
    } else {
        OpeningStatus::Due(due)
    }
}

/// The most letters one opening may record; a larger count is a typing slip.
pub const MAX_LETTERS: u32 = 500;

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OpeningError {
    #[error("members: at least two members of the commission sign the act")]
    TooFewMembers,
    #[error("letters: the number of letters is 0 to 500")]
    LettersOutOfRange,
    #[error("opened_at: an opening cannot be recorded before it happens")]
    InFuture,
}

impl OpeningError {
    pub fn field(self) -> &'static str {
        match self {
            OpeningError::TooFewMembers => "members",
            OpeningError::LettersOutOfRange => "letters",
            OpeningError::InFuture => "opened_at",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            OpeningError::TooFewMembers => "too_few_members",
            OpeningError::LettersOutOfRange => "letters_out_of_range",
            OpeningError::InFuture => "opened_in_future",
        }
    }

    pub fn message_id(self) -> &'static str {
        match self {
            OpeningError::TooFewMembers => "error-opening-members",
            OpeningError::LettersOutOfRange => "error-opening-letters",
            OpeningError::InFuture => "error-opening-future",
        }
    }
}

/// Checks what the commission records: when (not in the future of `now`), who signs (the
/// acts of 27.10.2023 and 16.01.2024 carry two and three signatures) and how many letters
/// were found.
pub fn check_opening(
    opened_at: chrono::DateTime<chrono::Utc>,
    members: usize,
    letters: i64,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<u32, OpeningError> {
    if crate::time::is_in_future(opened_at, now) {
        return Err(OpeningError::InFuture);
    }
    if members < 2 {
        return Err(OpeningError::TooFewMembers);
    }
    u32::try_from(letters)
        .ok()
        .filter(|letters| *letters <= MAX_LETTERS)
        .ok_or(OpeningError::LettersOutOfRange)
}

/// A letter found at an opening, as the commission types it.
pub struct Letter<'a> {
    pub summary: &'a str,
    /// A category code (`topic` or `topic.sub`); empty when none was chosen.
    pub category: &'a str,
    pub full_name: &'a str,
    pub address: &'a str,
    pub phone: &'a str,
    /// The letter code printed on the slip the letter is written on; empty when there is none.
    pub letter_code: &'a str,
}

impl Letter<'_> {
    /// The appeal: received when the box was opened; anonymous unless the letter is signed.
    pub fn content(
        &self,
        opened_at: chrono::DateTime<chrono::Utc>,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<crate::AppealContent, crate::AppealError> {
        let category = if self.category.is_empty() {
            crate::Category::UNSPECIFIED
        } else {
            crate::Category::parse(self.category)?
        };
        let applicant = crate::Applicant::new(self.full_name, self.address, self.phone);
        crate::AppealContent::new(
            crate::Channel::BoxLetter,
            opened_at,
            applicant.is_empty(),
            applicant,
            self.summary,
            category,
            now,
        )
    }

    /// The slip's letter code, when one was typed; `Err` for a code that cannot be one.
    pub fn slip(&self) -> Result<Option<crate::trust_box::LetterCode>, crate::trust_box::ReceiptCodeError> {
        if self.letter_code.trim().is_empty() {
            return Ok(None);
        }
        crate::trust_box::LetterCode::parse(self.letter_code).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn periods_are_weeks_half_months_and_months() {
        assert_eq!(
            Schedule::Weekly.period(day(2026, 11, 25)),
            (day(2026, 11, 23), day(2026, 11, 29))
        );
        assert_eq!(
            Schedule::TwiceMonthly.period(day(2026, 11, 15)),
            (day(2026, 11, 1), day(2026, 11, 15))
        );
        assert_eq!(
            Schedule::TwiceMonthly.period(day(2026, 2, 16)),
            (day(2026, 2, 16), day(2026, 2, 28))
        );
        assert_eq!(
            Schedule::Monthly.period(day(2026, 12, 3)),
            (day(2026, 12, 1), day(2026, 12, 31))
        );
    }

    #[test]
    fn the_next_opening_is_due_on_the_last_working_day_of_the_next_period() {
        let calendar = WorkingCalendar::embedded();
        // Opened on 11.11.2026 (Wednesday), twice a month: the 16th–30th half is due on Monday 30.11.
        let due = Schedule::TwiceMonthly.next_due(Some(day(2026, 11, 11)), day(2026, 11, 12), &calendar);
        assert_eq!(due, day(2026, 11, 30));
        // Weekly: due on Friday of the next week.
        let due = Schedule::Weekly.next_due(Some(day(2026, 11, 11)), day(2026, 11, 12), &calendar);
        assert_eq!(due, day(2026, 11, 20));
        // Never opened: due by the end of this period.
        assert_eq!(
            Schedule::Monthly.next_due(None, day(2026, 11, 25), &calendar),
            day(2026, 11, 30)
        );
        // The last half of December 2026 ends on Thursday 31.12, a working day; 16.12 is a holiday
        // but the period still has working days.
        let due = Schedule::TwiceMonthly.next_due(Some(day(2026, 12, 2)), day(2026, 12, 3), &calendar);
        assert_eq!(due, day(2026, 12, 31));
    }

    #[test]
    fn a_week_without_working_days_moves_the_duty_on() {
        let calendar = WorkingCalendar::embedded();
        // 2026: Nauryz 21–23 March falls Saturday–Monday; the weekend rule adds days off. Whatever
        // the holidays, the due day is always a working day.
        for start in 0..60 {
            let opened = day(2026, 1, 1) + Duration::days(start);
            for schedule in Schedule::ALL {
                let due = schedule.next_due(Some(opened), opened, &calendar);
                assert!(calendar.is_working_day(due), "{schedule:?} from {opened}: {due}");
                assert!(due > opened);
            }
        }
        // The week of 29.12.2025–04.01.2026 has 1–2 January off: its last working day is 31.12.
        let due = Schedule::Weekly.next_due(Some(day(2025, 12, 24)), day(2025, 12, 24), &calendar);
        assert_eq!(due, day(2025, 12, 31));
    }

    #[test]
    fn an_opening_missed_is_overdue_from_the_day_after_it_was_due() {
        let calendar = WorkingCalendar::embedded();
        let last = Some(day(2026, 11, 2));
        assert_eq!(
            status(Schedule::TwiceMonthly, last, day(2026, 11, 30), &calendar),
            OpeningStatus::Due(day(2026, 11, 30))
        );
        assert_eq!(
            status(Schedule::TwiceMonthly, last, day(2026, 12, 1), &calendar),
            OpeningStatus::Overdue(day(2026, 11, 30))
        );
        assert_eq!(
            status(Schedule::Weekly, None, day(2026, 11, 25), &calendar),
            OpeningStatus::Due(day(2026, 11, 27))
        );
    }

    #[test]
    fn an_act_needs_two_signatures_a_sensible_count_and_a_past_moment() {
        let now = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 11, 16, 5, 0, 0).unwrap();
        let check = |members, letters| check_opening(now, members, letters, now);
        assert_eq!(check(2, 0), Ok(0));
        assert_eq!(check(3, 3), Ok(3));
        assert_eq!(check(1, 0), Err(OpeningError::TooFewMembers));
        assert_eq!(check(2, -1), Err(OpeningError::LettersOutOfRange));
        assert_eq!(check(2, 501), Err(OpeningError::LettersOutOfRange));
        let clocks_differ = now + chrono::Duration::minutes(2);
        assert_eq!(check_opening(clocks_differ, 2, 0, now), Ok(0));
        let later = now + chrono::Duration::minutes(3);
        assert_eq!(check_opening(later, 2, 0, now), Err(OpeningError::InFuture));
    }
}
