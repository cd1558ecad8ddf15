//! The online box's gate, shared by its pages and its API: who is sending (a hash of the
//! address, never the address), how often they may send or try a code, and then the use case.

use std::net::SocketAddr;

use axum::extract::FromRequestParts;
use axum::extract::connect_info::ConnectInfo;
use axum::http::HeaderMap;
use axum::http::request::Parts;
use senim_domain::trust_box::{ReceiptCode, Submission, message_text};
use senim_domain::{Appeal, AppealError, Organisation};
use senim_store::{Conversation, StoreError};

use crate::AppState;
use crate::throttle::ClientKey;

/// The requesting client as the box's guard knows it: a hash of its address under today's
/// secret. The address itself goes no further than this function.
pub struct Client(pub ClientKey);

impl FromRequestParts<AppState> for Client {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Client, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(address)| address.ip().to_string());
        let forwarded = state
            .config
            .behind_proxy
            .then(|| forwarded_for(&parts.headers))
            .flatten();
        let address = client_network(&forwarded.or(peer).unwrap_or_default());
        Ok(Client(state.box_guard.client(&address, state.app.now())))
    }
}

/// What the guard keys a client by: an IPv4 address, or the /64 network of an IPv6 address
/// (one household or phone holds a whole /64, and would otherwise pass for thousands of clients).
fn client_network(address: &str) -> String {
    match address.parse::<std::net::IpAddr>() {
        Ok(std::net::IpAddr::V6(v6)) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let segments = v6.segments();
                format!(
                    "{:x}:{:x}:{:x}:{:x}::/64",
                    segments[0], segments[1], segments[2], segments[3]
                )
            }
        },
        _ => address.to_owned(),
    }
}

/// The client's address as the reverse proxy in front of Senim saw it: the last entry of
/// `X-Forwarded-For`, the one the proxy itself added.
fn forwarded_for(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .rfind(|part| !part.is_empty())
        .map(str::to_owned)
}

/// Why the box refused a submission or a message.
pub enum BoxRefusal {
    Invalid(AppealError),
    TooMany,
    Store(StoreError),
}

impl From<StoreError> for BoxRefusal {
    fn from(error: StoreError) -> BoxRefusal {
        BoxRefusal::Store(error)
    }
}

/// Registers a submission with a fresh receipt code (screened, in one transaction) once the
/// box's guard lets the client send. Shared by the page and the API.
pub async fn submit_to_box(
    state: &AppState,
    school: &Organisation,
    client: ClientKey,
    submission: &Submission,
) -> Result<(Appeal, ReceiptCode), BoxRefusal> {
    let now = state.app.now();
    let content = submission.appeal(now).map_err(BoxRefusal::Invalid)?;
    if !state.box_guard.submission(client, now) {
        return Err(BoxRefusal::TooMany);
    }
    Ok(state.app.submit_to_box(school.id, content, now).await?)
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
    if open_by_code(state, school, client, typed).await?.is_none() {
        return Ok(None);
    }
    if !state.box_guard.submission(client, now) {
        return Err(BoxRefusal::TooMany);
    }
    let code = ReceiptCode::parse(typed).map_err(|_| BoxRefusal::Store(StoreError::NotFound))?;
    let Some(appeal_id) = state
        .app
        .write_to_conversation(school.id, &code, &text, now)
        .await?
    else {
        return Ok(None);
    };
    Ok(state.app.store.conversation(school.id, appeal_id).await?)
}

#[cfg(test)]
mod tests {
    use super::client_network;

    #[test]
    fn an_ipv6_client_is_known_by_its_64_network() {
        assert_eq!(client_network("203.0.113.7"), "203.0.113.7");
        assert_eq!(
            client_network("2001:db8:1:2:aaaa::1"),
            client_network("2001:db8:1:2:bbbb::9")
        );
        assert_ne!(
            client_network("2001:db8:1:2::1"),
            client_network("2001:db8:1:3::1")
        );
        assert_eq!(client_network("::ffff:198.51.100.4"), "198.51.100.4");
    }
}
