//! What arrives unattended: the school's exchange posts a voicemail (`phone:intake`), those
//! who read appeals list the inbox and listen, a registrar registers an item or records it as
//! not an appeal.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Multipart, Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::{DateTime, Utc};
use senim_domain::inbox::{
    Dismissal, DismissalError, MAX_AUDIO_BYTES, Voicemail, VoicemailError, register_by,
};
use senim_domain::{AppealContent, Applicant, Category, Redacted};
use senim_store::{InboxContent, InboxItem};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::AppState;

use super::{ApiError, ApiUser, ApplicantJson, Routes, registered, rfc3339};

pub(super) fn routes() -> Routes {
    Routes::default()
        .at("/inbox", get(inbox))
        .at("/inbox/{id}/audio", get(audio))
        .at("/inbox/{id}/register", post(register))
        .at("/inbox/{id}/dismiss", post(dismiss))
}

/// The intake's path under `/api/v1`, served apart: its body may hold a recording of up to
/// 16 MiB.
pub(super) const INTAKE: &str = "/phone/voicemails";

pub(super) fn intake() -> axum::routing::MethodRouter<AppState> {
    post(receive_voicemail).layer(axum::extract::DefaultBodyLimit::max(MAX_AUDIO_BYTES + 64 * 1024))
}

impl From<DismissalError> for ApiError {
    fn from(error: DismissalError) -> ApiError {
        let refused = ApiError::refused(error);
        if error == DismissalError::Handled {
            ApiError {
                status: StatusCode::CONFLICT,
                ..refused
            }
        } else {
            refused
        }
    }
}

#[derive(Deserialize)]
struct MetadataJson {
    call_id: String,
    started_at: String,
    duration_seconds: i64,
    reason: String,
    caller_number: Option<String>,
}

fn item_json(item: &InboxItem, state: &AppState) -> Value {
    let due = register_by(&state.app.calendar, item.arrived_at);
    let mut json = json!({
        "id": item.id,
        "kind": item.kind().code(),
        "arrived_at": rfc3339(item.arrived_at),
        "urgent": item.urgent,
        "register_by": due.format("%Y-%m-%d").to_string(),
        "late": due < state.app.clock.today(),
    });
    let given = |text: &Redacted<String>| (!text.0.is_empty()).then(|| text.0.clone());
    let fields = match &item.content {
        InboxContent::Voicemail {
            call_id,
            duration_seconds,
            reason,
            audio_millis,
            caller_number,
        } => json!({
            "call_id": call_id,
            "duration_seconds": duration_seconds,
            "audio_seconds": *audio_millis as f64 / 1000.0,
            "reason": reason.code(),
            "caller_number": given(caller_number),
        }),
        InboxContent::Letter(letter) => json!({
            "text": letter.text.as_str(),
            "name": given(&letter.name),
            "contact": given(&letter.contact),
        }),
    };
    if let (Some(json), Value::Object(fields)) = (json.as_object_mut(), fields) {
        json.extend(fields);
    }
    json
}

/// A voicemail from the exchange: multipart with `metadata` (JSON) and `audio` (WAV). 201
/// when new, 200 with the same voicemail when its call id came before.
async fn receive_voicemail(
    State(state): State<AppState>,
    api_user: ApiUser,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<Response, ApiError> {
    let user = api_user.intake()?;
    let Ok(_taking) = state.intakes.clone().try_acquire_owned() else {
        tracing::warn!("turned away: too many voicemails coming in at once");
        return Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "busy",
            "too many recordings are coming in at once; try again in a few seconds",
        ));
    };
    let mut multipart = multipart.map_err(|_| ApiError::refused(VoicemailError::Metadata))?;
    let (mut metadata, mut audio) = (None, None);
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(error) if error.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return Err(ApiError::refused(VoicemailError::TooLarge));
            }
            Err(_) => return Err(ApiError::refused(VoicemailError::Metadata)),
        };
        let name = field.name().unwrap_or("").to_owned();
        let bytes = field.bytes().await.map_err(|error| {
            if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::refused(VoicemailError::TooLarge)
            } else {
                ApiError::refused(VoicemailError::Metadata)
            }
        })?;
        match name.as_str() {
            "metadata" => metadata = Some(bytes),
            "audio" => audio = Some(bytes),
            _ => {}
        }
    }
    let metadata: MetadataJson = metadata
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .ok_or(VoicemailError::Metadata)?;
    let audio = audio.ok_or(VoicemailError::NotAudio)?;
    let started_at = DateTime::parse_from_rfc3339(metadata.started_at.trim())
        .map(|moment| moment.with_timezone(&Utc))
        .map_err(|_| VoicemailError::StartedAt)?;
    let voicemail = Voicemail::new(
        &metadata.call_id,
        started_at,
        metadata.duration_seconds,
        &metadata.reason,
        metadata.caller_number.as_deref(),
        state.app.now(),
    )?;
    let (id, created) = state.app.receive_voicemail(user, &voicemail, &audio).await?;
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((
        status,
        Json(json!({ "id": id, "kind": "voicemail", "call_id": voicemail.call_id })),
    )
        .into_response())
}

/// The items waiting, the urgent first, then the earliest, each with the day it must be
/// registered by; a letter's reading is in the audit.
async fn inbox(State(state): State<AppState>, api_user: ApiUser) -> Result<Response, ApiError> {
    let user = api_user.reader()?;
    let items = state.app.inbox(user).await?;
    Ok(
        Json(json!({ "items": items.iter().map(|item| item_json(item, &state)).collect::<Vec<_>>() }))
            .into_response(),
    )
}

/// A voicemail's recording, byte for byte, to one who reads appeals.
async fn audio(
    State(state): State<AppState>,
    api_user: ApiUser,
    Path(id): Path<i64>,
) -> Result<Response, ApiError> {
    let user = api_user.reader()?;
    let audio = state.app.voicemail_audio(user, id).await?;
    Ok(([(header::CONTENT_TYPE, "audio/wav")], audio).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegisterJson {
    #[serde(default)]
    anonymous: bool,
    applicant: Option<ApplicantJson>,
    summary: String,
    category: Option<String>,
}

/// Registers a waiting item: channel voicemail or online box, received when it arrived.
async fn register(
    State(state): State<AppState>,
    api_user: ApiUser,
    Path(id): Path<i64>,
    body: Result<Json<RegisterJson>, JsonRejection>,
) -> Result<Response, ApiError> {
    let user = api_user.registrar()?;
    let Json(body) = body?;
    let (arrived_at, channel) = state.app.waiting_receipt(user.organisation_id, id).await?;
    let category = match &body.category {
        Some(code) => Category::parse(code)?,
        None => Category::UNSPECIFIED,
    };
    let applicant = body
        .applicant
        .as_ref()
        .map(|a| Applicant::new(&a.full_name, &a.address, &a.phone))
        .unwrap_or_default();
    let content = AppealContent::new(
        channel,
        arrived_at,
        body.anonymous,
        applicant,
        &body.summary,
        category,
        state.app.now(),
    )?;
    let appeal = state.app.register_inbox_item(user, id, content).await?;
    Ok(registered(&appeal))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DismissJson {
    contact_type: String,
    reason: String,
}

/// Records a waiting item as not an appeal, with its contact type and the reason.
async fn dismiss(
    State(state): State<AppState>,
    api_user: ApiUser,
    Path(id): Path<i64>,
    body: Result<Json<DismissJson>, JsonRejection>,
) -> Result<Response, ApiError> {
    let user = api_user.registrar()?;
    let Json(body) = body?;
    let dismissal = Dismissal::new(&body.contact_type, &body.reason)?;
    state.app.dismiss_inbox_item(user, id, &dismissal).await?;
    Ok(Json(json!({ "id": id, "contact_type": dismissal.contact_type.code() })).into_response())
}
