//! The online Trust Box, for a school's own website or app: no sign-in. A receipt code travels
//! only in a request body.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use senim_domain::trust_box::Submission;
use senim_store::{ConversationState, StoreError};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::AppState;
use crate::box_gate::{BoxRefusal, Client, open_by_code, submit_to_box, write_to_conversation};

use super::{ApiError, Routes, no_conversation, rfc3339};

pub(super) fn routes() -> Routes {
    Routes::default()
        .at("/box/{school}/submissions", post(box_submission))
        .at("/box/{school}/followup", post(box_followup))
        .at("/box/{school}/followup/messages", post(box_followup_message))
}

impl From<BoxRefusal> for ApiError {
    fn from(refusal: BoxRefusal) -> ApiError {
        match refusal {
            BoxRefusal::Invalid(error) => ApiError::from(error),
            BoxRefusal::TooMany => ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "too_many_requests",
                "too many attempts from here; try again later (in danger now: call 111 or 150)",
            ),
            BoxRefusal::Closed(_) => ApiError::new(
                StatusCode::CONFLICT,
                "conversation_closed",
                "the school read this letter and closed it; send a new one to write again",
            ),
            BoxRefusal::Store(error) => ApiError::from(error),
        }
    }
}

async fn box_school(state: &AppState, slug: &str) -> Result<senim_domain::Organisation, ApiError> {
    match state.app.store.organisation_by_slug(slug).await {
        Ok(school) => Ok(school),
        Err(StoreError::NotFound) => Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            "no such school",
        )),
        Err(error) => Err(error.into()),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BoxSubmissionJson {
    text: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    contact: String,
}

async fn box_submission(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Client(client): Client,
    body: Result<Json<BoxSubmissionJson>, JsonRejection>,
) -> Result<Response, ApiError> {
    let school = box_school(&state, &slug).await?;
    let Json(body) = body?;
    let submission = Submission::new(&body.text, &body.name, &body.contact);
    let (_, code) = submit_to_box(&state, &school, client, &submission).await?;
    let now = state.app.now();
    let body = json!({
        "receipt_code": code.grouped(),
        "answer_expected_from": rfc3339(school.phone_hours.next_on(&state.app.calendar, now)),
    });
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FollowupJson {
    receipt_code: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FollowupMessageJson {
    receipt_code: String,
    text: String,
}

/// The conversation as the student sees it: where it stands (`waiting` to be registered,
/// `registered`, or `closed` as not an appeal), who wrote (student or staff, never a name),
/// what, and when.
fn student_messages(conversation: &senim_store::Conversation) -> Value {
    let messages: Vec<Value> = conversation
        .messages
        .iter()
        .map(|message| {
            json!({
                "from": message.author.code(),
                "text": message.text.as_str(),
                "at": rfc3339(message.at),
            })
        })
        .collect();
    let state = match conversation.state {
        ConversationState::Waiting => "waiting",
        ConversationState::Registered(_) => "registered",
        ConversationState::Closed => "closed",
    };
    json!({ "state": state, "messages": messages })
}

async fn box_followup(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Client(client): Client,
    body: Result<Json<FollowupJson>, JsonRejection>,
) -> Result<Response, ApiError> {
    let school = box_school(&state, &slug).await?;
    let Json(body) = body?;
    let conversation = open_by_code(&state, &school, client, &body.receipt_code)
        .await?
        .ok_or_else(no_conversation)?;
    Ok(Json(student_messages(&conversation)).into_response())
}

async fn box_followup_message(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Client(client): Client,
    body: Result<Json<FollowupMessageJson>, JsonRejection>,
) -> Result<Response, ApiError> {
    let school = box_school(&state, &slug).await?;
    let Json(body) = body?;
    let conversation = write_to_conversation(&state, &school, client, &body.receipt_code, &body.text)
        .await?
        .ok_or_else(no_conversation)?;
    Ok((StatusCode::CREATED, Json(student_messages(&conversation))).into_response())
}
