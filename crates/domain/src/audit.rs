//! The audit trail: who did what, and when, to the school's record — above all who read
//! which appeal. An event names the person (login and positions), the action, and the appeal's
//! year and number where one is concerned; never a text, a name, a phone, a receipt code or an
//! address. Events are chained like the journal, each school's own chain, its head sealed by
//! the chain key.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::journal::{Canonical, EntryHash, EntryRef};
use crate::staff::UserId;

macro_rules! actions {
    ($($variant:ident => $code:literal),* $(,)?) => {
        /// What a person did. The codes are stable: the API answers them and the page words them.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum AuditAction {
            $($variant),*
        }

        impl AuditAction {
            pub const ALL: &[AuditAction] = &[$(AuditAction::$variant),*];

            pub fn code(self) -> &'static str {
                match self {
                    $(AuditAction::$variant => $code),*
                }
            }

            pub fn from_code(code: &str) -> Option<AuditAction> {
                match code {
                    $($code => Some(AuditAction::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

actions! {
    SignedIn => "signed_in",
    SignInFailed => "sign_in_failed",
    SignedOut => "signed_out",
    AppealOpened => "appeal_opened",
    JournalViewed => "journal_viewed",
    JournalSearched => "journal_searched",
    ConversationRead => "conversation_read",
    DocumentDownloaded => "document_downloaded",
    AccountCreated => "account_created",
    AccountConfirmed => "account_confirmed",
    AccountChanged => "account_changed",
    AccountDeactivated => "account_deactivated",
    AccountReactivated => "account_reactivated",
    PasswordChanged => "password_changed",
    PasswordReset => "password_reset",
    TwoFactorEnabled => "two_factor_enabled",
    TwoFactorDisabled => "two_factor_disabled",
    RecoveryCodesRenewed => "recovery_codes_renewed",
    RecoveryCodeUsed => "recovery_code_used",
    TokenCreated => "token_created",
    TokenRevoked => "token_revoked",
    UrgentFlagCleared => "urgent_flag_cleared",
    AppealAssigned => "appeal_assigned",
    ConsiderationExtended => "consideration_extended",
    ExtensionNoticeRecorded => "extension_notice_recorded",
    OutsideCompetenceMarked => "outside_competence_marked",
    ApplicantNoticeRecorded => "applicant_notice_recorded",
    CallRecorded => "call_recorded",
    VoicemailReceived => "voicemail_received",
    VoicemailPlayed => "voicemail_played",
    InboxItemDismissed => "inbox_item_dismissed",
    InboxLettersRead => "inbox_letters_read",
    SettingsChanged => "settings_changed",
    ChainsSealed => "chains_sealed",
}

impl Serialize for AuditAction {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// Who acted: the account, its login and its positions' codes as they stood at that moment.
/// `None` for whoever holds the server (the command line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub user_id: Option<UserId>,
    pub login: String,
    pub positions: String,
}

impl Actor {
    /// The server's holder, acting from the command line.
    pub fn server_holder() -> Actor {
        Actor {
            user_id: None,
            login: String::new(),
            positions: String::new(),
        }
    }
}

/// One event of a school's audit trail. `detail` is a code from a closed list (which
/// document, which setting, which scopes), never something a person typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditEvent {
    pub organisation_id: i64,
    pub at: DateTime<Utc>,
    pub actor: Actor,
    pub action: AuditAction,
    pub appeal: Option<EntryRef>,
    /// The account an account's event concerns.
    pub subject: Option<UserId>,
    pub detail: Option<String>,
}

impl AuditEvent {
    pub fn new(organisation_id: i64, at: DateTime<Utc>, actor: Actor, action: AuditAction) -> AuditEvent {
        AuditEvent {
            organisation_id,
            at,
            actor,
            action,
            appeal: None,
            subject: None,
            detail: None,
        }
    }

    pub fn on_appeal(mut self, appeal: EntryRef) -> AuditEvent {
        self.appeal = Some(appeal);
        self
    }

    pub fn on_account(mut self, subject: UserId) -> AuditEvent {
        self.subject = Some(subject);
        self
    }

    /// A detail from a closed list: `&'static str` so that nothing typed can reach it.
    pub fn with_detail(mut self, detail: &'static str) -> AuditEvent {
        self.detail = Some(detail.to_owned());
        self
    }

    /// The hash sealing this event after `prev` in the school's audit chain.
    pub fn hash(&self, prev: EntryHash) -> EntryHash {
        let mut canonical = Canonical::new("senim-audit-v1", prev);
        canonical
            .int(self.organisation_id)
            .int(self.at.timestamp())
            .int(self.actor.user_id.map_or(0, |id| id.0))
            .text(&self.actor.login)
            .text(&self.actor.positions)
            .text(self.action.code());
        match self.appeal {
            Some(entry) => canonical.int(1).int(entry.year.0.into()).int(entry.number.0),
            None => canonical.int(0),
        };
        canonical
            .int(self.subject.map_or(0, |id| id.0))
            .text(self.detail.as_deref().unwrap_or(""));
        canonical.finish()
    }
}

/// Documents as the audit names them.
pub mod documents {
    pub const BOOK: &str = "registration_book";
    pub const JOURNAL_XLSX: &str = "journal_xlsx";
    pub const ACT: &str = "opening_act";
    pub const MINUTES: &str = "minutes";
    pub const PLAN: &str = "plan";
    pub const ANALYSIS: &str = "monthly_analysis";
    pub const LETTER: &str = "forwarding_letter";
    pub const POSTER: &str = "poster";
    pub const SLIPS: &str = "slips";
    pub const NOTICE: &str = "applicant_notice";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{JournalNumber, JournalYear};
    use chrono::TimeZone;

    fn event() -> AuditEvent {
        AuditEvent::new(
            1,
            Utc.with_ymd_and_hms(2026, 12, 1, 5, 0, 0).unwrap(),
            Actor {
                user_id: Some(UserId(3)),
                login: "psy".into(),
                positions: "psychologist".into(),
            },
            AuditAction::AppealOpened,
        )
        .on_appeal(EntryRef {
            year: JournalYear(2026),
            number: JournalNumber(4),
        })
    }

    #[test]
    fn every_field_of_an_event_is_in_its_hash() {
        let base = event().hash(EntryHash::GENESIS);
        let mut other = event();
        other.appeal = Some(EntryRef {
            year: JournalYear(2026),
            number: JournalNumber(5),
        });
        assert_ne!(other.hash(EntryHash::GENESIS), base);
        let mut other = event();
        other.actor.login = "director".into();
        assert_ne!(other.hash(EntryHash::GENESIS), base);
        let mut other = event();
        other.action = AuditAction::ConversationRead;
        assert_ne!(other.hash(EntryHash::GENESIS), base);
        assert_ne!(event().with_detail("x").hash(EntryHash::GENESIS), base);
        assert_ne!(event().hash(EntryHash([1; 32])), base);
    }

    #[test]
    fn action_codes_read_back() {
        for action in AuditAction::ALL {
            assert_eq!(AuditAction::from_code(action.code()), Some(*action));
        }
        assert_eq!(AuditAction::from_code("read_everything"), None);
    }
}
