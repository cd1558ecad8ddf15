//! The school's staff: the director or the deputy director confirms that an account may read
//! appeals.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use senim_domain::UserId;
use serde_json::json;

use crate::AppState;

use super::{ApiError, ApiUser, Routes};

pub(super) fn routes() -> Routes {
    Routes::default().at("/staff/{id}/confirm", post(confirm))
}

async fn confirm(
    State(state): State<AppState>,
    api_user: ApiUser,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let user = api_user.confirmer()?;
    let id = UserId(
        id.parse()
            .map_err(|_| ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such account"))?,
    );
    let confirmed = state
        .app
        .confirm_account(user, id, state.app.now())
        .await
        .map_err(|refused| match refused {
            senim_app::Refused::Store(senim_store::StoreError::NotFound) => {
                ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such account")
            }
            refused => refused.into(),
        })?;
    let positions: Vec<&str> = confirmed
        .positions
        .as_slice()
        .iter()
        .map(|position| position.code())
        .collect();
    Ok(Json(json!({
        "id": confirmed.id.0,
        "login": confirmed.login,
        "positions": positions,
        "state": "active",
    }))
    .into_response())
}
