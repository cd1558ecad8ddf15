//! Registering an appeal, its page with history, recording the outcome, and correcting an
//! entry by a new entry. There is no route that deletes or overwrites an entry.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chrono::{DateTime, NaiveDateTime, Utc};
use senim_domain::classification::Classification;
use senim_domain::forwarding::ForwardingError;
use senim_domain::time::{format_local, from_local, local};
use senim_domain::{AppealContent, AppealError, AppealId, Applicant, Category, Channel, Correction, Outcome};
use senim_i18n::{Arg, Lang};
use senim_store::AppealRecord;
use serde::Deserialize;

use crate::AppState;
use crate::context::ValidForm;
use crate::context::ValidQuery;
use crate::context::{Reader, Registrar};
use crate::error::AppError;
use crate::pages::journal::RowView;
use crate::view::appeal_error_message;
use crate::view::forwarding::ForwardingSection;
use crate::view::watch::WatchSection;
use crate::view::{Choice, Chrome, category_choices, channel_choices};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/appeals/{id}/triage/clear", post(clear_triage))
        .route("/appeals/new", get(register_page))
        .route("/appeals", post(register))
        .route("/appeals/{id}", get(appeal_page))
        .route("/appeals/{id}/outcome", post(record_outcome))
        .route("/appeals/{id}/correct", get(correction_page))
        .route("/appeals/{id}/corrections", post(register_correction))
        .route("/appeals/{id}/replies", post(reply))
        .route("/appeals/{id}/handovers", post(hand_over))
        .route("/appeals/{id}/classification", post(classify))
}

/// Sets the appeal's optional statistics. The form repeats `interventions`, one per checked box.
async fn classify(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    Path(id): Path<String>,
    body: String,
) -> Result<Response, AppError> {
    let user = signed_in.user();
    let lang = signed_in.0.lang;
    let record = state
        .app
        .store
        .appeal(user.organisation_id, parse_id(&id)?)
        .await?;
    let appeal_id = record.row.appeal.id;
    let mut fields: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    let mut interventions = Vec::new();
    for (name, value) in url::form_urlencoded::parse(body.as_bytes()) {
        if name == "interventions" {
            interventions.push(value.into_owned());
        } else {
            fields.insert(name.into_owned(), value.into_owned());
        }
    }
    // The CSRF token was checked by `load_context` before this handler ran.
    let field = |name: &str| fields.get(name).map_or("", String::as_str);
    match Classification::parse(
        field("contact_type"),
        &interventions,
        field("incident_location"),
        field("age"),
        field("gender"),
    ) {
        Ok(classification) => {
            state
                .app
                .classify(
                    user.organisation_id,
                    user.id,
                    appeal_id,
                    &classification,
                    state.app.now(),
                )
                .await?;
            Ok(Redirect::to(&format!(
                "/appeals/{}?done=classified#classification",
                appeal_id.0
            ))
            .into_response())
        }
        Err(error) => {
            let mut page = appeal_page_with(&state, &signed_in.0, &record, None, None).await?;
            page.classification.error = Some(lang.t(error.message_id()));
            page.classification.open = true;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

#[derive(Deserialize, Default)]
struct HandoverForm {
    #[serde(default)]
    service: String,
    #[serde(default)]
    handed_at: String,
    #[serde(default)]
    note: String,
}

/// Records that the appeal was handed over to 111, 102 or 103, when, and by whom.
async fn hand_over(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    Path(id): Path<String>,
    ValidForm(form): ValidForm<HandoverForm>,
) -> Result<Response, AppError> {
    let user = signed_in.user();
    let lang = signed_in.0.lang;
    let record = state
        .app
        .store
        .appeal(user.organisation_id, parse_id(&id)?)
        .await?;
    let appeal_id = record.row.appeal.id;
    let now = state.app.now();
    let handover = parse_received_at(&form.handed_at, now)
        .ok_or(senim_domain::handover::HandoverError::InFuture)
        .and_then(|handed_at| {
            senim_domain::handover::Handover::new(&form.service, handed_at, &form.note, now)
        });
    match handover {
        Ok(handover) => {
            state
                .app
                .record_handover(user.organisation_id, user.id, appeal_id, &handover, now)
                .await?;
            Ok(Redirect::to(&format!("/appeals/{}?done=handover#handovers", appeal_id.0)).into_response())
        }
        Err(error) => {
            let mut page = appeal_page_with(&state, &signed_in.0, &record, None, None).await?;
            page.handover_error = Some(lang.t(error.message_id()));
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

#[derive(Deserialize, Default)]
struct ReplyForm {
    #[serde(default)]
    text: String,
}

/// A member of staff answers the student in the online conversation.
async fn reply(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    Path(id): Path<String>,
    ValidForm(form): ValidForm<ReplyForm>,
) -> Result<Response, AppError> {
    let user = signed_in.user();
    let lang = signed_in.0.lang;
    let record = state
        .app
        .store
        .appeal(user.organisation_id, parse_id(&id)?)
        .await?;
    let appeal_id = record.row.appeal.id;
    match senim_domain::trust_box::message_text(&form.text) {
        Ok(text) => {
            state
                .app
                .reply_to_student(user.organisation_id, user.id, appeal_id, &text, state.app.now())
                .await?;
            Ok(Redirect::to(&format!("/appeals/{}?done=replied#conversation", appeal_id.0)).into_response())
        }
        Err(error) => {
            let mut page = appeal_page_with(&state, &signed_in.0, &record, None, None).await?;
            page.reply_error = Some(appeal_error_message(error, lang));
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

#[derive(Deserialize, Default)]
struct ClearForm {
    #[serde(default)]
    reason: String,
}

/// Clears an urgent flag; the reason stays in the appeal's history.
async fn clear_triage(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    Path(id): Path<String>,
    ValidForm(form): ValidForm<ClearForm>,
) -> Result<Response, AppError> {
    let user = signed_in.user();
    let lang = signed_in.0.lang;
    let record = state
        .app
        .store
        .appeal(user.organisation_id, parse_id(&id)?)
        .await?;
    let appeal_id = record.row.appeal.id;
    if form.reason.trim().is_empty() {
        let flash = Some(lang.t("error-reason-required"));
        let page = appeal_page_with(&state, &signed_in.0, &record, flash, None).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    state
        .app
        .clear_urgent_flag(user, appeal_id, &form.reason, state.app.now())
        .await?;
    Ok(Redirect::to(&format!("/appeals/{}", appeal_id.0)).into_response())
}

/// The fields of the registration and correction forms, as submitted.
#[derive(Deserialize, Default, Clone)]
pub struct AppealForm {
    #[serde(default)]
    channel: String,
    #[serde(default)]
    received_at: String,
    anonymous: Option<String>,
    #[serde(default)]
    full_name: String,
    #[serde(default)]
    address: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    category: String,
    #[serde(default)]
    reason: String,
}

/// A refused field and the message for it, in the reader's language.
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

const LOCAL_INPUT: &str = "%Y-%m-%dT%H:%M";

/// A `datetime-local` value, read as Kazakhstan time; empty means now.
pub(crate) fn parse_received_at(text: &str, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let text = text.trim();
    if text.is_empty() {
        return Some(now);
    }
    let wall_clock = NaiveDateTime::parse_from_str(text, LOCAL_INPUT)
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S"))
        .ok()?;
    from_local(wall_clock)
}

impl AppealForm {
    /// The form of an appeal a Trust Phone call became: by phone, received when the call
    /// began, anonymous until the caller gives a name.
    pub(crate) fn of_call(started_at: DateTime<Utc>) -> AppealForm {
        AppealForm {
            channel: Channel::Phone.code().to_owned(),
            received_at: local(started_at).format(LOCAL_INPUT).to_string(),
            anonymous: Some("on".to_owned()),
            ..AppealForm::default()
        }
    }

    fn anonymous(&self) -> bool {
        self.anonymous.is_some()
    }

    pub(crate) fn content(&self, now: DateTime<Utc>, lang: Lang) -> Result<AppealContent, FieldError> {
        let refused = |error: AppealError| FieldError {
            field: error.field(),
            message: appeal_error_message(error, lang),
        };
        let channel = Channel::parse(&self.channel).map_err(refused)?;
        let category = if self.category.is_empty() {
            Category::UNSPECIFIED
        } else {
            Category::parse(&self.category).map_err(refused)?
        };
        let received_at = parse_received_at(&self.received_at, now).ok_or_else(|| FieldError {
            field: "received_at",
            message: lang.t("error-received-invalid"),
        })?;
        let applicant = Applicant::new(&self.full_name, &self.address, &self.phone);
        AppealContent::new(
            channel,
            received_at,
            self.anonymous(),
            applicant,
            &self.summary,
            category,
            now,
        )
        .map_err(refused)
    }

    fn from_content(content: &AppealContent) -> AppealForm {
        let applicant = content.applicant();
        AppealForm {
            channel: content.channel().code().to_owned(),
            received_at: local(content.received_at()).format(LOCAL_INPUT).to_string(),
            anonymous: content.anonymous().then(|| "on".to_owned()),
            full_name: applicant.full_name.0.clone(),
            address: applicant.address.0.clone(),
            phone: applicant.phone.0.clone(),
            summary: content.summary().to_owned(),
            category: content.category().code(),
            reason: String::new(),
        }
    }
}

/// The form as the page shows it again, with the refused field marked.
pub struct AppealFormView {
    pub channels: Vec<Choice>,
    pub categories: Vec<crate::view::ChoiceGroup>,
    pub received_at: String,
    pub received_max: String,
    pub anonymous: bool,
    pub full_name: String,
    pub address: String,
    pub phone: String,
    pub summary: String,
    pub reason: String,
    pub error_field: &'static str,
    pub error: Option<String>,
}

impl AppealFormView {
    pub(crate) fn new(
        form: &AppealForm,
        lang: Lang,
        error: Option<FieldError>,
        now: DateTime<Utc>,
    ) -> AppealFormView {
        let now = local(now).format(LOCAL_INPUT).to_string();
        let channel = if form.channel.is_empty() {
            Channel::Phone.code()
        } else {
            form.channel.as_str()
        };
        let category = if form.category.is_empty() {
            Category::UNSPECIFIED.code()
        } else {
            form.category.clone()
        };
        AppealFormView {
            channels: channel_choices(lang, channel),
            categories: category_choices(lang, &category),
            received_at: if form.received_at.is_empty() {
                now.clone()
            } else {
                form.received_at.clone()
            },
            received_max: now,
            anonymous: form.anonymous(),
            full_name: form.full_name.clone(),
            address: form.address.clone(),
            phone: form.phone.clone(),
            summary: form.summary.clone(),
            reason: form.reason.clone(),
            error_field: error.as_ref().map_or("", |e| e.field),
            error: error.map(|e| e.message),
        }
    }

    /// Whether the refused field is this one (or one of its group, like `applicant`).
    pub fn refused(&self, field: &str) -> bool {
        !self.error_field.is_empty() && (self.error_field == field || field.starts_with(self.error_field))
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "register.html")]
struct RegisterPage {
    l: Lang,
    chrome: Chrome,
    form: AppealFormView,
}

async fn register_page(Registrar(signed_in): Registrar) -> Response {
    let lang = signed_in.0.lang;
    RegisterPage {
        l: lang,
        chrome: Chrome::new(&signed_in.0, "/appeals/new"),
        form: AppealFormView::new(&AppealForm::default(), lang, None, signed_in.0.now),
    }
    .into_response()
}

async fn register(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    ValidForm(form): ValidForm<AppealForm>,
) -> Result<Response, AppError> {
    let lang = signed_in.0.lang;
    let user = signed_in.user();
    let now = state.app.now();
    let content = match form.content(now, lang) {
        Ok(content) => content,
        Err(error) => {
            let page = RegisterPage {
                l: lang,
                chrome: Chrome::new(&signed_in.0, "/appeals/new"),
                form: AppealFormView::new(&form, lang, Some(error), signed_in.0.now),
            };
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let appeal = state
        .app
        .register_appeal(user.organisation_id, user.id, content, now)
        .await?;
    Ok(Redirect::to(&format!("/appeals/{}?done=registered", appeal.id.0)).into_response())
}

pub struct HistoryItem {
    pub when: String,
    pub what: String,
    pub who: String,
    pub text: String,
}

pub struct EntryLink {
    pub id: i64,
    pub label: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "appeal.html")]
pub struct AppealPage {
    l: Lang,
    chrome: Chrome,
    id: i64,
    title: String,
    letters: [&'static str; 6],
    row: RowView,
    registered: String,
    registered_by: String,
    category: String,
    correction_reason: Option<String>,
    corrects: Option<EntryLink>,
    corrected_by: Vec<EntryLink>,
    history: Vec<HistoryItem>,
    can_register: bool,
    flash: Option<String>,
    outcome_text: String,
    outcome_error: Option<String>,
    forwarding: ForwardingSection,
    /// Why staff cleared the urgent flag, when they did.
    triage_cleared: Option<String>,
    /// The conversation with the student, for an appeal with a receipt code.
    conversation: Option<Vec<StaffMessageView>>,
    reply_error: Option<String>,
    /// Hand-overs to 111, 102 or 103, and the form's state.
    handovers: Vec<HandoverView>,
    handover_error: Option<String>,
    handover_now: String,
    classification: ClassificationView,
    /// Its deadline, duties, responsible person and extensions.
    pub watch: WatchSection,
}

/// The appeal's optional statistics: a form for those who register, plain text for readers.
#[derive(Default)]
pub struct ClassificationView {
    contact_types: Vec<Choice>,
    locations: Vec<Choice>,
    interventions: Vec<Choice>,
    genders: Vec<Choice>,
    age: String,
    error: Option<String>,
    /// What is recorded, as (label, value) lines.
    lines: Vec<(String, String)>,
    /// Shown unfolded: something is recorded, or the form was refused.
    open: bool,
}

fn choices<T: Copy + PartialEq>(
    all: &[T],
    selected: &[T],
    code: fn(T) -> &'static str,
    name: impl Fn(T) -> String,
) -> Vec<Choice> {
    all.iter()
        .map(|value| Choice {
            value: code(*value).to_owned(),
            label: name(*value),
            selected: selected.contains(value),
        })
        .collect()
}

fn classification_view(classification: &Classification, lang: Lang) -> ClassificationView {
    use senim_domain::classification::{ContactType, Gender, IncidentLocation, Intervention};
    let not_recorded = || lang.t("field-not-recorded");
    let mut lines = vec![
        (
            lang.t("field-contact-type"),
            classification
                .contact_type
                .map_or_else(not_recorded, |value| lang.t(&value.message_id())),
        ),
        (
            lang.t("field-incident-location"),
            classification
                .incident_location
                .map_or_else(not_recorded, |value| lang.t(&value.message_id())),
        ),
        (
            lang.t("field-intervention"),
            if classification.interventions.is_empty() {
                not_recorded()
            } else {
                classification
                    .interventions
                    .iter()
                    .map(|value| lang.t(&value.message_id()))
                    .collect::<Vec<_>>()
                    .join("; ")
            },
        ),
    ];
    lines.push((
        lang.t("field-age"),
        classification
            .age
            .map_or_else(not_recorded, |age| age.to_string()),
    ));
    lines.push((
        lang.t("field-gender"),
        classification
            .gender
            .map_or_else(not_recorded, |value| lang.t(&value.message_id())),
    ));
    ClassificationView {
        contact_types: choices(
            ContactType::ALL,
            classification.contact_type.as_slice(),
            ContactType::code,
            |value| lang.t(&value.message_id()),
        ),
        locations: choices(
            IncidentLocation::ALL,
            classification.incident_location.as_slice(),
            IncidentLocation::code,
            |value| lang.t(&value.message_id()),
        ),
        interventions: choices(
            Intervention::ALL,
            &classification.interventions,
            Intervention::code,
            |value| lang.t(&value.message_id()),
        ),
        genders: choices(
            Gender::ALL,
            classification.gender.as_slice(),
            Gender::code,
            |value| lang.t(&value.message_id()),
        ),
        age: classification.age.map(|age| age.to_string()).unwrap_or_default(),
        error: None,
        lines,
        open: !classification.is_empty(),
    }
}

pub struct HandoverView {
    service: String,
    handed_at: String,
    by: String,
    note: String,
}

async fn load_handovers(
    state: &AppState,
    record: &AppealRecord,
    lang: Lang,
) -> Result<Vec<HandoverView>, AppError> {
    let appeal = &record.row.appeal;
    Ok(state
        .app
        .store
        .handovers(appeal.organisation_id, appeal.id)
        .await?
        .into_iter()
        .map(|record| HandoverView {
            service: lang.t(record.handover.service.message_id()),
            handed_at: format_local(record.handover.handed_at),
            by: record.by_name,
            note: record.handover.note.0,
        })
        .collect())
}

/// A message of the online conversation as the staff see it.
pub struct StaffMessageView {
    from: &'static str,
    who: String,
    at: String,
    text: String,
}

async fn load_conversation(
    state: &AppState,
    record: &AppealRecord,
    lang: Lang,
) -> Result<Option<Vec<StaffMessageView>>, AppError> {
    let appeal = &record.row.appeal;
    let Some(conversation) = state
        .app
        .store
        .conversation(appeal.organisation_id, appeal.id)
        .await?
    else {
        return Ok(None);
    };
    Ok(Some(
        conversation
            .messages
            .iter()
            .map(|message| StaffMessageView {
                from: message.author.code(),
                who: match &message.staff_name {
                    Some(name) => name.clone(),
                    None => lang.t("conversation-from-student"),
                },
                at: format_local(message.at),
                text: message.text.0.clone(),
            })
            .collect(),
    ))
}

#[derive(Deserialize)]
struct AppealQuery {
    done: Option<String>,
}

fn appeal_title(record: &AppealRecord, lang: Lang, message: &str) -> String {
    let appeal = &record.row.appeal;
    lang.t_args(
        message,
        &[
            ("number", Arg::Number(appeal.number.0)),
            ("year", Arg::Text(appeal.year.0.to_string())),
        ],
    )
}

/// The appeal page with its forwardings, a message on top, and a refused forwarding's reason.
pub async fn appeal_page_with(
    state: &AppState,
    context: &crate::context::Context,
    record: &AppealRecord,
    flash: Option<String>,
    forward_error: Option<ForwardingError>,
) -> Result<AppealPage, AppError> {
    let user = context.user().ok_or(AppError::SignIn)?;
    // Every drawing of the page — opened, or shown again after a refused form — is in the
    // audit before anything of it is shown.
    state.app.audit_shown(user, record, None).await?;
    let forwarding = ForwardingSection::load(state, user, record, context.lang, forward_error).await?;
    let mut page = appeal_view(record, context, flash, String::new(), None, forwarding);
    page.conversation = load_conversation(state, record, context.lang).await?;
    page.handovers = load_handovers(state, record, context.lang).await?;
    let classification = state
        .app
        .store
        .classification(record.row.appeal.organisation_id, record.row.appeal.id)
        .await?;
    page.classification = classification_view(&classification, context.lang);
    page.watch = WatchSection::load(state, user, record, context.lang).await?;
    Ok(page)
}

/// Who registered the appeal: a person, or the online box itself.
fn registered_by(record: &AppealRecord, lang: Lang) -> String {
    if record.registered_automatically {
        lang.t("appeal-registered-automatically")
    } else {
        record.registered_by_name.clone()
    }
}

fn appeal_view(
    record: &AppealRecord,
    context: &crate::context::Context,
    flash: Option<String>,
    outcome_text: String,
    outcome_error: Option<String>,
    forwarding: ForwardingSection,
) -> AppealPage {
    let lang = context.lang;
    let appeal = &record.row.appeal;
    let link = |id: i64, year: i32, number: i64, message: &str| EntryLink {
        id,
        label: lang.t_args(
            message,
            &[
                ("number", Arg::Number(number)),
                ("year", Arg::Text(year.to_string())),
            ],
        ),
    };
    let corrects = match (&appeal.correction, record.row.corrects) {
        (Some(correction), Some((year, number))) => {
            Some(link(correction.corrects.0, year.0, number.0, "appeal-title"))
        }
        _ => None,
    };
    let corrected_by: Vec<EntryLink> = record
        .corrected_by_ids
        .iter()
        .zip(&record.row.corrected_by)
        .map(|(id, (year, number))| link(id.0, year.0, number.0, "appeal-title"))
        .collect();
    let mut history = vec![HistoryItem {
        when: format_local(appeal.registered_at),
        what: lang.t_args("history-registered", &[("number", Arg::Number(appeal.number.0))]),
        who: registered_by(record, lang),
        text: String::new(),
    }];
    history.extend(record.outcomes.iter().map(|outcome| HistoryItem {
        when: format_local(outcome.outcome.recorded_at),
        what: lang.t("history-outcome"),
        who: outcome.recorded_by_name.clone(),
        text: outcome.outcome.text.0.clone(),
    }));
    history.extend(record.corrected_by_ids.iter().zip(&record.row.corrected_by).map(
        |(_, (year, number))| HistoryItem {
            when: String::new(),
            what: lang.t_args(
                "history-correction",
                &[
                    ("number", Arg::Number(number.0)),
                    ("year", Arg::Text(year.0.to_string())),
                ],
            ),
            who: String::new(),
            text: String::new(),
        },
    ));
    let permissions = context.user().map(|user| user.permissions()).unwrap_or_default();
    AppealPage {
        l: lang,
        chrome: Chrome::new(context, &format!("/appeals/{}", appeal.id.0)),
        id: appeal.id.0,
        title: appeal_title(record, lang, "appeal-title"),
        letters: crate::view::column_letters(lang),
        row: RowView::new(&record.row, lang),
        registered: format_local(appeal.registered_at),
        registered_by: registered_by(record, lang),
        category: crate::view::category_name(lang, appeal.content.category()),
        correction_reason: appeal.correction.as_ref().map(|c| c.reason.0.clone()),
        corrects,
        corrected_by,
        history,
        can_register: permissions.register_appeals,
        flash,
        outcome_text,
        outcome_error,
        forwarding,
        triage_cleared: record
            .row
            .triage
            .as_ref()
            .and_then(|triage| triage.cleared.as_ref())
            .map(|(reason, at)| format!("{} ({})", reason.as_str(), format_local(*at))),
        conversation: None,
        reply_error: None,
        handovers: Vec::new(),
        handover_error: None,
        handover_now: senim_domain::time::local(context.now)
            .format(LOCAL_INPUT)
            .to_string(),
        classification: ClassificationView::default(),
        watch: WatchSection::default(),
    }
}

fn parse_id(id: &str) -> Result<AppealId, AppError> {
    id.parse::<i64>().map(AppealId).map_err(|_| AppError::NotFound)
}

async fn appeal_page(
    State(state): State<AppState>,
    Reader(signed_in): Reader,
    Path(id): Path<String>,
    ValidQuery(query): ValidQuery<AppealQuery>,
) -> Result<Response, AppError> {
    let lang = signed_in.0.lang;
    let user = signed_in.user();
    // Recorded in the audit (by `appeal_page_with`) before anything of it is shown.
    let record = state
        .app
        .store
        .appeal(user.organisation_id, parse_id(&id)?)
        .await?;
    let flash = match query.done.as_deref() {
        Some("registered") if record.row.appeal.correction.is_some() => {
            Some(appeal_title(&record, lang, "correction-done"))
        }
        Some("registered") => Some(appeal_title(&record, lang, "register-done")),
        Some("outcome") => Some(lang.t("outcome-saved")),
        Some("forwarded") => Some(lang.t("forwarding-saved")),
        Some("replied") => Some(lang.t("conversation-replied")),
        Some("handover") => Some(lang.t("handover-saved")),
        Some("classified") => Some(lang.t("classification-saved")),
        Some("watch") => Some(lang.t("watch-saved")),
        _ => None,
    };
    Ok(appeal_page_with(&state, &signed_in.0, &record, flash, None)
        .await?
        .into_response())
}

#[derive(Deserialize)]
struct OutcomeForm {
    #[serde(default)]
    outcome: String,
}

async fn record_outcome(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    Path(id): Path<String>,
    ValidForm(form): ValidForm<OutcomeForm>,
) -> Result<Response, AppError> {
    let lang = signed_in.0.lang;
    let user = signed_in.user();
    let appeal_id = parse_id(&id)?;
    // Reading first also refuses another school's appeal with 404.
    let record = state.app.store.appeal(user.organisation_id, appeal_id).await?;
    match Outcome::new(appeal_id, &form.outcome, state.app.now(), user.id) {
        Ok(outcome) => {
            state.app.record_outcome(user.organisation_id, outcome).await?;
            Ok(Redirect::to(&format!("/appeals/{}?done=outcome", appeal_id.0)).into_response())
        }
        Err(error) => {
            state.app.audit_shown(user, &record, None).await?;
            let forwarding = ForwardingSection::load(&state, user, &record, lang, None).await?;
            let mut page = appeal_view(
                &record,
                &signed_in.0,
                None,
                form.outcome.clone(),
                Some(appeal_error_message(error, lang)),
                forwarding,
            );
            page.conversation = load_conversation(&state, &record, lang).await?;
            page.handovers = load_handovers(&state, &record, lang).await?;
            let classification = state
                .app
                .store
                .classification(user.organisation_id, appeal_id)
                .await?;
            page.classification = classification_view(&classification, lang);
            page.watch = WatchSection::load(&state, user, &record, lang).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "correct.html")]
struct CorrectionPage {
    l: Lang,
    chrome: Chrome,
    id: i64,
    title: String,
    form: AppealFormView,
}

async fn correction_page(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let lang = signed_in.0.lang;
    let record = state
        .app
        .store
        .appeal(signed_in.user().organisation_id, parse_id(&id)?)
        .await?;
    let form = AppealForm::from_content(&record.row.appeal.content);
    Ok(CorrectionPage {
        l: lang,
        chrome: Chrome::new(&signed_in.0, &format!("/appeals/{id}/correct")),
        id: record.row.appeal.id.0,
        title: appeal_title(&record, lang, "correction-title"),
        form: AppealFormView::new(&form, lang, None, signed_in.0.now),
    }
    .into_response())
}

async fn register_correction(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    Path(id): Path<String>,
    ValidForm(form): ValidForm<AppealForm>,
) -> Result<Response, AppError> {
    let lang = signed_in.0.lang;
    let user = signed_in.user();
    let record = state
        .app
        .store
        .appeal(user.organisation_id, parse_id(&id)?)
        .await?;
    let now = state.app.now();
    let corrected = record.row.appeal.id;
    let parsed = form.content(now, lang).and_then(|content| {
        Correction::new(corrected, &form.reason)
            .map(|correction| (content, correction))
            .map_err(|error| FieldError {
                field: error.field(),
                message: appeal_error_message(error, lang),
            })
    });
    let (content, correction) = match parsed {
        Ok(parsed) => parsed,
        Err(error) => {
            let page = CorrectionPage {
                l: lang,
                chrome: Chrome::new(&signed_in.0, &format!("/appeals/{id}/correct")),
                id: corrected.0,
                title: appeal_title(&record, lang, "correction-title"),
                form: AppealFormView::new(&form, lang, Some(error), signed_in.0.now),
            };
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let appeal = state
        .app
        .register_correction(user.organisation_id, user.id, content, correction, now)
        .await?;
    Ok(Redirect::to(&format!("/appeals/{}?done=registered", appeal.id.0)).into_response())
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use proptest::prelude::*;

    use super::parse_received_at;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        #[test]
        fn a_typed_moment_never_panics_and_reads_back_as_shown(
            text in prop_oneof!["\\PC{0,30}", "[0-9]{1,6}-[0-9]{1,2}-[0-9]{1,2}T[0-9]{1,2}:[0-9]{1,2}(:[0-9]{1,2})?"],
        ) {
            let now = Utc.with_ymd_and_hms(2026, 12, 3, 10, 0, 0).unwrap();
            if let Some(moment) = parse_received_at(&text, now) {
                let shown = senim_domain::time::local(moment).format("%Y-%m-%dT%H:%M:%S").to_string();
                prop_assert_eq!(parse_received_at(&shown, now), Some(moment));
            }
        }
    }
}
