//! `senim phone bridge`: carries the answering machine's recordings from baresip to Senim.
//!
//! baresip (the answering machine of `docs/phone.md`) answers a call the exchange could not
//! put through, plays the greeting and records the caller into its `snd_path`; on its control
//! port (`ctrl_tcp`) it tells of each call as netstring JSON events. The bridge follows those
//! events: at `CALL_ESTABLISHED` it takes the recording that has just appeared as the call's,
//! at `CALL_CLOSED` it queues the voicemail — the call's id, when it began, how long it
//! lasted, why it reached the machine (the answering machine's account: `out_of_hours`,
//! `no_answer` or `busy`) and the caller's number — and posts it to
//! `POST /api/v1/phone/voicemails` with a `phone:intake` token. What it has still to post is
//! kept in a state file, so nothing is lost when Senim or the bridge is down; a call id once
//! posted is not posted again, and Senim answers the same id twice with the one voicemail
//! besides. A recording Senim has is deleted from the exchange's disk (or moved to `sent/`
//! when asked to keep it); one Senim refuses for good is moved to `refused/`. Recordings no
//! event told of — calls that closed while the bridge was away — are found in the folder (at
//! each connection and every idle minute) and posted too.
//!
//! The log names a recording by a digest of its file's name (newer baresips put the caller's
//! address in it) and a voicemail by Senim's id: never a caller's number, a call id (which
//! may carry an address) or a byte of audio.

use std::collections::{HashMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use anyhow::Context;
use chrono::{DateTime, Utc};
use clap::Args;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::sync::mpsc;

#[derive(Args, Clone)]
pub struct BridgeArgs {
    /// baresip's control port (its ctrl_tcp module's ctrl_tcp_listen).
    #[arg(long, default_value = "127.0.0.1:4444")]
    pub baresip: String,
    /// The folder baresip records into (its snd_path).
    #[arg(long)]
    pub recordings: PathBuf,
    /// Senim's address.
    #[arg(long, default_value = "http://127.0.0.1:8080")]
    pub url: String,
    /// A file holding a token with the phone:intake scope (`senim token create --scope phone:intake`).
    #[arg(long)]
    pub token_file: PathBuf,
    /// Where the bridge keeps what it has still to post and the calls it has posted; default:
    /// RECORDINGS/.senim-bridge.json.
    #[arg(long)]
    pub state: Option<PathBuf>,
    /// Why a call reached the answering machine when its account's name does not say
    /// (out_of_hours, no_answer or busy).
    #[arg(long, default_value = "out_of_hours")]
    pub reason: String,
    /// The longest message in seconds: the bridge hangs up a call that lasts longer (at most
    /// 840, within the 15 minutes Senim takes).
    #[arg(long, default_value_t = 600, value_parser = clap::value_parser!(u32).range(10..=840))]
    pub max_seconds: u32,
    /// Keep the recordings on this machine once Senim has them (by default they are deleted).
    #[arg(long)]
    pub keep_recordings: bool,
}

/// The reasons Senim knows a call reached the answering machine for.
const REASONS: [&str; 3] = ["out_of_hours", "no_answer", "busy"];

/// The longest recording Senim takes.
const MAX_AUDIO_SECONDS: u32 = senim_domain::inbox::MAX_AUDIO_SECONDS;

/// The longest event baresip's control port sends is a few hundred bytes.
const MAX_NETSTRING: usize = 64 * 1024;

/// A recording older than this, claimed by no call, closed while the bridge was away.
const ORPHAN_AGE: chrono::Duration = chrono::Duration::seconds(30);

/// One netstring (`<length>:<bytes>,`) from the front of `buffer`, if a whole one is there.
pub fn take_netstring(buffer: &mut Vec<u8>) -> Result<Option<Vec<u8>>, &'static str> {
    let Some(colon) = buffer.iter().position(|byte| *byte == b':') else {
        if buffer.len() > 9 || !buffer.iter().all(u8::is_ascii_digit) {
            return Err("not a netstring length");
        }
        return Ok(None);
    };
    let digits = &buffer[..colon];
    if digits.is_empty() || digits.len() > 9 || !digits.iter().all(u8::is_ascii_digit) {
        return Err("not a netstring length");
    }
    let length: usize = std::str::from_utf8(digits)
        .ok()
        .and_then(|text| text.parse().ok())
        .ok_or("not a netstring length")?;
    if length > MAX_NETSTRING {
        return Err("a netstring longer than any event");
    }
    let end = colon + 1 + length;
    if buffer.len() <= end {
        return Ok(None);
    }
    if buffer[end] != b',' {
        return Err("a netstring without its comma");
    }
    let body = buffer[colon + 1..end].to_vec();
    buffer.drain(..=end);
    Ok(Some(body))
}

/// A netstring of `body`, as baresip's control port reads a command.
pub fn netstring(body: &[u8]) -> Vec<u8> {
    let mut bytes = format!("{}:", body.len()).into_bytes();
    bytes.extend_from_slice(body);
    bytes.push(b',');
    bytes
}

/// What the bridge acts on among baresip's events.
#[derive(Debug, PartialEq, Eq)]
pub enum Event {
    Established {
        call: String,
        account: String,
        peer: String,
    },
    Closed {
        call: String,
    },
}

/// An event of baresip's control port, when it is one the bridge acts on.
pub fn event(body: &[u8]) -> Option<Event> {
    let value: Value = serde_json::from_slice(body).ok()?;
    if value.get("event") != Some(&Value::Bool(true)) {
        return None;
    }
    let text = |key: &str| value.get(key).and_then(Value::as_str).unwrap_or("").to_owned();
    let call = text("id");
    if call.is_empty() {
        return None;
    }
    match value.get("type").and_then(Value::as_str)? {
        "CALL_ESTABLISHED" if text("direction") != "outgoing" => Some(Event::Established {
            call,
            account: text("accountaor"),
            peer: text("peeruri"),
        }),
        "CALL_CLOSED" => Some(Event::Closed { call }),
        _ => None,
    }
}

/// The user part of a SIP address: `sip:77010000000@host` → `77010000000`.
fn sip_user(uri: &str) -> &str {
    let uri = uri.trim().trim_start_matches('<');
    let rest = uri
        .strip_prefix("sips:")
        .or_else(|| uri.strip_prefix("sip:"))
        .or_else(|| uri.strip_prefix("tel:"))
        .unwrap_or(uri);
    rest.split(['@', ';', '>']).next().unwrap_or("")
}

/// Why the call reached the machine: the account's user part when it names a reason.
pub fn reason_of(account: &str, default: &str) -> String {
    let user = sip_user(account);
    REASONS
        .iter()
        .find(|reason| **reason == user)
        .map_or_else(|| default.to_owned(), |reason| (*reason).to_owned())
}

/// The caller's number when the caller's address holds one (digits, with a leading `+`).
pub fn caller_number(peer: &str) -> Option<String> {
    let user = sip_user(peer);
    let digits = user.strip_prefix('+').unwrap_or(user);
    (!digits.is_empty() && digits.len() <= 20 && digits.bytes().all(|byte| byte.is_ascii_digit()))
        .then(|| user.to_owned())
}

/// The call id Senim is given: the exchange's own when Senim takes it as it is, else its hash.
pub fn call_id_for(call: &str) -> String {
    if !call.is_empty() && call.len() <= 128 && call.bytes().all(|byte| byte.is_ascii_graphic()) {
        call.to_owned()
    } else {
        format!("sha256:{}", hex::encode(Sha256::digest(call.as_bytes())))
    }
}

/// A recording as the answering machine left it, with its RIFF and `data` lengths set from
/// the bytes that are there when the file was not closed cleanly (a header still saying 0).
/// `None` when it is no WAV at all.
pub fn settled_wav(mut bytes: Vec<u8>) -> Option<Vec<u8>> {
    if bytes.len() < 12 || &bytes[0..4] != b"RIFF" || &bytes[8..12] != b"WAVE" {
        return None;
    }
    let mut at = 12;
    while at + 8 <= bytes.len() {
        let size = u32::from_le_bytes(bytes[at + 4..at + 8].try_into().ok()?) as usize;
        if &bytes[at..at + 4] == b"data" {
            let actual = bytes.len() - (at + 8);
            if size != actual {
                let actual32 = u32::try_from(actual).ok()?;
                bytes[at + 4..at + 8].copy_from_slice(&actual32.to_le_bytes());
                let riff = u32::try_from(bytes.len() - 8).ok()?;
                bytes[4..8].copy_from_slice(&riff.to_le_bytes());
            }
            return Some(bytes);
        }
        at = at.checked_add(8 + size + (size & 1))?;
    }
    None
}

/// The recordings the answering machine has written: `dump-<time>-dec.wav` (what the caller
/// said; `-enc` is what was played to them).
fn recordings_in(folder: &Path) -> Vec<(PathBuf, SystemTime)> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut found: Vec<(PathBuf, SystemTime)> = entries
        .filter_map(Result::ok)
        .filter(|entry| {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            name.starts_with("dump-") && name.ends_with("-dec.wav")
        })
        .filter_map(|entry| {
            let modified = entry.metadata().ok()?.modified().ok()?;
            Some((entry.path(), modified))
        })
        .collect();
    found.sort_by_key(|(_, modified)| *modified);
    found
}

/// The file baresip wrote what it played beside a caller's recording.
fn played_beside(recording: &Path) -> Option<PathBuf> {
    let name = recording.file_name()?.to_str()?;
    Some(recording.with_file_name(name.strip_suffix("-dec.wav")?.to_owned() + "-enc.wav"))
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// A voicemail waiting to be posted.
#[derive(Serialize, Deserialize, Clone)]
struct Pending {
    call_id: String,
    recording: String,
    started_at: DateTime<Utc>,
    duration_seconds: i64,
    reason: String,
    caller_number: Option<String>,
}

/// A voicemail Senim has, or refused for good (kept on disk for a person to look at).
#[derive(Serialize, Deserialize, Clone)]
struct Done {
    call_id: String,
    recording: String,
    /// Senim's error code when it refused the voicemail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    refused: Option<String>,
}

/// What survives a restart of the bridge.
#[derive(Serialize, Deserialize, Default)]
struct State {
    pending: VecDeque<Pending>,
    done: VecDeque<Done>,
}

/// How many posted calls the state remembers, to refuse a call id that comes again.
const REMEMBERED: usize = 5000;

impl State {
    fn load(path: &Path) -> anyhow::Result<State> {
        match std::fs::read(path) {
            // The error names the place, never the value: a pending voicemail holds a number.
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|error| {
                anyhow::anyhow!(
                    "the bridge's state {} cannot be read (line {}, column {})",
                    path.display(),
                    error.line(),
                    error.column()
                )
            }),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(State::default()),
            Err(error) => Err(error).with_context(|| format!("cannot read {}", path.display())),
        }
    }

    /// Written whole to a file beside and renamed over the old one, readable by the owner
    /// only (a pending voicemail holds the caller's number).
    fn save(&self, path: &Path) -> anyhow::Result<()> {
        use std::io::Write;
        use std::os::unix::fs::OpenOptionsExt;
        let bytes = serde_json::to_vec_pretty(self)?;
        let temporary = path.with_extension("tmp");
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(&temporary)
            .with_context(|| format!("cannot write {}", temporary.display()))?;
        file.write_all(&bytes)?;
        file.sync_all()?;
        std::fs::rename(&temporary, path).with_context(|| format!("cannot write {}", path.display()))?;
        Ok(())
    }

    fn knows_call(&self, call_id: &str) -> bool {
        self.pending.iter().any(|pending| pending.call_id == call_id)
            || self.done.iter().any(|done| done.call_id == call_id)
    }

    fn knows_recording(&self, recording: &str) -> bool {
        self.pending.iter().any(|pending| pending.recording == recording)
            || self.done.iter().any(|done| done.recording == recording)
    }

    fn finish(&mut self, done: Done) {
        self.pending.retain(|pending| pending.call_id != done.call_id);
        self.done.push_back(done);
        while self.done.len() > REMEMBERED {
            self.done.pop_front();
        }
    }
}

/// A call the machine has answered and not yet closed.
struct Active {
    established: DateTime<Utc>,
    reason: String,
    caller_number: Option<String>,
}

/// What Senim answered a post.
enum Posted {
    /// Senim has it (201, or 200 for a call id it had): its inbox item.
    Kept(i64),
    /// Senim refused it for good, with its error code (a 4xx with Senim's `code`).
    Refused(String),
    /// Try again later: Senim unreachable, busy, a proxy's error, or the token not accepted now.
    Later(String),
}

/// The recordings of calls in progress, which no scan of the folder may take.
type Live = Arc<Mutex<HashSet<String>>>;

/// How a recording is named in the log: a digest of its file's name, which newer baresips
/// make of the caller's address.
fn label(recording: &str) -> String {
    hex::encode(&Sha256::digest(recording.as_bytes())[..6])
}

fn lock(live: &Live) -> std::sync::MutexGuard<'_, HashSet<String>> {
    live.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

struct Bridge {
    args: BridgeArgs,
    state_path: PathBuf,
    state: State,
    active: HashMap<String, Active>,
    live: Live,
    client: reqwest::Client,
    token: String,
    clock: senim_app::Clock,
}

impl Bridge {
    fn on_event(&mut self, seen: Seen) -> anyhow::Result<()> {
        match seen.event {
            Event::Established { call, account, peer } => {
                self.active.insert(
                    call,
                    Active {
                        established: seen.at,
                        reason: reason_of(&account, &self.args.reason),
                        caller_number: caller_number(&peer),
                    },
                );
            }
            Event::Closed { call } => {
                let Some(active) = self.active.remove(&call) else {
                    return Ok(());
                };
                let Some(recording) = seen.recording else {
                    tracing::warn!("a call closed and no recording of it was found");
                    return Ok(());
                };
                let call_id = call_id_for(&call);
                if self.state.knows_call(&call_id) || self.state.knows_recording(&recording) {
                    return Ok(());
                }
                let duration = (seen.at - active.established)
                    .num_seconds()
                    .clamp(0, i64::from(MAX_AUDIO_SECONDS));
                tracing::info!(recording = %label(&recording), seconds = duration, "a voicemail is queued");
                self.state.pending.push_back(Pending {
                    call_id,
                    recording,
                    started_at: active.established,
                    duration_seconds: duration,
                    reason: active.reason,
                    caller_number: active.caller_number,
                });
                self.state.save(&self.state_path)?;
            }
        }
        Ok(())
    }

    /// Recordings no call claims that the machine finished a while ago: calls that closed
    /// while the bridge was away. Posted with what the file tells (its end, its length).
    fn adopt_orphans(&mut self) -> anyhow::Result<()> {
        let live = lock(&self.live).clone();
        let now = self.clock.now();
        let mut adopted = false;
        for (path, modified) in recordings_in(&self.args.recordings) {
            let name = file_name(&path);
            let old = now - DateTime::<Utc>::from(modified) >= ORPHAN_AGE;
            if !old || live.contains(&name) || self.state.knows_recording(&name) {
                continue;
            }
            let Some(seconds) = std::fs::read(&path)
                .ok()
                .and_then(settled_wav)
                .and_then(|bytes| senim_domain::inbox::wav_millis(&bytes).ok())
                .map(|millis| i64::try_from(millis / 1000).unwrap_or(0))
            else {
                continue;
            };
            let ended: DateTime<Utc> = modified.into();
            tracing::info!(recording = %label(&name), "a recording made while the bridge was away is queued");
            self.state.pending.push_back(Pending {
                call_id: format!(
                    "recording:{}",
                    hex::encode(&Sha256::digest(name.as_bytes())[..16])
                ),
                recording: name,
                started_at: ended - chrono::Duration::seconds(seconds),
                duration_seconds: seconds,
                reason: self.args.reason.clone(),
                caller_number: None,
            });
            adopted = true;
        }
        if adopted {
            self.state.save(&self.state_path)?;
        }
        Ok(())
    }

    async fn post(&self, pending: &Pending) -> Posted {
        let path = self.args.recordings.join(&pending.recording);
        let audio = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(_) => return Posted::Refused("recording_missing".into()),
        };
        let Some(audio) = settled_wav(audio) else {
            return Posted::Refused("not_audio".into());
        };
        let mut metadata = json!({
            "call_id": pending.call_id,
            "started_at": pending.started_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            "duration_seconds": pending.duration_seconds,
            "reason": pending.reason,
        });
        if let Some(number) = &pending.caller_number {
            metadata["caller_number"] = Value::String(number.clone());
        }
        let form = reqwest::multipart::Form::new()
            .part(
                "metadata",
                reqwest::multipart::Part::text(metadata.to_string())
                    .mime_str("application/json")
                    .expect("a valid type"),
            )
            .part(
                "audio",
                reqwest::multipart::Part::bytes(audio)
                    .file_name("voicemail.wav")
                    .mime_str("audio/wav")
                    .expect("a valid type"),
            );
        let url = format!("{}/api/v1/phone/voicemails", self.args.url.trim_end_matches('/'));
        let response = match self
            .client
            .post(url)
            .bearer_auth(&self.token)
            .multipart(form)
            .send()
            .await
        {
            Ok(response) => response,
            Err(_) => return Posted::Later("Senim cannot be reached".into()),
        };
        let status = response.status();
        let body: Value = response.json().await.unwrap_or(Value::Null);
        if status.is_success() {
            return match body.get("id").and_then(Value::as_i64) {
                Some(id) => Posted::Kept(id),
                None => Posted::Later("Senim's answer has no id".into()),
            };
        }
        // Only Senim's own refusal, with its code, is final: a proxy's 404 or 413 is not.
        let code = body.get("code").and_then(Value::as_str).map(str::to_owned);
        match (status.as_u16(), code) {
            (401 | 403, _) => Posted::Later(format!("the token is not accepted ({status})")),
            (408 | 429, _) => Posted::Later(format!("Senim is busy ({status})")),
            (400..=499, Some(code)) => Posted::Refused(code),
            _ => Posted::Later(format!("the server answered {status}")),
        }
    }

    /// Moves a handled recording, and what was played beside it, into `folder` under the
    /// recordings (`sent`, `refused`), or deletes both.
    fn put_away(&self, recording: &str, folder: Option<&str>) {
        let path = self.args.recordings.join(recording);
        for file in std::iter::once(path.clone()).chain(played_beside(&path)) {
            match folder {
                Some(folder) => {
                    let into = self.args.recordings.join(folder);
                    if std::fs::create_dir_all(&into).is_ok() {
                        let _ = std::fs::rename(&file, into.join(file_name(&file)));
                    }
                }
                None => {
                    let _ = std::fs::remove_file(&file);
                }
            }
        }
    }

    /// Posts what is pending, the oldest first, until one must wait. Returns whether
    /// something is left to try again.
    async fn post_pending(&mut self) -> anyhow::Result<bool> {
        while let Some(pending) = self.state.pending.front().cloned() {
            // The machine may still be writing the file's end: a moment's quiet first.
            let path = self.args.recordings.join(&pending.recording);
            let quiet = std::fs::metadata(&path)
                .and_then(|meta| meta.modified())
                .ok()
                .is_none_or(|modified| {
                    self.clock.now() - DateTime::<Utc>::from(modified) >= chrono::Duration::seconds(1)
                });
            if !quiet {
                return Ok(true);
            }
            match self.post(&pending).await {
                Posted::Kept(id) => {
                    tracing::info!(voicemail = id, recording = %label(&pending.recording), "Senim has the voicemail");
                    self.state.finish(Done {
                        call_id: pending.call_id.clone(),
                        recording: pending.recording.clone(),
                        refused: None,
                    });
                    self.state.save(&self.state_path)?;
                    self.put_away(&pending.recording, self.args.keep_recordings.then_some("sent"));
                }
                Posted::Refused(code) => {
                    tracing::error!(
                        recording = %label(&pending.recording),
                        code = %code,
                        "Senim refused the voicemail; the recording is kept in the folder «refused» for a person to look at"
                    );
                    self.state.finish(Done {
                        call_id: pending.call_id.clone(),
                        recording: pending.recording.clone(),
                        refused: Some(code),
                    });
                    self.state.save(&self.state_path)?;
                    self.put_away(&pending.recording, Some("refused"));
                }
                Posted::Later(why) => {
                    tracing::warn!(recording = %label(&pending.recording), "not posted yet: {why}");
                    return Ok(true);
                }
            }
        }
        Ok(false)
    }
}

/// An event as the bridge saw it: when, and for a closed call the recording it made.
struct Seen {
    event: Event,
    at: DateTime<Utc>,
    recording: Option<String>,
}

enum Signal {
    /// The control port answered again: recordings closed meanwhile are looked for.
    Connected,
    Seen(Seen),
}

/// The recording being written for a call answered at `since`: the newest file written since
/// then that no other call has.
fn recording_since(folder: &Path, since: DateTime<Utc>, live: &Live) -> Option<String> {
    let live = lock(live);
    recordings_in(folder)
        .into_iter()
        .filter(|(path, modified)| {
            DateTime::<Utc>::from(*modified) >= since - chrono::Duration::seconds(10)
                && !live.contains(&file_name(path))
        })
        .max_by_key(|(_, modified)| *modified)
        .map(|(path, _)| file_name(&path))
}

/// What `follow_baresip` shares with the bridge.
struct Follow {
    address: String,
    folder: PathBuf,
    max_seconds: u32,
    live: Live,
    clock: senim_app::Clock,
}

/// Connects to baresip's control port again and again and passes its events on, each
/// stamped as it is read and, for a closed call, with the recording it made — chosen here, so
/// that a slow post never gives a call another's recording. Hangs up a call that has lasted
/// the longest a message may.
async fn follow_baresip(follow: Follow, signals: mpsc::UnboundedSender<Signal>) {
    // The calls in progress: when each was answered and its recording.
    let mut calls: HashMap<String, (DateTime<Utc>, Option<String>)> = HashMap::new();
    let mut deadline: Option<(String, tokio::time::Instant)> = None;
    let close = |call: String,
                 calls: &mut HashMap<String, (DateTime<Utc>, Option<String>)>,
                 at: DateTime<Utc>|
     -> Signal {
        let (answered, recording) = calls.remove(&call).unwrap_or((at, None));
        let recording = recording.or_else(|| recording_since(&follow.folder, answered, &follow.live));
        if let Some(recording) = &recording {
            lock(&follow.live).remove(recording);
        }
        Signal::Seen(Seen {
            event: Event::Closed { call },
            at,
            recording,
        })
    };
    loop {
        let mut stream = match tokio::net::TcpStream::connect(&follow.address).await {
            Ok(stream) => stream,
            Err(_) => {
                tokio::time::sleep(Duration::from_secs(2)).await;
                continue;
            }
        };
        tracing::info!("following the answering machine's events");
        if signals.send(Signal::Connected).is_err() {
            return;
        }
        let mut buffer = Vec::new();
        let mut chunk = [0u8; 4096];
        'connection: loop {
            let wait = deadline.as_ref().map_or(Duration::from_secs(3600), |(_, at)| {
                at.saturating_duration_since(tokio::time::Instant::now())
            });
            tokio::select! {
                read = stream.read(&mut chunk) => {
                    let Ok(read) = read else { break 'connection };
                    if read == 0 {
                        break 'connection;
                    }
                    buffer.extend_from_slice(&chunk[..read]);
                    loop {
                        let body = match take_netstring(&mut buffer) {
                            Ok(Some(body)) => body,
                            Ok(None) => break,
                            Err(why) => {
                                tracing::warn!("the answering machine's port sent {why}; reconnecting");
                                break 'connection;
                            }
                        };
                        let at = follow.clock.now();
                        let signal = match event(&body) {
                            Some(Event::Established { call, account, peer }) => {
                                let recording = recording_since(&follow.folder, at, &follow.live);
                                if let Some(recording) = &recording {
                                    lock(&follow.live).insert(recording.clone());
                                }
                                calls.insert(call.clone(), (at, recording));
                                let after = Duration::from_secs(u64::from(follow.max_seconds));
                                deadline = Some((call.clone(), tokio::time::Instant::now() + after));
                                Signal::Seen(Seen { event: Event::Established { call, account, peer }, at, recording: None })
                            }
                            Some(Event::Closed { call }) => {
                                if deadline.as_ref().is_some_and(|(long, _)| *long == call) {
                                    deadline = None;
                                }
                                close(call, &mut calls, at)
                            }
                            None => continue,
                        };
                        if signals.send(signal).is_err() {
                            return;
                        }
                    }
                }
                () = tokio::time::sleep(wait), if deadline.is_some() => {
                    deadline = None;
                    tracing::info!("a message reached the longest allowed; hanging up");
                    let command = json!({ "command": "hangup", "params": "", "token": "senim" });
                    if stream.write_all(&netstring(command.to_string().as_bytes())).await.is_err() {
                        break 'connection;
                    }
                }
            }
        }
        // The machine may have restarted: the calls it told of are taken as closed now, each
        // with what it recorded.
        let at = follow.clock.now();
        for call in calls.keys().cloned().collect::<Vec<_>>() {
            let signal = close(call, &mut calls, at);
            if signals.send(signal).is_err() {
                return;
            }
        }
        deadline = None;
        tracing::warn!("the answering machine's control port closed; reconnecting");
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

pub async fn run(args: BridgeArgs) -> anyhow::Result<i32> {
    if !REASONS.contains(&args.reason.as_str()) {
        anyhow::bail!("--reason must be one of {}", REASONS.join(", "));
    }
    anyhow::ensure!(
        args.recordings.is_dir(),
        "the recordings folder {} does not exist",
        args.recordings.display()
    );
    let token = std::fs::read_to_string(&args.token_file)
        .with_context(|| format!("cannot read the token file {}", args.token_file.display()))?
        .trim()
        .to_owned();
    anyhow::ensure!(
        !token.is_empty(),
        "the token file {} is empty",
        args.token_file.display()
    );
    let state_path = args
        .state
        .clone()
        .unwrap_or_else(|| args.recordings.join(".senim-bridge.json"));
    let state = State::load(&state_path)?;
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(60))
        .build()?;
    let clock = senim_app::Clock::system();
    let live: Live = Arc::default();
    let mut bridge = Bridge {
        args: args.clone(),
        state_path,
        state,
        active: HashMap::new(),
        live: live.clone(),
        client,
        token,
        clock: clock.clone(),
    };
    let (signals_in, mut signals) = mpsc::unbounded_channel();
    let follow = Follow {
        address: args.baresip.clone(),
        folder: args.recordings.clone(),
        max_seconds: args.max_seconds,
        live,
        clock,
    };
    tokio::spawn(follow_baresip(follow, signals_in));
    let mut retry = Duration::from_secs(1);
    let mut left = bridge.post_pending().await?;
    loop {
        // Idle, the folder is looked at every minute for recordings no event told of.
        let wait = if left { retry } else { Duration::from_secs(60) };
        tokio::select! {
            signal = signals.recv() => {
                match signal {
                    Some(Signal::Seen(seen)) => bridge.on_event(seen)?,
                    Some(Signal::Connected) => bridge.adopt_orphans()?,
                    None => return Ok(1),
                }
                retry = Duration::from_secs(1);
            }
            () = tokio::time::sleep(wait) => {
                if left {
                    retry = (retry * 2).min(Duration::from_secs(60));
                } else {
                    bridge.adopt_orphans()?;
                }
            }
            _ = tokio::signal::ctrl_c() => return Ok(0),
        }
        left = bridge.post_pending().await?;
        if !left {
            retry = Duration::from_secs(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn netstrings_are_taken_whole_and_in_order() {
        let mut buffer = b"5:hello,3:ab".to_vec();
        assert_eq!(take_netstring(&mut buffer), Ok(Some(b"hello".to_vec())));
        assert_eq!(
            take_netstring(&mut buffer),
            Ok(None),
            "the second is not whole yet"
        );
        buffer.extend_from_slice(b"c,");
        assert_eq!(take_netstring(&mut buffer), Ok(Some(b"abc".to_vec())));
        assert!(buffer.is_empty());
        assert!(take_netstring(&mut b"x:1,".to_vec()).is_err());
        assert!(
            take_netstring(&mut b"1:ab".to_vec()).is_err(),
            "no comma after its length"
        );
        assert!(
            take_netstring(&mut b"1234567890".to_vec()).is_err(),
            "a length beyond nine digits"
        );
        assert!(
            take_netstring(&mut b"999999999:".to_vec()).is_err(),
            "a length no event has: the connection is dropped, not a gigabyte awaited"
        );
        assert_eq!(netstring(b"abc"), b"3:abc,".to_vec());
    }

    #[test]
    fn the_events_of_a_call_are_read_as_baresip_sends_them() {
        let established = br#"{"event":true,"type":"CALL_ESTABLISHED","class":"call","accountaor":"sip:no_answer@127.0.0.1:5070","direction":"incoming","peeruri":"sip:77010000000@127.0.0.1:5090","peerdisplayname":"Test","id":"1-9116@127.0.0.1","param":"sip:77010000000@127.0.0.1:5090"}"#;
        let Some(Event::Established { call, account, peer }) = event(established) else {
            panic!("an answered call");
        };
        assert_eq!(call, "1-9116@127.0.0.1");
        assert_eq!(reason_of(&account, "out_of_hours"), "no_answer");
        assert_eq!(caller_number(&peer).as_deref(), Some("77010000000"));
        let closed = br#"{"event":true,"type":"CALL_CLOSED","class":"call","id":"1-9116@127.0.0.1","param":"end of file"}"#;
        assert_eq!(
            event(closed),
            Some(Event::Closed {
                call: "1-9116@127.0.0.1".into()
            })
        );
        assert_eq!(event(br#"{"event":true,"type":"CALL_RTPESTAB","id":"x"}"#), None);
        assert_eq!(event(br#"{"response":true,"ok":true}"#), None);
        assert_eq!(event(b"not json"), None);
    }

    #[test]
    fn reasons_numbers_and_call_ids_are_what_senim_takes() {
        assert_eq!(reason_of("sip:trust@127.0.0.1:5070", "busy"), "busy");
        assert_eq!(
            reason_of("<sip:out_of_hours@10.0.0.1>", "no_answer"),
            "out_of_hours"
        );
        assert_eq!(caller_number("sip:anonymous@anonymous.invalid"), None);
        assert_eq!(
            caller_number("sip:+77010000000@host;user=phone").as_deref(),
            Some("+77010000000")
        );
        assert_eq!(caller_number("tel:+7701"), Some("+7701".into()));
        assert_eq!(call_id_for("abc@host"), "abc@host");
        let long = "x".repeat(200);
        assert!(call_id_for(&long).starts_with("sha256:"));
        assert!(call_id_for("with space").starts_with("sha256:"));
    }

    #[test]
    fn a_recording_left_unfinished_gets_the_lengths_of_its_bytes() {
        let mut wav = senim_domain::greeting::silence_wav(1);
        let whole = wav.clone();
        let data = wav.windows(4).position(|window| window == b"data").unwrap();
        wav[data + 4..data + 8].copy_from_slice(&0u32.to_le_bytes());
        wav[4..8].copy_from_slice(&0u32.to_le_bytes());
        assert_eq!(settled_wav(wav), Some(whole.clone()));
        assert_eq!(
            settled_wav(whole.clone()),
            Some(whole),
            "a whole file is left as it is"
        );
        assert_eq!(settled_wav(b"ID3 not a wav".to_vec()), None);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 2000, ..Default::default() })]

        #[test]
        fn the_control_ports_bytes_never_panic_the_bridge(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..2000),
            body in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..1000),
        ) {
            let mut buffer = bytes.clone();
            while let Ok(Some(taken)) = take_netstring(&mut buffer) {
                let _ = event(&taken);
            }
            let _ = settled_wav(bytes.clone());
            let _ = event(&bytes);
            let mut framed = netstring(&body);
            proptest::prop_assert_eq!(take_netstring(&mut framed), Ok(Some(body)));
            proptest::prop_assert!(framed.is_empty());
        }

        #[test]
        fn any_address_gives_a_reason_senim_takes_and_a_number_or_none(uri in "\\PC{0,80}", call in "\\PC{0,300}") {
            proptest::prop_assert!(REASONS.contains(&reason_of(&uri, "busy").as_str()));
            if let Some(number) = caller_number(&uri) {
                proptest::prop_assert!(number.len() <= 21 && number.trim_start_matches('+').bytes().all(|b| b.is_ascii_digit()));
            }
            let id = call_id_for(&call);
            proptest::prop_assert!(!id.is_empty() && id.len() <= 128 && id.bytes().all(|b| b.is_ascii_graphic()));
        }
    }
}
