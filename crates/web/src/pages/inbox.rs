//! The inbox's page: the voicemails and online letters waiting to be registered, the urgent
//! first, each with the day it must be registered by, a plain `<audio>` player (no script) or
//! the letter, and two forms — register it with a short summary, or record it as not an appeal
//! with what it was and why.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use senim_app::Refused;
use senim_domain::classification::ContactType;
use senim_domain::inbox::{Dismissal, DismissalError, register_by};
use senim_domain::time::format_local;
use senim_domain::{AppealContent, Applicant, Category};
use senim_i18n::Lang;
use serde::Deserialize;

use senim_store::{InboxContent, InboxItem};

use crate::AppState;
use crate::context::{Reader, Registrar, SignedIn, ValidForm, ValidQuery};
use crate::error::AppError;
use crate::view::{Choice, ChoiceGroup, Chrome, appeal_error_message, category_choices};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/inbox", get(inbox_page))
        .route("/inbox/{id}/audio", get(audio))
        .route("/inbox/{id}/register", post(register))
        .route("/inbox/{id}/dismiss", post(dismiss))
}

pub struct ItemView {
    pub id: i64,
    pub arrived: String,
    pub urgent: bool,
    pub register_by: String,
    pub late: bool,
    /// A voicemail's length and why it was left; empty for a letter.
    pub length: String,
    pub reason: String,
    pub caller_number: String,
    /// An online letter, as the child sent it; `None` for a voicemail.
    pub letter: Option<String>,
    /// The registration form's applicant, as the child gave it (empty for a voicemail).
    pub anonymous: bool,
    pub full_name: String,
    pub address: String,
    pub phone: String,
}

fn item_view(state: &AppState, lang: Lang, item: InboxItem) -> ItemView {
    let due = register_by(&state.app.calendar, item.arrived_at);
    let mut view = ItemView {
        id: item.id,
        arrived: format_local(item.arrived_at),
        urgent: item.urgent,
        register_by: due.format("%d.%m.%Y").to_string(),
        late: due < state.app.clock.today(),
        length: String::new(),
        reason: String::new(),
        caller_number: String::new(),
        letter: None,
        anonymous: true,
        full_name: String::new(),
        address: String::new(),
        phone: String::new(),
    };
    match item.content {
        InboxContent::Voicemail {
            reason,
            audio_millis,
            caller_number,
            ..
        } => {
            let seconds = audio_millis / 1000;
            view.length = format!("{}:{:02}", seconds / 60, seconds % 60);
            view.reason = lang.t(reason.message_id());
            view.caller_number = caller_number.0;
        }
        InboxContent::Letter(letter) => {
            if let Ok(content) = letter.appeal(item.arrived_at) {
                let applicant = content.applicant();
                view.anonymous = content.anonymous();
                view.full_name = applicant.full_name.as_str().to_owned();
                view.address = applicant.address.as_str().to_owned();
                view.phone = applicant.phone.as_str().to_owned();
            }
            view.letter = Some(letter.text.0);
        }
    }
    view
}

#[derive(Template, WebTemplate)]
#[template(path = "inbox.html")]
struct InboxPage {
    l: Lang,
    chrome: Chrome,
    items: Vec<ItemView>,
    can_register: bool,
    categories: Vec<ChoiceGroup>,
    kinds: Vec<Choice>,
    /// The item a refused form belongs to, and what was refused.
    error: Option<(i64, String)>,
    done: Option<String>,
}

#[derive(Deserialize, Default)]
struct InboxQuery {
    done: Option<String>,
}

async fn render(
    state: &AppState,
    signed_in: &SignedIn,
    error: Option<(i64, String)>,
    done: Option<String>,
) -> Result<InboxPage, AppError> {
    let lang = signed_in.0.lang;
    let user = signed_in.user();
    let items = state
        .app
        .inbox(user)
        .await?
        .into_iter()
        .map(|item| item_view(state, lang, item))
        .collect();
    Ok(InboxPage {
        l: lang,
        chrome: Chrome::new(&signed_in.0, "/inbox"),
        items,
        can_register: user.permissions().register_appeals,
        categories: category_choices(lang, &Category::UNSPECIFIED.code()),
        kinds: ContactType::not_appeals()
            .map(|kind| Choice {
                value: kind.code().to_owned(),
                label: lang.t(&kind.message_id()),
                selected: false,
            })
            .collect(),
        error,
        done,
    })
}

async fn inbox_page(
    State(state): State<AppState>,
    Reader(signed_in): Reader,
    ValidQuery(query): ValidQuery<InboxQuery>,
) -> Result<Response, AppError> {
    let done = match query.done.as_deref() {
        Some("dismissed") => Some(signed_in.0.lang.t("inbox-dismissed")),
        _ => None,
    };
    Ok(render(&state, &signed_in, None, done).await?.into_response())
}

/// The recording, for the page's player; its playing is in the audit.
async fn audio(
    State(state): State<AppState>,
    Reader(signed_in): Reader,
    Path(id): Path<i64>,
    headers: axum::http::HeaderMap,
) -> Result<Response, AppError> {
    let audio = state.app.voicemail_audio(signed_in.user(), id).await?;
    Ok(crate::downloads::recording(&headers, audio))
}

#[derive(Deserialize, Default)]
struct RegisterForm {
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
}

async fn refused(
    state: &AppState,
    signed_in: &SignedIn,
    id: i64,
    message: String,
) -> Result<Response, AppError> {
    let page = render(state, signed_in, Some((id, message)), None).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

/// Registers a waiting item: channel voicemail or online box, received when it arrived.
async fn register(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    Path(id): Path<i64>,
    ValidForm(form): ValidForm<RegisterForm>,
) -> Result<Response, AppError> {
    let lang = signed_in.0.lang;
    let user = signed_in.user();
    let (arrived_at, channel) = state.app.waiting_receipt(user.organisation_id, id).await?;
    let category = Category::parse(&form.category).unwrap_or(Category::UNSPECIFIED);
    let content = AppealContent::new(
        channel,
        arrived_at,
        form.anonymous.is_some(),
        Applicant::new(&form.full_name, &form.address, &form.phone),
        &form.summary,
        category,
        state.app.now(),
    );
    let content = match content {
        Ok(content) => content,
        Err(error) => return refused(&state, &signed_in, id, appeal_error_message(error, lang)).await,
    };
    match state.app.register_inbox_item(user, id, content).await {
        Ok(appeal) => Ok(Redirect::to(&format!("/appeals/{}?done=registered", appeal.id.0)).into_response()),
        Err(Refused::Rule(error)) => refused(&state, &signed_in, id, lang.t(error.message_id())).await,
        Err(Refused::Store(error)) => Err(error.into()),
    }
}

#[derive(Deserialize, Default)]
struct DismissForm {
    #[serde(default)]
    contact_type: String,
    #[serde(default)]
    reason: String,
}

/// Records a waiting item as not an appeal.
async fn dismiss(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    Path(id): Path<i64>,
    ValidForm(form): ValidForm<DismissForm>,
) -> Result<Response, AppError> {
    let lang = signed_in.0.lang;
    let outcome = match Dismissal::new(&form.contact_type, &form.reason) {
        Ok(dismissal) => {
            state
                .app
                .dismiss_inbox_item(signed_in.user(), id, &dismissal)
                .await
        }
        Err(error) => Err(Refused::Rule(error)),
    };
    match outcome {
        Ok(()) => Ok(Redirect::to("/inbox?done=dismissed").into_response()),
        Err(Refused::Rule(
            error @ (DismissalError::ContactType | DismissalError::Reason | DismissalError::Handled),
        )) => refused(&state, &signed_in, id, lang.t(error.message_id())).await,
        Err(Refused::Store(error)) => Err(error.into()),
    }
}
