//! The JSON API under `/api/v1` for integrations (a school's PBX, regional systems). Bearer
//! tokens made by `senim token create` act as their staff member, with the same rights as in
//! the browser. Errors are JSON with a stable `code`; bad input is a 4xx, never a 500.

mod analysis;
mod appeals;
mod audit;
mod calendar;
mod forwardings;
mod inbox;
mod minutes;
mod openings;
mod phone;
mod plans;
mod staff;
mod trust_box;
mod watch;

use axum::extract::FromRequestParts;
use axum::extract::rejection::JsonRejection;
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get};
use axum::{Json, Router};
use chrono::{DateTime, SecondsFormat, Utc};
use senim_domain::forwarding::ForwardingError;
use senim_domain::staff::{TokenScope, TokenScopes};
use senim_domain::{Appeal, AppealError, AppealId, JournalYear};
use senim_store::{StoreError, User};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::AppState;
use crate::error::incident;

/// The API's routes, and the list of their paths: the OpenAPI document's test reads the list,
/// so a route cannot be added without being described.
#[derive(Default)]
pub(super) struct Routes {
    router: Router<AppState>,
    paths: Vec<&'static str>,
}

impl Routes {
    fn at(mut self, path: &'static str, handlers: MethodRouter<AppState>) -> Routes {
        self.router = self.router.route(path, handlers);
        self.paths.push(path);
        self
    }

    fn merge(mut self, other: Routes) -> Routes {
        self.router = self.router.merge(other.router);
        self.paths.extend(other.paths);
        self
    }
}

fn routes() -> Routes {
    Routes::default()
        .at("/openapi.json", get(openapi))
        .merge(appeals::routes())
        .merge(forwardings::routes())
        .merge(trust_box::routes())
        .merge(openings::routes())
        .merge(analysis::routes())
        .merge(minutes::routes())
        .merge(plans::routes())
        .merge(calendar::routes())
        .merge(staff::routes())
        .merge(audit::routes())
        .merge(watch::routes())
        .merge(phone::routes())
        .merge(inbox::routes())
}

pub fn router() -> Router<AppState> {
    routes()
        .router
        .fallback(|| async { ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such API route") })
}

/// The exchange's intake, whose bodies may be larger than every other route's (the server's
/// general limit does not wrap it).
pub fn intake_router() -> Router<AppState> {
    Router::new().route(&format!("/api/v1{}", inbox::INTAKE), inbox::intake())
}

/// Every path the API serves, under `/api/v1`.
pub fn paths() -> Vec<&'static str> {
    let mut paths = routes().paths;
    paths.push(inbox::INTAKE);
    paths
}

static OPENAPI: &str = include_str!("../../openapi.json");

async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI).into_response()
}

#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
    field: Option<&'static str>,
}

impl ApiError {
    /// A refusal of a typed field: 422 with the field, the domain's code and what is expected.
    fn refused(error: impl senim_domain::FieldError) -> ApiError {
        ApiError {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            code: error.code(),
            message: error.to_string(),
            field: Some(error.field()),
        }
    }

    pub(super) fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
            field: None,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut body = json!({ "code": self.code, "message": self.message });
        if let Some(field) = self.field {
            body["field"] = Value::from(field);
        }
        (self.status, Json(body)).into_response()
    }
}

/// Every refusal of a typed field becomes a 422 naming the field, with the domain's code.
macro_rules! refusals {
    ($($error:ty),* $(,)?) => {$(
        impl From<$error> for ApiError {
            fn from(error: $error) -> ApiError {
                ApiError::refused(error)
            }
        }
    )*};
}

refusals!(
    AppealError,
    senim_domain::classification::ClassificationError,
    senim_domain::handover::HandoverError,
    senim_domain::hours::HoursError,
    senim_domain::inbox::VoicemailError,
    senim_domain::phone::CallError,
    senim_domain::minutes::MinutesError,
    senim_domain::opening::OpeningError,
    senim_domain::plan::PlanError,
    senim_domain::staff::AccountError,
    senim_domain::watch::AssignError,
    senim_domain::watch::ExtensionError,
    senim_domain::watch::NoticeError,
);

impl From<ForwardingError> for ApiError {
    fn from(error: ForwardingError) -> ApiError {
        let refused = ApiError::refused(error);
        if error == ForwardingError::Closed {
            ApiError {
                status: StatusCode::CONFLICT,
                ..refused
            }
        } else {
            refused
        }
    }
}

impl<E: Into<ApiError>> From<senim_app::Refused<E>> for ApiError {
    fn from(refused: senim_app::Refused<E>) -> ApiError {
        match refused {
            senim_app::Refused::Rule(error) => error.into(),
            senim_app::Refused::Store(error) => error.into(),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> ApiError {
        match error {
            StoreError::NotFound => ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such appeal"),
            StoreError::Busy => {
                tracing::warn!("turned away: too many code checks waiting");
                ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "busy",
                    "too many checks are waiting; try again in a few seconds",
                )
            }
            error => {
                let incident = incident();
                tracing::error!(incident, %error, "storage failed");
                ApiError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    format!("internal error, incident {incident:06}"),
                )
            }
        }
    }
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> ApiError {
        // The rejection names the problem; it may quote the sender's own value back to the sender, and is never logged.
        let status = match rejection {
            JsonRejection::MissingJsonContentType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            JsonRejection::JsonDataError(_) => StatusCode::UNPROCESSABLE_ENTITY,
            _ => StatusCode::BAD_REQUEST,
        };
        ApiError::new(status, "invalid_json", rejection.body_text())
    }
}

/// The staff member a bearer token acts as, and what the token may do.
pub struct ApiUser(User, TokenScopes);

impl FromRequestParts<AppState> for ApiUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<ApiUser, ApiError> {
        let unauthorized = || {
            ApiError::new(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "send Authorization: Bearer <token>",
            )
        };
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.strip_prefix("Bearer "))
            .ok_or_else(unauthorized)?;
        let (user, scopes) = state
            .app
            .store
            .user_by_api_token(token.trim(), state.app.now())
            .await?
            .ok_or_else(unauthorized)?;
        if user.awaits_confirmation() {
            return Err(ApiError::new(
                StatusCode::UNAUTHORIZED,
                "awaiting_confirmation",
                "this account reads nothing until the school's director or deputy director confirms it",
            ));
        }
        // The school requires a second factor of its readers: a token made with the password
        // alone reads and writes nothing until its person enrols (posting voicemails reads
        // nothing, and goes on).
        let beyond_intake = [
            TokenScope::JournalRead,
            TokenScope::JournalWrite,
            TokenScope::StaffManage,
            TokenScope::AuditRead,
        ]
        .into_iter()
        .any(|scope| scopes.allows(scope));
        if beyond_intake && !user.two_factor && state.app.two_factor_required(&user).await? {
            return Err(ApiError::new(
                StatusCode::UNAUTHORIZED,
                "two_factor_required",
                "the school requires a second factor of this account: enrol at /account/two-factor first",
            ));
        }
        Ok(ApiUser(user, scopes))
    }
}

impl ApiUser {
    /// The token's own limit, beside the person's positions.
    fn scoped(&self, scope: TokenScope) -> Result<(), ApiError> {
        if self.1.allows(scope) {
            Ok(())
        } else {
            Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "insufficient_scope",
                format!("this token's scopes do not include {}", scope.code()),
            ))
        }
    }

    /// The person, when the positions allow it (`allowed`) and the token's scopes hold `scope`.
    fn permitted(&self, allowed: bool, scope: TokenScope, refusal: &'static str) -> Result<&User, ApiError> {
        if !allowed {
            return Err(ApiError::new(StatusCode::FORBIDDEN, "forbidden", refusal));
        }
        self.scoped(scope)?;
        Ok(&self.0)
    }

    pub(super) fn reader(&self) -> Result<&User, ApiError> {
        let allowed = self.0.permissions().read_appeals;
        self.permitted(
            allowed,
            TokenScope::JournalRead,
            "this account may not read appeals",
        )
    }

    pub(super) fn staff_manager(&self) -> Result<&User, ApiError> {
        let allowed = self.0.permissions().manage_staff;
        self.permitted(
            allowed,
            TokenScope::StaffManage,
            "only the administrator, the director or the deputy director manages accounts",
        )
    }

    pub(super) fn confirmer(&self) -> Result<&User, ApiError> {
        let allowed = self.0.permissions().confirm_readers;
        self.permitted(
            allowed,
            TokenScope::StaffManage,
            "only the school's director or deputy director confirms accounts",
        )
    }

    pub(super) fn auditor(&self) -> Result<&User, ApiError> {
        let allowed = self.0.permissions().read_audit;
        self.permitted(
            allowed,
            TokenScope::AuditRead,
            "only the school's director or deputy director reads the audit trail",
        )
    }

    /// The school's exchange posting what arrived (and fetching the answering machine's
    /// message): a token with `phone:intake` of a person who registers appeals.
    pub(super) fn intake(&self) -> Result<&User, ApiError> {
        let allowed = self.0.permissions().register_appeals;
        self.permitted(
            allowed,
            TokenScope::PhoneIntake,
            "this account may not post what arrives on the school's lines",
        )
    }

    pub(super) fn registrar(&self) -> Result<&User, ApiError> {
        let allowed = self.0.permissions().register_appeals;
        self.permitted(
            allowed,
            TokenScope::JournalWrite,
            "this account may not register appeals",
        )
    }
}

pub(super) fn rfc3339(moment: DateTime<Utc>) -> String {
    moment
        .with_timezone(&senim_domain::time::KAZAKHSTAN)
        .to_rfc3339_opts(SecondsFormat::Secs, false)
}

pub(super) fn parse_id(id: &str) -> Result<AppealId, ApiError> {
    id.parse::<i64>()
        .map(AppealId)
        .map_err(|_| ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such appeal"))
}

pub(super) fn entry_ref(year: JournalYear, number: senim_domain::JournalNumber) -> Value {
    json!({ "year": year.0, "number": number.0 })
}

/// A moment a request gives as RFC 3339 with its offset, or `now` when it gives none; another
/// text is refused with `code`, naming the field.
pub(super) fn moment_or_now(
    text: Option<&str>,
    field: &'static str,
    code: &'static str,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>, ApiError> {
    match text {
        None => Ok(now),
        Some(text) => DateTime::parse_from_rfc3339(text)
            .map(|moment| moment.with_timezone(&Utc))
            .map_err(|_| ApiError {
                status: StatusCode::UNPROCESSABLE_ENTITY,
                code,
                message: format!(
                    "{field}: an RFC 3339 moment with its offset, e.g. 2025-01-06T09:30:00+05:00"
                ),
                field: Some(field),
            }),
    }
}

pub(super) fn invalid_field(code: &'static str, field: &'static str, message: &str) -> ApiError {
    ApiError {
        status: StatusCode::UNPROCESSABLE_ENTITY,
        code,
        message: message.to_owned(),
        field: Some(field),
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct ApplicantJson {
    #[serde(default)]
    pub(super) full_name: String,
    #[serde(default)]
    pub(super) address: String,
    #[serde(default)]
    pub(super) phone: String,
}

#[derive(Serialize)]
struct Registered {
    id: i64,
    number: i64,
    year: i32,
    registered_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    corrects: Option<i64>,
}

pub(super) fn registered(appeal: &Appeal) -> Response {
    let body = Registered {
        id: appeal.id.0,
        number: appeal.number.0,
        year: appeal.year.0,
        registered_at: rfc3339(appeal.registered_at),
        corrects: appeal.correction.as_ref().map(|c| c.corrects.0),
    };
    let location = format!("/api/v1/appeals/{}", appeal.id.0);
    (StatusCode::CREATED, [(header::LOCATION, location)], Json(body)).into_response()
}

pub(super) fn no_conversation() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "not_found",
        "no conversation for this receipt code",
    )
}
