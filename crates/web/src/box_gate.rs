//! The online box's gate, shared by its pages and its API: who is sending (a hash of the
//! address, never the address), how often they may send or try a code, and then the use case.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use senim_domain::trust_box::{ReceiptCode, Submission, message_text};
use senim_domain::{AppealError, Organisation};
use senim_store::{Conversation, ConversationState, StoreError};

use crate::AppState;
use crate::client::ClientNetwork;
use crate::throttle::ClientKey;

/// The requesting client as the box's guard knows it: a hash of its network under today's
/// secret. The address itself goes no further than the extractor.
pub struct Client(pub ClientKey);

impl FromRequestParts<AppState> for Client {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Client, Self::Rejection> {
        let Ok(ClientNetwork(network)) = ClientNetwork::from_request_parts(parts, state).await;
        Ok(Client(state.box_guard.client(&network, state.app.now())))
    }
}

/// Why the box refused a submission or a message.
pub enum BoxRefusal {
    Invalid(AppealError),
    TooMany,
    /// The school read the letter and recorded it as not an appeal: nothing more can be added
    /// to it (a new letter can be sent). The conversation, to show again.
    Closed(Box<Conversation>),
    Store(StoreError),
}

impl From<StoreError> for BoxRefusal {
    fn from(error: StoreError) -> BoxRefusal {
        BoxRefusal::Store(error)
    }
}

/// Keeps a submission in the inbox with a fresh receipt code (screened, in one transaction)
/// once the box's guard lets the client send. Shared by the page and the API.
pub async fn submit_to_box(
    state: &AppState,
    school: &Organisation,
    client: ClientKey,
    submission: &Submission,
) -> Result<(i64, ReceiptCode), BoxRefusal> {
    let now = state.app.now();
    // Checked as the appeal it may become, so what waits can be registered as it came.
    submission.appeal(now).map_err(BoxRefusal::Invalid)?;
    if !state.box_guard.submission(client, now) {
        return Err(BoxRefusal::TooMany);
    }
    Ok(state.app.submit_to_box(school.id, submission, now).await?)
}

/// What a receipt code opens, through the guard: `Err(TooMany)` while the client is held.
/// A code that opens nothing counts against the client; the answer does not say why.
pub async fn open_by_code(
    state: &AppState,
    school: &Organisation,
    client: ClientKey,
    typed: &str,
) -> Result<Option<Conversation>, BoxRefusal> {
    let now = state.app.now();
    if !state.box_guard.try_code(client, now) {
        return Err(BoxRefusal::TooMany);
    }
    let conversation = match ReceiptCode::parse(typed) {
        Ok(code) => state.app.store.conversation_by_code(school.id, &code).await?,
        Err(_) => None,
    };
    if conversation.is_some() {
        state.box_guard.code_opened(client, now);
    }
    Ok(conversation)
}

/// Adds the student's message to the conversation the code opens and screens it.
pub async fn write_to_conversation(
    state: &AppState,
    school: &Organisation,
    client: ClientKey,
    typed: &str,
    text: &str,
) -> Result<Option<Conversation>, BoxRefusal> {
    let now = state.app.now();
    let text = message_text(text).map_err(BoxRefusal::Invalid)?;
    match open_by_code(state, school, client, typed).await? {
        None => return Ok(None),
        Some(conversation) if conversation.state == ConversationState::Closed => {
            return Err(BoxRefusal::Closed(Box::new(conversation)));
        }
        Some(_) => {}
    }
    if !state.box_guard.submission(client, now) {
        return Err(BoxRefusal::TooMany);
    }
    let code = ReceiptCode::parse(typed).map_err(|_| BoxRefusal::Store(StoreError::NotFound))?;
    if state
        .app
        .write_to_conversation(school.id, &code, &text, now)
        .await?
        .is_none()
    {
        return Ok(None);
    }
    Ok(state.app.store.conversation_by_code(school.id, &code).await?)
}
