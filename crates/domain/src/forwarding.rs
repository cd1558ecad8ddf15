//! Forwarding an appeal to an executing organisation (ұйым-орындаушы): the directory a
//! school keeps, how a forwarding is sent (fax, e-mail, telephonogram — seed 4.5 д), its
//! deadline of consideration (journal column е), the answer (column f) or its withdrawal.

use chrono::NaiveDate;
use serde::Serialize;

use crate::appeal::Redacted;
use crate::deadline::DeadlineRule;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct ExecutingOrganisationId(pub i64);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct ForwardingId(pub i64);

/// How a forwarding is sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ForwardingChannel {
    Email,
    Fax,
    Telephonogram,
}

impl ForwardingChannel {
    pub const ALL: [ForwardingChannel; 3] = [
        ForwardingChannel::Email,
        ForwardingChannel::Fax,
        ForwardingChannel::Telephonogram,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ForwardingChannel::Email => "email",
            ForwardingChannel::Fax => "fax",
            ForwardingChannel::Telephonogram => "telephonogram",
        }
    }

    pub fn parse(code: &str) -> Result<ForwardingChannel, ForwardingError> {
        ForwardingChannel::ALL
            .into_iter()
            .find(|c| c.code() == code)
            .ok_or(ForwardingError::UnknownChannel)
    }

    pub fn message_id(self) -> &'static str {
        match self {
            ForwardingChannel::Email => "forwarding-channel-email",
            ForwardingChannel::Fax => "forwarding-channel-fax",
            ForwardingChannel::Telephonogram => "forwarding-channel-telephonogram",
        }
    }
}

/// An entry of a school's directory of executing organisations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExecutingOrganisation {
    pub id: ExecutingOrganisationId,
    pub name_kk: String,
    pub name_ru: String,
    pub email: String,
    pub fax: String,
    pub phone: String,
    pub address: String,
}

impl ExecutingOrganisation {
    pub fn name_in(&self, language: &str) -> &str {
        if language == "ru" && !self.name_ru.is_empty() {
            &self.name_ru
        } else {
            &self.name_kk
        }
    }
}

/// The bodies a new school's directory starts with (kk, ru, phone): contacts are the
/// school's to fill in.
pub const DEFAULT_DIRECTORY: [(&str, &str, &str); 8] = [
    (
        "Кәмелетке толмағандардың істері жөніндегі учаскелік полиция инспекторы",
        "Участковый инспектор полиции по делам несовершеннолетних",
        "102",
    ),
    (
        "Қорғаншылық немесе қамқоршылық жөніндегі функцияларды жүзеге асыратын орган",
        "Орган, осуществляющий функции по опеке или попечительству",
        "",
    ),
    (
        "Психологиялық қолдау орталығы",
        "Центр психологической поддержки",
        "",
    ),
    (
        "Ауданның (қаланың) білім бөлімі",
        "Отдел образования района (города)",
        "",
    ),
    (
        "Емхана (денсаулық сақтау ұйымы)",
        "Поликлиника (организация здравоохранения)",
        "",
    ),
    ("Аудан (қала) прокуратурасы", "Прокуратура района (города)", ""),
    (
        "Қазақстан Республикасындағы Бала құқықтары жөніндегі уәкіл",
        "Уполномоченный по правам ребёнка в Республике Казахстан",
        "",
    ),
    (
        "Отбасы, әйелдер мен балалардың құқықтарын қорғау мәселелері жөніндегі «111» бірыңғай байланыс орталығы",
        "Единый контакт-центр «111» по вопросам семьи, защиты прав женщин и детей",
        "111",
    ),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ForwardingError {
    #[error("channel: unknown forwarding channel")]
    UnknownChannel,
    #[error("executing_organisation: choose an executing organisation of the school")]
    UnknownOrganisation,
    #[error("email: the executing organisation has no e-mail address in the directory")]
    NoEmailAddress,
    #[error("deadline: a deadline other than the proposed one needs a reason")]
    DeadlineReasonRequired,
    #[error("deadline: the deadline cannot be before the appeal was received")]
    DeadlineBeforeReceipt,
    #[error("deadline: an extension cannot go beyond two months from receipt")]
    DeadlineBeyondLimit,
    #[error("reason: a withdrawal states its reason")]
    WithdrawalReasonRequired,
    #[error("answer: the answer's text is required")]
    AnswerRequired,
    #[error("received_by: the name of the person who received it is required")]
    ReceiverRequired,
    #[error("name_kk: the name in Kazakh is required")]
    NameRequired,
    #[error("email: not an e-mail address")]
    EmailInvalid,
    #[error("the forwarding is closed: it was answered or withdrawn")]
    Closed,
    #[error("deadline: not a date")]
    DateInvalid,
}

impl ForwardingError {
    pub fn field(self) -> &'static str {
        match self {
            ForwardingError::UnknownChannel => "channel",
            ForwardingError::UnknownOrganisation => "executing_organisation",
            ForwardingError::NoEmailAddress | ForwardingError::EmailInvalid => "email",
            ForwardingError::DeadlineReasonRequired
            | ForwardingError::DeadlineBeforeReceipt
            | ForwardingError::DeadlineBeyondLimit
            | ForwardingError::DateInvalid => "deadline",
            ForwardingError::WithdrawalReasonRequired => "reason",
            ForwardingError::AnswerRequired => "answer",
            ForwardingError::ReceiverRequired => "received_by",
            ForwardingError::NameRequired => "name_kk",
            ForwardingError::Closed => "forwarding",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            ForwardingError::UnknownChannel => "unknown_channel",
            ForwardingError::UnknownOrganisation => "unknown_executing_organisation",
            ForwardingError::NoEmailAddress => "no_email_address",
            ForwardingError::DeadlineReasonRequired => "deadline_reason_required",
            ForwardingError::DeadlineBeforeReceipt => "deadline_before_receipt",
            ForwardingError::DeadlineBeyondLimit => "deadline_beyond_limit",
            ForwardingError::WithdrawalReasonRequired => "reason_required",
            ForwardingError::AnswerRequired => "answer_required",
            ForwardingError::ReceiverRequired => "receiver_required",
            ForwardingError::NameRequired => "name_required",
            ForwardingError::EmailInvalid => "email_invalid",
            ForwardingError::Closed => "forwarding_closed",
            ForwardingError::DateInvalid => "date_invalid",
        }
    }

    pub fn message_id(self) -> &'static str {
        match self {
            ForwardingError::UnknownChannel => "error-unknown-channel",
            ForwardingError::UnknownOrganisation => "error-unknown-executing-organisation",
            ForwardingError::NoEmailAddress => "error-no-email-address",
            ForwardingError::DeadlineReasonRequired => "error-deadline-reason-required",
            ForwardingError::DeadlineBeforeReceipt => "error-deadline-before-receipt",
            ForwardingError::DeadlineBeyondLimit => "error-deadline-beyond-limit",
            ForwardingError::WithdrawalReasonRequired => "error-reason-required",
            ForwardingError::AnswerRequired => "error-answer-required",
            ForwardingError::ReceiverRequired => "error-receiver-required",
            ForwardingError::NameRequired => "error-name-required",
            ForwardingError::EmailInvalid => "error-email-invalid",
            ForwardingError::Closed => "error-forwarding-closed",
            ForwardingError::DateInvalid => "error-received-invalid",
        }
    }
}

/// Checks an e-mail address the way people type them: one `@`, something on each side, a dot
/// in the domain, no spaces.
pub fn valid_email(address: &str) -> bool {
    let Some((local_part, domain)) = address.split_once('@') else {
        return false;
    };
    !local_part.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !address
            .chars()
            .any(|c| c.is_whitespace() || c == '<' || c == '>' || c == ',')
        && !domain.contains('@')
        && address.len() <= 254
}

/// The deadline a forwarding is given: the one the rule proposes, or another with a reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChosenDeadline {
    pub rule: DeadlineRule,
    pub due: NaiveDate,
    /// Why the date differs from the rule's; `None` when it is the rule's own.
    pub reason: Option<Redacted<String>>,
}

impl ChosenDeadline {
    /// `proposed` is the rule's date; `chosen`, if given and different, needs `reason`.
    /// `received` is the appeal's receipt day and `limit` the two-month limit.
    pub fn new(
        rule: DeadlineRule,
        proposed: NaiveDate,
        chosen: Option<NaiveDate>,
        reason: &str,
        received: NaiveDate,
        limit: NaiveDate,
    ) -> Result<ChosenDeadline, ForwardingError> {
        let due = chosen.unwrap_or(proposed);
        let reason = reason.trim();
        // An extension is the head's reasoned decision (APPC art. 76): it always has a reason.
        if due == proposed && rule != DeadlineRule::ExtensionLimit {
            return Ok(ChosenDeadline {
                rule,
                due,
                reason: None,
            });
        }
        if reason.is_empty() {
            return Err(ForwardingError::DeadlineReasonRequired);
        }
        if due < received {
            return Err(ForwardingError::DeadlineBeforeReceipt);
        }
        if due > limit {
            return Err(ForwardingError::DeadlineBeyondLimit);
        }
        Ok(ChosenDeadline {
            rule,
            due,
            reason: Some(Redacted(reason.to_owned())),
        })
    }
}

/// Requires a non-empty text, e.g. a withdrawal's reason or an answer.
pub fn required_text(text: &str, error: ForwardingError) -> Result<Redacted<String>, ForwardingError> {
    let text = text.trim();
    if text.is_empty() {
        Err(error)
    } else {
        Ok(Redacted(text.chars().take(4000).collect()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_proposed_deadline_needs_no_reason_another_one_does() {
        let (proposed, received, limit) = (date("2026-12-17"), date("2026-11-25"), date("2027-01-25"));
        let rule = DeadlineRule::Consideration;
        let kept = ChosenDeadline::new(rule, proposed, None, "", received, limit).unwrap();
        assert_eq!((kept.due, kept.reason), (proposed, None));
        let same = ChosenDeadline::new(rule, proposed, Some(proposed), "", received, limit).unwrap();
        assert_eq!(same.reason, None);
        assert_eq!(
            ChosenDeadline::new(rule, proposed, Some(date("2026-12-10")), " ", received, limit),
            Err(ForwardingError::DeadlineReasonRequired)
        );
        let earlier = ChosenDeadline::new(
            rule,
            proposed,
            Some(date("2026-12-10")),
            "Іс шұғыл",
            received,
            limit,
        )
        .unwrap();
        assert_eq!(earlier.due, date("2026-12-10"));
        assert_eq!(
            ChosenDeadline::new(rule, proposed, Some(date("2026-11-20")), "x", received, limit),
            Err(ForwardingError::DeadlineBeforeReceipt)
        );
        assert_eq!(
            ChosenDeadline::new(rule, proposed, Some(date("2027-02-01")), "x", received, limit),
            Err(ForwardingError::DeadlineBeyondLimit)
        );
    }

    #[test]
    fn an_extension_is_a_reasoned_decision() {
        let (received, limit) = (date("2026-11-25"), date("2027-01-25"));
        let extension = DeadlineRule::ExtensionLimit;
        assert_eq!(
            ChosenDeadline::new(extension, limit, None, "", received, limit),
            Err(ForwardingError::DeadlineReasonRequired)
        );
        let extended = ChosenDeadline::new(
            extension,
            limit,
            None,
            "Директордың 12.12.2026 шешімі",
            received,
            limit,
        );
        assert_eq!(extended.unwrap().due, limit);
    }

    #[test]
    fn e_mail_addresses() {
        for good in ["pdn@police.kz", "bilim.bolimi@aqtobe.gov.kz"] {
            assert!(valid_email(good), "{good}");
        }
        for bad in [
            "",
            "police.kz",
            "a@b",
            "a @b.kz",
            "a@b.kz, c@d.kz",
            "@b.kz",
            "a@.kz",
            "a@b@c.kz",
        ] {
            assert!(!valid_email(bad), "{bad}");
        }
    }

    #[test]
    fn channel_codes_round_trip_and_the_directory_has_kazakh_and_russian_names() {
        for channel in ForwardingChannel::ALL {
            assert_eq!(ForwardingChannel::parse(channel.code()), Ok(channel));
        }
        assert!(
            DEFAULT_DIRECTORY
                .iter()
                .all(|(kk, ru, _)| !kk.is_empty() && !ru.is_empty())
        );
    }
}
