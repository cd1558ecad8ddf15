//! The Trust Phone's hours (seed 4.3): it is answered on the working days of Kazakhstan's
//! calendar — holidays and transferred days off are off, weekend days made working are on —
//! from 9:00 to 18:30 in Almaty unless the school sets other hours. The staff pages say
//! whether it is on duty now and when duty resumes, and the poster and the online box tell
//! children the same hours.

use chrono::{DateTime, Days, NaiveTime, Timelike, Utc};

use crate::calendar::{CLOSES, OPENS, WorkingCalendar};
use crate::time::{from_local, local};

/// When the Trust Phone is answered on a working day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DutyHours {
    opens: NaiveTime,
    closes: NaiveTime,
}

impl Default for DutyHours {
    fn default() -> DutyHours {
        DutyHours::SEED
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum HoursError {
    #[error("opens: a time of day such as 9:00")]
    Opens,
    #[error("closes: a time of day such as 18:30")]
    Closes,
    #[error("closes: the phone closes at least an hour after it opens")]
    Order,
}

impl HoursError {
    pub fn field(self) -> &'static str {
        match self {
            HoursError::Opens => "opens",
            HoursError::Closes | HoursError::Order => "closes",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            HoursError::Opens => "invalid_opens",
            HoursError::Closes => "invalid_closes",
            HoursError::Order => "closes_before_opens",
        }
    }

    pub fn message_id(self) -> &'static str {
        match self {
            HoursError::Opens | HoursError::Closes => "error-hours-time",
            HoursError::Order => "error-hours-order",
        }
    }
}

/// `9:00`, `09:00` or `18:30`, on the minute.
fn time_of_day(text: &str) -> Option<NaiveTime> {
    let (hours, minutes) = text.trim().split_once(':')?;
    let digits = |text: &str| !text.is_empty() && text.bytes().all(|byte| byte.is_ascii_digit());
    if !digits(hours) || hours.len() > 2 || !digits(minutes) || minutes.len() != 2 {
        return None;
    }
    let hours: u32 = hours.parse().ok()?;
    let minutes: u32 = minutes.parse().ok()?;
    NaiveTime::from_hms_opt(hours, minutes, 0)
}

impl DutyHours {
    /// The seed's hours: 9:00 to 18:30.
    pub const SEED: DutyHours = DutyHours {
        opens: OPENS,
        closes: CLOSES,
    };

    /// Hours as a form gives them; the phone is answered for an hour at least.
    pub fn parse(opens: &str, closes: &str) -> Result<DutyHours, HoursError> {
        let opens = time_of_day(opens).ok_or(HoursError::Opens)?;
        let closes = time_of_day(closes).ok_or(HoursError::Closes)?;
        DutyHours::new(opens, closes)
    }

    pub fn new(opens: NaiveTime, closes: NaiveTime) -> Result<DutyHours, HoursError> {
        if closes.signed_duration_since(opens) < chrono::Duration::hours(1) {
            return Err(HoursError::Order);
        }
        Ok(DutyHours { opens, closes })
    }

    /// Hours kept as minutes after midnight; `None` for numbers no hours were made of.
    pub fn from_minutes(opens: i64, closes: i64) -> Option<DutyHours> {
        let time = |minutes: i64| {
            let minutes = u32::try_from(minutes).ok()?;
            NaiveTime::from_hms_opt(minutes / 60, minutes % 60, 0)
        };
        DutyHours::new(time(opens)?, time(closes)?).ok()
    }

    /// Minutes after midnight, as stored.
    pub fn minutes(self) -> (i64, i64) {
        let minutes = |time: NaiveTime| i64::from(time.hour() * 60 + time.minute());
        (minutes(self.opens), minutes(self.closes))
    }

    pub fn opens(self) -> NaiveTime {
        self.opens
    }

    pub fn closes(self) -> NaiveTime {
        self.closes
    }

    /// `9:00`, as a notice prints a time.
    pub fn opens_text(self) -> String {
        self.opens.format("%-H:%M").to_string()
    }

    pub fn closes_text(self) -> String {
        self.closes.format("%-H:%M").to_string()
    }

    /// Whether the phone is answered at `moment`.
    pub fn is_on(self, calendar: &WorkingCalendar, moment: DateTime<Utc>) -> bool {
        let wall_clock = local(moment);
        let time = wall_clock.time();
        calendar.is_working_day(wall_clock.date_naive()) && time >= self.opens && time < self.closes
    }

    /// The moment itself when the phone is answered then, else when it is next.
    pub fn next_on(self, calendar: &WorkingCalendar, moment: DateTime<Utc>) -> DateTime<Utc> {
        if self.is_on(calendar, moment) {
            return moment;
        }
        let wall_clock = local(moment);
        let today = wall_clock.date_naive();
        let day = if calendar.is_working_day(today) && wall_clock.time() < self.opens {
            today
        } else {
            calendar.next_working_day(today)
        };
        // An opening hour the clocks skipped (none has in Almaty since 1991) is taken an hour on.
        from_local(day.and_time(self.opens))
            .or_else(|| from_local(day.and_time(self.opens) + chrono::Duration::hours(1)))
            .unwrap_or_else(|| from_local((day + Days::new(1)).and_time(NaiveTime::MIN)).unwrap_or(moment))
    }

    /// Whether the phone is answered at `now`, and until or from when.
    pub fn duty(self, calendar: &WorkingCalendar, now: DateTime<Utc>) -> Duty {
        let today = local(now).date_naive();
        if self.is_on(calendar, now) {
            let until = from_local(today.and_time(self.closes)).unwrap_or(now);
            return Duty::On { until };
        }
        let resumes = self.next_on(calendar, now);
        if calendar.is_working_day(today) {
            Duty::OutOfHours { resumes }
        } else {
            Duty::DayOff { resumes }
        }
    }
}

/// Whether the Trust Phone is answered now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Duty {
    /// On duty until the moment given.
    On { until: DateTime<Utc> },
    /// A working day, outside the hours: the answering machine takes the calls.
    OutOfHours { resumes: DateTime<Utc> },
    /// A weekend or a holiday.
    DayOff { resumes: DateTime<Utc> },
}

impl Duty {
    pub fn code(self) -> &'static str {
        match self {
            Duty::On { .. } => "on_duty",
            Duty::OutOfHours { .. } => "out_of_hours",
            Duty::DayOff { .. } => "day_off",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn almaty(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        from_local(
            NaiveDate::from_ymd_opt(y, m, d)
                .unwrap()
                .and_hms_opt(h, min, 0)
                .unwrap(),
        )
        .unwrap()
    }

    #[test]
    fn the_seed_hours_follow_the_working_calendar() {
        let calendar = WorkingCalendar::embedded();
        let hours = DutyHours::default();
        // Friday 27 November 2026, 18:29 and 18:30.
        assert_eq!(
            hours.duty(&calendar, almaty(2026, 11, 27, 18, 29)),
            Duty::On {
                until: almaty(2026, 11, 27, 18, 30)
            }
        );
        assert_eq!(
            hours.duty(&calendar, almaty(2026, 11, 27, 18, 30)),
            Duty::OutOfHours {
                resumes: almaty(2026, 11, 30, 9, 0)
            }
        );
        // Independence Day, Wednesday 16 December 2026: a day off; duty resumes on the 17th.
        assert_eq!(
            hours.duty(&calendar, almaty(2026, 12, 16, 11, 0)),
            Duty::DayOff {
                resumes: almaty(2026, 12, 17, 9, 0)
            }
        );
    }

    #[test]
    fn a_school_sets_its_own_hours_and_nonsense_is_refused() {
        let calendar = WorkingCalendar::embedded();
        let hours = DutyHours::parse("8:00", "17:00").unwrap();
        assert_eq!(
            (hours.opens_text(), hours.closes_text()),
            ("8:00".into(), "17:00".into())
        );
        assert!(hours.is_on(&calendar, almaty(2026, 11, 27, 8, 0)));
        assert!(!hours.is_on(&calendar, almaty(2026, 11, 27, 17, 0)));
        assert_eq!(
            hours.next_on(&calendar, almaty(2026, 11, 27, 7, 0)),
            almaty(2026, 11, 27, 8, 0)
        );
        assert_eq!(DutyHours::from_minutes(480, 1020), Some(hours));
        assert_eq!(hours.minutes(), (480, 1020));
        assert_eq!(DutyHours::parse("9", "18:30"), Err(HoursError::Opens));
        assert_eq!(
            DutyHours::parse("+9:+5", "18:30"),
            Err(HoursError::Opens),
            "digits only"
        );
        assert_eq!(DutyHours::parse("9:00", "25:00"), Err(HoursError::Closes));
        assert_eq!(DutyHours::parse("18:00", "9:00"), Err(HoursError::Order));
        assert_eq!(DutyHours::parse("9:00", "9:30"), Err(HoursError::Order));
        assert_eq!(DutyHours::from_minutes(-1, 600), None);
    }
}
