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

/// Abuse control for the public Trust Box without keeping who anyone is: a client is known
/// only by a hash of its network address under a secret drawn at random each day (Kazakhstan
/// time) and never written anywhere. When the day turns, the secret and every count are
/// forgotten, so nothing links one day's visitor to the next day's.
pub struct BoxGuard {
    state: Mutex<GuardState>,
}

/// What the guard knows of a client: an opaque hash valid for one day.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClientKey([u8; 16]);

struct GuardState {
    day: Option<chrono::NaiveDate>,
    secret: [u8; 32],
    submissions: HashMap<ClientKey, Vec<DateTime<Utc>>>,
    failures: HashMap<ClientKey, (u32, DateTime<Utc>)>,
}

/// Submissions (and follow-up messages) one client may send within the window.
pub const MAX_SUBMISSIONS: usize = 10;
pub const SUBMISSION_WINDOW: Duration = Duration::hours(1);
/// Wrong receipt codes one client may try within [`WINDOW`].
pub const MAX_WRONG_CODES: u32 = 10;

impl Default for BoxGuard {
    fn default() -> BoxGuard {
        BoxGuard {
            state: Mutex::new(GuardState {
                day: None,
                secret: [0; 32],
                submissions: HashMap::new(),
                failures: HashMap::new(),
            }),
        }
    }
}

impl BoxGuard {
    fn state(&self, now: DateTime<Utc>) -> std::sync::MutexGuard<'_, GuardState> {
        let mut state = self.state.lock().expect("the guard's lock is never poisoned");
        let today = senim_domain::time::local_date(now);
        if state.day != Some(today) {
            let mut secret = [0u8; 32];
            // Without randomness the guard still works: the key is then only a hash.
            let _ = getrandom::fill(&mut secret);
            state.day = Some(today);
            state.secret = secret;
            state.submissions.clear();
            state.failures.clear();
        }
        state
    }

    /// The client's key for today.
    pub fn client(&self, address: &str, now: DateTime<Utc>) -> ClientKey {
        use sha2::{Digest, Sha256};
        let state = self.state(now);
        let digest = Sha256::new()
            .chain_update(state.secret)
            .chain_update(address.as_bytes())
            .finalize();
        let mut key = [0u8; 16];
        key.copy_from_slice(&digest[..16]);
        ClientKey(key)
    }

    /// Counts a submission; false when the client sent too many lately.
    pub fn submission(&self, client: ClientKey, now: DateTime<Utc>) -> bool {
        let mut state = self.state(now);
        let sent = state.submissions.entry(client).or_default();
        sent.retain(|at| now - *at < SUBMISSION_WINDOW);
        if sent.len() >= MAX_SUBMISSIONS {
            return false;
        }
        sent.push(now);
        true
    }

    /// Reserves one try of a receipt code, counted before the slow hash runs so that requests
    /// sent at once cannot slip past the limit; false while the client is held. A code that
    /// opens a conversation gives its try back ([`BoxGuard::code_opened`]).
    pub fn try_code(&self, client: ClientKey, now: DateTime<Utc>) -> bool {
        let mut state = self.state(now);
        state.failures.retain(|_, (_, since)| now - *since < WINDOW);
        let entry = state.failures.entry(client).or_insert((0, now));
        if entry.0 >= MAX_WRONG_CODES {
            return false;
        }
        entry.0 += 1;
        true
    }

    pub fn code_opened(&self, client: ClientKey, now: DateTime<Utc>) {
        let mut state = self.state(now);
        if let Some(entry) = state.failures.get_mut(&client) {
            entry.0 = entry.0.saturating_sub(1);
        }
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
    fn the_box_holds_a_client_after_too_many_wrong_codes_and_forgets_at_midnight() {
        let guard = BoxGuard::default();
        // 10:00 in Kazakhstan.
        let morning = Utc.with_ymd_and_hms(2026, 11, 25, 5, 0, 0).unwrap();
        let client = guard.client("203.0.113.7", morning);
        assert!(client == guard.client("203.0.113.7", morning), "one key all day");
        let other = guard.client("203.0.113.8", morning);
        // A right code gives its try back.
        assert!(guard.try_code(client, morning));
        guard.code_opened(client, morning);
        for _ in 0..MAX_WRONG_CODES {
            assert!(guard.try_code(client, morning));
        }
        assert!(!guard.try_code(client, morning));
        assert!(guard.try_code(other, morning), "others are not held");
        // After midnight Almaty time (19:00 UTC) the secret and the counts are new.
        let next_day = Utc.with_ymd_and_hms(2026, 11, 25, 19, 0, 1).unwrap();
        let tomorrow = guard.client("203.0.113.7", next_day);
        assert!(tomorrow != client, "yesterday's key does not survive");
        assert!(guard.try_code(tomorrow, next_day));
    }

    #[test]
    fn the_box_takes_a_few_submissions_an_hour_from_one_client() {
        let guard = BoxGuard::default();
        let now = Utc.with_ymd_and_hms(2026, 11, 25, 5, 0, 0).unwrap();
        let client = guard.client("198.51.100.1", now);
        for _ in 0..MAX_SUBMISSIONS {
            assert!(guard.submission(client, now));
        }
        assert!(!guard.submission(client, now + Duration::minutes(30)));
        assert!(guard.submission(client, now + SUBMISSION_WINDOW + Duration::seconds(1)));
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

/// One sending of the box's form: each form page carries a random nonce, and the same form
/// sent again with the same words — a reload of the receipt page, a double click — shows the
/// receipt of the first sending instead of filing the appeal twice. A form whose words changed
/// is a new message. Kept in memory only, for [`FORM_LIFETIME`]: expired forms are forgotten
/// by a sweep every minute, and their codes overwritten.
#[derive(Default)]
pub struct SentForms {
    state: Mutex<SentState>,
}

#[derive(Default)]
struct SentState {
    forms: HashMap<String, SentForm>,
    /// When each form was first sent, oldest first: what expires or is evicted next.
    order: std::collections::VecDeque<(DateTime<Utc>, String)>,
}

struct SentForm {
    slot: FormSlot,
    /// A hash of what the form said, so that only the same words replay the receipt.
    words: [u8; 32],
    at: DateTime<Utc>,
}

/// The first sending's receipt code (grouped for reading), once it has one. A second sending
/// of the same form waits on the lock until the first is done.
pub type FormSlot = std::sync::Arc<tokio::sync::Mutex<Option<String>>>;

/// How long a sent form is remembered.
pub const FORM_LIFETIME: Duration = Duration::minutes(10);
/// At most this many sent forms are remembered; beyond it the oldest is forgotten.
pub const MAX_FORMS: usize = 20_000;

/// Overwrites a remembered code that nobody is reading, then drops it.
fn forget(slot: &FormSlot) {
    if let Ok(mut code) = slot.try_lock()
        && let Some(mut text) = code.take()
    {
        let zeros = "0".repeat(text.len());
        text.replace_range(.., &zeros);
    }
}

impl SentState {
    fn sweep(&mut self, now: DateTime<Utc>) {
        while let Some((at, _)) = self.order.front() {
            if now - *at < FORM_LIFETIME && self.forms.len() <= MAX_FORMS {
                break;
            }
            let (at, key) = self.order.pop_front().expect("the front exists");
            if self.forms.get(&key).is_some_and(|form| form.at == at)
                && let Some(form) = self.forms.remove(&key)
            {
                forget(&form.slot);
            }
        }
    }
}

impl SentForms {
    /// A fresh nonce for a form page: 128 random bits as hex.
    pub fn nonce() -> String {
        let mut bytes = [0u8; 16];
        getrandom::fill(&mut bytes).expect("the operating system provides randomness");
        hex::encode(bytes)
    }

    /// What a form said, as the key of its replay.
    pub fn words(text: &str, name: &str, contact: &str) -> [u8; 32] {
        use sha2::{Digest, Sha256};
        Sha256::new()
            .chain_update(text.trim())
            .chain_update([0])
            .chain_update(name.trim())
            .chain_update([0])
            .chain_update(contact.trim())
            .finalize()
            .into()
    }

    /// The slot of a form sent with `nonce` to `school` saying `words`; `None` for a nonce that
    /// is not one of ours, or a form sent before with other words (a new message).
    pub fn slot(&self, school: &str, nonce: &str, words: [u8; 32], now: DateTime<Utc>) -> Option<FormSlot> {
        if nonce.len() != 32 || !nonce.bytes().all(|byte| byte.is_ascii_hexdigit()) {
            return None;
        }
        let mut state = self.state.lock().expect("the sent forms' lock is never poisoned");
        state.sweep(now);
        let key = format!("{school}/{nonce}");
        if let Some(form) = state.forms.get(&key) {
            return (form.words == words).then(|| form.slot.clone());
        }
        let slot = FormSlot::default();
        state.forms.insert(
            key.clone(),
            SentForm {
                slot: slot.clone(),
                words,
                at: now,
            },
        );
        state.order.push_back((now, key));
        state.sweep(now);
        Some(slot)
    }

    /// Forgets the forms sent longer ago than [`FORM_LIFETIME`].
    pub fn sweep(&self, now: DateTime<Utc>) {
        self.state
            .lock()
            .expect("the sent forms' lock is never poisoned")
            .sweep(now);
    }
}

#[cfg(test)]
mod sent_forms_tests {
    use super::*;

    #[test]
    fn only_the_same_words_replay_and_forms_are_forgotten_in_time() {
        use chrono::TimeZone;
        let forms = SentForms::default();
        let now = Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap();
        let nonce = SentForms::nonce();
        let words = SentForms::words("Мені мазақтайды", "", "");
        let first = forms.slot("demo", &nonce, words, now).unwrap();
        *first.try_lock().unwrap() = Some("1234 5678 9012 3456".into());
        let again = forms.slot("demo", &nonce, words, now).unwrap();
        assert_eq!(again.try_lock().unwrap().as_deref(), Some("1234 5678 9012 3456"));
        let other = SentForms::words("Басқа хат", "", "");
        assert!(
            forms.slot("demo", &nonce, other, now).is_none(),
            "other words are a new message"
        );
        assert!(
            forms
                .slot("other-school", &nonce, words, now)
                .unwrap()
                .try_lock()
                .unwrap()
                .is_none()
        );
        assert!(forms.slot("demo", "not-a-nonce", words, now).is_none());
        forms.sweep(now + FORM_LIFETIME);
        assert!(
            first.try_lock().unwrap().is_none(),
            "an expired code is overwritten and dropped"
        );
        assert!(
            forms
                .slot("demo", &nonce, words, now + FORM_LIFETIME)
                .unwrap()
                .try_lock()
                .unwrap()
                .is_none()
        );
    }
}
