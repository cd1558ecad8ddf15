//! What arrives without a person registering it waits in the inbox: a voicemail the school's
//! exchange recorded out of hours or unanswered, or a message a student sent to the online
//! Trust Box. A specialist listens or reads, writes the short summary and registers it (the appeal keeps the moment it arrived as its receipt), or
//! records it as not an appeal with a contact type and a reason. The law asks it registered
//! on the day it arrived, or the next working day when it came out of hours.

use chrono::{DateTime, NaiveDate, Utc};

use crate::appeal::{MAX_REASON, Redacted};
use crate::calendar::WorkingCalendar;
use crate::classification::ContactType;

/// The largest recording the intake takes (about 16 minutes of 8 kHz, 16-bit mono audio).
pub const MAX_AUDIO_BYTES: usize = 16 * 1024 * 1024;
/// The longest recording the intake takes.
pub const MAX_AUDIO_SECONDS: u32 = 15 * 60;

/// What an inbox item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InboxKind {
    Voicemail,
    OnlineBox,
}

impl InboxKind {
    pub fn code(self) -> &'static str {
        match self {
            InboxKind::Voicemail => "voicemail",
            InboxKind::OnlineBox => "online_box",
        }
    }

    pub fn parse(code: &str) -> Option<InboxKind> {
        [InboxKind::Voicemail, InboxKind::OnlineBox]
            .into_iter()
            .find(|kind| kind.code() == code)
    }

    /// The channel of the appeal the item becomes.
    pub fn channel(self) -> crate::Channel {
        match self {
            InboxKind::Voicemail => crate::Channel::Voicemail,
            InboxKind::OnlineBox => crate::Channel::OnlineBox,
        }
    }
}

/// Why the exchange did not put the call through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MissedReason {
    OutOfHours,
    NoAnswer,
    Busy,
}

impl MissedReason {
    pub const ALL: [MissedReason; 3] = [
        MissedReason::OutOfHours,
        MissedReason::NoAnswer,
        MissedReason::Busy,
    ];

    pub fn code(self) -> &'static str {
        match self {
            MissedReason::OutOfHours => "out_of_hours",
            MissedReason::NoAnswer => "no_answer",
            MissedReason::Busy => "busy",
        }
    }

    pub fn parse(code: &str) -> Option<MissedReason> {
        MissedReason::ALL.into_iter().find(|reason| reason.code() == code)
    }

    pub fn message_id(self) -> &'static str {
        match self {
            MissedReason::OutOfHours => "inbox-reason-out-of-hours",
            MissedReason::NoAnswer => "inbox-reason-no-answer",
            MissedReason::Busy => "inbox-reason-busy",
        }
    }
}

/// A voicemail as the exchange describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Voicemail {
    /// The exchange's own id of the call: the same id again is the same voicemail.
    pub call_id: String,
    pub started_at: DateTime<Utc>,
    pub duration_seconds: u32,
    pub reason: MissedReason,
    /// Sealed at rest; empty when the exchange did not give it.
    pub caller_number: Redacted<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum VoicemailError {
    #[error(
        "metadata: a JSON object with call_id, started_at, duration_seconds, reason and an optional caller_number"
    )]
    Metadata,
    #[error("call_id: 1–128 visible ASCII characters")]
    CallId,
    #[error("started_at: an RFC 3339 moment, not in the future")]
    StartedAt,
    #[error("duration_seconds: from 0 to {MAX_AUDIO_SECONDS}")]
    Duration,
    #[error("reason: out_of_hours, no_answer or busy")]
    Reason,
    #[error("caller_number: digits with the usual separators, at most 32 characters")]
    CallerNumber,
    #[error("audio: a WAV recording (RIFF/WAVE, PCM) in a part named audio")]
    NotAudio,
    #[error("audio: at most {MAX_AUDIO_SECONDS} seconds")]
    TooLong,
    #[error("audio: at most 16 MiB")]
    TooLarge,
}

impl VoicemailError {
    pub fn field(self) -> &'static str {
        match self {
            VoicemailError::Metadata => "metadata",
            VoicemailError::CallId => "call_id",
            VoicemailError::StartedAt => "started_at",
            VoicemailError::Duration => "duration_seconds",
            VoicemailError::Reason => "reason",
            VoicemailError::CallerNumber => "caller_number",
            VoicemailError::NotAudio | VoicemailError::TooLong | VoicemailError::TooLarge => "audio",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            VoicemailError::Metadata => "invalid_metadata",
            VoicemailError::CallId => "invalid_call_id",
            VoicemailError::StartedAt => "invalid_started_at",
            VoicemailError::Duration => "invalid_duration",
            VoicemailError::Reason => "invalid_reason",
            VoicemailError::CallerNumber => "invalid_caller_number",
            VoicemailError::NotAudio => "not_audio",
            VoicemailError::TooLong => "audio_too_long",
            VoicemailError::TooLarge => "audio_too_large",
        }
    }
}

impl Voicemail {
    pub fn new(
        call_id: &str,
        started_at: DateTime<Utc>,
        duration_seconds: i64,
        reason: &str,
        caller_number: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<Voicemail, VoicemailError> {
        let call_id = call_id.trim();
        if call_id.is_empty() || call_id.len() > 128 || !call_id.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(VoicemailError::CallId);
        }
        if crate::time::is_in_future(started_at, now) {
            return Err(VoicemailError::StartedAt);
        }
        let duration_seconds = u32::try_from(duration_seconds)
            .ok()
            .filter(|seconds| *seconds <= MAX_AUDIO_SECONDS)
            .ok_or(VoicemailError::Duration)?;
        let reason = MissedReason::parse(reason.trim()).ok_or(VoicemailError::Reason)?;
        let caller_number = caller_number.map(str::trim).unwrap_or("");
        if caller_number.chars().count() > 32
            || !caller_number
                .chars()
                .all(|c| c.is_ascii_digit() || " +-()".contains(c))
        {
            return Err(VoicemailError::CallerNumber);
        }
        Ok(Voicemail {
            call_id: call_id.to_owned(),
            started_at,
            duration_seconds,
            reason,
            caller_number: Redacted(caller_number.to_owned()),
        })
    }
}

/// How long a WAV recording plays, in milliseconds, read from its header: the `fmt ` chunk's
/// byte rate and the `data` chunk's length. Anything else is not a recording Senim can play.
pub fn wav_millis(bytes: &[u8]) -> Result<u64, VoicemailError> {
    if bytes.len() > MAX_AUDIO_BYTES {
        return Err(VoicemailError::TooLarge);
    }
    if bytes.len() < 12 || &bytes[0..4] != b"RIFF" || &bytes[8..12] != b"WAVE" {
        return Err(VoicemailError::NotAudio);
    }
    let u32_at =
        |at: usize| -> Option<u32> { Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?)) };
    let u16_at =
        |at: usize| -> Option<u16> { Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?)) };
    let mut at = 12;
    let mut byte_rate = None;
    while at + 8 <= bytes.len() {
        let id = &bytes[at..at + 4];
        let size = u32_at(at + 4).ok_or(VoicemailError::NotAudio)? as usize;
        let body = at + 8;
        match id {
            b"fmt " => {
                // PCM (1), IEEE float (3), A-law (6), µ-law (7) or extensible (0xFFFE).
                let format = u16_at(body).ok_or(VoicemailError::NotAudio)?;
                let channels = u16_at(body + 2).ok_or(VoicemailError::NotAudio)?;
                let rate = u32_at(body + 8).ok_or(VoicemailError::NotAudio)?;
                if ![1, 3, 6, 7, 0xFFFE].contains(&format) || channels == 0 || rate == 0 {
                    return Err(VoicemailError::NotAudio);
                }
                byte_rate = Some(rate);
            }
            b"data" => {
                let rate = byte_rate.ok_or(VoicemailError::NotAudio)?;
                // A recording cut short is played as far as it goes.
                let length = size.min(bytes.len() - body) as u64;
                let millis = length * 1000 / u64::from(rate);
                if millis > u64::from(MAX_AUDIO_SECONDS) * 1000 {
                    return Err(VoicemailError::TooLong);
                }
                return Ok(millis);
            }
            _ => {}
        }
        // Chunks are padded to an even length.
        at = body
            .checked_add(size + (size & 1))
            .ok_or(VoicemailError::NotAudio)?;
    }
    Err(VoicemailError::NotAudio)
}

/// The day by which an item that arrived at `arrived_at` must be registered: the day itself,
/// or the next working day when it came out of hours.
pub fn register_by(calendar: &WorkingCalendar, arrived_at: DateTime<Utc>) -> NaiveDate {
    calendar.receipt_day(arrived_at)
}

/// An item recorded as not an appeal: what it was, and why (sealed).
#[derive(Clone, Debug)]
pub struct Dismissal {
    pub contact_type: ContactType,
    pub reason: Redacted<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DismissalError {
    #[error("contact_type: silent, hang_up, prank, wrong_number, abusive, thanks or questions")]
    ContactType,
    #[error("reason: say in a line why it is not an appeal (at most {MAX_REASON} characters)")]
    Reason,
    #[error("the item is registered or recorded already")]
    Handled,
}

impl DismissalError {
    pub fn field(self) -> &'static str {
        match self {
            DismissalError::ContactType => "contact_type",
            DismissalError::Reason => "reason",
            DismissalError::Handled => "id",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            DismissalError::ContactType => "invalid_contact_type",
            DismissalError::Reason => "reason_required",
            DismissalError::Handled => "already_handled",
        }
    }

    pub fn message_id(self) -> &'static str {
        match self {
            DismissalError::ContactType => "error-inbox-contact-type",
            DismissalError::Reason => "error-inbox-reason",
            DismissalError::Handled => "error-inbox-handled",
        }
    }
}

impl Dismissal {
    pub fn new(contact_type: &str, reason: &str) -> Result<Dismissal, DismissalError> {
        let contact_type = ContactType::parse(contact_type.trim())
            .filter(|kind| !kind.is_appeal())
            .ok_or(DismissalError::ContactType)?;
        let reason = reason.trim();
        if reason.is_empty() || reason.chars().count() > MAX_REASON {
            return Err(DismissalError::Reason);
        }
        Ok(Dismissal {
            contact_type,
            reason: Redacted(reason.to_owned()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// A PCM WAV of `seconds` of silence at 8 kHz, 16-bit mono.
    fn wav(seconds: u32) -> Vec<u8> {
        let data = 16_000 * seconds;
        let mut bytes = Vec::new();
        bytes.extend_from_slice(b"RIFF");
        bytes.extend_from_slice(&(36 + data).to_le_bytes());
        bytes.extend_from_slice(b"WAVEfmt ");
        bytes.extend_from_slice(&16u32.to_le_bytes());
        bytes.extend_from_slice(&1u16.to_le_bytes());
        bytes.extend_from_slice(&1u16.to_le_bytes());
        bytes.extend_from_slice(&8000u32.to_le_bytes());
        bytes.extend_from_slice(&16_000u32.to_le_bytes());
        bytes.extend_from_slice(&2u16.to_le_bytes());
        bytes.extend_from_slice(&16u16.to_le_bytes());
        bytes.extend_from_slice(b"data");
        bytes.extend_from_slice(&data.to_le_bytes());
        bytes.resize(bytes.len() + data as usize, 0);
        bytes
    }

    #[test]
    fn a_wav_says_how_long_it_plays_and_anything_else_is_refused() {
        assert_eq!(wav_millis(&wav(7)), Ok(7000));
        assert_eq!(wav_millis(b"OggS\0\0\0\0\0\0\0\0"), Err(VoicemailError::NotAudio));
        assert_eq!(wav_millis(b"RIFF\x04\0\0\0WAVE"), Err(VoicemailError::NotAudio));
        assert_eq!(
            wav_millis(&wav(MAX_AUDIO_SECONDS + 1)),
            Err(VoicemailError::TooLong)
        );
        assert_eq!(
            wav_millis(&vec![0; MAX_AUDIO_BYTES + 1]),
            Err(VoicemailError::TooLarge)
        );
        let mut cut = wav(3);
        cut.truncate(44 + 8000);
        assert_eq!(
            wav_millis(&cut),
            Ok(500),
            "a recording cut short plays as far as it goes"
        );
    }

    #[test]
    fn the_exchanges_metadata_is_checked() {
        let now = Utc.with_ymd_and_hms(2026, 12, 2, 15, 0, 0).unwrap();
        let started = Utc.with_ymd_and_hms(2026, 12, 2, 14, 0, 0).unwrap();
        let ok = Voicemail::new(
            "pbx-1",
            started,
            40,
            "out_of_hours",
            Some("+7 701 555 12 34"),
            now,
        )
        .unwrap();
        assert_eq!(ok.reason, MissedReason::OutOfHours);
        assert_eq!(
            Voicemail::new("", started, 40, "busy", None, now),
            Err(VoicemailError::CallId)
        );
        assert_eq!(
            Voicemail::new("a b", started, 40, "busy", None, now),
            Err(VoicemailError::CallId)
        );
        assert_eq!(
            Voicemail::new("x", now + chrono::Duration::hours(1), 4, "busy", None, now),
            Err(VoicemailError::StartedAt)
        );
        assert_eq!(
            Voicemail::new("x", started, -4, "busy", None, now),
            Err(VoicemailError::Duration)
        );
        assert_eq!(
            Voicemail::new("x", started, 4, "closed", None, now),
            Err(VoicemailError::Reason)
        );
        assert_eq!(
            Voicemail::new("x", started, 4, "busy", Some("call me"), now),
            Err(VoicemailError::CallerNumber)
        );
    }

    #[test]
    fn a_voicemail_left_on_friday_evening_is_registered_by_monday() {
        let calendar = WorkingCalendar::embedded();
        // Friday 4 December 2026, 20:00 in Almaty.
        let friday = Utc.with_ymd_and_hms(2026, 12, 4, 15, 0, 0).unwrap();
        assert_eq!(
            register_by(&calendar, friday),
            NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()
        );
    }

    #[test]
    fn what_is_not_an_appeal_says_what_it_was_and_why() {
        assert!(Dismissal::new("silent", "Тек тыныштық").is_ok());
        assert_eq!(
            Dismissal::new("child_about_self", "x").err(),
            Some(DismissalError::ContactType)
        );
        assert_eq!(Dismissal::new("prank", "  ").err(), Some(DismissalError::Reason));
    }
}
