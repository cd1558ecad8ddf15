//! The school's staff: each account with its state; the director or the deputy director
//! confirms that an account may read appeals; the administrator, the director and the deputy
//! director deactivate and reactivate accounts.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use senim_domain::UserId;
use senim_store::User;
use serde_json::json;

use crate::AppState;

use super::{ApiError, ApiUser, Routes};

pub(super) fn routes() -> Routes {
    Routes::default()
        .at("/staff", get(list))
        .at("/staff/{id}/confirm", post(confirm))
        .at("/staff/{id}/deactivate", post(deactivate))
        .at("/staff/{id}/reactivate", post(reactivate))
}

fn account_json(user: &User) -> serde_json::Value {
    let positions: Vec<&str> = user
        .positions
        .as_slice()
        .iter()
        .map(|position| position.code())
        .collect();
    json!({
        "id": user.id.0,
        "login": user.login,
        "full_name": user.full_name,
        "positions": positions,
        "state": user.state().code(),
    })
}

fn account_id(id: &str) -> Result<UserId, ApiError> {
    id.parse()
        .map(UserId)
        .map_err(|_| ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such account"))
}

fn not_found_as_account(refused: senim_app::Refused<senim_domain::staff::AccountError>) -> ApiError {
    match refused {
        senim_app::Refused::Store(senim_store::StoreError::NotFound) => {
            ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such account")
        }
        refused => refused.into(),
    }
}

async fn list(State(state): State<AppState>, api_user: ApiUser) -> Result<Response, ApiError> {
    let user = api_user.staff_manager()?;
    let staff = state.app.store.staff(user.organisation_id).await?;
    let items: Vec<serde_json::Value> = staff.iter().map(account_json).collect();
    Ok(Json(json!({ "items": items })).into_response())
}

/// Deactivates or reactivates an account, and answers with it as it now stands.
async fn change_state(
    state: &AppState,
    api_user: &ApiUser,
    id: &str,
    deactivate: bool,
) -> Result<Response, ApiError> {
    let user = api_user.staff_manager()?;
    let id = account_id(id)?;
    let changed = if deactivate {
        state.app.deactivate_account(user, id).await
    } else {
        state.app.reactivate_account(user, id).await
    };
    changed.map_err(not_found_as_account)?;
    Ok(Json(account_json(&state.app.store.user(id).await?)).into_response())
}

async fn deactivate(
    State(state): State<AppState>,
    api_user: ApiUser,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    change_state(&state, &api_user, &id, true).await
}

async fn reactivate(
    State(state): State<AppState>,
    api_user: ApiUser,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    change_state(&state, &api_user, &id, false).await
}

async fn confirm(
    State(state): State<AppState>,
    api_user: ApiUser,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let user = api_user.confirmer()?;
    let id = account_id(&id)?;
    let confirmed = state
        .app
        .confirm_account(user, id, state.app.now())
        .await
        .map_err(not_found_as_account)?;
    Ok(Json(account_json(&confirmed)).into_response())
}
