//! The Trust Phone's page: whether it is on duty now and when duty resumes, the call card a
//! specialist opens when a call comes in, and the month's call log. A call that is not an
//! appeal is logged with its kind and length and takes no journal number; a call about a
//! child goes on to the registration form and is registered with its call in one step.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chrono::{DateTime, Utc};
use senim_app::Refused;
use senim_domain::AppealId;
use senim_domain::analysis::Month;
use senim_domain::classification::ContactType;
use senim_domain::hours::Duty;
use senim_domain::phone::{Call, CallError};
use senim_domain::time::{format_local, local};
use senim_i18n::{Arg, Lang};
use serde::Deserialize;

use crate::AppState;
use crate::context::{Reader, Registrar, SignedIn, ValidForm, ValidQuery};
use crate::error::AppError;
use crate::pages::appeals::{AppealForm, AppealFormView, FieldError, parse_received_at};
use crate::view::{Choice, Chrome};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/phone", get(phone_page))
        .route("/phone/call", get(call_card))
        .route("/phone/calls", post(record_call))
        .route("/phone/calls/appeal", post(register_call_appeal))
        .route("/phone/greeting", post(set_greeting))
        .route("/phone/hours", post(set_hours))
        .route("/phone/greeting/recording/remove", post(remove_recording))
        .route("/phone/greeting.wav", get(greeting_wav))
}

/// The upload of a recording as the message, apart from the other pages: its body is larger
/// than any form's.
pub fn upload_router() -> Router<AppState> {
    Router::new()
        .route("/phone/greeting/recording", post(upload_recording))
        .layer(axum::extract::DefaultBodyLimit::max(crate::context::MAX_UPLOAD))
}

/// The answering machine's message in one language, for the page.
pub struct GreetingView {
    pub lang: &'static str,
    pub label: String,
    pub text: String,
    /// Callers hear the school's recording, not the text.
    pub recorded: bool,
}

async fn greetings(state: &AppState, signed_in: &SignedIn) -> Result<Vec<GreetingView>, AppError> {
    let lang = signed_in.0.lang;
    let recorded = state
        .app
        .greeting_recordings(signed_in.user().organisation_id)
        .await?;
    let mut views = Vec::new();
    for code in senim_domain::greeting::GREETING_LANGUAGES {
        let text = match state.app.greeting(signed_in.user().organisation_id, code).await {
            Ok(text) => text,
            Err(Refused::Rule(_)) => continue,
            Err(Refused::Store(error)) => return Err(error.into()),
        };
        views.push(GreetingView {
            lang: code,
            label: lang.t(&format!("language-{code}")),
            text,
            recorded: recorded.iter().any(|recorded| recorded == code),
        });
    }
    Ok(views)
}

#[derive(Deserialize, Default)]
struct GreetingForm {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    text: String,
}

/// Sets the school's answering-machine message in kk or ru.
async fn set_greeting(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    ValidForm(form): ValidForm<GreetingForm>,
) -> Result<Response, AppError> {
    match state
        .app
        .set_greeting(signed_in.user(), &form.lang, &form.text)
        .await
    {
        Ok(()) => Ok(Redirect::to("/phone?done=greeting#greeting").into_response()),
        Err(Refused::Rule(error)) => {
            // Only the page's own two languages reach here; another is a forged form.
            let lang = senim_domain::greeting::GREETING_LANGUAGES
                .into_iter()
                .find(|code| *code == form.lang)
                .ok_or(AppError::BadRequest)?;
            let refused = RefusedGreeting {
                lang,
                text: Some(form.text.clone()),
                message: signed_in.0.lang.t(error.message_id()),
            };
            let month = Month::of(state.app.clock.today());
            let mending = Mending {
                greeting: Some(refused),
                hours: None,
            };
            let page = render_phone(&state, &signed_in, month, None, mending).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(Refused::Store(error)) => Err(error.into()),
    }
}

/// The language a form names, of the page's two; another is a forged form.
fn greeting_lang(code: &str) -> Result<&'static str, AppError> {
    senim_domain::greeting::GREETING_LANGUAGES
        .into_iter()
        .find(|known| *known == code.trim())
        .ok_or(AppError::BadRequest)
}

/// A recording the school made, uploaded as its message in kk or ru: multipart with `csrf`,
/// `lang` and `audio`.
async fn upload_recording(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    multipart: Result<axum::extract::Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<Response, AppError> {
    let mut multipart = multipart.map_err(|_| AppError::BadRequest)?;
    let (mut lang, mut audio) = (String::new(), Vec::new());
    while let Some(field) = multipart.next_field().await.map_err(|_| AppError::BadRequest)? {
        match field.name() {
            Some("lang") => lang = field.text().await.map_err(|_| AppError::BadRequest)?,
            Some("audio") => audio = field.bytes().await.map_err(|_| AppError::BadRequest)?.to_vec(),
            _ => {}
        }
    }
    let lang = greeting_lang(&lang)?;
    match state
        .app
        .set_greeting_recording(signed_in.user(), lang, &audio)
        .await
    {
        Ok(()) => Ok(Redirect::to("/phone?done=recording#greeting").into_response()),
        Err(Refused::Rule(error)) => {
            let mending = Mending {
                greeting: Some(RefusedGreeting {
                    lang,
                    text: None,
                    message: signed_in.0.lang.t(error.message_id()),
                }),
                hours: None,
            };
            let month = Month::of(state.app.clock.today());
            let page = render_phone(&state, &signed_in, month, None, mending).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(Refused::Store(error)) => Err(error.into()),
    }
}

/// Removes the school's recording in a language: the text is spoken again.
async fn remove_recording(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    ValidForm(form): ValidForm<LangQuery>,
) -> Result<Response, AppError> {
    let lang = greeting_lang(&form.lang)?;
    match state.app.remove_greeting_recording(signed_in.user(), lang).await {
        Ok(()) => Ok(Redirect::to("/phone?done=recording-removed#greeting").into_response()),
        Err(Refused::Rule(_)) => Err(AppError::BadRequest),
        Err(Refused::Store(error)) => Err(error.into()),
    }
}

#[derive(Deserialize, Default)]
struct HoursForm {
    #[serde(default)]
    opens: String,
    #[serde(default)]
    closes: String,
}

/// Sets when the school's Trust Phone is answered on a working day.
async fn set_hours(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    ValidForm(form): ValidForm<HoursForm>,
) -> Result<Response, AppError> {
    match state
        .app
        .set_duty_hours(signed_in.user(), &form.opens, &form.closes)
        .await
    {
        Ok(_) => Ok(Redirect::to("/phone?done=hours#hours").into_response()),
        Err(Refused::Rule(error)) => {
            let mending = Mending {
                greeting: None,
                hours: Some(RefusedHours {
                    opens: form.opens.clone(),
                    closes: form.closes.clone(),
                    field: error.field(),
                    message: signed_in.0.lang.t(error.message_id()),
                }),
            };
            let month = Month::of(state.app.clock.today());
            let page = render_phone(&state, &signed_in, month, None, mending).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(Refused::Store(error)) => Err(error.into()),
    }
}

#[derive(Deserialize, Default)]
struct LangQuery {
    #[serde(default)]
    lang: String,
}

/// The message spoken, as the 8 kHz WAV an exchange plays.
async fn greeting_wav(
    State(state): State<AppState>,
    Reader(signed_in): Reader,
    ValidQuery(query): ValidQuery<LangQuery>,
    headers: axum::http::HeaderMap,
) -> Result<Response, AppError> {
    if senim_domain::greeting::default_text(&query.lang).is_err() {
        return Err(AppError::BadRequest);
    }
    match state
        .app
        .greeting_wav(signed_in.user().organisation_id, &query.lang)
        .await
    {
        Ok(wav) => {
            let mut response = crate::downloads::recording(&headers, wav);
            let name = format!("attachment; filename=\"greeting-{}.wav\"", query.lang);
            if let Ok(value) = axum::http::HeaderValue::from_str(&name) {
                response
                    .headers_mut()
                    .insert(axum::http::header::CONTENT_DISPOSITION, value);
            }
            Ok(response)
        }
        Err(senim_app::phone::SpeechError::Store(error)) => Err(error.into()),
        Err(error) => {
            tracing::error!(%error, "the answering-machine message could not be spoken");
            Err(AppError::Internal)
        }
    }
}

/// The duty now, said in words.
pub fn duty_line(duty: Duty, lang: Lang) -> (&'static str, String) {
    match duty {
        Duty::On { until } => (
            "on",
            lang.t_args(
                "phone-on-duty",
                &[("until", Arg::from(local(until).format("%H:%M").to_string()))],
            ),
        ),
        Duty::OutOfHours { resumes } => (
            "off",
            lang.t_args(
                "phone-out-of-hours",
                &[("resumes", Arg::from(format_local(resumes)))],
            ),
        ),
        Duty::DayOff { resumes } => (
            "off",
            lang.t_args("phone-day-off", &[("resumes", Arg::from(format_local(resumes)))]),
        ),
    }
}

pub struct CallView {
    pub started: String,
    pub duration: String,
    pub kind: String,
    /// The appeal the call became: its link and number.
    pub appeal: Option<(i64, String)>,
    pub recorded_by: String,
}

pub struct KindCount {
    pub kind: String,
    pub count: u32,
}

/// `m:ss`, or `h:mm:ss` for a long call.
fn duration(seconds: i64) -> String {
    let (hours, minutes, seconds) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if hours > 0 {
        format!("{hours}:{minutes:02}:{seconds:02}")
    } else {
        format!("{minutes}:{seconds:02}")
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "phone.html")]
struct PhonePage {
    l: Lang,
    chrome: Chrome,
    duty_class: &'static str,
    duty: String,
    month: String,
    previous: String,
    next: Option<String>,
    calls: Vec<CallView>,
    not_appeals: Vec<KindCount>,
    counts: String,
    done: bool,
    greeting_saved: Option<String>,
    greetings: Vec<GreetingView>,
    /// A refused message: its language and why.
    greeting_error: Option<(&'static str, String)>,
    can_register: bool,
    /// The hours as the form shows them (`09:00`), and a refusal's field and message.
    opens: String,
    closes: String,
    hours_saved: bool,
    hours_error: Option<(&'static str, String)>,
}

/// Refused hours, kept as typed to be mended.
struct RefusedHours {
    opens: String,
    closes: String,
    field: &'static str,
    message: String,
}

/// What a refused form gave, drawn again on the page.
#[derive(Default)]
struct Mending {
    greeting: Option<RefusedGreeting>,
    hours: Option<RefusedHours>,
}

/// A refused message, kept as typed to be mended (a refused recording leaves the text).
struct RefusedGreeting {
    lang: &'static str,
    text: Option<String>,
    message: String,
}

#[derive(Deserialize, Default)]
struct PhoneQuery {
    month: Option<String>,
    done: Option<String>,
}

async fn phone_page(
    State(state): State<AppState>,
    Reader(signed_in): Reader,
    ValidQuery(query): ValidQuery<PhoneQuery>,
) -> Result<Response, AppError> {
    let this_month = Month::of(state.app.clock.today());
    let month = match query.month.as_deref().map(str::trim) {
        None | Some("") => this_month,
        Some(text) => Month::parse(text).map_err(|_| AppError::BadRequest)?,
    };
    let page = render_phone(
        &state,
        &signed_in,
        month,
        query.done.as_deref(),
        Mending::default(),
    )
    .await?;
    Ok(page.into_response())
}

async fn render_phone(
    state: &AppState,
    signed_in: &SignedIn,
    month: Month,
    done: Option<&str>,
    mending: Mending,
) -> Result<PhonePage, AppError> {
    let refused = mending.greeting;
    let lang = signed_in.0.lang;
    let user = signed_in.user();
    let this_month = Month::of(state.app.clock.today());
    let records = state.app.calls_of_month(user.organisation_id, month).await?;
    let calls: Vec<Call> = records.iter().map(|record| record.call).collect();
    let not_appeals = senim_domain::phone::not_appeals_by_kind(&calls)
        .into_iter()
        .map(|(kind, count)| KindCount {
            kind: lang.t(&kind.message_id()),
            count,
        })
        .collect();
    let school = state.app.store.organisation(user.organisation_id).await?;
    let (duty_class, duty) = duty_line(state.app.phone_duty(&school), lang);
    let hours = school.phone_hours;
    let (opens, closes, hours_error) = match mending.hours {
        Some(refused) => (
            refused.opens,
            refused.closes,
            Some((refused.field, refused.message)),
        ),
        None => (
            hours.opens().format("%H:%M").to_string(),
            hours.closes().format("%H:%M").to_string(),
            None,
        ),
    };
    let page = PhonePage {
        l: lang,
        chrome: Chrome::new(&signed_in.0, "/phone"),
        duty_class,
        duty,
        month: month.to_string(),
        previous: month.previous().to_string(),
        next: (month < this_month).then(|| month.next().to_string()),
        counts: lang.t_args(
            "phone-log-counts",
            &[
                ("calls", Arg::from(i64::try_from(calls.len()).unwrap_or(i64::MAX))),
                (
                    "appeals",
                    Arg::from(
                        i64::try_from(calls.iter().filter(|call| call.appeal.is_some()).count())
                            .unwrap_or(i64::MAX),
                    ),
                ),
            ],
        ),
        calls: records
            .iter()
            .rev()
            .map(|record| CallView {
                started: format_local(record.call.started_at),
                duration: duration(record.call.duration_seconds),
                kind: lang.t(&record.call.contact_type.message_id()),
                appeal: record
                    .call
                    .appeal
                    .zip(record.entry)
                    .map(|(id, (year, number))| (id.0, format!("№ {}/{}", number.0, year.0))),
                recorded_by: record.recorded_by_name.clone(),
            })
            .collect(),
        not_appeals,
        done: done == Some("call"),
        greeting_saved: match done {
            Some("greeting") => Some(lang.t("phone-greeting-saved")),
            Some("recording") => Some(lang.t("phone-greeting-recording-saved")),
            Some("recording-removed") => Some(lang.t("phone-greeting-recording-removed")),
            _ => None,
        },
        greetings: greetings(state, signed_in)
            .await?
            .into_iter()
            .map(|mut view| {
                if let Some(text) = refused
                    .as_ref()
                    .filter(|refused| refused.lang == view.lang)
                    .and_then(|refused| refused.text.clone())
                {
                    view.text = text;
                }
                view
            })
            .collect(),
        greeting_error: refused.map(|refused| (refused.lang, refused.message)),
        can_register: user.permissions().register_appeals,
        opens,
        closes,
        hours_saved: done == Some("hours"),
        hours_error,
    };
    Ok(page)
}

#[derive(Template, WebTemplate)]
#[template(path = "call.html")]
struct CallCard {
    l: Lang,
    chrome: Chrome,
    duty_class: &'static str,
    duty: String,
    started_at: String,
    started_max: String,
    started_time: String,
    duration_minutes: String,
    kinds: Vec<Choice>,
    error: Option<String>,
    error_field: &'static str,
}

impl CallCard {
    fn refused(&self, field: &str) -> bool {
        self.error.is_some() && self.error_field == field
    }
}

const LOCAL_INPUT: &str = "%Y-%m-%dT%H:%M:%S";

fn kinds(lang: Lang, selected: &str) -> Vec<Choice> {
    // The kinds that are appeals first: a call about a child is what the line is for.
    let appeals = ContactType::ALL.iter().copied().filter(|kind| kind.is_appeal());
    appeals
        .chain(ContactType::not_appeals())
        .map(|kind| Choice {
            value: kind.code().to_owned(),
            label: lang.t(&kind.message_id()),
            selected: kind.code() == selected,
        })
        .collect()
}

async fn card(
    state: &AppState,
    signed_in: &SignedIn,
    form: &CallForm,
    error: Option<CallError>,
) -> Result<CallCard, AppError> {
    let lang = signed_in.0.lang;
    let now = state.app.now();
    let started = parse_received_at(&form.started_at, now).unwrap_or(now);
    let school = state
        .app
        .store
        .organisation(signed_in.user().organisation_id)
        .await?;
    let (duty_class, duty) = duty_line(state.app.phone_duty(&school), lang);
    Ok(CallCard {
        l: lang,
        chrome: Chrome::new(&signed_in.0, "/phone/call"),
        duty_class,
        duty,
        started_at: local(started).format(LOCAL_INPUT).to_string(),
        started_max: local(now).format(LOCAL_INPUT).to_string(),
        started_time: local(started).format("%H:%M:%S").to_string(),
        duration_minutes: form.duration_minutes.clone(),
        kinds: kinds(lang, &form.contact_type),
        error: error.map(|error| lang.t(error.message_id())),
        error_field: error.map_or("", CallError::field),
    })
}

/// A card opened the moment the call is taken: the time it began, a timer (drawn by the
/// stylesheet, no script), the national lines for an urgent call, and the call's kind.
async fn call_card(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
) -> Result<Response, AppError> {
    Ok(card(&state, &signed_in, &CallForm::default(), None)
        .await?
        .into_response())
}

#[derive(Deserialize, Default, Clone)]
struct CallForm {
    #[serde(default)]
    started_at: String,
    #[serde(default)]
    duration_minutes: String,
    #[serde(default)]
    contact_type: String,
}

impl CallForm {
    /// The call as the card gave it. An empty length is the time from the call's start to
    /// now; a length in minutes (a call logged afterwards) is taken as given.
    fn call(&self, now: DateTime<Utc>, appeal: Option<AppealId>) -> Result<Call, CallError> {
        let started_at = parse_received_at(&self.started_at, now).ok_or(CallError::InFuture)?;
        let seconds = match self.duration_minutes.trim() {
            // More than six hours is refused, not cut short: a call logged later needs its length.
            "" => (now - started_at).num_seconds().max(0),
            text => {
                let minutes: f64 = text.replace(',', ".").parse().map_err(|_| CallError::Duration)?;
                if !minutes.is_finite() || minutes < 0.0 {
                    return Err(CallError::Duration);
                }
                // Whole seconds: at most six hours, so the product fits.
                (minutes.min(1e6) * 60.0).round() as i64
            }
        };
        Call::new(started_at, seconds, &self.contact_type, appeal, now)
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "call_register.html")]
struct CallRegisterPage {
    l: Lang,
    chrome: Chrome,
    form: AppealFormView,
    call_started: String,
    call_seconds: i64,
    contact_type: String,
    call_said: String,
}

fn register_page(
    signed_in: &SignedIn,
    form: &AppealForm,
    error: Option<FieldError>,
    call: &Call,
) -> CallRegisterPage {
    let lang = signed_in.0.lang;
    CallRegisterPage {
        l: lang,
        chrome: Chrome::new(&signed_in.0, "/phone/call"),
        form: AppealFormView::new(form, lang, error, signed_in.0.now),
        call_started: call.started_at.timestamp().to_string(),
        call_seconds: call.duration_seconds,
        contact_type: call.contact_type.code().to_owned(),
        call_said: lang.t_args(
            "phone-call-said",
            &[
                ("started", Arg::from(format_local(call.started_at))),
                ("duration", Arg::from(duration(call.duration_seconds))),
                ("kind", Arg::from(lang.t(&call.contact_type.message_id()))),
            ],
        ),
    }
}

/// The card's answer: a call that is not an appeal goes to the log; a call about a child
/// opens the registration form, received when the call began.
async fn record_call(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    ValidForm(form): ValidForm<CallForm>,
) -> Result<Response, AppError> {
    let user = signed_in.user();
    let now = state.app.now();
    let is_appeal = ContactType::parse(form.contact_type.trim()).is_some_and(ContactType::is_appeal);
    // The appeal's id is not known until it is registered; the rule is checked with a
    // stand-in and the call is written with the appeal.
    let checked = form.call(now, is_appeal.then_some(AppealId(0)));
    match checked {
        Ok(call) if is_appeal => {
            let page = register_page(&signed_in, &AppealForm::of_call(call.started_at), None, &call);
            Ok(page.into_response())
        }
        Ok(call) => match state.app.record_call(user, &call).await {
            Ok(_) => Ok(Redirect::to("/phone?done=call").into_response()),
            Err(Refused::Rule(error)) => Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                card(&state, &signed_in, &form, Some(error)).await?,
            )
                .into_response()),
            Err(Refused::Store(error)) => Err(error.into()),
        },
        Err(error) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            card(&state, &signed_in, &form, Some(error)).await?,
        )
            .into_response()),
    }
}

#[derive(Deserialize)]
struct CallAppealForm {
    #[serde(flatten)]
    appeal: AppealForm,
    #[serde(default)]
    call_started: String,
    #[serde(default)]
    call_seconds: String,
    #[serde(default)]
    contact_type: String,
}

/// Registers the appeal a call became, with its call, in one step.
async fn register_call_appeal(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    ValidForm(form): ValidForm<CallAppealForm>,
) -> Result<Response, AppError> {
    let lang = signed_in.0.lang;
    let user = signed_in.user();
    let now = state.app.now();
    let started_at = form
        .call_started
        .trim()
        .parse::<i64>()
        .ok()
        .and_then(|seconds| DateTime::from_timestamp(seconds, 0));
    let seconds = form.call_seconds.trim().parse::<i64>().ok();
    let (Some(started_at), Some(seconds)) = (started_at, seconds) else {
        return Err(AppError::BadRequest);
    };
    let call = Call::new(started_at, seconds, &form.contact_type, Some(AppealId(0)), now)
        .map_err(|_| AppError::BadRequest)?;
    let content = match form.appeal.content(now, lang) {
        Ok(content) => content,
        Err(error) => {
            let page = register_page(&signed_in, &form.appeal, Some(error), &call);
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let appeal = state.app.register_call_appeal(user, content, &call).await?;
    Ok(Redirect::to(&format!("/appeals/{}?done=registered", appeal.id.0)).into_response())
}
