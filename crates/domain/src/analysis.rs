//! The monthly analysis («айлық талдау», seed 5.4): the month's work in numbers — by channel,
//! by category, anonymous, urgent, forwarded and to whom, answered on time or overdue,
//! outcomes, box openings held against those the schedule asked for. Numbers only: no name
//! and no text of any appeal reaches it.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

use crate::appeal::{Category, Channel, Topic};
use crate::calendar::WorkingCalendar;
use crate::classification::{ContactType, Gender};
use crate::opening::Schedule;

/// A calendar month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("month: YYYY-MM, from 2000-01 to 2200-12")]
pub struct MonthError;

impl Month {
    pub fn parse(text: &str) -> Result<Month, MonthError> {
        let (year, month) = text.trim().split_once('-').ok_or(MonthError)?;
        let year: i32 = year.parse().map_err(|_| MonthError)?;
        let month: u32 = month.parse().map_err(|_| MonthError)?;
        if !(2000..=2200).contains(&year) || !(1..=12).contains(&month) || text.trim().len() != 7 {
            return Err(MonthError);
        }
        Ok(Month { year, month })
    }

    pub fn of(day: NaiveDate) -> Month {
        Month {
            year: day.year(),
            month: day.month(),
        }
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("a month is valid")
    }

    pub fn last_day(self) -> NaiveDate {
        self.next().first_day() - Duration::days(1)
    }

    /// The month as moments: from midnight of its first day in Kazakhstan to midnight of the
    /// next month's.
    pub fn span(self) -> (DateTime<Utc>, DateTime<Utc>) {
        let midnight = |day: NaiveDate| {
            let wall_clock = day.and_time(chrono::NaiveTime::MIN);
            // Midnight always exists in Almaty; were it skipped, the hour after it stands in.
            crate::time::from_local(wall_clock)
                .or_else(|| crate::time::from_local(wall_clock + Duration::hours(1)))
                .expect("a day in Almaty has its first hour")
        };
        (midnight(self.first_day()), midnight(self.next().first_day()))
    }

    pub fn previous(self) -> Month {
        if self.month == 1 {
            Month {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Month {
                year: self.year,
                month: self.month - 1,
            }
        }
    }

    pub fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    pub fn a_year_before(self) -> Month {
        Month {
            year: self.year - 1,
            month: self.month,
        }
    }

    pub fn contains(self, day: NaiveDate) -> bool {
        Month::of(day) == self
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// What the analysis needs to know of one appeal received in the month: codes and flags, never
/// its text or its applicant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppealFacts {
    pub channel: Channel,
    pub topic: Topic,
    pub anonymous: bool,
    pub urgent: bool,
    /// The executing organisations it was forwarded to (their names, not the child's).
    pub forwarded_to: Vec<String>,
    /// A forwarding answered by its deadline.
    pub answered_on_time: bool,
    /// A forwarding past its deadline without an answer, or answered late.
    pub overdue: bool,
    pub has_outcome: bool,
    /// The category with its sub-category, when one was chosen.
    pub category: Category,
    /// The framework's statistics, when staff recorded them.
    pub contact_type: Option<ContactType>,
    pub age: Option<u8>,
    pub gender: Option<Gender>,
}

/// The age bands the figures count children in: the framework's, coarse enough not to point
/// at a child.
pub const AGE_BANDS: [(&str, u8, u8); 4] = [
    ("0-9", 0, 9),
    ("10-13", 10, 13),
    ("14-17", 14, 17),
    ("18-25", 18, 25),
];

/// The band of an age, as [`AGE_BANDS`] names it.
pub fn age_band(age: u8) -> &'static str {
    AGE_BANDS
        .iter()
        .find(|(_, from, to)| (*from..=*to).contains(&age))
        .map_or("18-25", |(name, _, _)| name)
}

/// What is not recorded, in every breakdown.
pub const NOT_RECORDED: &str = "not_recorded";

/// The smallest count shown in a breakdown that could point at a child (age band, gender):
/// smaller ones, zero aside, are hidden.
pub const SMALL_CELL: u32 = 5;

/// Which of a breakdown's counts to hide, the breakdown (every value listed, zeros too)
/// summing to a total everyone sees. Every count from 1 to [`SMALL_CELL`] − 1 is hidden; then,
/// while the hidden counts could be worked out (only one hidden, none of them at least
/// [`SMALL_CELL`], or all of them ones), the smallest other non-zero count is hidden too, the
/// first in order on a tie; when none is left, every count, zeros included.
pub fn hidden_cells(counts: &[u32]) -> Vec<bool> {
    let mut hidden: Vec<bool> = counts.iter().map(|&n| n > 0 && n < SMALL_CELL).collect();
    loop {
        let shown_hidden: Vec<u32> = counts
            .iter()
            .zip(&hidden)
            .filter(|(_, h)| **h)
            .map(|(n, _)| *n)
            .collect();
        if shown_hidden.is_empty() {
            return hidden;
        }
        let sum: u32 = shown_hidden.iter().sum();
        let safe = shown_hidden.len() > 1
            && shown_hidden.iter().any(|&n| n >= SMALL_CELL)
            && sum > u32::try_from(shown_hidden.len()).unwrap_or(u32::MAX);
        if safe {
            return hidden;
        }
        let next = counts
            .iter()
            .enumerate()
            .filter(|(index, n)| !hidden[*index] && **n > 0)
            .min_by_key(|(_, n)| **n)
            .map(|(index, _)| index);
        match next {
            Some(index) => hidden[index] = true,
            None => return vec![true; counts.len()],
        }
    }
}

/// [`hidden_cells`] over a breakdown keyed by code, in the codes' order: the page, the API
/// and the papers hide the same counts.
pub fn hidden_codes(breakdown: &BTreeMap<&'static str, u32>) -> BTreeMap<&'static str, bool> {
    let counts: Vec<u32> = breakdown.values().copied().collect();
    breakdown.keys().copied().zip(hidden_cells(&counts)).collect()
}

/// The month in numbers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    pub total: u32,
    pub by_channel: BTreeMap<&'static str, u32>,
    pub by_topic: BTreeMap<&'static str, u32>,
    pub anonymous: u32,
    pub urgent: u32,
    pub forwarded: u32,
    pub forwarded_to: BTreeMap<String, u32>,
    pub answered_on_time: u32,
    pub overdue: u32,
    pub with_outcome: u32,
    pub box_openings_held: u32,
    pub box_openings_scheduled: u32,
    /// By category with sub-category (`violence.bullying`), only those that had a sub-category.
    pub by_subcategory: BTreeMap<String, u32>,
    /// By contact type (`child_about_self`, …, [`NOT_RECORDED`]).
    pub by_contact_type: BTreeMap<&'static str, u32>,
    /// By age band ([`AGE_BANDS`], [`NOT_RECORDED`]).
    pub by_age_band: BTreeMap<&'static str, u32>,
    /// By gender (`girl`, `boy`, `unknown`, [`NOT_RECORDED`]).
    pub by_gender: BTreeMap<&'static str, u32>,
    /// Calls to the Trust Phone in the call log, appeals or not.
    pub calls: u32,
    /// The logged calls that were not appeals, by contact type (every such type, zeros too):
    /// silent, prank, wrong number, hung up, abusive, thanks, questions.
    pub calls_not_appeals: BTreeMap<&'static str, u32>,
}

impl Figures {
    /// Counts the month's call log beside its appeals.
    pub fn count_calls(&mut self, calls: &[crate::phone::Call]) {
        self.calls = u32::try_from(calls.len()).unwrap_or(u32::MAX);
        self.calls_not_appeals = crate::phone::not_appeals_by_kind(calls)
            .into_iter()
            .map(|(kind, count)| (kind.code(), count))
            .collect();
    }

    /// The logged calls that were not appeals.
    pub fn calls_not_appeals_total(&self) -> u32 {
        self.calls_not_appeals.values().sum()
    }
}

/// Counts the month's appeals and openings.
pub fn figures(appeals: &[AppealFacts], openings_held: u32, openings_scheduled: u32) -> Figures {
    let mut figures = Figures {
        box_openings_held: openings_held,
        box_openings_scheduled: openings_scheduled,
        ..Figures::default()
    };
    for channel in Channel::ALL {
        figures.by_channel.insert(channel.code(), 0);
    }
    // Every age band and gender listed, zeros too: a hidden count is only safe among them all.
    for (band, _, _) in AGE_BANDS {
        figures.by_age_band.insert(band, 0);
    }
    for gender in Gender::ALL {
        figures.by_gender.insert(gender.code(), 0);
    }
    figures.by_age_band.insert(NOT_RECORDED, 0);
    figures.by_gender.insert(NOT_RECORDED, 0);
    for appeal in appeals {
        figures.total += 1;
        *figures.by_channel.entry(appeal.channel.code()).or_default() += 1;
        *figures.by_topic.entry(appeal.topic.code()).or_default() += 1;
        figures.anonymous += u32::from(appeal.anonymous);
        figures.urgent += u32::from(appeal.urgent);
        figures.forwarded += u32::from(!appeal.forwarded_to.is_empty());
        for organisation in &appeal.forwarded_to {
            *figures.forwarded_to.entry(organisation.clone()).or_default() += 1;
        }
        figures.answered_on_time += u32::from(appeal.answered_on_time);
        figures.overdue += u32::from(appeal.overdue);
        figures.with_outcome += u32::from(appeal.has_outcome);
        if appeal.category.sub().is_some() {
            *figures.by_subcategory.entry(appeal.category.code()).or_default() += 1;
        }
        *figures
            .by_contact_type
            .entry(appeal.contact_type.map_or(NOT_RECORDED, ContactType::code))
            .or_default() += 1;
        *figures
            .by_age_band
            .entry(appeal.age.map_or(NOT_RECORDED, age_band))
            .or_default() += 1;
        *figures
            .by_gender
            .entry(appeal.gender.map_or(NOT_RECORDED, Gender::code))
            .or_default() += 1;
    }
    figures
}

/// How many openings the schedule asked for in the month: one for each of its periods whose
/// due day (the last working day of the period) falls in the month.
pub fn openings_scheduled(schedule: Schedule, month: Month, calendar: &WorkingCalendar) -> u32 {
    let mut count = 0;
    let mut day = month.first_day();
    let mut seen = Vec::new();
    while day <= month.last_day() {
        let (first, last) = schedule.period(day);
        if !seen.contains(&first) {
            seen.push(first);
            let mut due = last;
            while due >= first && !calendar.is_working_day(due) {
                due -= Duration::days(1);
            }
            if due >= first && month.contains(due) {
                count += 1;
            }
        }
        day += Duration::days(1);
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(channel: Channel, anonymous: bool, urgent: bool, forwarded_to: &[&str]) -> AppealFacts {
        AppealFacts {
            channel,
            topic: Topic::PeerRelationships,
            anonymous,
            urgent,
            forwarded_to: forwarded_to.iter().map(|name| (*name).to_owned()).collect(),
            answered_on_time: false,
            overdue: false,
            has_outcome: false,
            category: Category::of(Topic::PeerRelationships),
            contact_type: None,
            age: None,
            gender: None,
        }
    }

    #[test]
    fn a_small_count_that_could_point_at_a_child_is_hidden_and_cannot_be_worked_back() {
        // Girls 3, boys 20, not recorded 7: the 3 alone hidden could be worked back from the
        // month's total, so the next smallest is hidden too.
        assert_eq!(hidden_cells(&[3, 20, 7]), vec![true, false, true]);
        assert_eq!(
            hidden_cells(&[3, 2, 30]),
            vec![true, true, true],
            "two small ones alone add up to what the total leaves: a large one joins them"
        );
        assert_eq!(
            hidden_cells(&[1, 1, 30, 9]),
            vec![true, true, false, true],
            "two ones hidden together would be ones"
        );
        assert_eq!(
            hidden_cells(&[0, 12, 7]),
            vec![false, false, false],
            "a zero says nothing"
        );
        assert_eq!(
            hidden_cells(&[0, 1, 0]),
            vec![true, true, true],
            "the month's only appeal: every band hidden, or the one would be the total"
        );
        assert_eq!(hidden_cells(&[8, 1, 0]), vec![true, true, false]);
        // Ties go to the first in order, so every place hides the same.
        assert_eq!(hidden_cells(&[3, 20, 7, 7]), vec![true, false, true, false]);
    }

    #[test]
    fn the_breakdowns_count_age_bands_genders_and_contact_types() {
        let mut girl = facts(Channel::Phone, false, false, &[]);
        girl.age = Some(12);
        girl.gender = Some(Gender::Girl);
        girl.contact_type = Some(ContactType::ChildAboutSelf);
        girl.category = Category::parse("violence.bullying").unwrap();
        let unrecorded = facts(Channel::Phone, false, false, &[]);
        let figures = figures(&[girl, unrecorded], 0, 0);
        assert_eq!(figures.by_age_band["10-13"], 1);
        assert_eq!(figures.by_age_band[NOT_RECORDED], 1);
        assert_eq!(figures.by_gender["girl"], 1);
        assert_eq!(figures.by_contact_type["child_about_self"], 1);
        assert_eq!(figures.by_subcategory["violence.bullying"], 1);
        assert_eq!(age_band(17), "14-17");
        assert_eq!(age_band(9), "0-9");
    }

    #[test]
    fn a_month_is_read_and_walked() {
        let month = Month::parse("2026-01").unwrap();
        assert_eq!(month.previous().to_string(), "2025-12");
        assert_eq!(month.a_year_before().to_string(), "2025-01");
        assert_eq!(
            Month::parse("2026-02").unwrap().last_day(),
            NaiveDate::from_ymd_opt(2026, 2, 28).unwrap()
        );
        for bad in ["2026-13", "2026-1", "26-01", "abcd-ef", ""] {
            assert_eq!(Month::parse(bad), Err(MonthError), "{bad}");
        }
    }

    #[test]
    fn the_figures_count_every_appeal_once_by_each_measure() {
        let appeals = [
            facts(Channel::Phone, false, false, &["ПДН"]),
            facts(Channel::BoxLetter, true, false, &[]),
            facts(Channel::OnlineBox, true, true, &["ПДН", "Денсаулық сақтау"]),
        ];
        let figures = figures(&appeals, 1, 2);
        assert_eq!(figures.total, 3);
        assert_eq!(figures.by_channel["phone"], 1);
        assert_eq!(figures.by_channel["voicemail"], 0, "every channel is listed");
        assert_eq!(figures.anonymous, 2);
        assert_eq!(figures.urgent, 1);
        assert_eq!(figures.forwarded, 2);
        assert_eq!(figures.forwarded_to["ПДН"], 2);
        assert_eq!(figures.by_topic["peer_relationships"], 3);
        assert_eq!(
            (figures.box_openings_held, figures.box_openings_scheduled),
            (1, 2)
        );
    }

    #[test]
    fn a_month_asks_for_as_many_openings_as_its_periods_end_in_it() {
        let calendar = WorkingCalendar::embedded();
        let november = Month::parse("2026-11").unwrap();
        assert_eq!(openings_scheduled(Schedule::TwiceMonthly, november, &calendar), 2);
        assert_eq!(openings_scheduled(Schedule::Monthly, november, &calendar), 1);
        // Weeks ending (on their last working day) in November 2026: Fridays 6, 13, 20, 27.
        assert_eq!(openings_scheduled(Schedule::Weekly, november, &calendar), 4);
    }
}
