//! Sign-in throttling and the Trust Box's abuse control. Everything is kept in memory only:
//! nothing about the attempts, and no IP address, is written anywhere; a client network is
//! known only by a hash under a secret drawn when the server starts.
//!
//! A sign-in (the password, the second factor, or the password asked again) is counted
//! before it is checked, so attempts sent in parallel count too, in three ways:
//!
//! - **one login from one network** (or from one browser that has signed in to it before):
//!   [`MAX_FAILURES`] wrong tries within [`WINDOW`] hold that pair;
//! - **one network, whatever the login**: [`MAX_NETWORK_FAILURES`] hold the network, so a
//!   client trying many logins is stopped however it spreads its guesses;
//! - **one login, from browsers it has never signed in from**: [`MAX_LOGIN_FAILURES`] from
//!   all networks together hold the login for such browsers, against guessing spread over
//!   many networks.
//!
//! A browser that has signed in to a login before carries a keyed mark of it (the device
//! cookie, which names no login); its tries are counted for it alone. So strangers, however
//! many networks they use, cannot lock a person out of their own browser, and a stranger on
//! the same school network holds the login only for browsers that never signed in to it, and
//! only until the window passes.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};

/// Wrong tries of one login from one network (or one known browser) within the window.
pub const MAX_FAILURES: u32 = 10;
/// Wrong tries from one network, of any logins, within the window.
pub const MAX_NETWORK_FAILURES: u32 = 30;
/// Wrong tries of one login from browsers that never signed in to it, all networks together.
pub const MAX_LOGIN_FAILURES: u32 = 50;
pub const WINDOW: Duration = Duration::minutes(15);
/// At most this many counts are kept of each kind; beyond it the oldest are forgotten, so a
/// flood of made-up logins cannot exhaust the server's memory.
pub const MAX_TRACKED: usize = 50_000;

/// Where a sign-in comes from, as the throttle knows it.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Origin {
    /// A browser that has signed in to this login before (its device mark's id).
    KnownBrowser([u8; 16]),
    /// Any other client, by the hash of its network.
    Network([u8; 16]),
}

/// A counted try, to be given back when it succeeds ([`SignInThrottle::succeeded`]).
#[derive(Clone, Debug)]
pub struct Attempt {
    login: String,
    origin: Origin,
}

/// The try was not counted: too many failed lately.
#[derive(Debug, PartialEq, Eq)]
pub struct Held;

#[derive(Clone, Copy)]
struct Count {
    failures: u32,
    since: DateTime<Utc>,
}

struct Counts<K> {
    map: HashMap<K, Count>,
    swept: Option<DateTime<Utc>>,
}

impl<K: Hash + Eq + Clone> Counts<K> {
    fn new() -> Counts<K> {
        Counts {
            map: HashMap::new(),
            swept: None,
        }
    }

    /// Forgets expired counts about once a minute, and the oldest when there are too many
    /// (down to nine tenths of the limit, so a flood does not sort the map on every try).
    fn sweep(&mut self, now: DateTime<Utc>) {
        if self.swept.is_none_or(|at| now - at >= Duration::minutes(1)) {
            self.map.retain(|_, count| now - count.since < WINDOW);
            self.swept = Some(now);
        }
        if self.map.len() > MAX_TRACKED {
            let mut ages: Vec<(DateTime<Utc>, K)> = self
                .map
                .iter()
                .map(|(key, count)| (count.since, key.clone()))
                .collect();
            ages.sort_by_key(|(since, _)| *since);
            let excess = self.map.len() - MAX_TRACKED * 9 / 10;
            for (_, key) in ages.into_iter().take(excess) {
                self.map.remove(&key);
            }
        }
    }

    fn current(&self, key: &K, now: DateTime<Utc>) -> Option<&Count> {
        self.map.get(key).filter(|count| now - count.since < WINDOW)
    }

    fn below(&self, key: &K, limit: u32, now: DateTime<Utc>) -> bool {
        self.current(key, now).is_none_or(|count| count.failures < limit)
    }

    fn add(&mut self, key: K, now: DateTime<Utc>) {
        let count = self.map.entry(key).or_insert(Count {
            failures: 0,
            since: now,
        });
        if now - count.since >= WINDOW {
            *count = Count {
                failures: 0,
                since: now,
            };
        }
        count.failures += 1;
    }

    fn give_back(&mut self, key: &K) {
        if let Some(count) = self.map.get_mut(key) {
            count.failures = count.failures.saturating_sub(1);
        }
    }
}

struct ThrottleState {
    pairs: Counts<(String, Origin)>,
    networks: Counts<[u8; 16]>,
    logins: Counts<String>,
}

pub struct SignInThrottle {
    /// Hashes networks in memory; drawn at start, never written.
    secret: [u8; 32],
    state: Mutex<ThrottleState>,
}

impl Default for SignInThrottle {
    fn default() -> SignInThrottle {
        let mut secret = [0u8; 32];
        // Without randomness the throttle still works: a network is then known by a plain hash.
        let _ = getrandom::fill(&mut secret);
        SignInThrottle {
            secret,
            state: Mutex::new(ThrottleState {
                pairs: Counts::new(),
                networks: Counts::new(),
                logins: Counts::new(),
            }),
        }
    }
}

impl SignInThrottle {
    fn key(login: &str) -> String {
        login.trim().to_lowercase()
    }

    /// The origin of a client on `network` (see `client::network`).
    pub fn network(&self, network: &str) -> Origin {
        let mac =
            senim_domain::journal::hmac_sha256(&self.secret, b"senim/sign-in-network\0", network.as_bytes());
        let mut key = [0u8; 16];
        key.copy_from_slice(&mac[..16]);
        Origin::Network(key)
    }

    fn state(&self, now: DateTime<Utc>) -> std::sync::MutexGuard<'_, ThrottleState> {
        let mut state = self.state.lock().expect("the throttle's lock is never poisoned");
        state.pairs.sweep(now);
        state.networks.sweep(now);
        state.logins.sweep(now);
        state
    }

    /// Counts one try of `login` from `origin`, or refuses it while the login, the network or
    /// the pair is held.
    pub fn attempt(&self, login: &str, origin: Origin, now: DateTime<Utc>) -> Result<Attempt, Held> {
        let login = Self::key(login);
        let mut state = self.state(now);
        let pair = (login.clone(), origin);
        if !state.pairs.below(&pair, MAX_FAILURES, now) {
            return Err(Held);
        }
        if let Origin::Network(network) = origin {
            if !state.networks.below(&network, MAX_NETWORK_FAILURES, now)
                || !state.logins.below(&login, MAX_LOGIN_FAILURES, now)
            {
                return Err(Held);
            }
            state.networks.add(network, now);
            state.logins.add(login.clone(), now);
        }
        state.pairs.add(pair, now);
        Ok(Attempt { login, origin })
    }

    /// The try could not be checked (the server was too busy): it is given back everywhere it
    /// was counted, and nothing else is forgotten.
    pub fn give_back(&self, attempt: &Attempt) {
        let mut state = self.state.lock().expect("the throttle's lock is never poisoned");
        state.pairs.give_back(&(attempt.login.clone(), attempt.origin));
        if let Origin::Network(network) = attempt.origin {
            state.networks.give_back(&network);
            state.logins.give_back(&attempt.login);
        }
    }

    /// The try was right: its pair and login start again, and the network has its try back.
    pub fn succeeded(&self, attempt: &Attempt) {
        let mut state = self.state.lock().expect("the throttle's lock is never poisoned");
        state.pairs.map.remove(&(attempt.login.clone(), attempt.origin));
        if let Origin::Network(network) = attempt.origin {
            state.networks.give_back(&network);
            state.logins.map.remove(&attempt.login);
        }
    }
}

/// The mark a browser keeps of the logins it has signed in to: a random id and, for each
/// login, a keyed tag of the id and the login. The cookie names no login; only the server,
/// with its key, can tell which logins a mark stands for.
pub struct DeviceMarks {
    secret: [u8; 32],
}

/// Logins one browser remembers (a shared staff-room computer); the oldest give way.
pub const MAX_MARKED_LOGINS: usize = 8;
/// How long a browser is remembered after its last sign-in.
pub const DEVICE_LIFETIME: Duration = Duration::days(180);

impl DeviceMarks {
    pub fn new(secret: [u8; 32]) -> DeviceMarks {
        DeviceMarks { secret }
    }

    fn tag(&self, id: &[u8; 16], login: &str) -> String {
        let mut message = id.to_vec();
        message.extend_from_slice(SignInThrottle::key(login).as_bytes());
        let mac = senim_domain::journal::hmac_sha256(&self.secret, b"senim/sign-in-device\0", &message);
        hex::encode(&mac[..16])
    }

    fn parse(cookie: &str) -> Option<([u8; 16], Vec<&str>)> {
        let mut parts = cookie.split('.');
        let id: [u8; 16] = hex::decode(parts.next()?).ok()?.try_into().ok()?;
        let tags: Vec<&str> = parts
            .filter(|tag| tag.len() == 32)
            .take(MAX_MARKED_LOGINS)
            .collect();
        Some((id, tags))
    }

    /// The origin of a sign-in of `login` by a browser carrying `cookie` from `network`: its
    /// own when it has signed in to that login before.
    pub fn origin(&self, cookie: Option<&str>, login: &str, network: Origin) -> Origin {
        let Some((id, tags)) = cookie.and_then(Self::parse) else {
            return network;
        };
        let tag = self.tag(&id, login);
        if tags.iter().any(|known| crate::context::same_token(known, &tag)) {
            Origin::KnownBrowser(id)
        } else {
            network
        }
    }

    /// The cookie's value after `login` signed in: the mark kept (or a new one) with the
    /// login's tag put last.
    pub fn after_sign_in(&self, cookie: Option<&str>, login: &str) -> String {
        let (id, mut tags) = match cookie.and_then(Self::parse) {
            Some((id, tags)) => (id, tags.into_iter().map(str::to_owned).collect::<Vec<_>>()),
            None => {
                let mut id = [0u8; 16];
                let _ = getrandom::fill(&mut id);
                (id, Vec::new())
            }
        };
        let tag = self.tag(&id, login);
        tags.retain(|known| *known != tag);
        tags.push(tag);
        let skip = tags.len().saturating_sub(MAX_MARKED_LOGINS);
        std::iter::once(hex::encode(id))
            .chain(tags.into_iter().skip(skip))
            .collect::<Vec<_>>()
            .join(".")
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
    fn a_login_from_one_network_is_held_after_too_many_failures_until_the_window_passes() {
        let throttle = SignInThrottle::default();
        let start = Utc.with_ymd_and_hms(2026, 1, 5, 4, 0, 0).unwrap();
        let school = throttle.network("203.0.113.7");
        for _ in 0..MAX_FAILURES {
            assert!(throttle.attempt("Specialist", school, start).is_ok());
        }
        let later = start + Duration::minutes(1);
        assert_eq!(throttle.attempt("specialist", school, later).unwrap_err(), Held);
        assert!(
            throttle.attempt("director", school, later).is_ok(),
            "other logins are not held"
        );
        let home = throttle.network("198.51.100.20");
        assert!(
            throttle.attempt("specialist", home, later).is_ok(),
            "nor other networks"
        );
        assert!(
            throttle
                .attempt("specialist", school, start + WINDOW + Duration::seconds(1))
                .is_ok()
        );
    }

    #[test]
    fn a_network_trying_many_logins_is_held_even_for_a_login_it_has_not_tried() {
        let throttle = SignInThrottle::default();
        let now = Utc.with_ymd_and_hms(2026, 1, 5, 4, 0, 0).unwrap();
        let client = throttle.network("203.0.113.9");
        for n in 0..MAX_NETWORK_FAILURES {
            assert!(throttle.attempt(&format!("guess{n}"), client, now).is_ok());
        }
        assert_eq!(throttle.attempt("director", client, now).unwrap_err(), Held);
        assert!(
            throttle
                .attempt("director", throttle.network("203.0.113.10"), now)
                .is_ok()
        );
    }

    #[test]
    fn strangers_on_many_networks_cannot_lock_a_person_out_of_their_own_browser() {
        let throttle = SignInThrottle::default();
        let marks = DeviceMarks::new([7; 32]);
        let now = Utc.with_ymd_and_hms(2026, 1, 5, 4, 0, 0).unwrap();
        // The director signed in from this browser last week.
        let cookie = marks.after_sign_in(None, "director");
        let mut n = 0;
        while n < MAX_LOGIN_FAILURES {
            let stranger = throttle.network(&format!("192.0.2.{}", n / MAX_FAILURES));
            assert!(throttle.attempt("director", stranger, now).is_ok());
            n += 1;
        }
        let fresh = throttle.network("198.51.100.1");
        assert_eq!(
            throttle.attempt("director", fresh, now).unwrap_err(),
            Held,
            "a browser that never signed in is held"
        );
        let own = marks.origin(Some(&cookie), "director", fresh);
        assert!(matches!(own, Origin::KnownBrowser(_)));
        let attempt = throttle
            .attempt("director", own, now)
            .expect("the director's own browser is not held");
        throttle.succeeded(&attempt);
    }

    #[test]
    fn a_device_mark_stands_only_for_the_logins_signed_in_with_it() {
        let marks = DeviceMarks::new([3; 32]);
        let network = Origin::Network([1; 16]);
        let cookie = marks.after_sign_in(None, "psychologist");
        assert!(!cookie.contains("psychologist"), "the cookie names no login");
        assert!(matches!(
            marks.origin(Some(&cookie), "Psychologist", network),
            Origin::KnownBrowser(_)
        ));
        assert_eq!(marks.origin(Some(&cookie), "director", network), network);
        // Another server's key, or a tag copied to another id, is not recognised.
        assert_eq!(
            DeviceMarks::new([4; 32]).origin(Some(&cookie), "psychologist", network),
            network
        );
        let (_, tag) = cookie.split_once('.').unwrap();
        let forged = format!("{}.{tag}", hex::encode([9u8; 16]));
        assert_eq!(marks.origin(Some(&forged), "psychologist", network), network);
        assert_eq!(marks.origin(Some("garbage"), "psychologist", network), network);
        // A shared computer keeps the last few logins; the id stays.
        let mut shared = cookie.clone();
        for n in 0..MAX_MARKED_LOGINS {
            shared = marks.after_sign_in(Some(&shared), &format!("teacher{n}"));
        }
        assert_eq!(shared.split('.').next(), cookie.split('.').next());
        assert_eq!(
            marks.origin(Some(&shared), "psychologist", network),
            network,
            "the oldest gave way"
        );
        assert!(matches!(
            marks.origin(Some(&shared), "teacher0", network),
            Origin::KnownBrowser(_)
        ));
    }

    #[test]
    fn a_try_given_back_forgets_nothing_else() {
        let throttle = SignInThrottle::default();
        let now = Utc.with_ymd_and_hms(2026, 1, 5, 4, 0, 0).unwrap();
        let school = throttle.network("203.0.113.7");
        for _ in 0..MAX_FAILURES - 1 {
            throttle.attempt("deputy", school, now).unwrap();
        }
        let busy = throttle.attempt("deputy", school, now).unwrap();
        throttle.give_back(&busy);
        throttle.attempt("deputy", school, now).unwrap();
        assert_eq!(
            throttle.attempt("deputy", school, now).unwrap_err(),
            Held,
            "the nine wrong tries still count"
        );
    }

    #[test]
    fn a_success_clears_the_failures() {
        let throttle = SignInThrottle::default();
        let now = Utc.with_ymd_and_hms(2026, 1, 5, 4, 0, 0).unwrap();
        let school = throttle.network("203.0.113.7");
        for _ in 0..MAX_FAILURES - 1 {
            throttle.attempt("deputy", school, now).unwrap();
        }
        let right = throttle.attempt("deputy", school, now).unwrap();
        throttle.succeeded(&right);
        assert!(throttle.attempt("deputy", school, now).is_ok());
    }

    #[test]
    fn a_flood_of_made_up_logins_is_bounded_in_memory() {
        let throttle = SignInThrottle::default();
        let now = Utc.with_ymd_and_hms(2026, 1, 5, 4, 0, 0).unwrap();
        for n in 0..(MAX_TRACKED + 10) {
            let network = throttle.network(&format!("n{}", n / 20));
            let _ = throttle.attempt(&format!("u{n}"), network, now + Duration::milliseconds(n as i64));
        }
        // As the last try left them, before any later sweep.
        let state = throttle.state.lock().unwrap();
        assert!(state.pairs.map.len() <= MAX_TRACKED);
        assert!(state.logins.map.len() <= MAX_TRACKED);
        assert!(state.networks.map.len() <= MAX_TRACKED);
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
