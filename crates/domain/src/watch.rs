//! Every appeal watched to its end (seed 4.5е): the school's own duties under the
//! Administrative Procedural and Process Code, who answers for them, and where each stands.
//!
//! A journal entry is not an appeal: a correction is a new entry for the same appeal. The
//! entries of one appeal form a chain (each correction names the entry it corrects); the
//! appeal stands on the last entry of its chain and carries what was recorded on any of them.
//!
//! The duties of an appeal that is not yet answered (column f):
//! - **consideration** within 15 working days of its receipt day, or by the date of the head's
//!   reasoned extension (at most two months) — unless it was forwarded, when the forwarding's
//!   own deadline is watched instead;
//! - **forwarding within 3 working days** when staff found it outside the school's competence,
//!   done when it is forwarded;
//! - **at once** when the screen found urgent risk (a crime against a child, a threat to a
//!   life), anonymous or not — done when it is handed over to 111/102/103 or forwarded;
//! - **telling the applicant of an extension** within 3 working days of the decision, for a
//!   named applicant — done when the notice is recorded as given.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};

use crate::calendar::WorkingCalendar;
use crate::deadline::{DeadlineRule, DeadlineStatus, due_date};
use crate::{AppealId, JournalNumber, JournalYear, UserId};

/// What the journal and its side tables say of one entry, nothing opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryFacts {
    pub id: AppealId,
    pub corrects: Option<AppealId>,
    pub year: JournalYear,
    pub number: JournalNumber,
    pub received_at: DateTime<Utc>,
    pub registered_by: UserId,
    pub anonymous: bool,
    /// An outcome is recorded in column f.
    pub answered: bool,
    /// A forwarding that was not withdrawn.
    pub forwarded: bool,
    /// Handed over to a national service.
    pub handed_over: bool,
    /// Screened urgent and the flag not cleared.
    pub urgent: bool,
    /// Staff found it outside the school's competence.
    pub outside_competence: bool,
    /// The latest change of the responsible person recorded on this entry: (order, person).
    pub assignment: Option<(i64, UserId)>,
    /// The latest extension recorded on this entry: (order, extension).
    pub extension: Option<(i64, Extension)>,
}

/// The head's reasoned extension of the consideration (APPC art. 76).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Extension {
    /// The new date the appeal must be considered by.
    pub due_on: NaiveDate,
    /// The day of the decision.
    pub decided_on: NaiveDate,
    /// The day the applicant was told, once they were.
    pub told_on: Option<NaiveDate>,
}

/// One appeal: the chain of its entries, standing on the last.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WatchedAppeal {
    /// The entry that stands (the last correction, or the entry itself).
    pub id: AppealId,
    pub year: JournalYear,
    pub number: JournalNumber,
    /// Every entry of the chain, the standing one included.
    pub entries: Vec<AppealId>,
    pub received_at: DateTime<Utc>,
    pub anonymous: bool,
    pub answered: bool,
    pub forwarded: bool,
    pub handed_over: bool,
    pub urgent: bool,
    pub outside_competence: bool,
    /// Who answers for it: the person it was last given to, or whoever registered it first.
    pub responsible: UserId,
    pub extension: Option<Extension>,
    /// The latest extension's record.
    pub extension_id: Option<i64>,
}

/// A duty still to be done, with its last day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Duty {
    pub rule: DeadlineRule,
    pub due: NaiveDate,
}

impl Duty {
    pub fn status(&self, calendar: &WorkingCalendar, today: NaiveDate) -> DeadlineStatus {
        DeadlineStatus::of(calendar, self.due, today)
    }
}

/// Which appeal each entry belongs to: entries linked by corrections, in any shape (one
/// entry corrected twice, a correction of a correction), are one appeal, standing on its latest
/// entry (the highest id). An entry whose corrected entry is not given stands with the others
/// it is linked to.
pub fn standing_entries(links: &[(AppealId, Option<AppealId>)]) -> HashMap<AppealId, AppealId> {
    // Union–find over the correction links; each set's root becomes its latest entry.
    let mut parent: HashMap<AppealId, AppealId> = links.iter().map(|(id, _)| (*id, *id)).collect();
    fn root(parent: &mut HashMap<AppealId, AppealId>, id: AppealId) -> AppealId {
        let mut current = id;
        while parent[&current] != current {
            current = parent[&current];
        }
        let top = current;
        let mut current = id;
        while parent[&current] != top {
            let next = parent[&current];
            parent.insert(current, top);
            current = next;
        }
        top
    }
    for (id, corrects) in links {
        let Some(corrects) = corrects else { continue };
        if !parent.contains_key(corrects) {
            continue;
        }
        let (a, b) = (root(&mut parent, *id), root(&mut parent, *corrects));
        if a != b {
            // The later entry stands.
            let (low, high) = if a < b { (a, b) } else { (b, a) };
            parent.insert(low, high);
        }
    }
    let ids: Vec<AppealId> = parent.keys().copied().collect();
    ids.into_iter().map(|id| (id, root(&mut parent, id))).collect()
}

/// Gathers entries into appeals (see [`standing_entries`]).
pub fn appeals(entries: &[EntryFacts]) -> Vec<WatchedAppeal> {
    let links: Vec<(AppealId, Option<AppealId>)> =
        entries.iter().map(|entry| (entry.id, entry.corrects)).collect();
    let standing_of = standing_entries(&links);
    let mut chains: std::collections::BTreeMap<AppealId, Vec<&EntryFacts>> =
        std::collections::BTreeMap::new();
    for entry in entries {
        chains.entry(standing_of[&entry.id]).or_default().push(entry);
    }
    let mut appeals = Vec::new();
    for (standing_id, mut chain) in chains {
        // Latest first, as the journal reads.
        chain.sort_by_key(|entry| std::cmp::Reverse(entry.id));
        let standing = chain[0];
        debug_assert_eq!(standing.id, standing_id);
        let first = chain.last().expect("a chain has its standing entry");
        let responsible = chain
            .iter()
            .filter_map(|entry| entry.assignment)
            .max_by_key(|(order, _)| *order)
            .map_or(first.registered_by, |(_, person)| person);
        let extension = chain
            .iter()
            .filter_map(|entry| entry.extension)
            .max_by_key(|(order, _)| *order);
        appeals.push(WatchedAppeal {
            id: standing.id,
            year: standing.year,
            number: standing.number,
            entries: chain.iter().map(|entry| entry.id).collect(),
            received_at: standing.received_at,
            anonymous: standing.anonymous,
            answered: chain.iter().any(|entry| entry.answered),
            forwarded: chain.iter().any(|entry| entry.forwarded),
            handed_over: chain.iter().any(|entry| entry.handed_over),
            // An urgent flag still open on any entry keeps the appeal urgent until staff clear it.
            urgent: chain.iter().any(|entry| entry.urgent),
            outside_competence: chain.iter().any(|entry| entry.outside_competence),
            responsible,
            extension: extension.map(|(_, extension)| extension),
            extension_id: extension.map(|(id, _)| id),
        });
    }
    appeals
}

impl WatchedAppeal {
    /// The date the school must consider it by: its 15 working days, or the extension's date.
    pub fn consideration_due(&self, calendar: &WorkingCalendar) -> NaiveDate {
        match self.extension {
            Some(extension) => extension.due_on,
            None => due_date(calendar, DeadlineRule::Consideration, self.received_at, None),
        }
    }

    /// Whether any duty of the school is left: it is not answered.
    pub fn is_open(&self) -> bool {
        !self.answered
    }

    /// The duties still to be done, the earliest first.
    pub fn duties(&self, calendar: &WorkingCalendar) -> Vec<Duty> {
        if self.answered {
            return Vec::new();
        }
        let mut duties = Vec::new();
        if self.urgent && !self.handed_over && !self.forwarded {
            duties.push(Duty {
                rule: DeadlineRule::ForwardAtOnce,
                due: due_date(calendar, DeadlineRule::ForwardAtOnce, self.received_at, None),
            });
        }
        if self.outside_competence && !self.forwarded {
            duties.push(Duty {
                rule: DeadlineRule::ForwardOutsideCompetence,
                due: due_date(
                    calendar,
                    DeadlineRule::ForwardOutsideCompetence,
                    self.received_at,
                    None,
                ),
            });
        }
        if let Some(extension) = self.extension
            && !self.anonymous
            && extension.told_on.is_none()
        {
            duties.push(Duty {
                rule: DeadlineRule::ExtensionNotice,
                due: due_date(
                    calendar,
                    DeadlineRule::ExtensionNotice,
                    self.received_at,
                    Some(extension.decided_on),
                ),
            });
        }
        if !self.forwarded {
            duties.push(Duty {
                rule: if self.extension.is_some() {
                    DeadlineRule::ExtensionLimit
                } else {
                    DeadlineRule::Consideration
                },
                due: self.consideration_due(calendar),
            });
        }
        duties.sort_by_key(|duty| duty.due);
        duties
    }
}

/// A refusal of an extension as typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ExtensionError {
    #[error("reason: an extension is the head's reasoned decision; give the reason")]
    ReasonRequired,
    #[error("reason: the reason is longer than {MAX_EXTENSION_REASON} characters")]
    ReasonTooLong,
    #[error("due_on: a date as YYYY-MM-DD after the 15 working days of consideration")]
    NotLater,
    #[error("due_on: at most two months from the day of receipt")]
    BeyondLimit,
    #[error("decided_on: a date as YYYY-MM-DD, from the day of receipt to today")]
    DecisionDate,
    #[error("told_on: a date as YYYY-MM-DD, from the decision to today")]
    ToldDate,
    #[error("the appeal is already answered")]
    Answered,
    #[error("appeal: a forwarded appeal follows its forwarding's deadline; change that instead")]
    Forwarded,
    #[error("due_on: the new deadline is today or later")]
    Past,
    #[error("decided_on: an extension is decided before the deadline it extends has passed")]
    DecidedLate,
    #[error("told_on: an anonymous applicant is not told; there is nobody to tell")]
    Anonymous,
    #[error("told_on: the applicant is already recorded as told of this extension")]
    AlreadyTold,
    #[error("appeal: the appeal has no extension to tell of")]
    NoExtension,
}

impl ExtensionError {
    pub fn field(self) -> &'static str {
        match self {
            ExtensionError::ReasonRequired | ExtensionError::ReasonTooLong => "reason",
            ExtensionError::NotLater | ExtensionError::BeyondLimit => "due_on",
            ExtensionError::DecisionDate => "decided_on",
            ExtensionError::ToldDate | ExtensionError::Anonymous | ExtensionError::AlreadyTold => "told_on",
            ExtensionError::Answered | ExtensionError::Forwarded | ExtensionError::NoExtension => "appeal",
            ExtensionError::Past => "due_on",
            ExtensionError::DecidedLate => "decided_on",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            ExtensionError::ReasonRequired => "reason_required",
            ExtensionError::ReasonTooLong => "too_long",
            ExtensionError::NotLater => "not_later",
            ExtensionError::BeyondLimit => "beyond_limit",
            ExtensionError::DecisionDate => "invalid_decided_on",
            ExtensionError::ToldDate => "invalid_told_on",
            ExtensionError::Answered => "answered",
            ExtensionError::Forwarded => "forwarded",
            ExtensionError::Past => "in_past",
            ExtensionError::DecidedLate => "decided_late",
            ExtensionError::Anonymous => "anonymous",
            ExtensionError::AlreadyTold => "already_told",
            ExtensionError::NoExtension => "no_extension",
        }
    }

    pub fn message_id(self) -> &'static str {
        match self {
            ExtensionError::ReasonRequired => "error-extension-reason",
            ExtensionError::ReasonTooLong => "error-extension-reason-long",
            ExtensionError::NotLater => "error-extension-not-later",
            ExtensionError::BeyondLimit => "error-extension-limit",
            ExtensionError::DecisionDate => "error-extension-decided",
            ExtensionError::ToldDate => "error-extension-told",
            ExtensionError::Answered => "error-extension-answered",
            ExtensionError::Forwarded => "error-extension-forwarded",
            ExtensionError::Past => "error-extension-past",
            ExtensionError::DecidedLate => "error-extension-decided-late",
            ExtensionError::Anonymous => "error-notice-anonymous",
            ExtensionError::AlreadyTold => "error-notice-recorded",
            ExtensionError::NoExtension => "error-extension-none",
        }
    }
}

/// Why an appeal cannot be given to a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AssignError {
    #[error("login: an active account of the school that registers appeals")]
    NotARegistrar,
    #[error("appeal: the appeal is already considered")]
    Answered,
}

impl AssignError {
    pub fn field(self) -> &'static str {
        match self {
            AssignError::NotARegistrar => "login",
            AssignError::Answered => "appeal",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            AssignError::NotARegistrar => "not_a_registrar",
            AssignError::Answered => "answered",
        }
    }

    pub fn message_id(self) -> &'static str {
        match self {
            AssignError::NotARegistrar => "error-assign-registrar",
            AssignError::Answered => "error-assign-answered",
        }
    }
}

/// How a notice reached the applicant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NoticeChannel {
    /// Printed and handed to the applicant.
    Hand,
    /// Printed and posted.
    Post,
    /// Sent by e-mail to the address the applicant gave.
    Email,
}

impl NoticeChannel {
    pub const ALL: [NoticeChannel; 3] = [NoticeChannel::Hand, NoticeChannel::Post, NoticeChannel::Email];

    pub fn code(self) -> &'static str {
        match self {
            NoticeChannel::Hand => "hand",
            NoticeChannel::Post => "post",
            NoticeChannel::Email => "email",
        }
    }

    pub fn parse(code: &str) -> Result<NoticeChannel, NoticeError> {
        NoticeChannel::ALL
            .into_iter()
            .find(|channel| channel.code() == code.trim())
            .ok_or(NoticeError::Channel)
    }

    pub fn message_id(self) -> &'static str {
        match self {
            NoticeChannel::Hand => "notice-channel-hand",
            NoticeChannel::Post => "notice-channel-post",
            NoticeChannel::Email => "notice-channel-email",
        }
    }
}

/// A refusal of a notice to the applicant as recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NoticeError {
    #[error("channel: hand, post or email")]
    Channel,
    #[error("sent_on: a date as YYYY-MM-DD, from the day of the decision or forwarding to today")]
    Date,
    #[error("appeal: an anonymous applicant is not told; there is nobody to tell")]
    Anonymous,
    #[error("notice: the applicant's notice is already recorded")]
    Recorded,
}

impl NoticeError {
    pub fn field(self) -> &'static str {
        match self {
            NoticeError::Channel => "channel",
            NoticeError::Date => "sent_on",
            NoticeError::Anonymous => "appeal",
            NoticeError::Recorded => "notice",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            NoticeError::Channel => "unknown_channel",
            NoticeError::Date => "invalid_sent_on",
            NoticeError::Anonymous => "anonymous",
            NoticeError::Recorded => "already_recorded",
        }
    }

    pub fn message_id(self) -> &'static str {
        match self {
            NoticeError::Channel => "error-notice-channel",
            NoticeError::Date => "error-notice-date",
            NoticeError::Anonymous => "error-notice-anonymous",
            NoticeError::Recorded => "error-notice-recorded",
        }
    }
}

/// Checks the day a notice was given: from `since` (the decision or the forwarding) to today.
pub fn notice_day(
    sent_on: Option<NaiveDate>,
    since: NaiveDate,
    today: NaiveDate,
) -> Result<NaiveDate, NoticeError> {
    let day = sent_on.unwrap_or(today);
    if day < since || day > today {
        return Err(NoticeError::Date);
    }
    Ok(day)
}

/// The longest reason an extension may give.
pub const MAX_EXTENSION_REASON: usize = 2000;

/// An extension as asked: the new date, why, the day of the decision (today when not given)
/// and the day the applicant was told, if they already were.
#[derive(Clone, Copy, Debug)]
pub struct ExtensionRequest<'a> {
    pub due_on: Option<NaiveDate>,
    pub reason: &'a str,
    pub decided_on: Option<NaiveDate>,
    pub told_on: Option<NaiveDate>,
}

/// Checks an extension of `appeal` on `today`: later than the 15 working days, at most two
/// months from receipt, with its reason; returns it with the reason trimmed.
pub fn plan_extension<'a>(
    calendar: &WorkingCalendar,
    appeal: &WatchedAppeal,
    request: &ExtensionRequest<'a>,
    today: NaiveDate,
) -> Result<(Extension, &'a str), ExtensionError> {
    if appeal.answered {
        return Err(ExtensionError::Answered);
    }
    if appeal.forwarded {
        return Err(ExtensionError::Forwarded);
    }
    let reason = request.reason.trim();
    if reason.is_empty() {
        return Err(ExtensionError::ReasonRequired);
    }
    if reason.chars().count() > MAX_EXTENSION_REASON {
        return Err(ExtensionError::ReasonTooLong);
    }
    let consideration = due_date(calendar, DeadlineRule::Consideration, appeal.received_at, None);
    let limit = due_date(calendar, DeadlineRule::ExtensionLimit, appeal.received_at, None);
    let due_on = request.due_on.ok_or(ExtensionError::NotLater)?;
    if due_on <= consideration {
        return Err(ExtensionError::NotLater);
    }
    if due_on > limit {
        return Err(ExtensionError::BeyondLimit);
    }
    if due_on < today {
        return Err(ExtensionError::Past);
    }
    let decided_on = request.decided_on.unwrap_or(today);
    if decided_on > today || decided_on < crate::time::local_date(appeal.received_at) {
        return Err(ExtensionError::DecisionDate);
    }
    // The head extends a deadline that still runs (its 15 working days, or an earlier
    // extension): a decision after it passed would hide that it was missed.
    if decided_on > appeal.consideration_due(calendar) {
        return Err(ExtensionError::DecidedLate);
    }
    if let Some(told_on) = request.told_on {
        if appeal.anonymous {
            return Err(ExtensionError::Anonymous);
        }
        if told_on < decided_on || told_on > today {
            return Err(ExtensionError::ToldDate);
        }
    }
    Ok((
        Extension {
            due_on,
            decided_on,
            told_on: request.told_on,
        },
        reason,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::WorkingCalendar;
    use crate::time::from_local;

    fn calendar() -> WorkingCalendar {
        WorkingCalendar::embedded()
    }

    fn entry(id: i64, received: DateTime<Utc>) -> EntryFacts {
        EntryFacts {
            id: AppealId(id),
            corrects: None,
            year: JournalYear(2026),
            number: JournalNumber(id),
            received_at: received,
            registered_by: UserId(1),
            anonymous: false,
            answered: false,
            forwarded: false,
            handed_over: false,
            urgent: false,
            outside_competence: false,
            assignment: None,
            extension: None,
        }
    }

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn almaty(text: &str) -> DateTime<Utc> {
        from_local(chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()).unwrap()
    }

    #[test]
    fn an_appeal_handled_at_school_is_due_in_fifteen_working_days() {
        // Monday 2 November 2026, 10:00.
        let received = almaty("2026-11-02 10:00");
        let appeals = appeals(&[entry(1, received)]);
        let duties = appeals[0].duties(&calendar());
        assert_eq!(
            duties,
            vec![Duty {
                rule: DeadlineRule::Consideration,
                due: date("2026-11-23"),
            }]
        );
    }

    #[test]
    fn a_correction_is_the_same_appeal_and_keeps_what_the_first_entry_had() {
        let received = almaty("2026-11-02 10:00");
        let mut first = entry(1, received);
        first.forwarded = true;
        first.assignment = Some((4, UserId(7)));
        let mut correction = entry(2, received);
        correction.corrects = Some(AppealId(1));
        correction.registered_by = UserId(3);
        let appeals = appeals(&[first, correction]);
        assert_eq!(appeals.len(), 1);
        let appeal = &appeals[0];
        assert_eq!(appeal.id, AppealId(2));
        assert_eq!(appeal.entries, vec![AppealId(2), AppealId(1)]);
        assert!(appeal.forwarded);
        assert_eq!(appeal.responsible, UserId(7));
        // Forwarded: the forwarding's deadline is watched, not the school's own.
        assert!(appeal.duties(&calendar()).is_empty());
    }

    #[test]
    fn the_registrar_of_the_first_entry_answers_for_it_until_it_is_given_to_another() {
        let received = almaty("2026-11-02 10:00");
        let mut first = entry(1, received);
        first.registered_by = UserId(5);
        let mut correction = entry(2, received);
        correction.corrects = Some(AppealId(1));
        correction.registered_by = UserId(6);
        assert_eq!(
            appeals(&[first.clone(), correction.clone()])[0].responsible,
            UserId(5)
        );
        first.assignment = Some((1, UserId(8)));
        correction.assignment = Some((2, UserId(9)));
        assert_eq!(appeals(&[first, correction])[0].responsible, UserId(9));
    }

    #[test]
    fn an_urgent_appeal_must_go_at_once_until_handed_over_or_forwarded() {
        // Saturday 7 November 2026: «at once» is that very day, working or not.
        let received = almaty("2026-11-07 22:00");
        let mut urgent = entry(1, received);
        urgent.urgent = true;
        urgent.anonymous = true;
        let appeal = &appeals(std::slice::from_ref(&urgent))[0];
        let duties = appeal.duties(&calendar());
        assert_eq!(duties[0].rule, DeadlineRule::ForwardAtOnce);
        assert_eq!(duties[0].due, date("2026-11-07"));
        assert_eq!(
            duties[0].status(&calendar(), date("2026-11-09")),
            DeadlineStatus::Overdue
        );
        urgent.handed_over = true;
        let rules: Vec<DeadlineRule> = appeals(&[urgent])[0]
            .duties(&calendar())
            .iter()
            .map(|duty| duty.rule)
            .collect();
        assert_eq!(rules, vec![DeadlineRule::Consideration]);
    }

    #[test]
    fn outside_the_schools_competence_it_is_forwarded_within_three_working_days() {
        // Friday 6 November 2026 at 19:00, after hours: counted from Monday the 9th.
        let mut outside = entry(1, almaty("2026-11-06 19:00"));
        outside.outside_competence = true;
        let duties = appeals(std::slice::from_ref(&outside))[0].duties(&calendar());
        assert_eq!(duties[0].rule, DeadlineRule::ForwardOutsideCompetence);
        assert_eq!(duties[0].due, date("2026-11-12"));
        outside.forwarded = true;
        assert!(appeals(&[outside])[0].duties(&calendar()).is_empty());
    }

    #[test]
    fn an_extension_moves_the_date_and_asks_for_the_applicant_to_be_told() {
        let calendar = calendar();
        let received = almaty("2026-11-02 10:00");
        let appeal = appeals(&[entry(1, received)]).remove(0);
        let today = date("2026-11-20");
        let asked = |due: &str, reason: &'static str| ExtensionRequest {
            due_on: Some(date(due)),
            reason,
            decided_on: None,
            told_on: None,
        };
        assert_eq!(
            plan_extension(&calendar, &appeal, &asked("2026-12-10", "  "), today),
            Err(ExtensionError::ReasonRequired)
        );
        assert_eq!(
            plan_extension(&calendar, &appeal, &asked("2026-11-23", "тексеру"), today),
            Err(ExtensionError::NotLater)
        );
        assert_eq!(
            plan_extension(&calendar, &appeal, &asked("2027-01-03", "тексеру"), today),
            Err(ExtensionError::BeyondLimit)
        );
        let (extension, reason) =
            plan_extension(&calendar, &appeal, &asked("2027-01-02", " тексеру "), today).unwrap();
        assert_eq!(reason, "тексеру");
        assert_eq!(extension.decided_on, today);
        let mut extended = entry(1, received);
        extended.extension = Some((1, extension));
        let duties = appeals(&[extended.clone()])[0].duties(&calendar);
        assert_eq!(
            duties,
            vec![
                Duty {
                    rule: DeadlineRule::ExtensionNotice,
                    due: date("2026-11-25"),
                },
                Duty {
                    rule: DeadlineRule::ExtensionLimit,
                    due: date("2027-01-02"),
                },
            ]
        );
        // An anonymous applicant cannot be told.
        extended.anonymous = true;
        assert_eq!(appeals(&[extended])[0].duties(&calendar).len(), 1);
    }

    #[test]
    fn an_entry_corrected_twice_is_still_one_appeal() {
        let received = almaty("2026-11-02 10:00");
        let first = entry(1, received);
        let mut one = entry(2, received);
        one.corrects = Some(AppealId(1));
        let mut other = entry(3, received);
        other.corrects = Some(AppealId(1));
        other.answered = false;
        one.answered = true;
        let gathered = appeals(&[first, one, other]);
        assert_eq!(gathered.len(), 1, "{gathered:?}");
        assert_eq!(gathered[0].id, AppealId(3), "the latest entry stands");
        assert_eq!(gathered[0].entries, vec![AppealId(3), AppealId(2), AppealId(1)]);
        assert!(gathered[0].answered, "an outcome on any entry answers the appeal");
    }

    #[test]
    fn an_urgent_flag_left_open_on_the_corrected_entry_keeps_the_appeal_urgent() {
        let received = almaty("2026-11-02 10:00");
        let mut first = entry(1, received);
        first.urgent = true;
        let mut correction = entry(2, received);
        correction.corrects = Some(AppealId(1));
        let appeal = &appeals(&[first, correction])[0];
        assert!(appeal.urgent);
        assert_eq!(appeal.duties(&calendar())[0].rule, DeadlineRule::ForwardAtOnce);
    }

    #[test]
    fn an_extension_is_decided_in_time_for_a_deadline_to_come() {
        let calendar = calendar();
        // Received 2 November: the 15 working days end on 23 November.
        let appeal = appeals(&[entry(1, almaty("2026-11-02 10:00"))]).remove(0);
        let asked = |due: &str, decided: Option<&str>| ExtensionRequest {
            due_on: Some(date(due)),
            reason: "тексеру",
            decided_on: decided.map(date),
            told_on: None,
        };
        assert_eq!(
            plan_extension(&calendar, &appeal, &asked("2026-12-20", None), date("2026-11-25")),
            Err(ExtensionError::DecidedLate),
            "decided after the deadline passed"
        );
        assert!(
            plan_extension(
                &calendar,
                &appeal,
                &asked("2026-12-20", Some("2026-11-23")),
                date("2026-11-25")
            )
            .is_ok(),
            "recorded later, decided in time"
        );
        assert_eq!(
            plan_extension(
                &calendar,
                &appeal,
                &asked("2026-11-24", Some("2026-11-20")),
                date("2026-11-25")
            ),
            Err(ExtensionError::Past)
        );
        let mut forwarded = appeal.clone();
        forwarded.forwarded = true;
        assert_eq!(
            plan_extension(
                &calendar,
                &forwarded,
                &asked("2026-12-20", None),
                date("2026-11-20")
            ),
            Err(ExtensionError::Forwarded)
        );
        let mut anonymous = appeal.clone();
        anonymous.anonymous = true;
        let told = ExtensionRequest {
            told_on: Some(date("2026-11-20")),
            ..asked("2026-12-20", None)
        };
        assert_eq!(
            plan_extension(&calendar, &anonymous, &told, date("2026-11-20")),
            Err(ExtensionError::Anonymous)
        );
    }

    #[test]
    fn an_answered_appeal_has_no_duty_left() {
        let mut answered = entry(1, almaty("2026-11-02 10:00"));
        answered.urgent = true;
        answered.outside_competence = true;
        answered.answered = true;
        let appeal = &appeals(&[answered])[0];
        assert!(!appeal.is_open());
        assert!(appeal.duties(&calendar()).is_empty());
    }
}
