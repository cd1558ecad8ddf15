//! Forwarding an appeal to an executing organisation (ұйым-орындаушы): the directory a
//! school keeps, how a forwarding is sent (fax, e-mail, telephonogram — seed 4.5 д), its
//! deadline of consideration (journal column е), the answer (column f) or its withdrawal.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::appeal::Redacted;
use crate::calendar::WorkingCalendar;
use crate::deadline::{DeadlineRule, due_date};

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

/// The rules a forwarding's deadline of consideration may follow.
pub const FORWARDING_RULES: [DeadlineRule; 2] = [DeadlineRule::Consideration, DeadlineRule::ExtensionLimit];

/// The language a forwarding letter is written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LetterLanguage {
    #[default]
    Kk,
    Ru,
}

impl LetterLanguage {
    pub fn code(self) -> &'static str {
        match self {
            LetterLanguage::Kk => "kk",
            LetterLanguage::Ru => "ru",
        }
    }

    /// `ru` is Russian; anything else (a form left as it was) is Kazakh, the default.
    pub fn or_kazakh(code: &str) -> LetterLanguage {
        match code.trim() {
            "ru" => LetterLanguage::Ru,
            _ => LetterLanguage::Kk,
        }
    }

    /// A stored code; `None` for one Senim never writes.
    pub fn parse(code: &str) -> Option<LetterLanguage> {
        match code {
            "kk" => Some(LetterLanguage::Kk),
            "ru" => Some(LetterLanguage::Ru),
            _ => None,
        }
    }
}

/// Where an e-mail forwarding's letter stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryState {
    /// Not sent by e-mail (a fax, a telephonogram).
    None,
    Pending,
    /// Taken by the outbox and being sent.
    Sending,
    /// Failed for a while; tried again later.
    Retrying,
    Sent,
    /// Refused for good.
    Failed,
    /// The forwarding was answered or withdrawn before its letter went out.
    Cancelled,
}

impl DeliveryState {
    pub const ALL: [DeliveryState; 7] = [
        DeliveryState::None,
        DeliveryState::Pending,
        DeliveryState::Sending,
        DeliveryState::Retrying,
        DeliveryState::Sent,
        DeliveryState::Failed,
        DeliveryState::Cancelled,
    ];

    pub fn code(self) -> &'static str {
        match self {
            DeliveryState::None => "none",
            DeliveryState::Pending => "pending",
            DeliveryState::Sending => "sending",
            DeliveryState::Retrying => "retrying",
            DeliveryState::Sent => "sent",
            DeliveryState::Failed => "failed",
            DeliveryState::Cancelled => "cancelled",
        }
    }

    pub fn parse(code: &str) -> Option<DeliveryState> {
        DeliveryState::ALL.into_iter().find(|state| state.code() == code)
    }
}

/// What happened to a forwarding, as its history lists it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ForwardingEventKind {
    Forwarded,
    DeadlineChanged,
    Received,
    Answered,
    Withdrawn,
}

impl ForwardingEventKind {
    pub const ALL: [ForwardingEventKind; 5] = [
        ForwardingEventKind::Forwarded,
        ForwardingEventKind::DeadlineChanged,
        ForwardingEventKind::Received,
        ForwardingEventKind::Answered,
        ForwardingEventKind::Withdrawn,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ForwardingEventKind::Forwarded => "forwarded",
            ForwardingEventKind::DeadlineChanged => "deadline_changed",
            ForwardingEventKind::Received => "received",
            ForwardingEventKind::Answered => "answered",
            ForwardingEventKind::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(code: &str) -> Option<ForwardingEventKind> {
        ForwardingEventKind::ALL
            .into_iter()
            .find(|kind| kind.code() == code)
    }

    /// The Fluent id of its words in the history.
    pub fn message_id(self) -> String {
        format!("forwarding-event-{}", self.code().replace('_', "-"))
    }
}

/// A forwarding as asked for (by a form or the API), before it is checked.
pub struct ForwardingRequest<'a> {
    pub executing_organisation: Option<i64>,
    pub channel: &'a str,
    pub rule: DeadlineRule,
    pub due_on: Option<NaiveDate>,
    pub reason: &'a str,
}

/// A checked forwarding: to whom, how, and by when.
#[derive(Debug)]
pub struct ForwardingPlan {
    pub executing_organisation: ExecutingOrganisationId,
    pub channel: ForwardingChannel,
    pub deadline: ChosenDeadline,
}

/// Checks a forwarding of an appeal received at `received_at` before it is recorded: the
/// organisation is in the school's directory, an e-mail needs its address, the rule is one a
/// forwarding follows, and the deadline is the rule's own or another with a reason, not before
/// the receipt day and within two months of receipt (APPC art. 76).
pub fn plan_forwarding(
    calendar: &WorkingCalendar,
    received_at: DateTime<Utc>,
    directory: &[ExecutingOrganisation],
    request: &ForwardingRequest<'_>,
) -> Result<ForwardingPlan, ForwardingError> {
    let channel = ForwardingChannel::parse(request.channel)?;
    let entry = request
        .executing_organisation
        .and_then(|id| directory.iter().find(|entry| entry.id.0 == id))
        .ok_or(ForwardingError::UnknownOrganisation)?;
    if channel == ForwardingChannel::Email && !valid_email(&entry.email) {
        return Err(ForwardingError::NoEmailAddress);
    }
    let rule = if FORWARDING_RULES.contains(&request.rule) {
        request.rule
    } else {
        DeadlineRule::Consideration
    };
    let proposed = due_date(calendar, rule, received_at, None);
    let limit = due_date(calendar, DeadlineRule::ExtensionLimit, received_at, None);
    let deadline = ChosenDeadline::new(
        rule,
        proposed,
        request.due_on,
        request.reason,
        calendar.receipt_day(received_at),
        limit,
    )?;
    Ok(ForwardingPlan {
        executing_organisation: entry.id,
        channel,
        deadline,
    })
}

/// A new deadline for an open forwarding (of an appeal received at `received_at`, following
/// `current_rule`): a change always carries its reason, even back to the rule's own date, and a
/// date later than the 15 working days of consideration is an extension (APPC art. 76), kept as
/// such — at most two months from receipt.
pub fn changed_deadline(
    calendar: &WorkingCalendar,
    received_at: DateTime<Utc>,
    current_rule: DeadlineRule,
    due_on: Option<NaiveDate>,
    reason: &str,
) -> Result<ChosenDeadline, ForwardingError> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(ForwardingError::DeadlineReasonRequired);
    }
    let consideration = due_date(calendar, DeadlineRule::Consideration, received_at, None);
    let rule = match due_on {
        Some(due) if due > consideration => DeadlineRule::ExtensionLimit,
        Some(_) => DeadlineRule::Consideration,
        None => current_rule,
    };
    let proposed = due_date(calendar, rule, received_at, None);
    let limit = due_date(calendar, DeadlineRule::ExtensionLimit, received_at, None);
    let mut deadline = ChosenDeadline::new(
        rule,
        proposed,
        due_on,
        reason,
        calendar.receipt_day(received_at),
        limit,
    )?;
    deadline.reason = Some(Redacted(reason.to_owned()));
    Ok(deadline)
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

    fn received() -> DateTime<Utc> {
        // Wednesday 25 November 2026, 10:00 in Almaty.
        chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 11, 25, 5, 0, 0).unwrap()
    }

    fn police() -> ExecutingOrganisation {
        ExecutingOrganisation {
            id: ExecutingOrganisationId(7),
            name_kk: "Полиция".into(),
            name_ru: "Полиция".into(),
            email: String::new(),
            fax: String::new(),
            phone: "102".into(),
            address: String::new(),
        }
    }

    fn request<'a>(
        channel: &'a str,
        rule: DeadlineRule,
        due_on: Option<NaiveDate>,
        reason: &'a str,
    ) -> ForwardingRequest<'a> {
        ForwardingRequest {
            executing_organisation: Some(7),
            channel,
            rule,
            due_on,
            reason,
        }
    }

    #[test]
    fn a_forwarding_goes_to_a_body_of_the_directory_by_a_way_it_can_receive() {
        let calendar = WorkingCalendar::embedded();
        let directory = [police()];
        let plan = plan_forwarding(
            &calendar,
            received(),
            &directory,
            &request("fax", DeadlineRule::Consideration, None, ""),
        )
        .unwrap();
        assert_eq!(plan.executing_organisation, ExecutingOrganisationId(7));
        assert_eq!(
            plan.deadline.due,
            due_date(&calendar, DeadlineRule::Consideration, received(), None)
        );
        assert_eq!(
            plan_forwarding(
                &calendar,
                received(),
                &directory,
                &request("email", DeadlineRule::Consideration, None, "")
            )
            .unwrap_err(),
            ForwardingError::NoEmailAddress
        );
        let unknown = ForwardingRequest {
            executing_organisation: Some(8),
            ..request("fax", DeadlineRule::Consideration, None, "")
        };
        assert_eq!(
            plan_forwarding(&calendar, received(), &directory, &unknown).unwrap_err(),
            ForwardingError::UnknownOrganisation
        );
    }

    #[test]
    fn a_later_deadline_is_an_extension_with_its_reason_and_never_beyond_two_months() {
        let calendar = WorkingCalendar::embedded();
        let consideration = due_date(&calendar, DeadlineRule::Consideration, received(), None);
        let later = consideration + chrono::Duration::days(7);
        let extended = changed_deadline(
            &calendar,
            received(),
            DeadlineRule::Consideration,
            Some(later),
            " Ұйым уақыт сұрады ",
        )
        .unwrap();
        assert_eq!(
            (extended.rule, extended.due),
            (DeadlineRule::ExtensionLimit, later)
        );
        assert_eq!(extended.reason.unwrap().0, "Ұйым уақыт сұрады");
        let earlier = consideration - chrono::Duration::days(2);
        let back = changed_deadline(
            &calendar,
            received(),
            DeadlineRule::ExtensionLimit,
            Some(earlier),
            "қате",
        )
        .unwrap();
        assert_eq!(back.rule, DeadlineRule::Consideration);
        assert_eq!(
            changed_deadline(
                &calendar,
                received(),
                DeadlineRule::Consideration,
                Some(consideration),
                ""
            )
            .unwrap_err(),
            ForwardingError::DeadlineReasonRequired,
            "even the rule's own date needs a reason when it is a change"
        );
        let too_late = date("2027-03-01");
        assert_eq!(
            changed_deadline(
                &calendar,
                received(),
                DeadlineRule::Consideration,
                Some(too_late),
                "кеш"
            )
            .unwrap_err(),
            ForwardingError::DeadlineBeyondLimit
        );
    }
}
