//! An appeal (өтініш) and the columns a–f of the registration journal it fills.
//!
//! Column a is the number, b the received date and time, c the applicant's full name, address
//! and phone (empty for an anonymous appeal), d the short summary, e where it was forwarded and
//! the deadline (filled by forwarding), f the outcome.

use std::fmt;
use std::ops::Deref;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::journal::{EntryHash, JournalNumber, JournalYear};
use crate::organisation::OrganisationId;
use crate::staff::UserId;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct AppealId(pub i64);

/// A value that must never reach a log, a panic message or an error: personal data and texts.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Redacted<T>(pub T);

impl<T> Deref for Redacted<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> fmt::Debug for Redacted<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("‹redacted›")
    }
}

/// How the appeal reached the school.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// A call to the Trust Phone.
    Phone,
    /// A letter from the paper Trust Box.
    BoxLetter,
    /// A submission to the online Trust Box.
    OnlineBox,
    /// A message left on the answering machine out of hours.
    Voicemail,
    /// Said in person.
    InPerson,
    /// An e-mail.
    Email,
}

impl Channel {
    pub const ALL: [Channel; 6] = [
        Channel::Phone,
        Channel::BoxLetter,
        Channel::OnlineBox,
        Channel::Voicemail,
        Channel::InPerson,
        Channel::Email,
    ];

    /// The code used in the API and the database.
    pub fn code(self) -> &'static str {
        match self {
            Channel::Phone => "phone",
            Channel::BoxLetter => "box_letter",
            Channel::OnlineBox => "online_box",
            Channel::Voicemail => "voicemail",
            Channel::InPerson => "in_person",
            Channel::Email => "email",
        }
    }

    pub fn parse(code: &str) -> Result<Channel, AppealError> {
        Channel::ALL
            .into_iter()
            .find(|channel| channel.code() == code)
            .ok_or(AppealError::UnknownChannel)
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Channel::Phone => "channel-phone",
            Channel::BoxLetter => "channel-box-letter",
            Channel::OnlineBox => "channel-online-box",
            Channel::Voicemail => "channel-voicemail",
            Channel::InPerson => "channel-in-person",
            Channel::Email => "channel-email",
        }
    }
}

/// The top level of Child Helpline International's data framework: what an appeal is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    Violence,
    MentalHealth,
    FamilyRelationships,
    PeerRelationships,
    EducationAndOccupation,
    PhysicalHealth,
    AccessToServices,
    DiscriminationAndExclusion,
    Sexuality,
    MissingChildren,
    NonCounselling,
    Unspecified,
}

impl Topic {
    pub const ALL: [Topic; 12] = [
        Topic::Violence,
        Topic::MentalHealth,
        Topic::FamilyRelationships,
        Topic::PeerRelationships,
        Topic::EducationAndOccupation,
        Topic::PhysicalHealth,
        Topic::AccessToServices,
        Topic::DiscriminationAndExclusion,
        Topic::Sexuality,
        Topic::MissingChildren,
        Topic::NonCounselling,
        Topic::Unspecified,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Topic::Violence => "violence",
            Topic::MentalHealth => "mental_health",
            Topic::FamilyRelationships => "family_relationships",
            Topic::PeerRelationships => "peer_relationships",
            Topic::EducationAndOccupation => "education_and_occupation",
            Topic::PhysicalHealth => "physical_health",
            Topic::AccessToServices => "access_to_services",
            Topic::DiscriminationAndExclusion => "discrimination_and_exclusion",
            Topic::Sexuality => "sexuality",
            Topic::MissingChildren => "missing_children",
            Topic::NonCounselling => "non_counselling",
            Topic::Unspecified => "unspecified",
        }
    }

    pub fn parse(code: &str) -> Result<Topic, AppealError> {
        Topic::ALL
            .into_iter()
            .find(|topic| topic.code() == code)
            .ok_or(AppealError::UnknownCategory)
    }

    /// The framework's sub-categories of this topic; each topic but «unspecified» ends with
    /// «other» (Unspecified/Other).
    pub fn subcategories(self) -> &'static [&'static str] {
        match self {
            Topic::MissingChildren => &["child_abduction", "lost_or_missing", "runaway", "other"],
            Topic::Violence => &[
                "bullying",
                "child_marriage",
                "child_labour",
                "commercial_sexual_exploitation",
                "fgm",
                "gender_based_harmful_practices",
                "other_harmful_practices",
                "neglect",
                "online_sexual_abuse",
                "physical_violence",
                "psychological_violence",
                "sexual_violence",
                "other",
            ],
            Topic::MentalHealth => &[
                "substance_use",
                "behavioural_problems",
                "concerns_about_self",
                "anger",
                "fear_and_anxiety",
                "mood",
                "neurodevelopmental",
                "eating",
                "self_harm",
                "suicidal",
                "traumatic_distress",
                "other",
            ],
            Topic::PhysicalHealth => &[
                "general_medical",
                "hiv_aids",
                "nutrition",
                "pregnancy",
                "sexual_reproductive_health",
                "other",
            ],
            Topic::AccessToServices => &[
                "education",
                "essential_needs",
                "healthcare_services",
                "legal_services",
                "mental_health_services",
                "sexual_health_services",
                "socio_economic_services",
                "other",
            ],
            Topic::DiscriminationAndExclusion => &[
                "ethnicity",
                "financial_situation",
                "gender",
                "gender_identity_orientation",
                "health",
                "beliefs",
                "other",
            ],
            Topic::FamilyRelationships => &[
                "adoption_fostering",
                "family_health",
                "general_family",
                "caregiver",
                "siblings",
                "other",
            ],
            Topic::PeerRelationships => &["classmates", "friends", "partner", "other"],
            Topic::EducationAndOccupation => &["academic", "work", "teacher_and_school", "other"],
            Topic::Sexuality => &["sexual_behaviours", "orientation_identity", "other"],
            Topic::NonCounselling => &[
                "parent_questions",
                "trust_line_questions",
                "other_services_questions",
                "complaints",
                "thanks",
                "other",
            ],
            Topic::Unspecified => &[],
        }
    }
}

/// The appeal's subject by Child Helpline International's data framework: a topic and, when
/// known, one of its sub-categories. Its code is `topic` or `topic.sub`
/// (`violence.bullying`), the form the journal's chain seals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Category {
    topic: Topic,
    sub: Option<&'static str>,
}

impl Serialize for Category {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.code())
    }
}

impl Category {
    pub const UNSPECIFIED: Category = Category {
        topic: Topic::Unspecified,
        sub: None,
    };

    /// A topic without a sub-category.
    pub const fn of(topic: Topic) -> Category {
        Category { topic, sub: None }
    }

    /// A topic and one of its sub-categories.
    pub fn with_sub(topic: Topic, sub: &str) -> Result<Category, AppealError> {
        let sub = topic
            .subcategories()
            .iter()
            .find(|known| **known == sub)
            .ok_or(AppealError::UnknownCategory)?;
        Ok(Category {
            topic,
            sub: Some(sub),
        })
    }

    /// Every category, each topic followed by its sub-categories.
    pub fn all() -> Vec<Category> {
        Topic::ALL
            .into_iter()
            .flat_map(|topic| {
                std::iter::once(Category::of(topic)).chain(topic.subcategories().iter().map(move |sub| {
                    Category {
                        topic,
                        sub: Some(sub),
                    }
                }))
            })
            .collect()
    }

    pub fn topic(self) -> Topic {
        self.topic
    }

    pub fn sub(self) -> Option<&'static str> {
        self.sub
    }

    pub fn code(self) -> String {
        match self.sub {
            Some(sub) => format!("{}.{sub}", self.topic.code()),
            None => self.topic.code().to_owned(),
        }
    }

    pub fn parse(code: &str) -> Result<Category, AppealError> {
        match code.split_once('.') {
            Some((topic, sub)) => Category::with_sub(Topic::parse(topic)?, sub),
            None => Ok(Category::of(Topic::parse(code)?)),
        }
    }

    /// The Fluent id of the name: `category-violence`, `category-violence--bullying`.
    pub fn message_id(self) -> String {
        let topic = format!("category-{}", self.topic.code().replace('_', "-"));
        match self.sub {
            Some(sub) => format!("{topic}--{}", sub.replace('_', "-")),
            None => topic,
        }
    }
}

/// Column c: who the applicant is and how to reach them. Empty for an anonymous appeal.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Applicant {
    pub full_name: Redacted<String>,
    pub address: Redacted<String>,
    pub phone: Redacted<String>,
}

impl Applicant {
    pub fn new(full_name: &str, address: &str, phone: &str) -> Applicant {
        Applicant {
            full_name: Redacted(full_name.trim().to_owned()),
            address: Redacted(address.trim().to_owned()),
            phone: Redacted(phone.trim().to_owned()),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.full_name.is_empty() && self.address.is_empty() && self.phone.is_empty()
    }
}

/// Why an appeal, correction or outcome was refused. Each names the field at fault and
/// carries a Fluent id; none carries the refused value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AppealError {
    #[error("applicant: an appeal that is not anonymous needs the applicant's full name, address or phone")]
    ApplicantRequired,
    #[error("applicant: an anonymous appeal carries no applicant details")]
    ApplicantGivenForAnonymous,
    #[error("applicant.phone: a phone number has 5–20 digits and may contain + ( ) - and spaces")]
    PhoneInvalid,
    #[error("summary: the short summary is required")]
    SummaryRequired,
    #[error("{field}: the text is longer than {limit} characters")]
    TooLong { field: &'static str, limit: usize },
    #[error("received_at: an appeal cannot be received after it is registered")]
    ReceivedInFuture,
    #[error("channel: unknown channel")]
    UnknownChannel,
    #[error("category: unknown category")]
    UnknownCategory,
    #[error("reason: a correction states its reason")]
    CorrectionReasonRequired,
    #[error("outcome: the outcome text is required")]
    OutcomeRequired,
}

impl AppealError {
    /// The input field the error is about, as named in forms and the API.
    pub fn field(self) -> &'static str {
        match self {
            AppealError::ApplicantRequired | AppealError::ApplicantGivenForAnonymous => "applicant",
            AppealError::PhoneInvalid => "applicant.phone",
            AppealError::SummaryRequired => "summary",
            AppealError::TooLong { field, .. } => field,
            AppealError::ReceivedInFuture => "received_at",
            AppealError::UnknownChannel => "channel",
            AppealError::UnknownCategory => "category",
            AppealError::CorrectionReasonRequired => "reason",
            AppealError::OutcomeRequired => "outcome",
        }
    }

    /// A stable code for the API.
    pub fn code(self) -> &'static str {
        match self {
            AppealError::ApplicantRequired => "applicant_required",
            AppealError::ApplicantGivenForAnonymous => "applicant_given_for_anonymous",
            AppealError::PhoneInvalid => "phone_invalid",
            AppealError::SummaryRequired => "summary_required",
            AppealError::TooLong { .. } => "too_long",
            AppealError::ReceivedInFuture => "received_in_future",
            AppealError::UnknownChannel => "unknown_channel",
            AppealError::UnknownCategory => "unknown_category",
            AppealError::CorrectionReasonRequired => "reason_required",
            AppealError::OutcomeRequired => "outcome_required",
        }
    }

    /// The Fluent id of the message shown to people.
    pub fn message_id(self) -> &'static str {
        match self {
            AppealError::ApplicantRequired => "error-applicant-required",
            AppealError::ApplicantGivenForAnonymous => "error-applicant-given-for-anonymous",
            AppealError::PhoneInvalid => "error-phone-invalid",
            AppealError::SummaryRequired => "error-summary-required",
            AppealError::TooLong { .. } => "error-too-long",
            AppealError::ReceivedInFuture => "error-received-in-future",
            AppealError::UnknownChannel => "error-unknown-channel",
            AppealError::UnknownCategory => "error-unknown-category",
            AppealError::CorrectionReasonRequired => "error-reason-required",
            AppealError::OutcomeRequired => "error-outcome-required",
        }
    }
}

pub const MAX_SUMMARY: usize = 4000;
pub const MAX_NAME: usize = 200;
pub const MAX_ADDRESS: usize = 300;
pub const MAX_REASON: usize = 1000;
pub const MAX_OUTCOME: usize = 4000;

fn limit(text: &str, field: &'static str, limit: usize) -> Result<(), AppealError> {
    if text.chars().count() > limit {
        return Err(AppealError::TooLong { field, limit });
    }
    Ok(())
}

fn check_phone(phone: &str) -> Result<(), AppealError> {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    let allowed = phone
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '+' | '(' | ')' | '-' | ' '));
    if !allowed || !(5..=20).contains(&digits) {
        return Err(AppealError::PhoneInvalid);
    }
    Ok(())
}

/// What a registration (or a correction) says: columns b–d plus channel, anonymity and
/// category. Only valid contents can be built.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppealContent {
    channel: Channel,
    received_at: DateTime<Utc>,
    anonymous: bool,
    applicant: Applicant,
    summary: Redacted<String>,
    category: Category,
}

impl AppealContent {
    /// Validates an appeal registered at `registered_at`.
    pub fn new(
        channel: Channel,
        received_at: DateTime<Utc>,
        anonymous: bool,
        applicant: Applicant,
        summary: &str,
        category: Category,
        registered_at: DateTime<Utc>,
    ) -> Result<AppealContent, AppealError> {
        let summary = summary.trim();
        if anonymous && !applicant.is_empty() {
            return Err(AppealError::ApplicantGivenForAnonymous);
        }
        if !anonymous && applicant.is_empty() {
            return Err(AppealError::ApplicantRequired);
        }
        limit(&applicant.full_name, "applicant.full_name", MAX_NAME)?;
        limit(&applicant.address, "applicant.address", MAX_ADDRESS)?;
        if !applicant.phone.is_empty() {
            check_phone(&applicant.phone)?;
        }
        if summary.is_empty() {
            return Err(AppealError::SummaryRequired);
        }
        limit(summary, "summary", MAX_SUMMARY)?;
        if crate::time::is_in_future(received_at, registered_at) {
            return Err(AppealError::ReceivedInFuture);
        }
        Ok(AppealContent {
            channel,
            received_at: received_at.min(registered_at),
            anonymous,
            applicant,
            summary: Redacted(summary.to_owned()),
            category,
        })
    }

    /// Rebuilds contents read back from storage, which were valid when written.
    pub fn from_storage(
        channel: Channel,
        received_at: DateTime<Utc>,
        anonymous: bool,
        applicant: Applicant,
        summary: String,
        category: Category,
    ) -> AppealContent {
        AppealContent {
            channel,
            received_at,
            anonymous,
            applicant,
            summary: Redacted(summary),
            category,
        }
    }

    pub fn channel(&self) -> Channel {
        self.channel
    }
    pub fn received_at(&self) -> DateTime<Utc> {
        self.received_at
    }
    pub fn anonymous(&self) -> bool {
        self.anonymous
    }
    pub fn applicant(&self) -> &Applicant {
        &self.applicant
    }
    pub fn summary(&self) -> &str {
        &self.summary
    }
    pub fn category(&self) -> Category {
        self.category
    }
}

/// A correction entry: new contents for an entry already in the journal and the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Correction {
    pub corrects: AppealId,
    pub reason: Redacted<String>,
}

impl Correction {
    pub fn new(corrects: AppealId, reason: &str) -> Result<Correction, AppealError> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(AppealError::CorrectionReasonRequired);
        }
        limit(reason, "reason", MAX_REASON)?;
        Ok(Correction {
            corrects,
            reason: Redacted(reason.to_owned()),
        })
    }
}

/// A registered journal entry. Never deleted, never overwritten.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Appeal {
    pub id: AppealId,
    pub organisation_id: OrganisationId,
    pub year: JournalYear,
    pub number: JournalNumber,
    pub registered_at: DateTime<Utc>,
    pub registered_by: crate::UserId,
    pub content: AppealContent,
    pub correction: Option<Correction>,
    pub prev_hash: EntryHash,
    pub entry_hash: EntryHash,
}

/// Column f: what came of the appeal. Recording a new outcome adds to the history; the
/// latest is the one the journal shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub appeal_id: AppealId,
    pub text: Redacted<String>,
    pub recorded_at: DateTime<Utc>,
    pub recorded_by: UserId,
}

impl Outcome {
    pub fn new(
        appeal_id: AppealId,
        text: &str,
        recorded_at: DateTime<Utc>,
        recorded_by: UserId,
    ) -> Result<Outcome, AppealError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(AppealError::OutcomeRequired);
        }
        limit(text, "outcome", MAX_OUTCOME)?;
        Ok(Outcome {
            appeal_id,
            text: Redacted(text.to_owned()),
            recorded_at,
            recorded_by,
        })
    }
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 3, 10, 6, 0, 0).unwrap()
    }

    fn content(anonymous: bool, applicant: Applicant, summary: &str) -> Result<AppealContent, AppealError> {
        AppealContent::new(
            Channel::Phone,
            now(),
            anonymous,
            applicant,
            summary,
            Category::UNSPECIFIED,
            now(),
        )
    }

    #[test]
    fn an_anonymous_appeal_has_column_c_empty_and_is_valid() {
        let appeal = content(true, Applicant::default(), "Сыныптасым мені ұрады").unwrap();
        assert!(appeal.applicant().is_empty());
        assert!(appeal.anonymous());
    }

    #[test]
    fn an_anonymous_appeal_refuses_applicant_details() {
        let applicant = Applicant::new("Әлібек", "", "");
        assert_eq!(
            content(true, applicant, "x"),
            Err(AppealError::ApplicantGivenForAnonymous)
        );
    }

    #[test]
    fn a_named_appeal_needs_a_name_an_address_or_a_phone() {
        let error = content(false, Applicant::new("", "  ", ""), "x").unwrap_err();
        assert_eq!(error, AppealError::ApplicantRequired);
        assert_eq!(error.field(), "applicant");
        assert!(content(false, Applicant::new("Әлібек Қуанышұлы", "", ""), "x").is_ok());
        assert!(content(false, Applicant::new("", "", "+7 701 123 45 67"), "x").is_ok());
        assert!(content(false, Applicant::new("", "aruzhan@example.kz", ""), "x").is_ok());
    }

    #[test]
    fn a_phone_is_digits_with_usual_separators() {
        for bad in ["12", "call me", "+7 701 123 45 67 89 01 23 45 67"] {
            let error = content(false, Applicant::new("", "", bad), "x").unwrap_err();
            assert_eq!(error.field(), "applicant.phone", "{bad}");
        }
    }

    #[test]
    fn the_summary_is_required_and_bounded() {
        assert_eq!(
            content(true, Applicant::default(), "  ").unwrap_err().field(),
            "summary"
        );
        let long = "ә".repeat(MAX_SUMMARY + 1);
        assert_eq!(
            content(true, Applicant::default(), &long),
            Err(AppealError::TooLong {
                field: "summary",
                limit: MAX_SUMMARY
            })
        );
    }

    #[test]
    fn an_appeal_may_be_received_earlier_but_not_later_than_registered() {
        let weekend_voicemail = now() - Duration::days(2);
        let earlier = AppealContent::new(
            Channel::Voicemail,
            weekend_voicemail,
            true,
            Applicant::default(),
            "x",
            Category::UNSPECIFIED,
            now(),
        );
        assert_eq!(earlier.unwrap().received_at(), weekend_voicemail);
        let future = AppealContent::new(
            Channel::Phone,
            now() + Duration::hours(1),
            true,
            Applicant::default(),
            "x",
            Category::UNSPECIFIED,
            now(),
        );
        assert_eq!(future, Err(AppealError::ReceivedInFuture));
    }

    #[test]
    fn debug_output_never_shows_personal_data_or_texts() {
        let appeal = content(
            false,
            Applicant::new("Әлібек Қуанышұлы", "", "87011234567"),
            "құпия мәтін",
        )
        .unwrap();
        let debug = format!("{appeal:?}");
        assert!(!debug.contains("Әлібек") && !debug.contains("87011234567") && !debug.contains("құпия"));
    }

    #[test]
    fn channel_and_category_codes_round_trip() {
        for channel in Channel::ALL {
            assert_eq!(Channel::parse(channel.code()), Ok(channel));
        }
        let all = Category::all();
        assert_eq!(
            all.len(),
            12 + 73,
            "11 topics with 73 sub-categories, and «unspecified»"
        );
        for category in all {
            assert_eq!(Category::parse(&category.code()), Ok(category));
        }
        let bullying = Category::parse("violence.bullying").unwrap();
        assert_eq!(bullying.topic(), Topic::Violence);
        assert_eq!(bullying.message_id(), "category-violence--bullying");
        assert_eq!(
            Category::parse("violence").unwrap().message_id(),
            "category-violence"
        );
        assert_eq!(
            Category::parse("violence.runaway"),
            Err(AppealError::UnknownCategory)
        );
        assert_eq!(
            Category::parse("unspecified.other"),
            Err(AppealError::UnknownCategory)
        );
        assert_eq!(Channel::parse("fax"), Err(AppealError::UnknownChannel));
    }

    #[test]
    fn corrections_and_outcomes_need_text() {
        assert_eq!(Correction::new(AppealId(1), " ").unwrap_err().field(), "reason");
        assert_eq!(
            Outcome::new(AppealId(1), "", now(), UserId(1))
                .unwrap_err()
                .field(),
            "outcome"
        );
    }
}
