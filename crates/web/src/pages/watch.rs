//! Every appeal watched to its end: the monitoring of all deadlines, each person's «My day»,
//! and the appeal page's forms to give an appeal to another person, extend its consideration,
//! record that the applicant was told, and mark it outside the school's competence.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chrono::NaiveDate;
use senim_app::Refused;
use senim_app::watch::Watch;
use senim_app::wording::date_text;
use senim_domain::deadline::DeadlineStatus;
use senim_domain::forwarding::ForwardingId;
use senim_domain::watch::{ExtensionError, ExtensionRequest, NoticeChannel, NoticeError};
use senim_domain::{AppealId, UserId};
use senim_i18n::{Arg, Lang};
use senim_store::AppealRecord;
use serde::Deserialize;

use crate::AppState;
use crate::context::{Reader, Registrar, SignedIn, ValidForm};
use crate::error::AppError;
use crate::view::Chrome;
use crate::view::watch::{ItemView, TypedExtension, appeal_label};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/monitoring", get(monitoring_page))
        .route("/today", get(day_page))
        .route("/appeals/{id}/responsible", post(assign))
        .route("/appeals/{id}/extensions", post(extend))
        .route(
            "/appeals/{id}/extension-notice",
            get(extension_notice).post(record_told),
        )
        .route(
            "/forwardings/{id}/notice",
            get(forwarding_notice).post(record_forwarding_notice),
        )
        .route("/appeals/{id}/outside-competence", post(mark_outside_competence))
}

fn parse_id(id: &str) -> Result<AppealId, AppError> {
    id.parse::<i64>().map(AppealId).map_err(|_| AppError::NotFound)
}

/// A date from a form's date field: empty is none; anything unreadable is refused as `error`.
fn form_date(text: &str, error: ExtensionError) -> Result<Option<NaiveDate>, ExtensionError> {
    match text.trim() {
        "" => Ok(None),
        text => NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| error),
    }
}

fn saved(id: AppealId) -> Response {
    Redirect::to(&format!("/appeals/{}?done=watch#watch", id.0)).into_response()
}

/// The appeal page again, with the reason a form was refused in its section.
async fn refused(
    state: &AppState,
    signed_in: &SignedIn,
    id: AppealId,
    message: String,
    typed: Option<TypedExtension>,
) -> Result<Response, AppError> {
    let user = signed_in.user();
    let record = state.app.store.appeal(user.organisation_id, id).await?;
    let mut page = super::appeals::appeal_page_with(state, &signed_in.0, &record, None, None).await?;
    page.watch.error = Some(message);
    if let Some(typed) = typed {
        page.watch.typed = typed;
    }
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

#[derive(Deserialize)]
struct AssignForm {
    #[serde(default)]
    user_id: String,
}

async fn assign(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    Path(id): Path<String>,
    ValidForm(form): ValidForm<AssignForm>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let lang = signed_in.0.lang;
    let to = UserId(form.user_id.trim().parse().unwrap_or(0));
    match state.app.assign_appeal(signed_in.user(), id, to).await {
        Ok(()) => Ok(saved(id)),
        Err(Refused::Rule(error)) => refused(&state, &signed_in, id, lang.t(error.message_id()), None).await,
        Err(Refused::Store(error)) => Err(error.into()),
    }
}

#[derive(Deserialize)]
struct ExtensionForm {
    #[serde(default)]
    due_on: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    decided_on: String,
    #[serde(default)]
    told_on: String,
}

async fn extend(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    Path(id): Path<String>,
    ValidForm(form): ValidForm<ExtensionForm>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let lang = signed_in.0.lang;
    let dates = (|| {
        Ok::<_, ExtensionError>((
            form_date(&form.due_on, ExtensionError::NotLater)?,
            form_date(&form.decided_on, ExtensionError::DecisionDate)?,
            form_date(&form.told_on, ExtensionError::ToldDate)?,
        ))
    })();
    let done = match dates {
        Err(error) => Err(Refused::Rule(error)),
        Ok((due_on, decided_on, told_on)) => {
            let request = ExtensionRequest {
                due_on,
                reason: &form.reason,
                decided_on,
                told_on,
            };
            state
                .app
                .extend_consideration(signed_in.user(), id, &request)
                .await
        }
    };
    match done {
        Ok(()) => Ok(saved(id)),
        Err(Refused::Rule(error)) => {
            let typed = TypedExtension {
                due_on: form.due_on.clone(),
                reason: form.reason.clone(),
                decided_on: form.decided_on.clone(),
                told_on: form.told_on.clone(),
            };
            refused(&state, &signed_in, id, lang.t(error.message_id()), Some(typed)).await
        }
        Err(Refused::Store(error)) => Err(error.into()),
    }
}

#[derive(Deserialize)]
struct ToldForm {
    #[serde(default)]
    told_on: String,
    #[serde(default)]
    channel: String,
}

async fn record_told(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    Path(id): Path<String>,
    ValidForm(form): ValidForm<ToldForm>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let lang = signed_in.0.lang;
    let channel = NoticeChannel::parse(&form.channel).unwrap_or(NoticeChannel::Hand);
    let done = match form_date(&form.told_on, ExtensionError::ToldDate) {
        Err(error) => Err(Refused::Rule(error)),
        Ok(told_on) => {
            state
                .app
                .record_extension_told(signed_in.user(), id, told_on, channel)
                .await
        }
    };
    match done {
        Ok(()) => Ok(saved(id)),
        Err(Refused::Rule(error)) => refused(&state, &signed_in, id, lang.t(error.message_id()), None).await,
        Err(Refused::Store(error)) => Err(error.into()),
    }
}

async fn mark_outside_competence(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    state.app.mark_outside_competence(signed_in.user(), id).await?;
    Ok(saved(id))
}

pub struct ItemGroup {
    pub code: &'static str,
    pub heading: String,
    pub items: Vec<ItemView>,
}

#[derive(Template, WebTemplate)]
#[template(path = "monitoring.html")]
struct MonitoringPage {
    l: Lang,
    chrome: Chrome,
    groups: Vec<ItemGroup>,
    today: String,
    /// Voicemails past the day they had to be registered by, said in words.
    inbox_late: String,
}

/// Every open appeal's duties and every forwarding awaiting its answer: overdue, due within
/// three working days, on time.
async fn monitoring_page(
    State(state): State<AppState>,
    Reader(signed_in): Reader,
) -> Result<Response, AppError> {
    let lang = signed_in.0.lang;
    let user = signed_in.user();
    let today = state.app.clock.today();
    let watch = state.app.watch_on(user.organisation_id, today).await?;
    let group = |status: DeadlineStatus, heading: &str| ItemGroup {
        code: status.code(),
        heading: lang.t(heading),
        items: watch
            .items
            .iter()
            .filter(|item| item.status == status)
            .map(|item| ItemView::new(item, &watch, lang))
            .collect(),
    };
    Ok(MonitoringPage {
        l: lang,
        chrome: Chrome::new(&signed_in.0, "/monitoring"),
        groups: vec![
            group(DeadlineStatus::Overdue, "deadline-overdue"),
            group(DeadlineStatus::DueSoon, "deadline-due-soon"),
            group(DeadlineStatus::OnTime, "deadline-on-time"),
        ],
        today: date_text(today),
        inbox_late: match state.app.inbox_waiting(user.organisation_id, today).await? {
            (_, 0) => String::new(),
            (_, late) => lang.t_args("monitoring-inbox-late", &[("count", Arg::Number(late as i64))]),
        },
    }
    .into_response())
}

pub struct UnassignedView {
    pub appeal_id: i64,
    pub label: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "day.html")]
struct DayPage {
    l: Lang,
    chrome: Chrome,
    intro: String,
    groups: Vec<ItemGroup>,
    unassigned: Vec<UnassignedView>,
    box_waiting: String,
    letters_waiting: String,
    voicemails_waiting: String,
    can_take: bool,
    my_id: i64,
    empty: bool,
}

/// What the signed-in person has to do today; numbers and deadlines only.
async fn day_page(State(state): State<AppState>, Reader(signed_in): Reader) -> Result<Response, AppError> {
    let lang = signed_in.0.lang;
    let user = signed_in.user();
    let today = state.app.clock.today();
    let watch: Watch = state.app.watch_on(user.organisation_id, today).await?;
    let day = state.app.day_of(user, &watch, today).await?;
    let group = |code: &'static str, heading: &str, items: &[senim_app::watch::WatchItem]| ItemGroup {
        code,
        heading: lang.t(heading),
        items: items
            .iter()
            .map(|item| ItemView::new(item, &watch, lang))
            .collect(),
    };
    let groups: Vec<ItemGroup> = [
        group("urgent", "day-urgent", &day.urgent),
        group("overdue", "day-overdue", &day.overdue),
        group("to_forward", "day-to-forward", &day.to_forward),
        group("this_week", "day-this-week", &day.this_week),
    ]
    .into_iter()
    .filter(|group| !group.items.is_empty())
    .collect();
    Ok(DayPage {
        l: lang,
        chrome: Chrome::new(&signed_in.0, "/today"),
        intro: lang.t_args("day-intro", &[("date", Arg::Text(date_text(today)))]),
        unassigned: day
            .unassigned
            .iter()
            .map(|appeal| UnassignedView {
                appeal_id: appeal.id.0,
                label: appeal_label(appeal.year.0, appeal.number.0, lang),
            })
            .collect(),
        box_waiting: if day.box_waiting > 0 {
            lang.t_args(
                "day-box-waiting",
                &[("count", Arg::Number(day.box_waiting as i64))],
            )
        } else {
            String::new()
        },
        voicemails_waiting: if day.voicemails_waiting > 0 {
            lang.t_args(
                "day-voicemails-waiting",
                &[
                    ("count", Arg::Number(day.voicemails_waiting as i64)),
                    ("late", Arg::Number(day.voicemails_late as i64)),
                ],
            )
        } else {
            String::new()
        },
        letters_waiting: if day.letters_waiting > 0 {
            lang.t_args(
                "day-letters-waiting",
                &[("count", Arg::Number(day.letters_waiting as i64))],
            )
        } else {
            String::new()
        },
        can_take: user.permissions().register_appeals,
        my_id: user.id.0,
        empty: day.is_empty(),
        groups,
    }
    .into_response())
}

#[derive(Deserialize, Default)]
struct NoticeQuery {
    #[serde(default)]
    lang: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "notice.html")]
struct NoticePage {
    l: Lang,
    chrome: Chrome,
    back: String,
    back_label: String,
    /// This page's path, to ask for it in the other language of notices.
    path: String,
    school: String,
    name: String,
    address: String,
    title: String,
    body: String,
    signature: String,
    date: String,
    /// Where the form records the notice as given; `None` once it is.
    record_at: Option<String>,
    recorded: Option<String>,
    today_input: String,
    channels: Vec<crate::view::Choice>,
    can_register: bool,
}

/// The language a notice is written in: Russian when asked, Kazakh otherwise.
fn notice_language(query: &NoticeQuery) -> Lang {
    if query.lang == "ru" { Lang::Ru } else { Lang::Kk }
}

fn channel_choices(lang: Lang) -> Vec<crate::view::Choice> {
    NoticeChannel::ALL
        .into_iter()
        .map(|channel| crate::view::Choice {
            value: channel.code().to_owned(),
            label: lang.t(channel.message_id()),
            selected: channel == NoticeChannel::Hand,
        })
        .collect()
}

/// The appeal a notice is written for, as its latest entry stands (a correction's name and
/// address, not the corrected entry's), opened and so in the audit — refused for an anonymous
/// applicant, who cannot be told.
async fn notice_appeal(
    state: &AppState,
    signed_in: &SignedIn,
    entry: AppealId,
) -> Result<AppealRecord, AppError> {
    let user = signed_in.user();
    let standing = state.app.standing_appeal(user.organisation_id, entry).await?;
    let record = state.app.open_appeal(user, standing.id).await?;
    if record.row.appeal.content.anonymous() {
        return Err(AppError::NotFound);
    }
    let appeal = &record.row.appeal;
    state
        .app
        .audit_download(
            user,
            senim_domain::audit::documents::NOTICE,
            Some(senim_domain::EntryRef {
                year: appeal.year,
                number: appeal.number,
            }),
        )
        .await?;
    Ok(record)
}

/// A notice's text in `letter`'s language: the applicant, the appeal's receipt and number,
/// and what the notice tells (`more`).
fn notice_body(
    letter: Lang,
    id: &str,
    appeal: &senim_domain::Appeal,
    more: Vec<(&'static str, Arg)>,
) -> String {
    let mut args = vec![
        ("name", Arg::Text(appeal.content.applicant().full_name.0.clone())),
        (
            "received",
            Arg::Text(date_text(senim_domain::time::local_date(
                appeal.content.received_at(),
            ))),
        ),
        ("number", Arg::Number(appeal.number.0)),
        ("year", Arg::Text(appeal.year.0.to_string())),
    ];
    args.extend(more);
    letter.t_args(id, &args)
}

fn notice_page(
    signed_in: &SignedIn,
    record: &AppealRecord,
    school: &senim_domain::Organisation,
    letter: Lang,
    (title, body): (String, String),
    back: String,
    here: String,
) -> NoticePage {
    let lang = signed_in.0.lang;
    let appeal = &record.row.appeal;
    let applicant = appeal.content.applicant();
    NoticePage {
        l: lang,
        chrome: Chrome::new(&signed_in.0, &here),
        back_label: crate::view::watch::appeal_label(appeal.year.0, appeal.number.0, lang),
        back,
        path: here.split('?').next().unwrap_or_default().to_owned(),
        school: school.name_in(letter.code()).to_owned(),
        name: applicant.full_name.0.clone(),
        address: applicant.address.0.clone(),
        title,
        body,
        signature: letter.t("notice-signature"),
        date: letter.t_args(
            "notice-date",
            &[(
                "date",
                Arg::Text(date_text(senim_domain::time::local_date(signed_in.0.now))),
            )],
        ),
        record_at: None,
        recorded: None,
        today_input: senim_domain::time::local_date(signed_in.0.now)
            .format("%Y-%m-%d")
            .to_string(),
        channels: channel_choices(lang),
        can_register: signed_in.user().permissions().register_appeals,
    }
}

/// The notice to a named applicant that their appeal was forwarded, in Kazakh or Russian, to
/// print or send; and the form that records it as given.
async fn forwarding_notice(
    State(state): State<AppState>,
    Reader(signed_in): Reader,
    Path(id): Path<String>,
    crate::context::ValidQuery(query): crate::context::ValidQuery<NoticeQuery>,
) -> Result<Response, AppError> {
    let user = signed_in.user();
    let forwarding_id = ForwardingId(id.parse().map_err(|_| AppError::NotFound)?);
    let forwarding = state
        .app
        .store
        .forwarding(user.organisation_id, forwarding_id)
        .await?;
    // A forwarding withdrawn as made in error has nothing to tell the applicant.
    if forwarding.withdrawn.is_some() {
        return Err(AppError::NotFound);
    }
    let record = notice_appeal(&state, &signed_in, forwarding.appeal_id).await?;
    let school = state.app.store.organisation(user.organisation_id).await?;
    let letter = notice_language(&query);
    let appeal = &record.row.appeal;
    let body = notice_body(
        letter,
        "notice-forwarding-body",
        appeal,
        vec![
            (
                "sent",
                Arg::Text(date_text(senim_domain::time::local_date(forwarding.sent_at))),
            ),
            (
                "organisation",
                Arg::Text(
                    forwarding
                        .executing_organisation
                        .name_in(letter.code())
                        .to_owned(),
                ),
            ),
            ("due", Arg::Text(date_text(forwarding.due_on))),
        ],
    );
    let mut page = notice_page(
        &signed_in,
        &record,
        &school,
        letter,
        (letter.t("notice-forwarding-title"), body),
        format!("/appeals/{}#forwarding-{}", appeal.id.0, forwarding.id.0),
        format!("/forwardings/{}/notice?lang={}", forwarding.id.0, letter.code()),
    );
    let notices = state.app.store.forwarding_notices(user.organisation_id).await?;
    match notices.get(&forwarding.id) {
        Some((day, channel)) => {
            page.recorded = Some(crate::view::watch::notice_recorded(
                signed_in.0.lang,
                *day,
                Some(*channel),
            ))
        }
        None => page.record_at = Some(format!("/forwardings/{}/notice", forwarding.id.0)),
    }
    Ok(page.into_response())
}

#[derive(Deserialize)]
struct NoticeForm {
    #[serde(default)]
    sent_on: String,
    #[serde(default)]
    channel: String,
}

async fn record_forwarding_notice(
    State(state): State<AppState>,
    Registrar(signed_in): Registrar,
    Path(id): Path<String>,
    ValidForm(form): ValidForm<NoticeForm>,
) -> Result<Response, AppError> {
    let user = signed_in.user();
    let lang = signed_in.0.lang;
    let forwarding_id = ForwardingId(id.parse().map_err(|_| AppError::NotFound)?);
    let forwarding = state
        .app
        .store
        .forwarding(user.organisation_id, forwarding_id)
        .await?;
    let sent_on = match form.sent_on.trim() {
        "" => Ok(None),
        text => NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| NoticeError::Date),
    };
    let done = match (sent_on, NoticeChannel::parse(&form.channel)) {
        (Err(error), _) | (_, Err(error)) => Err(Refused::Rule(error)),
        (Ok(sent_on), Ok(channel)) => {
            state
                .app
                .record_forwarding_notice(user, forwarding_id, sent_on, channel)
                .await
        }
    };
    match done {
        Ok(()) => Ok(Redirect::to(&format!(
            "/appeals/{}?done=watch#forwarding-{}",
            forwarding.appeal_id.0, forwarding.id.0
        ))
        .into_response()),
        Err(Refused::Rule(error)) => {
            refused(
                &state,
                &signed_in,
                forwarding.appeal_id,
                lang.t(error.message_id()),
                None,
            )
            .await
        }
        Err(Refused::Store(error)) => Err(error.into()),
    }
}

/// The notice to a named applicant of the latest extension of their appeal's consideration.
async fn extension_notice(
    State(state): State<AppState>,
    Reader(signed_in): Reader,
    Path(id): Path<String>,
    crate::context::ValidQuery(query): crate::context::ValidQuery<NoticeQuery>,
) -> Result<Response, AppError> {
    let user = signed_in.user();
    let entry = parse_id(&id)?;
    let appeal = state.app.standing_appeal(user.organisation_id, entry).await?;
    let extensions = state
        .app
        .store
        .extensions(user.organisation_id, &appeal.entries)
        .await?;
    let Some(latest) = extensions.last() else {
        return Err(AppError::NotFound);
    };
    let record = notice_appeal(&state, &signed_in, entry).await?;
    let school = state.app.store.organisation(user.organisation_id).await?;
    let letter = notice_language(&query);
    let shown = &record.row.appeal;
    let body = notice_body(
        letter,
        "notice-extension-body",
        shown,
        vec![
            ("decided", Arg::Text(date_text(latest.extension.decided_on))),
            ("due", Arg::Text(date_text(latest.extension.due_on))),
            ("reason", Arg::Text(latest.reason.0.clone())),
        ],
    );
    let mut page = notice_page(
        &signed_in,
        &record,
        &school,
        letter,
        (letter.t("notice-extension-title"), body),
        format!("/appeals/{}#watch", entry.0),
        format!("/appeals/{}/extension-notice?lang={}", entry.0, letter.code()),
    );
    match latest.extension.told_on {
        Some(day) => {
            page.recorded = Some(crate::view::watch::notice_recorded(
                signed_in.0.lang,
                day,
                latest.told_channel,
            ))
        }
        None => page.record_at = Some(format!("/appeals/{}/extension-notice", entry.0)),
    }
    Ok(page.into_response())
}
