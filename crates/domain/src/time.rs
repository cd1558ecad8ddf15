//! Kazakhstan time. Moments are stored in UTC and read in the tz database zone Asia/Almaty
//! (UTC+6 until 1 March 2024, UTC+5 since), never with a fixed offset.

use chrono::{DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

/// The zone every date a user sees is shown in.
pub const KAZAKHSTAN: Tz = chrono_tz::Asia::Almaty;

/// A UTC moment as Kazakhstan's wall clock shows it.
pub fn local(moment: DateTime<Utc>) -> DateTime<Tz> {
    moment.with_timezone(&KAZAKHSTAN)
}

/// How far ahead of the server's clock a moment someone else's clock gave (a PBX's, a
/// phone's, a person's watch) may stand and still count as past: clocks differ a little.
pub const CLOCK_TOLERANCE: Duration = Duration::minutes(2);

/// Whether a moment stands in the future of `now`, beyond what clocks differ by.
pub fn is_in_future(moment: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    moment > now + CLOCK_TOLERANCE
}

/// The day a moment falls on in Kazakhstan: "today" is `local_date(now)`.
pub fn local_date(moment: DateTime<Utc>) -> NaiveDate {
    local(moment).date_naive()
}

/// The calendar year of a moment in Kazakhstan.
pub fn local_year(moment: DateTime<Utc>) -> i32 {
    local(moment).year()
}

/// A wall-clock time in Kazakhstan as a UTC moment. When the clocks went back on
/// 1 March 2024 an hour repeated; the earlier of the two readings is taken.
pub fn from_local(wall_clock: NaiveDateTime) -> Option<DateTime<Utc>> {
    match KAZAKHSTAN.from_local_datetime(&wall_clock) {
        LocalResult::Single(moment) => Some(moment.with_timezone(&Utc)),
        LocalResult::Ambiguous(earlier, _) => Some(earlier.with_timezone(&Utc)),
        LocalResult::None => None,
    }
}

/// `dd.mm.yyyy HH:MM` in Kazakhstan time, the way the paper journal writes it.
pub fn format_local(moment: DateTime<Utc>) -> String {
    local(moment).format("%d.%m.%Y %H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    #[test]
    fn new_year_in_almaty_comes_five_hours_before_utc_since_march_2024() {
        assert_eq!(local_year(utc(2024, 12, 31, 19, 10)), 2025);
        assert_eq!(local_year(utc(2024, 12, 31, 18, 59)), 2024);
    }

    #[test]
    fn before_march_2024_kazakhstan_was_six_hours_ahead() {
        assert_eq!(local_year(utc(2023, 12, 31, 18, 10)), 2024);
        assert_eq!(local_year(utc(2023, 12, 31, 17, 59)), 2023);
        assert_eq!(format_local(utc(2024, 2, 1, 3, 0)), "01.02.2024 09:00");
        assert_eq!(format_local(utc(2024, 3, 2, 3, 0)), "02.03.2024 08:00");
    }

    #[test]
    fn wall_clock_input_is_read_in_the_zone_of_its_date() {
        let jan_2025 = NaiveDate::from_ymd_opt(2025, 1, 1)
            .unwrap()
            .and_hms_opt(0, 10, 0)
            .unwrap();
        assert_eq!(from_local(jan_2025), Some(utc(2024, 12, 31, 19, 10)));
        let jan_2024 = NaiveDate::from_ymd_opt(2024, 1, 1)
            .unwrap()
            .and_hms_opt(0, 10, 0)
            .unwrap();
        assert_eq!(from_local(jan_2024), Some(utc(2023, 12, 31, 18, 10)));
    }

    #[test]
    fn the_repeated_hour_of_29_february_2024_takes_the_earlier_reading() {
        let repeated = NaiveDate::from_ymd_opt(2024, 2, 29)
            .unwrap()
            .and_hms_opt(23, 30, 0)
            .unwrap();
        assert_eq!(from_local(repeated), Some(utc(2024, 2, 29, 17, 30)));
    }
}
