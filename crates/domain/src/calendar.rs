//! Kazakhstan's working calendar: Monday–Friday, minus public holidays and the days off
//! moved from weekends or transferred by order, plus the weekend days made working days.
//! Working hours are 9:00–18:30 in Asia/Almaty (seed 4.3).
//!
//! The data is a TOML file (`data/kz-calendar.toml` is embedded); an administrator may load a
//! newer file, whose years replace the embedded ones. A year the data does not cover is
//! counted Monday–Friday with the law's fixed-date holidays and the weekend rule, and is
//! reported as not covered so people know to load the official calendar.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, Utc, Weekday};
use serde::Deserialize;

use crate::time::{from_local, local};

/// The calendar file shipped with Senim.
pub const EMBEDDED: &str = include_str!("../data/kz-calendar.toml");

pub const OPENS: NaiveTime = NaiveTime::from_hms_opt(9, 0, 0).expect("a valid time");
pub const CLOSES: NaiveTime = NaiveTime::from_hms_opt(18, 30, 0).expect("a valid time");

/// How sure the data of a year is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    /// Confirmed by the law or a ministry's calendar and an independent source.
    Verified,
    /// Follows from the law's rules; no official calendar found yet.
    Provisional,
    /// Depends on an announcement not yet made (a lunar date).
    Estimated,
    /// Not in any loaded file: derived from the law's fixed-date holidays only.
    Derived,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Year {
    certainty: Certainty,
    /// Weekdays that are not worked: holidays, moved holidays, transferred days off.
    days_off: BTreeSet<NaiveDate>,
    /// Saturdays and Sundays that are worked.
    working_weekend_days: BTreeSet<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct WorkingCalendar {
    years: BTreeMap<i32, Year>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CalendarError {
    #[error("the calendar file is not valid TOML in Senim's calendar format: {0}")]
    Format(String),
    #[error("the calendar file has schema {0}; Senim reads schema 1")]
    Schema(i64),
    #[error("{date}: the date lies outside year {year}")]
    DateOutsideYear { date: NaiveDate, year: i32 },
    #[error("{0}: a transfer's kind is day_off or working_day")]
    TransferKind(NaiveDate),
    #[error("the calendar file holds no year")]
    Empty,
}

#[derive(Deserialize)]
struct FileFormat {
    schema: i64,
    #[serde(default)]
    year: Vec<YearFormat>,
}

#[derive(Deserialize)]
struct YearFormat {
    year: i32,
    status: Certainty,
    #[serde(default)]
    holiday: Vec<HolidayFormat>,
    #[serde(default)]
    transfer: Vec<TransferFormat>,
}

#[derive(Deserialize)]
struct HolidayFormat {
    date: toml::value::Datetime,
    day_off: bool,
}

#[derive(Deserialize)]
struct TransferFormat {
    date: toml::value::Datetime,
    kind: String,
}

fn date_of(value: &toml::value::Datetime) -> Result<NaiveDate, CalendarError> {
    let date = value
        .date
        .ok_or_else(|| CalendarError::Format(format!("{value} is not a date")))?;
    NaiveDate::from_ymd_opt(date.year.into(), date.month.into(), date.day.into())
        .ok_or_else(|| CalendarError::Format(format!("{value} is not a date")))
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

impl WorkingCalendar {
    /// The calendar shipped with Senim.
    pub fn embedded() -> WorkingCalendar {
        WorkingCalendar::parse(EMBEDDED).expect("the embedded calendar is valid; a test checks it")
    }

    /// Reads a calendar file.
    pub fn parse(text: &str) -> Result<WorkingCalendar, CalendarError> {
        let file: FileFormat =
            toml::from_str(text).map_err(|error| CalendarError::Format(error.message().to_owned()))?;
        if file.schema != 1 {
            return Err(CalendarError::Schema(file.schema));
        }
        if file.year.is_empty() {
            return Err(CalendarError::Empty);
        }
        let mut years = BTreeMap::new();
        for year in file.year {
            let mut data = Year {
                certainty: year.status,
                days_off: BTreeSet::new(),
                working_weekend_days: BTreeSet::new(),
            };
            let in_year = |date: NaiveDate| {
                if date.year() == year.year {
                    Ok(date)
                } else {
                    Err(CalendarError::DateOutsideYear {
                        date,
                        year: year.year,
                    })
                }
            };
            for holiday in &year.holiday {
                let date = in_year(date_of(&holiday.date)?)?;
                if holiday.day_off && !is_weekend(date) {
                    data.days_off.insert(date);
                }
            }
            for transfer in &year.transfer {
                let date = in_year(date_of(&transfer.date)?)?;
                match transfer.kind.as_str() {
                    "day_off" => {
                        data.days_off.insert(date);
                    }
                    "working_day" => {
                        data.days_off.remove(&date);
                        if is_weekend(date) {
                            data.working_weekend_days.insert(date);
                        }
                    }
                    _ => return Err(CalendarError::TransferKind(date)),
                }
            }
            years.insert(year.year, data);
        }
        Ok(WorkingCalendar { years })
    }

    /// This calendar with the years of `newer` replacing its own.
    pub fn merged_with(mut self, newer: WorkingCalendar) -> WorkingCalendar {
        self.years.extend(newer.years);
        self
    }

    /// The years the data covers, with how sure each is.
    pub fn years(&self) -> Vec<(i32, Certainty)> {
        self.years
            .iter()
            .map(|(year, data)| (*year, data.certainty))
            .collect()
    }

    pub fn certainty(&self, year: i32) -> Certainty {
        self.years
            .get(&year)
            .map_or(Certainty::Derived, |data| data.certainty)
    }

    /// A year as the law's fixed-date holidays and the weekend rule make it.
    fn derived(year: i32) -> Year {
        let date = |month, day| NaiveDate::from_ymd_opt(year, month, day).expect("a fixed holiday's date");
        let mut holidays = vec![
            date(1, 1),
            date(1, 2),
            date(3, 8),
            date(3, 21),
            date(3, 22),
            date(3, 23),
            date(5, 1),
            date(5, 7),
            date(5, 9),
            date(7, 6),
            date(10, 25),
            date(12, 16),
        ];
        // Constitution Day: 30 August until 2025, 15 March from 2027, none in 2026.
        if year <= 2025 {
            holidays.push(date(8, 30));
        } else if year >= 2027 {
            holidays.push(date(3, 15));
        }
        holidays.sort();
        let mut days_off: BTreeSet<NaiveDate> =
            holidays.iter().copied().filter(|d| !is_weekend(*d)).collect();
        // A holiday on a weekend moves the day off to the next working day after it.
        for holiday in holidays.iter().filter(|d| is_weekend(**d)) {
            let mut day = *holiday;
            loop {
                day = day + Days::new(1);
                if !is_weekend(day) && !days_off.contains(&day) && !holidays.contains(&day) {
                    break;
                }
            }
            days_off.insert(day);
        }
        // Orthodox Christmas is a day off but never moved.
        let christmas = date(1, 7);
        if !is_weekend(christmas) {
            days_off.insert(christmas);
        }
        Year {
            certainty: Certainty::Derived,
            days_off,
            working_weekend_days: BTreeSet::new(),
        }
    }

    fn year(&self, year: i32) -> std::borrow::Cow<'_, Year> {
        match self.years.get(&year) {
            Some(data) => std::borrow::Cow::Borrowed(data),
            None => std::borrow::Cow::Owned(WorkingCalendar::derived(year)),
        }
    }

    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        let year = self.year(date.year());
        if year.working_weekend_days.contains(&date) {
            return true;
        }
        !is_weekend(date) && !year.days_off.contains(&date)
    }

    /// Weekdays of the year that are not worked.
    pub fn days_off(&self, year: i32) -> Vec<NaiveDate> {
        self.year(year).days_off.iter().copied().collect()
    }

    /// Saturdays and Sundays of the year that are worked.
    pub fn working_weekend_days(&self, year: i32) -> Vec<NaiveDate> {
        self.year(year).working_weekend_days.iter().copied().collect()
    }

    /// Whether the Trust Phone is staffed at this moment.
    pub fn is_working_time(&self, moment: DateTime<Utc>) -> bool {
        let wall_clock = local(moment);
        let time = wall_clock.time();
        self.is_working_day(wall_clock.date_naive()) && time >= OPENS && time < CLOSES
    }

    /// The first working day after `date`.
    pub fn next_working_day(&self, date: NaiveDate) -> NaiveDate {
        let mut day = date;
        loop {
            day = day + Days::new(1);
            if self.is_working_day(day) {
                return day;
            }
        }
    }

    /// The moment itself when it is working time, else the opening of the next working day.
    pub fn next_working_moment(&self, moment: DateTime<Utc>) -> DateTime<Utc> {
        if self.is_working_time(moment) {
            return moment;
        }
        let wall_clock = local(moment);
        let today = wall_clock.date_naive();
        let day = if self.is_working_day(today) && wall_clock.time() < OPENS {
            today
        } else {
            self.next_working_day(today)
        };
        from_local(day.and_time(OPENS)).expect("9:00 exists on every day in Almaty")
    }

    /// The `days`-th working day after `from` (`from` itself not counted).
    pub fn add_working_days(&self, from: NaiveDate, days: u32) -> NaiveDate {
        (0..days).fold(from, |day, _| self.next_working_day(day))
    }

    /// The working day an appeal counts as received on: its own day when it came in working
    /// hours, else the next working day (APPK art. 64).
    pub fn receipt_day(&self, received_at: DateTime<Utc>) -> NaiveDate {
        crate::time::local_date(self.next_working_moment(received_at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn almaty(text: &str) -> DateTime<Utc> {
        from_local(chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()).unwrap()
    }

    #[test]
    fn the_embedded_calendar_reads_and_covers_2024_to_2027() {
        let calendar = WorkingCalendar::embedded();
        let years: Vec<i32> = calendar.years().into_iter().map(|(year, _)| year).collect();
        assert_eq!(years, [2024, 2025, 2026, 2027]);
        assert_eq!(calendar.certainty(2025), Certainty::Verified);
        assert_eq!(calendar.certainty(2027), Certainty::Provisional);
        assert_eq!(calendar.certainty(2031), Certainty::Derived);
    }

    #[test]
    fn rest_day_counts_match_the_published_calendars() {
        // Saturdays and Sundays plus weekday days off, minus worked weekend days.
        let calendar = WorkingCalendar::embedded();
        for (year, rest_days) in [(2024, 117), (2025, 119), (2026, 118)] {
            let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
            let days = first.iter_days().take_while(|d| d.year() == year);
            let rest = days.filter(|d| !calendar.is_working_day(*d)).count();
            assert_eq!(rest, rest_days, "{year}");
        }
    }

    fn check(cases: &[(&str, bool)]) {
        let calendar = WorkingCalendar::embedded();
        for (day, working) in cases {
            assert_eq!(calendar.is_working_day(date(day)), *working, "{day}");
        }
    }

    #[test]
    fn holidays_transfers_and_weekends() {
        check(&[
            ("2025-01-03", false), // Friday made a day off by order
            ("2025-01-05", true),  // Sunday made a working day by the same order
            ("2024-03-23", false), // Nauryz on a Saturday…
            ("2024-03-25", false), // …moved to Monday
            ("2024-05-04", true),  // Saturday worked, 2024 order
            ("2024-05-08", false), // the day off it paid for
            ("2024-01-07", false), // Orthodox Christmas on a Sunday: not moved,
            ("2024-01-08", true),  // so Monday is worked
            ("2026-08-31", true),  // Constitution Day is gone from 2026
            ("2025-09-01", false), // 30 August 2025 fell on Saturday
            ("2026-11-25", true),
            ("2026-11-28", false),
        ]);
    }

    #[test]
    fn working_hours_are_nine_to_half_past_six_in_almaty() {
        let calendar = WorkingCalendar::embedded();
        assert!(!calendar.is_working_time(almaty("2026-11-25 08:59")));
        assert!(calendar.is_working_time(almaty("2026-11-25 09:00")));
        assert!(calendar.is_working_time(almaty("2026-11-25 18:29")));
        assert!(!calendar.is_working_time(almaty("2026-11-25 18:30")));
        assert!(!calendar.is_working_time(almaty("2026-11-28 11:00")), "Saturday");
        // The same instant in UTC is 04:00, outside hours in UTC but inside in Almaty.
        assert!(calendar.is_working_time(Utc.with_ymd_and_hms(2026, 11, 25, 4, 0, 0).unwrap()));
    }

    #[test]
    fn the_next_working_moment_skips_nights_weekends_and_holidays() {
        let calendar = WorkingCalendar::embedded();
        let cases = [
            ("2026-11-25 10:15", "2026-11-25 10:15"),
            ("2026-11-25 07:00", "2026-11-25 09:00"),
            ("2026-11-25 19:00", "2026-11-26 09:00"),
            ("2026-11-27 18:45", "2026-11-30 09:00"), // Friday evening → Monday
            ("2025-03-20 20:00", "2025-03-26 09:00"), // Nauryz: 21, 24 and 25 March 2025 off
            ("2024-12-31 23:10", "2025-01-06 09:00"), // New Year, 3 Jan off, Saturday 4th; Sunday 5th was worked…
        ];
        for (moment, expected) in cases.iter().take(5) {
            assert_eq!(
                calendar.next_working_moment(almaty(moment)),
                almaty(expected),
                "{moment}"
            );
        }
        // …so the first working moment of 2025 is Sunday 5 January, 9:00.
        assert_eq!(
            calendar.next_working_moment(almaty(cases[5].0)),
            almaty("2025-01-05 09:00")
        );
    }

    #[test]
    fn adding_working_days() {
        let calendar = WorkingCalendar::embedded();
        let cases = [
            ("2026-11-25", 1, "2026-11-26"),
            ("2026-11-27", 1, "2026-11-30"),
            ("2026-11-25", 15, "2026-12-17"), // 16 December is Independence Day
            ("2025-03-19", 3, "2025-03-27"),  // across Nauryz: 20, 26, 27
            ("2024-12-30", 3, "2025-01-06"),  // 31 Dec, Sun 5 Jan (worked), Mon 6 Jan
            ("2025-12-31", 2, "2026-01-06"),  // 1–2 Jan off; 5 Jan, then 6 Jan
            ("2026-01-06", 1, "2026-01-08"),  // 7 January, Orthodox Christmas
            ("2026-11-25", 0, "2026-11-25"),
        ];
        for (from, days, expected) in cases {
            assert_eq!(
                calendar.add_working_days(date(from), days),
                date(expected),
                "{from} + {days}"
            );
        }
    }

    #[test]
    fn receipt_out_of_hours_counts_from_the_next_working_day() {
        let calendar = WorkingCalendar::embedded();
        assert_eq!(
            calendar.receipt_day(almaty("2026-11-28 14:00")),
            date("2026-11-30")
        );
        assert_eq!(
            calendar.receipt_day(almaty("2026-11-25 14:00")),
            date("2026-11-25")
        );
        assert_eq!(
            calendar.receipt_day(almaty("2026-11-25 21:00")),
            date("2026-11-26")
        );
    }

    #[test]
    fn a_newer_file_replaces_its_years() {
        let newer = WorkingCalendar::parse(
            "schema = 1\n[[year]]\nyear = 2027\nstatus = \"verified\"\n\
             [[year.transfer]]\ndate = 2027-11-26\nkind = \"day_off\"\n",
        )
        .unwrap();
        let calendar = WorkingCalendar::embedded().merged_with(newer);
        assert!(!calendar.is_working_day(date("2027-11-26")));
        assert_eq!(calendar.certainty(2027), Certainty::Verified);
        assert!(
            calendar.is_working_day(date("2025-01-05")),
            "other years are kept"
        );
    }

    #[test]
    fn a_bad_file_is_refused_with_a_reason() {
        assert!(matches!(
            WorkingCalendar::parse("schema = 1\nyear = 5"),
            Err(CalendarError::Format(_))
        ));
        assert_eq!(
            WorkingCalendar::parse("schema = 2\n[[year]]\nyear = 2028\nstatus = \"verified\""),
            Err(CalendarError::Schema(2))
        );
        assert_eq!(
            WorkingCalendar::parse(
                "schema = 1\n[[year]]\nyear = 2028\nstatus = \"verified\"\n[[year.transfer]]\ndate = 2029-01-02\nkind = \"day_off\""
            ),
            Err(CalendarError::DateOutsideYear {
                date: date("2029-01-02"),
                year: 2028
            })
        );
        assert_eq!(
            WorkingCalendar::parse(
                "schema = 1\n[[year]]\nyear = 2028\nstatus = \"verified\"\n[[year.transfer]]\ndate = 2028-01-03\nkind = \"holiday\""
            ),
            Err(CalendarError::TransferKind(date("2028-01-03")))
        );
    }

    #[test]
    fn a_year_without_data_follows_the_law_and_the_weekend_rule() {
        let calendar = WorkingCalendar::embedded();
        // 2028: 1 Jan Saturday, 2 Jan Sunday → days off move to Monday 3 and Tuesday 4.
        assert!(!calendar.is_working_day(date("2028-01-03")));
        assert!(!calendar.is_working_day(date("2028-01-04")));
        assert!(calendar.is_working_day(date("2028-01-05")));
        assert!(
            !calendar.is_working_day(date("2028-03-15")),
            "Constitution Day from 2027"
        );
    }

    #[test]
    fn the_weekend_rule_rederives_the_files_moves() {
        // The file lists weekend-rule moves explicitly; the rule applied to the fixed holidays
        // gives the same days off (Kurban Ait and ordered transfers aside).
        let calendar = WorkingCalendar::embedded();
        let not_by_rule = [
            (2024, vec!["2024-05-08"]),               // ordered transfer
            (2025, vec!["2025-01-03", "2025-06-06"]), // ordered transfer, Kurban Ait
            (2026, vec!["2026-05-27"]),               // Kurban Ait
            (2027, vec![]),
        ];
        for (year, excluded) in not_by_rule {
            let excluded: Vec<NaiveDate> = excluded.into_iter().map(date).collect();
            let from_file: BTreeSet<NaiveDate> = calendar
                .days_off(year)
                .into_iter()
                .filter(|d| !excluded.contains(d))
                .collect();
            assert_eq!(WorkingCalendar::derived(year).days_off, from_file, "{year}");
        }
    }
}
