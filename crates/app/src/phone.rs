//! The Trust Phone: whether it is on duty, and its call log — a call that is not an appeal
//! logged with its kind and length, and a call that became one registered with it, in one
//! transaction.

use senim_domain::analysis::Month;
use senim_domain::audit::AuditAction;
use senim_domain::greeting::{self, GreetingError};
use senim_domain::hours::{Duty, DutyHours, HoursError};
use senim_domain::phone::{Call, CallError};
use senim_domain::triage::Screening;
use senim_domain::{Appeal, AppealContent, Organisation, OrganisationId};
use senim_store::{CallRecord, CallRefusal, StoreError, User};

use crate::{App, Refused};

impl App {
    /// Whether the school's Trust Phone is answered now, by its hours on the working calendar.
    pub fn phone_duty(&self, school: &Organisation) -> Duty {
        school.phone_hours.duty(&self.calendar, self.now())
    }

    /// Sets the school's Trust Phone hours on a working day (`9:00`, `18:30`).
    pub async fn set_duty_hours(
        &self,
        by: &User,
        opens: &str,
        closes: &str,
    ) -> Result<DutyHours, Refused<HoursError>> {
        let hours = DutyHours::parse(opens, closes).map_err(Refused::Rule)?;
        let audit = self
            .event(by, AuditAction::SettingsChanged)
            .with_detail("phone_hours");
        self.store
            .set_duty_hours(by.organisation_id, hours, &audit)
            .await?;
        tracing::info!(user = by.id.0, "Trust Phone hours changed");
        Ok(hours)
    }

    /// Logs a call taken on the Trust Phone. One that became an appeal names it, once.
    pub async fn record_call(&self, by: &User, call: &Call) -> Result<i64, Refused<CallError>> {
        let audit = self
            .event(by, AuditAction::CallRecorded)
            .with_detail(call.contact_type.code());
        let id = self
            .store
            .record_call(by.organisation_id, call, &audit)
            .await
            .map_err(|refusal| match refusal {
                CallRefusal::NoAppeal => Refused::Store(StoreError::NotFound),
                CallRefusal::AlreadyLogged => Refused::Rule(CallError::AlreadyLogged),
                CallRefusal::Store(error) => Refused::Store(error),
            })?;
        tracing::info!(call = id, user = by.id.0, "call logged");
        Ok(id)
    }

    /// Registers the appeal a call became, and logs the call pointing at it.
    pub async fn register_call_appeal(
        &self,
        by: &User,
        content: AppealContent,
        call: &Call,
    ) -> Result<Appeal, StoreError> {
        let screening = Screening::of_summary(&self.lexicon(), content.summary());
        let audit = self
            .event(by, AuditAction::CallRecorded)
            .with_detail(call.contact_type.code());
        let appeal = self
            .store
            .register_call_appeal(
                by.organisation_id,
                content,
                (call.started_at, call.duration_seconds, call.contact_type),
                by.id,
                &screening,
                &audit,
            )
            .await?;
        tracing::info!(
            appeal = appeal.id.0,
            user = by.id.0,
            "appeal registered from a call"
        );
        self.after_screening(&appeal, &screening);
        Ok(appeal)
    }

    /// The school's calls of a month, the earliest first.
    pub async fn calls_of_month(
        &self,
        organisation_id: OrganisationId,
        month: Month,
    ) -> Result<Vec<CallRecord>, StoreError> {
        let (from, until) = month.span();
        self.store.calls(organisation_id, from, until).await
    }
}

/// Why the message could not be spoken.
#[derive(Debug, thiserror::Error)]
pub enum SpeechError {
    #[error("espeak-ng is not installed on the server (Debian package espeak-ng)")]
    Missing,
    #[error("espeak-ng failed: {0}")]
    Failed(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl App {
    /// The school's answering-machine message in `lang`, or the seed's.
    pub async fn greeting(
        &self,
        organisation_id: OrganisationId,
        lang: &str,
    ) -> Result<String, Refused<GreetingError>> {
        let default = greeting::default_text(lang).map_err(Refused::Rule)?;
        Ok(self
            .store
            .greeting(organisation_id, lang)
            .await?
            .unwrap_or_else(|| default.to_owned()))
    }

    /// Sets the school's message in `lang`.
    pub async fn set_greeting(
        &self,
        by: &User,
        lang: &str,
        text: &str,
    ) -> Result<(), Refused<GreetingError>> {
        let text = greeting::checked_text(lang, text).map_err(Refused::Rule)?;
        let audit = self
            .event(by, AuditAction::SettingsChanged)
            .with_detail("phone_greeting");
        self.store
            .set_greeting(by.organisation_id, lang, &text, &audit)
            .await?;
        tracing::info!(user = by.id.0, lang, "answering-machine message changed");
        Ok(())
    }

    /// Keeps a recording the school made as its message in `lang`, played instead of the text.
    pub async fn set_greeting_recording(
        &self,
        by: &User,
        lang: &str,
        bytes: &[u8],
    ) -> Result<(), Refused<GreetingError>> {
        let wav = greeting::recorded(lang, bytes).map_err(Refused::Rule)?;
        let audit = self
            .event(by, AuditAction::SettingsChanged)
            .with_detail("phone_greeting_recording");
        self.store
            .set_greeting_recording(by.organisation_id, lang, Some(&wav), &audit)
            .await?;
        tracing::info!(user = by.id.0, lang, "answering-machine recording uploaded");
        Ok(())
    }

    /// Removes the school's recording in `lang`: the text is spoken again.
    pub async fn remove_greeting_recording(
        &self,
        by: &User,
        lang: &str,
    ) -> Result<(), Refused<GreetingError>> {
        greeting::default_text(lang).map_err(Refused::Rule)?;
        let audit = self
            .event(by, AuditAction::SettingsChanged)
            .with_detail("phone_greeting_recording_removed");
        self.store
            .set_greeting_recording(by.organisation_id, lang, None, &audit)
            .await?;
        tracing::info!(user = by.id.0, lang, "answering-machine recording removed");
        Ok(())
    }

    /// The languages the school's message is a recording in rather than spoken text.
    pub async fn greeting_recordings(
        &self,
        organisation_id: OrganisationId,
    ) -> Result<Vec<String>, StoreError> {
        self.store.greeting_recordings(organisation_id).await
    }

    /// The message as the 8 kHz mono WAV an exchange plays: the school's recording in `lang`
    /// when it uploaded one, else its text spoken by espeak-ng.
    pub async fn greeting_wav(
        &self,
        organisation_id: OrganisationId,
        lang: &str,
    ) -> Result<Vec<u8>, SpeechError> {
        if let Some(recording) = self.store.greeting_recording(organisation_id, lang).await? {
            return Ok(recording);
        }
        let text = match self.greeting(organisation_id, lang).await {
            Ok(text) => text,
            Err(Refused::Rule(_)) => return Err(SpeechError::Failed("unknown language".into())),
            Err(Refused::Store(error)) => return Err(error.into()),
        };
        speak(&greeting::spoken(&text, lang), lang).await
    }
}

/// `spoken` (times already in words) read by espeak-ng in `lang`, as an 8 kHz mono WAV.
pub async fn speak(spoken: &str, lang: &str) -> Result<Vec<u8>, SpeechError> {
    // `--stdin` reads the whole text to its end (without it espeak-ng reads 1000-byte
    // lines); starting, writing and waiting all stand within one limit.
    let speak = async {
        let mut child = tokio::process::Command::new("espeak-ng")
            .args(["-b", "1", "-v", lang, "--stdout", "--stdin"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .map_err(|error| match error.kind() {
                std::io::ErrorKind::NotFound => SpeechError::Missing,
                _ => SpeechError::Failed(error.kind().to_string()),
            })?;
        let failed = |error: std::io::Error| SpeechError::Failed(error.kind().to_string());
        {
            use tokio::io::AsyncWriteExt;
            let mut stdin = child
                .stdin
                .take()
                .ok_or_else(|| SpeechError::Failed("no stdin".into()))?;
            stdin.write_all(spoken.as_bytes()).await.map_err(failed)?;
        }
        child.wait_with_output().await.map_err(failed)
    };
    let output = tokio::time::timeout(std::time::Duration::from_secs(30), speak)
        .await
        .map_err(|_| SpeechError::Failed("timed out".into()))??;
    if !output.status.success() {
        return Err(SpeechError::Failed(format!("exit {}", output.status)));
    }
    greeting::telephone_wav(&output.stdout).ok_or_else(|| SpeechError::Failed("not a 16-bit WAV".into()))
}
