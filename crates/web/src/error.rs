//! The one place that decides what a failed page request shows: a status and a localised
//! page. Internal errors are logged under an incident number, the only detail the user sees;
//! nothing personal goes into the log.

use askama::Template;
use askama_web::WebTemplate;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use senim_i18n::{Arg, Lang};
use senim_store::StoreError;

#[derive(Debug)]
pub enum AppError {
    /// Not signed in: go to the sign-in page.
    SignIn,
    /// Signed in with a one-time password: go and replace it.
    PasswordChangeRequired,
    /// The school requires a second factor of this account, which has none yet: enrol it.
    TwoFactorRequired,
    Forbidden,
    /// The account's positions read appeals, and the director has not confirmed it yet.
    AwaitingConfirmation,
    NotFound,
    BadRequest,
    /// Too many password or code checks are waiting: try again in a few seconds.
    Busy,
    /// Logged under the incident number.
    Internal,
    InternalWithIncident(u32),
}

/// What an error page says; put on a response so the page can be rendered in the
/// request's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    Forbidden,
    AwaitingConfirmation,
    NotFound,
    BadRequest,
    Csrf,
    Busy,
    Internal(u32),
}

impl ErrorKind {
    fn status(self) -> StatusCode {
        match self {
            ErrorKind::Forbidden | ErrorKind::AwaitingConfirmation | ErrorKind::Csrf => StatusCode::FORBIDDEN,
            ErrorKind::NotFound => StatusCode::NOT_FOUND,
            ErrorKind::BadRequest => StatusCode::BAD_REQUEST,
            ErrorKind::Busy => StatusCode::SERVICE_UNAVAILABLE,
            ErrorKind::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// A new incident number, logged beside the error it stands for.
pub fn incident() -> u32 {
    let mut bytes = [0u8; 4];
    getrandom::fill(&mut bytes).expect("the operating system provides randomness");
    u32::from_be_bytes(bytes) % 1_000_000
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> AppError {
        match error {
            StoreError::NotFound => AppError::NotFound,
            StoreError::Busy => {
                tracing::warn!("turned away: too many password checks waiting");
                AppError::Busy
            }
            error => {
                let incident = incident();
                // StoreError never carries personal data or appeal text.
                tracing::error!(incident, %error, "storage failed");
                AppError::InternalWithIncident(incident)
            }
        }
    }
}

impl AppError {
    fn kind(&self) -> Option<ErrorKind> {
        match self {
            AppError::SignIn | AppError::PasswordChangeRequired | AppError::TwoFactorRequired => None,
            AppError::Forbidden => Some(ErrorKind::Forbidden),
            AppError::AwaitingConfirmation => Some(ErrorKind::AwaitingConfirmation),
            AppError::NotFound => Some(ErrorKind::NotFound),
            AppError::BadRequest => Some(ErrorKind::BadRequest),
            AppError::Busy => Some(ErrorKind::Busy),
            AppError::Internal => {
                let incident = incident();
                tracing::error!(incident, "request context missing");
                Some(ErrorKind::Internal(incident))
            }
            AppError::InternalWithIncident(incident) => Some(ErrorKind::Internal(*incident)),
        }
    }

    /// The error page in a known language.
    pub fn into_response_in(self, lang: Lang) -> Response {
        match self.kind() {
            Some(kind) => render_error(kind, lang),
            None => self.redirect(),
        }
    }

    fn redirect(&self) -> Response {
        match self {
            AppError::PasswordChangeRequired => Redirect::to("/account/password").into_response(),
            AppError::TwoFactorRequired => Redirect::to("/account/two-factor").into_response(),
            _ => Redirect::to("/login").into_response(),
        }
    }
}

impl IntoResponse for AppError {
    /// The page itself is rendered by the context layer, which knows the language.
    fn into_response(self) -> Response {
        match self.kind() {
            Some(kind) => {
                let mut response = kind.status().into_response();
                response.extensions_mut().insert(kind);
                response
            }
            None => self.redirect(),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "error.html")]
struct ErrorPage {
    l: Lang,
    message: String,
    /// Where to go from here: the journal, or for an account waiting for confirmation its
    /// own account pages (the journal would only refuse again).
    back: (&'static str, &'static str),
}

pub fn render_error(kind: ErrorKind, lang: Lang) -> Response {
    let message = match kind {
        ErrorKind::Forbidden => lang.t("error-forbidden"),
        ErrorKind::AwaitingConfirmation => lang.t("error-awaiting-confirmation"),
        ErrorKind::NotFound => lang.t("error-not-found"),
        ErrorKind::BadRequest => lang.t("error-bad-request"),
        ErrorKind::Csrf => lang.t("error-csrf"),
        ErrorKind::Busy => lang.t("error-busy"),
        ErrorKind::Internal(incident) => lang.t_args(
            "error-internal",
            &[("incident", Arg::Text(format!("{incident:06}")))],
        ),
    };
    let back = match kind {
        ErrorKind::AwaitingConfirmation => ("/account/password", "nav-password"),
        _ => ("/", "nav-journal"),
    };
    let mut response = ErrorPage {
        l: lang,
        message,
        back,
    }
    .into_response();
    *response.status_mut() = kind.status();
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    if kind == ErrorKind::Busy {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, header::HeaderValue::from_static("10"));
    }
    response
}
