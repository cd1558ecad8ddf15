//! Two-factor sign-in on pages: the code asked after the password, enrolment on
//! `/account/two-factor` (a QR code and the `otpauth://` URI as text, one code checked before
//! the secret is kept, ten recovery codes shown once), new recovery codes and turning it off
//! with the password asked again, and the heads' school setting.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use senim_app::Refused;
use senim_app::two_factor::Enrolment;
use senim_domain::two_factor::TwoFactorError;
use senim_i18n::Lang;
use serde::Deserialize;

use crate::AppState;
use crate::client::ClientNetwork;
use crate::context::{Confirmer, Context, SignedIn, ValidForm, cookie, cookie_name};
use crate::error::AppError;
use crate::pages::account::{CHALLENGE_COOKIE, attempt, signed_in_response};
use crate::throttle::{Attempt, Held};
use crate::view::Chrome;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/login/code", get(code_page).post(check_code))
        .route("/account/two-factor", get(two_factor_page))
        .route("/account/two-factor/start", post(start))
        .route("/account/two-factor/confirm", post(confirm))
        .route("/account/two-factor/recovery-codes", post(renew_codes))
        .route("/account/two-factor/disable", post(disable))
        .route("/staff/two-factor", post(set_requirement))
}

#[derive(Template, WebTemplate)]
#[template(path = "login_code.html")]
struct CodePage {
    l: Lang,
    chrome: Chrome,
    failed: Option<String>,
}

async fn code_page(context: Context) -> Response {
    CodePage {
        l: context.lang,
        chrome: Chrome::new(&context, "/login/code"),
        failed: None,
    }
    .into_response()
}

#[derive(Deserialize)]
struct CodeForm {
    code: String,
}

fn code_message(error: TwoFactorError) -> &'static str {
    match error {
        TwoFactorError::ReusedCode => "two-factor-code-reused",
        TwoFactorError::WrongPassword => "password-wrong",
        TwoFactorError::Required => "two-factor-required-cannot-disable",
        TwoFactorError::NothingPending => "two-factor-start-again",
        TwoFactorError::WrongCode => "two-factor-code-wrong",
    }
}

/// The second step of signing in: the code from the app, or a recovery code.
async fn check_code(
    State(state): State<AppState>,
    context: Context,
    ClientNetwork(network): ClientNetwork,
    headers: HeaderMap,
    ValidForm(form): ValidForm<CodeForm>,
) -> Result<Response, AppError> {
    let now = state.app.now();
    let refused = |message: &str, status: StatusCode| {
        let page = CodePage {
            l: context.lang,
            chrome: Chrome::new(&context, "/login/code"),
            failed: Some(context.lang.t(message)),
        };
        Ok::<_, AppError>((status, page).into_response())
    };
    let challenge =
        cookie(&headers, &cookie_name(CHALLENGE_COOKIE, context.secure_cookies)).map(str::to_owned);
    let user = match &challenge {
        Some(token) => state.app.store.challenge_user(token, now).await?,
        None => None,
    };
    let (Some(challenge), Some(user)) = (challenge, user) else {
        // Too late, or no password given first: start again.
        return Ok(Redirect::to("/login").into_response());
    };
    let Ok(attempt) = attempt(&state, &headers, &network, &user.login, context.secure_cookies) else {
        return refused("signin-held", StatusCode::TOO_MANY_REQUESTS);
    };
    match state.app.check_second_factor(&user, &form.code).await? {
        Ok(_) => {
            state.sign_in_throttle.succeeded(&attempt);
            state.app.store.end_sign_in_challenge(&challenge).await?;
            signed_in_response(&state, &context, &headers, &user).await
        }
        Err(error) => {
            tracing::info!("second factor refused");
            refused(code_message(error), StatusCode::UNAUTHORIZED)
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "two_factor.html")]
struct TwoFactorPage {
    l: Lang,
    chrome: Chrome,
    enabled: bool,
    required: bool,
    codes_left: String,
    /// An enrolment waiting for its first code: its QR code (SVG), URI and secret.
    pending: Option<(String, String, String)>,
    /// Recovery codes just made, shown this once.
    new_codes: Vec<String>,
    message: Option<String>,
    error: Option<String>,
}

async fn render(
    state: &AppState,
    signed_in: &SignedIn,
    new_codes: Vec<String>,
    message: Option<String>,
    error: Option<String>,
) -> Result<TwoFactorPage, AppError> {
    let user = signed_in.user();
    let lang = signed_in.0.lang;
    let fresh = state.app.store.user(user.id).await?;
    let pending = if fresh.two_factor {
        None
    } else {
        state
            .app
            .pending_two_factor(&fresh)
            .await?
            .map(|Enrolment { uri, secret_text }| (senim_documents::qr_svg(&uri), uri, secret_text))
    };
    Ok(TwoFactorPage {
        l: lang,
        chrome: Chrome::new(&signed_in.0, "/account/two-factor"),
        enabled: fresh.two_factor,
        required: state.app.two_factor_required(&fresh).await?,
        codes_left: lang.t_args(
            "two-factor-codes-left",
            &[(
                "count",
                senim_i18n::Arg::Number(state.app.store.recovery_codes_left(user.id).await?),
            )],
        ),
        pending,
        new_codes,
        message,
        error,
    })
}

#[derive(Deserialize, Default)]
struct PageQuery {
    #[serde(default)]
    done: String,
}

async fn two_factor_page(
    State(state): State<AppState>,
    signed_in: SignedIn,
    crate::context::ValidQuery(query): crate::context::ValidQuery<PageQuery>,
) -> Result<Response, AppError> {
    let lang = signed_in.0.lang;
    let message = match query.done.as_str() {
        "disabled" => Some(lang.t("two-factor-disabled")),
        _ => None,
    };
    Ok(render(&state, &signed_in, Vec::new(), message, None)
        .await?
        .into_response())
}

async fn start(State(state): State<AppState>, signed_in: SignedIn) -> Result<Response, AppError> {
    state.app.begin_two_factor(signed_in.user()).await?;
    Ok(Redirect::to("/account/two-factor").into_response())
}

async fn refused_page(
    state: &AppState,
    signed_in: &SignedIn,
    refused: Refused<TwoFactorError>,
) -> Result<Response, AppError> {
    match refused {
        Refused::Rule(error) => {
            let message = signed_in.0.lang.t(code_message(error));
            let page = render(state, signed_in, Vec::new(), None, Some(message)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Refused::Store(error) => Err(error.into()),
    }
}

async fn confirm(
    State(state): State<AppState>,
    signed_in: SignedIn,
    ValidForm(form): ValidForm<CodeForm>,
) -> Result<Response, AppError> {
    match state.app.finish_two_factor(signed_in.user(), &form.code).await {
        Ok(codes) => {
            let message = Some(signed_in.0.lang.t("two-factor-enabled"));
            Ok(render(&state, &signed_in, codes, message, None)
                .await?
                .into_response())
        }
        Err(refused) => refused_page(&state, &signed_in, refused).await,
    }
}

#[derive(Deserialize)]
struct PasswordForm {
    password: String,
}

/// The password asked again counts against the login's throttle like a sign-in: the try, or
/// the page saying it is held.
async fn count_try(
    state: &AppState,
    signed_in: &SignedIn,
    network: &str,
    headers: &HeaderMap,
) -> Result<Result<Attempt, Response>, AppError> {
    let login = &signed_in.user().login;
    match attempt(state, headers, network, login, signed_in.0.secure_cookies) {
        Ok(attempt) => Ok(Ok(attempt)),
        Err(Held) => {
            let message = signed_in.0.lang.t("signin-held");
            let page = render(state, signed_in, Vec::new(), None, Some(message)).await?;
            Ok(Err((StatusCode::TOO_MANY_REQUESTS, page).into_response()))
        }
    }
}

async fn renew_codes(
    State(state): State<AppState>,
    signed_in: SignedIn,
    ClientNetwork(network): ClientNetwork,
    headers: HeaderMap,
    ValidForm(form): ValidForm<PasswordForm>,
) -> Result<Response, AppError> {
    let attempt = match count_try(&state, &signed_in, &network, &headers).await? {
        Ok(attempt) => attempt,
        Err(held) => return Ok(held),
    };
    match state
        .app
        .renew_recovery_codes(signed_in.user(), &form.password)
        .await
    {
        Ok(codes) => {
            state.sign_in_throttle.succeeded(&attempt);
            let message = Some(signed_in.0.lang.t("two-factor-codes-renewed"));
            Ok(render(&state, &signed_in, codes, message, None)
                .await?
                .into_response())
        }
        Err(refused) => refused_page(&state, &signed_in, refused).await,
    }
}

async fn disable(
    State(state): State<AppState>,
    signed_in: SignedIn,
    ClientNetwork(network): ClientNetwork,
    headers: HeaderMap,
    ValidForm(form): ValidForm<PasswordForm>,
) -> Result<Response, AppError> {
    let attempt = match count_try(&state, &signed_in, &network, &headers).await? {
        Ok(attempt) => attempt,
        Err(held) => return Ok(held),
    };
    match state
        .app
        .disable_two_factor(signed_in.user(), &form.password)
        .await
    {
        Ok(()) => {
            state.sign_in_throttle.succeeded(&attempt);
            Ok(Redirect::to("/account/two-factor?done=disabled").into_response())
        }
        Err(refused) => refused_page(&state, &signed_in, refused).await,
    }
}

#[derive(Deserialize)]
struct RequirementForm {
    #[serde(default)]
    required: String,
}

/// The heads require, or stop requiring, a second factor of everyone who reads appeals.
async fn set_requirement(
    State(state): State<AppState>,
    Confirmer(signed_in): Confirmer,
    ValidForm(form): ValidForm<RequirementForm>,
) -> Result<Response, AppError> {
    let required = form.required == "on";
    state
        .app
        .set_require_two_factor(signed_in.user(), required)
        .await?;
    Ok(Redirect::to("/staff?done=two-factor").into_response())
}
