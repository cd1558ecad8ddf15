//! Every appeal watched to its end: the monitoring of every open duty and forwarding, each
//! person's day, and giving an appeal to another person, extending its consideration,
//! recording that the applicant was told, marking it outside the school's competence.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::NaiveDate;
use senim_app::watch::{Watch, WatchItem};
use senim_domain::forwarding::ForwardingId;
use senim_domain::watch::{
    AssignError, ExtensionError, ExtensionRequest, NoticeChannel, NoticeError, WatchedAppeal,
};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::AppState;

use super::forwardings::forwarding_json;
use super::{ApiError, ApiUser, Routes, parse_id};

pub(super) fn routes() -> Routes {
    Routes::default()
        .at("/monitoring", get(monitoring))
        .at("/my-day", get(my_day))
        .at("/appeals/{id}/responsible", post(assign))
        .at("/appeals/{id}/extensions", post(extend))
        .at("/appeals/{id}/extension-notice", post(record_told))
        .at("/appeals/{id}/outside-competence", post(mark_outside_competence))
        .at("/forwardings/{id}/notice", post(record_forwarding_notice))
}

fn day(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

fn login_of(watch: &Watch, appeal: &WatchedAppeal) -> Value {
    watch
        .responsible(appeal)
        .map_or(Value::Null, |user| Value::from(user.login.as_str()))
}

/// One open item: a duty of the school (`kind: "duty"`) or a forwarding awaiting its answer
/// (`kind: "forwarding"`, with the forwarding's own fields).
fn item_json(item: &WatchItem, watch: &Watch, state: &AppState) -> Value {
    let responsible = item
        .responsible
        .and_then(|id| watch.registrars.iter().find(|user| user.id == id))
        .map_or(Value::Null, |user| Value::from(user.login.as_str()));
    match &item.forwarding {
        Some(forwarding) => {
            let mut body = forwarding_json(forwarding, &state.app.calendar, state.app.clock.today());
            body["kind"] = Value::from("forwarding");
            body["status"] = Value::from(item.status.code());
            body["responsible"] = responsible;
            body
        }
        None => json!({
            "kind": "duty",
            "appeal_id": item.appeal.0,
            "appeal": { "year": item.entry.year.0, "number": item.entry.number.0 },
            "rule": item.rule.code(),
            "due_on": day(item.due),
            "status": item.status.code(),
            "responsible": responsible,
        }),
    }
}

/// What `GET /appeals/{id}` says of where the appeal stands: the date it must be considered
/// by (the forwarding's when forwarded), the person responsible, the open duties.
pub(super) async fn standing_json(
    state: &AppState,
    user: &senim_store::User,
    entry: senim_domain::AppealId,
    forwardings: &[senim_store::ForwardingRecord],
) -> Result<Value, ApiError> {
    let today = state.app.clock.today();
    let watch = state.app.watch_of(user.organisation_id, &[entry], today).await?;
    let appeal = match watch.appeal_of(entry) {
        Some(appeal) => appeal.clone(),
        None => state.app.standing_appeal(user.organisation_id, entry).await?,
    };
    // A forwarded appeal is due when its open forwarding is (the latest one's day, once all
    // were answered).
    let open_forwarding_due = watch
        .items_of(appeal.id)
        .filter(|item| item.forwarding.is_some())
        .map(|item| item.due)
        .min();
    let forwarded_due = forwardings
        .iter()
        .filter(|forwarding| forwarding.withdrawn.is_none())
        .map(|forwarding| forwarding.due_on)
        .max();
    let due_on = match (open_forwarding_due, forwarded_due) {
        (Some(due), _) => due,
        (None, Some(due)) if appeal.forwarded => due,
        _ => appeal.consideration_due(&state.app.calendar),
    };
    Ok(json!({
        "due_on": day(due_on),
        "responsible": login_of(&watch, &appeal),
        "answered": appeal.answered,
        "forwarded": appeal.forwarded,
        "outside_competence": appeal.outside_competence,
        "extension": appeal.extension.map(|extension| json!({
            "due_on": day(extension.due_on),
            "decided_on": day(extension.decided_on),
            "told_on": extension.told_on.map(day),
        })),
        "duties": watch.items_of(appeal.id).map(|item| item_json(item, &watch, state)).collect::<Vec<_>>(),
    }))
}

/// Every open duty and forwarding of the school, the earliest first.
async fn monitoring(State(state): State<AppState>, api_user: ApiUser) -> Result<Response, ApiError> {
    let user = api_user.reader()?;
    let watch = state.app.watch(user.organisation_id).await?;
    let items: Vec<Value> = watch
        .items
        .iter()
        .map(|item| item_json(item, &watch, &state))
        .collect();
    let (_, late) = state
        .app
        .inbox_waiting(user.organisation_id, state.app.clock.today())
        .await?;
    Ok(Json(json!({ "items": items, "inbox_late": late })).into_response())
}

/// The token holder's day: numbers and deadlines only.
async fn my_day(State(state): State<AppState>, api_user: ApiUser) -> Result<Response, ApiError> {
    let user = api_user.reader()?;
    let today = state.app.clock.today();
    let watch = state.app.watch_on(user.organisation_id, today).await?;
    let day = state.app.day_of(user, &watch, today).await?;
    let items = |items: &[WatchItem]| -> Vec<Value> {
        items.iter().map(|item| item_json(item, &watch, &state)).collect()
    };
    Ok(Json(json!({
        "date": self::day(today),
        "urgent": items(&day.urgent),
        "overdue": items(&day.overdue),
        "to_forward": items(&day.to_forward),
        "this_week": items(&day.this_week),
        "unassigned": day.unassigned.iter().map(|appeal| json!({
            "appeal_id": appeal.id.0,
            "appeal": { "year": appeal.year.0, "number": appeal.number.0 },
        })).collect::<Vec<_>>(),
        "box_waiting": day.box_waiting,
        "letters_waiting": day.letters_waiting,
        "voicemails_waiting": day.voicemails_waiting,
        "voicemails_late": day.voicemails_late,
    }))
    .into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AssignJson {
    login: String,
}

async fn assign(
    State(state): State<AppState>,
    api_user: ApiUser,
    Path(id): Path<String>,
    body: Result<Json<AssignJson>, JsonRejection>,
) -> Result<Response, ApiError> {
    let user = api_user.registrar()?;
    let entry = parse_id(&id)?;
    let Json(body) = body?;
    let to = state
        .app
        .store
        .staff(user.organisation_id)
        .await?
        .into_iter()
        .find(|candidate| candidate.login == body.login.trim())
        .ok_or(ApiError::refused(AssignError::NotARegistrar))?;
    state.app.assign_appeal(user, entry, to.id).await?;
    Ok(Json(json!({ "responsible": to.login })).into_response())
}

fn date_field(text: Option<&str>, error: ExtensionError) -> Result<Option<NaiveDate>, ApiError> {
    match text.map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| ApiError::refused(error)),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExtensionJson {
    due_on: String,
    #[serde(default)]
    reason: String,
    decided_on: Option<String>,
    told_on: Option<String>,
}

async fn extend(
    State(state): State<AppState>,
    api_user: ApiUser,
    Path(id): Path<String>,
    body: Result<Json<ExtensionJson>, JsonRejection>,
) -> Result<Response, ApiError> {
    let user = api_user.registrar()?;
    let entry = parse_id(&id)?;
    let Json(body) = body?;
    let request = ExtensionRequest {
        due_on: date_field(Some(&body.due_on), ExtensionError::NotLater)?,
        reason: &body.reason,
        decided_on: date_field(body.decided_on.as_deref(), ExtensionError::DecisionDate)?,
        told_on: date_field(body.told_on.as_deref(), ExtensionError::ToldDate)?,
    };
    state.app.extend_consideration(user, entry, &request).await?;
    let appeal = state.app.standing_appeal(user.organisation_id, entry).await?;
    Ok((
        axum::http::StatusCode::CREATED,
        Json(json!({ "due_on": day(appeal.consideration_due(&state.app.calendar)) })),
    )
        .into_response())
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ToldJson {
    told_on: Option<String>,
    /// hand (default), post or email.
    channel: Option<String>,
}

fn notice_channel(code: Option<&str>) -> Result<NoticeChannel, ApiError> {
    match code {
        None => Ok(NoticeChannel::Hand),
        Some(code) => Ok(NoticeChannel::parse(code)?),
    }
}

async fn record_told(
    State(state): State<AppState>,
    api_user: ApiUser,
    Path(id): Path<String>,
    body: Result<Json<ToldJson>, JsonRejection>,
) -> Result<Response, ApiError> {
    let user = api_user.registrar()?;
    let entry = parse_id(&id)?;
    let Json(body) = body?;
    let told_on = date_field(body.told_on.as_deref(), ExtensionError::ToldDate)?;
    let channel = notice_channel(body.channel.as_deref())?;
    state
        .app
        .record_extension_told(user, entry, told_on, channel)
        .await?;
    Ok(Json(json!({ "told_on": day(told_on.unwrap_or_else(|| state.app.clock.today())) })).into_response())
}

async fn mark_outside_competence(
    State(state): State<AppState>,
    api_user: ApiUser,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let user = api_user.registrar()?;
    let entry = parse_id(&id)?;
    state.app.mark_outside_competence(user, entry).await?;
    let appeal = state.app.standing_appeal(user.organisation_id, entry).await?;
    Ok(Json(json!({ "outside_competence": appeal.outside_competence })).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NoticeJson {
    sent_on: Option<String>,
    /// hand (default), post or email.
    channel: Option<String>,
}

/// Records the day and the way a named applicant was told that their appeal was forwarded.
async fn record_forwarding_notice(
    State(state): State<AppState>,
    api_user: ApiUser,
    Path(id): Path<String>,
    body: Result<Json<NoticeJson>, JsonRejection>,
) -> Result<Response, ApiError> {
    let user = api_user.registrar()?;
    let forwarding = ForwardingId(parse_id(&id)?.0);
    let Json(body) = body?;
    let sent_on = match body.sent_on.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => Some(
            NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| ApiError::refused(NoticeError::Date))?,
        ),
    };
    let channel = notice_channel(body.channel.as_deref())?;
    state
        .app
        .record_forwarding_notice(user, forwarding, sent_on, channel)
        .await?;
    let notices = state.app.store.forwarding_notices(user.organisation_id).await?;
    let (day, channel) = notices
        .get(&forwarding)
        .copied()
        .ok_or(senim_store::StoreError::NotFound)?;
    Ok((
        axum::http::StatusCode::CREATED,
        Json(json!({ "sent_on": self::day(day), "channel": channel.code() })),
    )
        .into_response())
}
