//! Two-factor sign-in: enrolment checks one code before the secret is kept; a sign-in asks
//! for the code after the password; a code is never accepted twice; a recovery code works
//! once; a school that requires it sends its readers to enrol before anything else.

use crate::helpers::*;
use chrono::Duration;
use senim_domain::two_factor::code_at;

/// The recovery codes a page shows, in order.
fn recovery_codes(page: &str) -> Vec<String> {
    page.split("<li><code>")
        .skip(1)
        .filter_map(|rest| rest.split("</code>").next())
        .map(str::to_owned)
        .collect()
}

async fn enrol(app: &TestApp, browser: &mut Browser, login: &str) -> (Vec<u8>, Vec<String>) {
    assert_eq!(browser.post("/account/two-factor/start", &[]).await.0, 303);
    let (status, page) = browser.get("/account/two-factor").await;
    assert_eq!(status, 200);
    assert!(page.contains(&format!("otpauth://totp/Senim:{login}?")), "{page}");
    assert!(page.contains("<svg"), "a QR code on the page");
    let user = app.store.user_by_login(login).await.unwrap();
    let secret = app.store.pending_two_factor(user.id).await.unwrap().unwrap();
    // A wrong first code keeps nothing.
    let (status, _) = browser
        .post("/account/two-factor/confirm", &[("code", "000000")])
        .await;
    assert_eq!(status, 422);
    assert!(!app.store.user_by_login(login).await.unwrap().two_factor);
    let code = code_at(&secret, app.state.app.now());
    let (status, page) = browser
        .post("/account/two-factor/confirm", &[("code", &code)])
        .await;
    assert_eq!(status, 200, "{page}");
    let codes = recovery_codes(&page);
    assert_eq!(codes.len(), 10, "{page}");
    assert!(app.store.user_by_login(login).await.unwrap().two_factor);
    (secret, codes)
}

async fn sign_in_with_a_code_never_the_same_code_twice_and_a_recovery_code_once(app: TestApp) {
    app.school("school-a", "").await;
    let start = app.state.app.now();
    app.state.app.clock.set(start);
    let mut director = app.browser("director").await;
    let (secret, codes) = enrol(&app, &mut director, "director").await;

    // The password alone no longer signs in: the code is asked next.
    let mut browser = Browser::new(&app.base);
    let (status, location) = browser.sign_in("director", &password_of("director")).await;
    assert_eq!((status, location.as_str()), (303, "/login/code"));
    assert_eq!(browser.get("/journal").await.0, 303, "not signed in yet");
    // The code used to enrol is spent.
    let spent = code_at(&secret, start);
    let (status, page) = browser.post("/login/code", &[("code", &spent)]).await;
    assert_eq!(status, 401);
    assert!(page.contains("пайдаланылып қойған"), "{page}");
    // Half a minute later the app shows a new one, which signs in — once.
    app.state.app.clock.set(start + Duration::seconds(30));
    let code = code_at(&secret, start + Duration::seconds(30));
    let (status, location) = browser.post("/login/code", &[("code", &code)]).await;
    assert_eq!((status, location.as_str()), (303, "/"));
    assert_eq!(browser.get("/journal").await.0, 200);
    let mut again = Browser::new(&app.base);
    again.sign_in("director", &password_of("director")).await;
    assert_eq!(
        again.post("/login/code", &[("code", &code)]).await.0,
        401,
        "a code is accepted once"
    );

    // A recovery code signs in once.
    let mut lost_phone = Browser::new(&app.base);
    lost_phone.sign_in("director", &password_of("director")).await;
    let (status, location) = lost_phone
        .post("/login/code", &[("code", &codes[3].to_uppercase())])
        .await;
    assert_eq!((status, location.as_str()), (303, "/"));
    let mut again = Browser::new(&app.base);
    again.sign_in("director", &password_of("director")).await;
    assert_eq!(again.post("/login/code", &[("code", &codes[3])]).await.0, 401);
    // A code is refused without the password before it: there is no challenge.
    let mut stranger = Browser::new(&app.base);
    stranger.get("/login").await;
    let (status, location) = stranger.post("/login/code", &[("code", &codes[4])]).await;
    assert_eq!((status, location.as_str()), (303, "/login"));

    let (_, trail) = app
        .api(&app.token("deputy").await)
        .get("/api/v1/audit?login=director")
        .await;
    let actions: Vec<&str> = trail["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert!(
        actions.contains(&"two_factor_enabled") && actions.contains(&"recovery_code_used"),
        "{actions:?}"
    );
    // A wrong or spent code is a failed sign-in in the trail, said as such.
    assert!(
        trail["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "sign_in_failed" && e["detail"] == "second_factor"),
        "{trail}"
    );
    // Starting again while it is on replaces nothing.
    assert_eq!(director.post("/account/two-factor/start", &[]).await.0, 303);
    let user = app.store.user_by_login("director").await.unwrap();
    assert!(app.store.pending_two_factor(user.id).await.unwrap().is_none());
    // The recovery codes are kept hashed, never as typed.
    assert!(!app.database_contains(&codes[0]).await);
}

async fn new_recovery_codes_and_turning_it_off_ask_for_the_password(app: TestApp) {
    app.school("school-a", "").await;
    let mut browser = app.browser("psychologist").await;
    let (_, old_codes) = enrol(&app, &mut browser, "psychologist").await;
    let (status, _) = browser
        .post(
            "/account/two-factor/recovery-codes",
            &[("password", "not the password")],
        )
        .await;
    assert_eq!(status, 422);
    let (status, page) = browser
        .post(
            "/account/two-factor/recovery-codes",
            &[("password", &password_of("psychologist"))],
        )
        .await;
    assert_eq!(status, 200);
    let new_codes = recovery_codes(&page);
    assert_eq!(new_codes.len(), 10);
    // The old codes stopped.
    let mut other = Browser::new(&app.base);
    other.sign_in("psychologist", &password_of("psychologist")).await;
    assert_eq!(other.post("/login/code", &[("code", &old_codes[0])]).await.0, 401);
    assert_eq!(other.post("/login/code", &[("code", &new_codes[0])]).await.0, 303);
    assert_eq!(
        browser
            .post("/account/two-factor/disable", &[("password", "wrong")])
            .await
            .0,
        422
    );
    assert_eq!(
        browser
            .post(
                "/account/two-factor/disable",
                &[("password", &password_of("psychologist"))]
            )
            .await
            .0,
        303
    );
    assert!(!app.store.user_by_login("psychologist").await.unwrap().two_factor);
}

async fn a_school_that_requires_it_sends_its_readers_to_enrol_first(app: TestApp) {
    app.school("school-a", "").await;
    let token = app.token("psychologist").await;
    let mut director = app.browser("director").await;
    let (status, location) = director.post("/staff/two-factor", &[("required", "on")]).await;
    assert_eq!((status, location.as_str()), (303, "/staff?done=two-factor"));
    // A token made with the password alone reads nothing until its person enrols.
    let (status, error) = app.api(&token).get("/api/v1/appeals").await;
    assert_eq!(
        (status, error["code"].as_str()),
        (401, Some("two_factor_required"))
    );
    // The psychologist, signed in with a password, sees nothing but the enrolment.
    let mut psychologist = app.browser("psychologist").await;
    let (status, location) = psychologist.get("/journal").await;
    assert_eq!(status, 303);
    let (_, page) = psychologist.get("/account/two-factor").await;
    assert!(page.contains("талап етеді"), "{page}");
    // Once enrolled (the director too), the journal opens; the administrator, who reads
    // nothing, is not asked.
    let _ = location;
    enrol(&app, &mut psychologist, "psychologist").await;
    assert_eq!(psychologist.get("/journal").await.0, 200);
    assert_eq!(app.api(&token).get("/api/v1/appeals").await.0, 200);
    let mut admin = app.browser("admin").await;
    assert_eq!(admin.get("/admin/users").await.0, 200);
    // While required, it cannot be turned off.
    let (status, page) = psychologist
        .post(
            "/account/two-factor/disable",
            &[("password", &password_of("psychologist"))],
        )
        .await;
    assert_eq!(status, 422, "{page}");
    // Whoever holds the server resets it for someone who lost phone and codes; recorded.
    let output = app.senim(&["user", "reset-two-factor", "--login", "psychologist"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(!app.store.user_by_login("psychologist").await.unwrap().two_factor);
    let mut deputy = app.browser("deputy").await;
    enrol(&app, &mut deputy, "deputy").await;
    let (_, trail) = app.api(&app.token("deputy").await).get("/api/v1/audit").await;
    assert!(
        trail["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "two_factor_disabled"
                && e["login"] == ""
                && e["account"] == "psychologist"),
        "{trail}"
    );
    assert!(
        trail["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "settings_changed" && e["detail"] == "two_factor_required"),
        "{trail}"
    );
}

both_backends!(
    sign_in_with_a_code_never_the_same_code_twice_and_a_recovery_code_once,
    new_recovery_codes_and_turning_it_off_ask_for_the_password,
    a_school_that_requires_it_sends_its_readers_to_enrol_first
);
