//! The one place Senim reads the clock. The application holds a `Clock`; tests set it to the
//! moment they need (a Friday at 18:29, a holiday) and move it on, so nothing depends on when
//! the suite runs.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, NaiveDate, Utc};

/// The system clock, or a moment a test set. Cheap to clone; clones share the moment.
#[derive(Clone, Default)]
pub struct Clock {
    fixed: Arc<Mutex<Option<DateTime<Utc>>>>,
}

impl Clock {
    /// The system clock.
    pub fn system() -> Clock {
        Clock::default()
    }

    /// A clock standing at `moment` until it is set again.
    pub fn fixed(moment: DateTime<Utc>) -> Clock {
        let clock = Clock::default();
        clock.set(moment);
        clock
    }

    /// Stops the clock at `moment`, for every clone of it.
    pub fn set(&self, moment: DateTime<Utc>) {
        *self
            .fixed
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(moment);
    }

    /// Moves a stopped clock on (or stops a running one at `now() + by`).
    pub fn advance(&self, by: chrono::Duration) {
        let mut fixed = self
            .fixed
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *fixed = Some(fixed.unwrap_or_else(system_now) + by);
    }

    pub fn now(&self) -> DateTime<Utc> {
        let fixed = *self
            .fixed
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        fixed.unwrap_or_else(system_now)
    }

    /// Today in Kazakhstan.
    pub fn today(&self) -> NaiveDate {
        senim_domain::time::local_date(self.now())
    }
}

#[allow(clippy::disallowed_methods)]
fn system_now() -> DateTime<Utc> {
    Utc::now()
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn a_set_clock_stands_still_for_every_clone_until_moved() {
        let clock = Clock::system();
        let clone = clock.clone();
        let friday_evening = Utc.with_ymd_and_hms(2026, 11, 27, 13, 29, 0).unwrap();
        clock.set(friday_evening);
        assert_eq!(clone.now(), friday_evening);
        clone.advance(chrono::Duration::minutes(2));
        assert_eq!(clock.now(), friday_evening + chrono::Duration::minutes(2));
        assert_eq!(clock.today(), NaiveDate::from_ymd_opt(2026, 11, 27).unwrap());
    }

    #[test]
    fn today_is_kazakhstans_day_not_greenwichs() {
        // 20:30 UTC on 31 December is already 1 January in Almaty (UTC+5).
        let clock = Clock::fixed(Utc.with_ymd_and_hms(2025, 12, 31, 20, 30, 0).unwrap());
        assert_eq!(clock.today(), NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    }
}
