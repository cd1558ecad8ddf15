//! Sign-in throttling: after too many wrong passwords for one login, that login is refused
//! for a while — whoever tries it. Kept in memory only; nothing about the attempts (and no
//! IP address) is written anywhere.

use std::collections::HashMap;
use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};

/// Wrong passwords allowed within the window before the login is held.
pub const MAX_FAILURES: u32 = 10;
pub const WINDOW: Duration = Duration::minutes(15);

#[derive(Default)]
pub struct SignInThrottle {
    failures: Mutex<HashMap<String, (u32, DateTime<Utc>)>>,
}

impl SignInThrottle {
    fn key(login: &str) -> String {
        login.trim().to_lowercase()
    }

    /// Whether the login may try now.
    pub fn allows(&self, login: &str, now: DateTime<Utc>) -> bool {
        let mut failures = self
            .failures
            .lock()
            .expect("the throttle's lock is never poisoned");
        failures.retain(|_, (_, since)| now - *since < WINDOW);
        failures
            .get(&Self::key(login))
            .is_none_or(|(count, _)| *count < MAX_FAILURES)
    }

    pub fn failed(&self, login: &str, now: DateTime<Utc>) {
        let mut failures = self
            .failures
            .lock()
            .expect("the throttle's lock is never poisoned");
        let entry = failures.entry(Self::key(login)).or_insert((0, now));
        entry.0 += 1;
    }

    pub fn succeeded(&self, login: &str) {
        self.failures
            .lock()
            .expect("the throttle's lock is never poisoned")
            .remove(&Self::key(login));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_login_is_held_after_too_many_failures_until_the_window_passes() {
        let throttle = SignInThrottle::default();
        let start = Utc.with_ymd_and_hms(2026, 1, 5, 4, 0, 0).unwrap();
        for _ in 0..MAX_FAILURES {
            assert!(throttle.allows("Specialist", start));
            throttle.failed("specialist", start);
        }
        assert!(!throttle.allows("specialist", start + Duration::minutes(1)));
        assert!(throttle.allows("director", start), "other logins are not held");
        assert!(throttle.allows("specialist", start + WINDOW + Duration::seconds(1)));
    }

    #[test]
    fn a_success_clears_the_failures() {
        let throttle = SignInThrottle::default();
        let now = Utc.with_ymd_and_hms(2026, 1, 5, 4, 0, 0).unwrap();
        for _ in 0..MAX_FAILURES - 1 {
            throttle.failed("deputy", now);
        }
        throttle.succeeded("deputy");
        throttle.failed("deputy", now);
        assert!(throttle.allows("deputy", now));
    }
}
