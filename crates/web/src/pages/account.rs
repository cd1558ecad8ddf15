//! Signing in and out, the language switch, and changing one's password.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chrono::Duration;
use senim_i18n::Lang;
use serde::Deserialize;

use crate::AppState;
use crate::client::ClientNetwork;
use crate::context::ValidForm;
use crate::context::{
    Context, LANG_COOKIE, PRELOGIN_COOKIE, SESSION_COOKIE, SignedIn, cookie, cookie_name, set_cookie,
};
use crate::error::AppError;
use crate::throttle::{Attempt, DEVICE_LIFETIME, Held};
use crate::view::Chrome;

/// How long a sign-in lasts at most: a working day with margin.
pub const SESSION_LIFETIME: Duration = Duration::hours(12);

/// The cookie a browser holds between the password and the second factor.
pub const CHALLENGE_COOKIE: &str = "senim_challenge";

/// The cookie by which a browser that has signed in before is known to the throttle
/// ([`crate::throttle::DeviceMarks`]).
pub const DEVICE_COOKIE: &str = "senim_device";

/// Counts a try of `login`'s password or second factor from this request, or says it is held:
/// from a browser that signed in to that login before, for that browser alone; from any
/// other, for its network and the login too.
pub fn attempt(
    state: &AppState,
    headers: &HeaderMap,
    network: &str,
    login: &str,
    secure: bool,
) -> Result<Attempt, Held> {
    let mark = cookie(headers, &cookie_name(DEVICE_COOKIE, secure));
    let origin = state
        .device_marks
        .origin(mark, login, state.sign_in_throttle.network(network));
    let attempt = state.sign_in_throttle.attempt(login, origin, state.app.now());
    if attempt.is_err() {
        tracing::warn!("sign-in held after repeated failures");
    }
    attempt
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/login", get(sign_in_page).post(sign_in))
        .route("/logout", post(sign_out))
        .route("/language", post(switch_language))
        .route("/account/password", get(password_page).post(change_password))
}

#[derive(Template, WebTemplate)]
#[template(path = "login.html")]
struct SignInPage {
    l: Lang,
    chrome: Chrome,
    login: String,
    failed: Option<String>,
}

async fn sign_in_page(context: Context) -> Response {
    if context.user().is_some() {
        return Redirect::to("/").into_response();
    }
    SignInPage {
        l: context.lang,
        chrome: Chrome::new(&context, "/login"),
        login: String::new(),
        failed: None,
    }
    .into_response()
}

#[derive(Deserialize)]
struct SignInForm {
    login: String,
    password: String,
}

async fn sign_in(
    State(state): State<AppState>,
    context: Context,
    ClientNetwork(network): ClientNetwork,
    headers: HeaderMap,
    ValidForm(form): ValidForm<SignInForm>,
) -> Result<Response, AppError> {
    let login = form.login.trim();
    let now = state.app.now();
    let refused = |message: &str, status: StatusCode| {
        let page = SignInPage {
            l: context.lang,
            chrome: Chrome::new(&context, "/login"),
            login: login.to_owned(),
            failed: Some(context.lang.t(message)),
        };
        Ok((status, page).into_response())
    };
    // No account has such a login: refused without touching the database or the hasher.
    if !senim_domain::staff::valid_login(login) {
        return refused("signin-failed", StatusCode::UNAUTHORIZED);
    }
    // Counted before the password is checked, so attempts sent in parallel count too.
    let Ok(attempt) = attempt(&state, &headers, &network, login, context.secure_cookies) else {
        return refused("signin-held", StatusCode::TOO_MANY_REQUESTS);
    };
    let user = match state.app.check_password(login, &form.password).await {
        Ok(Some(user)) => user,
        Ok(None) => {
            tracing::info!("sign-in refused");
            return refused("signin-failed", StatusCode::UNAUTHORIZED);
        }
        Err(senim_store::StoreError::Busy) => {
            // Not the person's fault: the try is given back, and nothing else forgotten.
            state.sign_in_throttle.give_back(&attempt);
            tracing::warn!("sign-in turned away: too many password checks waiting");
            let mut response = refused("signin-busy", StatusCode::SERVICE_UNAVAILABLE)?;
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, axum::http::HeaderValue::from_static("10"));
            return Ok(response);
        }
        Err(error) => return Err(error.into()),
    };
    if user.two_factor {
        // The password was right; the try stays counted until the code is right too.
        let challenge = state.app.store.create_sign_in_challenge(user.id, now).await?;
        let mut response = Redirect::to("/login/code").into_response();
        response.headers_mut().append(
            header::SET_COOKIE,
            set_cookie(
                CHALLENGE_COOKIE,
                &challenge,
                senim_store::CHALLENGE_LIFETIME.num_seconds(),
                context.secure_cookies,
            ),
        );
        return Ok(response);
    }
    state.sign_in_throttle.succeeded(&attempt);
    signed_in_response(&state, &context, &headers, &user).await
}

/// Starts the session of a person who gave everything asked, ending the browser's old one,
/// and sends them to the start page.
pub async fn signed_in_response(
    state: &AppState,
    context: &Context,
    request: &HeaderMap,
    user: &senim_store::User,
) -> Result<Response, AppError> {
    if let Some(old) = &context.session_token {
        state.app.store.end_session(old).await?;
    }
    let token = state.app.start_session(user, SESSION_LIFETIME).await?;
    let secure = context.secure_cookies;
    let mark = state
        .device_marks
        .after_sign_in(cookie(request, &cookie_name(DEVICE_COOKIE, secure)), &user.login);
    let mut response = Redirect::to("/").into_response();
    let headers = response.headers_mut();
    headers.append(
        header::SET_COOKIE,
        set_cookie(SESSION_COOKIE, &token, SESSION_LIFETIME.num_seconds(), secure),
    );
    headers.append(header::SET_COOKIE, set_cookie(PRELOGIN_COOKIE, "", 0, secure));
    headers.append(header::SET_COOKIE, set_cookie(CHALLENGE_COOKIE, "", 0, secure));
    // The browser is known to the throttle from now on for this login.
    headers.append(
        header::SET_COOKIE,
        set_cookie(DEVICE_COOKIE, &mark, DEVICE_LIFETIME.num_seconds(), secure),
    );
    Ok(response)
}

async fn sign_out(State(state): State<AppState>, context: Context) -> Result<Response, AppError> {
    match (&context.session_token, context.user()) {
        (Some(token), Some(user)) => state.app.sign_out(user, token).await?,
        (Some(token), None) => state.app.store.end_session(token).await?,
        _ => {}
    }
    let mut response = Redirect::to("/login").into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(SESSION_COOKIE, "", 0, context.secure_cookies),
    );
    Ok(response)
}

#[derive(Deserialize)]
struct LanguageForm {
    lang: String,
    #[serde(default)]
    back: String,
}

/// Keeps the choice on the account of a signed-in person, and in a cookie before sign-in.
async fn switch_language(
    State(state): State<AppState>,
    context: Context,
    ValidForm(form): ValidForm<LanguageForm>,
) -> Result<Response, AppError> {
    let lang = Lang::parse(&form.lang).ok_or(AppError::BadRequest)?;
    if let Some(user) = context.user() {
        state.app.store.set_locale(user.id, lang.code()).await?;
    }
    let back = if is_local_path(&form.back) {
        form.back.as_str()
    } else {
        "/"
    };
    let mut response = Redirect::to(back).into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(LANG_COOKIE, lang.code(), 365 * 86_400, context.secure_cookies),
    );
    Ok(response)
}

/// Only a path of this site, in plain characters: never an address elsewhere (`//host`,
/// `/\\host`, or a control character a browser would drop to make one).
fn is_local_path(back: &str) -> bool {
    back.starts_with('/')
        && !back.starts_with("//")
        && back.len() <= 512
        && back
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/?=&%._-+~".contains(&b))
}

#[derive(Template, WebTemplate)]
#[template(path = "password.html")]
struct PasswordPage {
    l: Lang,
    chrome: Chrome,
    message: Option<String>,
    error: Option<String>,
}

async fn password_page(SignedIn(context): SignedIn) -> Response {
    let must_change = context.user().is_some_and(|user| user.must_change_password);
    PasswordPage {
        l: context.lang,
        chrome: Chrome::new(&context, "/account/password"),
        message: must_change.then(|| context.lang.t("password-must-change")),
        error: None,
    }
    .into_response()
}

#[derive(Deserialize)]
struct PasswordForm {
    current: String,
    new: String,
    repeat: String,
}

async fn change_password(
    State(state): State<AppState>,
    signed_in: SignedIn,
    ClientNetwork(network): ClientNetwork,
    headers: HeaderMap,
    ValidForm(form): ValidForm<PasswordForm>,
) -> Result<Response, AppError> {
    let lang = signed_in.0.lang;
    let user = signed_in.user().clone();
    // The current password is a password guess like any other: the same throttle holds it.
    let counted = attempt(
        &state,
        &headers,
        &network,
        &user.login,
        signed_in.0.secure_cookies,
    );
    let held = counted.is_err();
    let current_is_right = match &counted {
        Ok(_) => state
            .app
            .store
            .authenticate(&user.login, &form.current)
            .await?
            .is_some(),
        Err(Held) => false,
    };
    if let (Ok(attempt), true) = (&counted, current_is_right) {
        state.sign_in_throttle.succeeded(attempt);
    }
    let error = if held {
        Some("signin-held")
    } else if !current_is_right {
        Some("password-wrong")
    } else if form.new != form.repeat {
        Some("password-mismatch")
    } else if let Err(error) = senim_domain::staff::check_password(&form.new, &user.login) {
        Some(match error {
            senim_domain::staff::PasswordError::TooShort => "password-too-short",
            senim_domain::staff::PasswordError::Common => "password-common",
        })
    } else {
        None
    };
    let chrome = Chrome::new(&signed_in.0, "/account/password");
    if let Some(error) = error {
        let page = PasswordPage {
            l: lang,
            chrome,
            message: None,
            error: Some(lang.t(error)),
        };
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    // Whoever knew the old password is signed out everywhere else.
    state
        .app
        .change_password(&user, &form.new, signed_in.0.session_token.as_deref())
        .await?;
    Ok(PasswordPage {
        l: lang,
        chrome,
        message: Some(lang.t("password-changed")),
        error: None,
    }
    .into_response())
}

#[cfg(test)]
mod tests {
    use super::is_local_path;

    #[test]
    fn only_paths_of_this_site_are_returned_to() {
        for good in ["/", "/journal?year=2025&channel=phone&q=%D0%B0", "/appeals/12"] {
            assert!(is_local_path(good), "{good}");
        }
        for bad in [
            "",
            "//evil.example/",
            "/\\evil.example",
            "/\t/evil.example",
            "https://evil.example",
            "/a\r\nSet-Cookie: x",
        ] {
            assert!(!is_local_path(bad), "{bad:?}");
        }
    }
}
