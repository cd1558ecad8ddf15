//! Sign-in under attack, through the running server behind a reverse proxy (so each test
//! browser can come from its own network): held per login and network, per network whatever
//! the login, and never for a person's own browser; and the cookies and HSTS of HTTPS.

use crate::helpers::{Browser, TestApp, password_of};

fn behind_proxy(config: &mut senim_web::WebConfig) {
    config.behind_proxy = true;
}

fn over_https(config: &mut senim_web::WebConfig) {
    config.secure_cookies = true;
}

async fn try_password(app: &TestApp, address: &str, login: &str, password: &str) -> u16 {
    let mut browser = Browser::from_address(&app.base, address);
    browser.get("/login").await;
    browser
        .post("/login", &[("login", login), ("password", password)])
        .await
        .0
}

async fn one_login_from_one_network_is_held_and_the_person_gets_in_from_elsewhere(app: TestApp) {
    app.school("sch-throttle", "t_").await;
    let right = password_of("t_director");
    for _ in 0..10 {
        assert_eq!(
            try_password(&app, "203.0.113.5", "t_director", "wrong password!").await,
            401
        );
    }
    assert_eq!(
        try_password(&app, "203.0.113.5", "t_director", &right).await,
        429,
        "the pair is held: the right password is not even checked"
    );
    assert_eq!(
        try_password(&app, "198.51.100.7", "t_director", &right).await,
        303,
        "from another network the director signs in"
    );
}

async fn a_client_trying_many_logins_is_held_even_for_a_real_one(app: TestApp) {
    app.school("sch-spray", "s_").await;
    for n in 0..30 {
        let status = try_password(&app, "203.0.113.66", &format!("guess{n}"), "Password123!").await;
        assert_eq!(status, 401);
    }
    let right = password_of("s_psychologist");
    assert_eq!(
        try_password(&app, "203.0.113.66", "s_psychologist", &right).await,
        429
    );
    assert_eq!(
        try_password(&app, "203.0.113.67", "s_psychologist", &right).await,
        303
    );
}

async fn strangers_on_many_networks_cannot_lock_a_person_out_of_their_own_browser(app: TestApp) {
    app.school("sch-devices", "d_").await;
    let right = password_of("d_deputy");
    // The deputy signed in from this browser before, and signs out.
    let mut own = Browser::from_address(&app.base, "198.51.100.20");
    assert_eq!(own.sign_in("d_deputy", &right).await.0, 303);
    own.post("/logout", &[]).await;
    // Strangers guess from five networks, ten tries each.
    for network in 1..=5 {
        for _ in 0..10 {
            let address = format!("192.0.2.{network}");
            assert_eq!(
                try_password(&app, &address, "d_deputy", "a wrong guess").await,
                401
            );
        }
    }
    assert_eq!(
        try_password(&app, "198.51.100.99", "d_deputy", &right).await,
        429,
        "a browser that never signed in to the login is held"
    );
    // The deputy's own browser, now on a network of its own, still gets in.
    let mut own = own.moved_to("198.51.100.99");
    assert_eq!(own.sign_in("d_deputy", &right).await.0, 303);
    let (status, _) = own.get("/account/password").await;
    assert_eq!(status, 200, "and is signed in");
}

async fn over_https_cookies_are_host_only_and_secure_and_browsers_are_told_to_stay(app: TestApp) {
    app.school("sch-https", "h_").await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let page = client.get(format!("{}/login", app.base)).send().await.unwrap();
    assert_eq!(
        page.headers()["strict-transport-security"].to_str().unwrap(),
        "max-age=31536000"
    );
    let prelogin = page.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(prelogin.starts_with("__Host-senim_prelogin="), "{prelogin}");
    assert!(prelogin.contains("; Secure") && prelogin.contains("HttpOnly") && prelogin.contains("Path=/"));
    assert!(!prelogin.contains("Domain="), "a __Host- cookie names no domain");
    let cookie = prelogin.split(';').next().unwrap().to_owned();
    let csrf = crate::helpers::csrf_of(&page.text().await.unwrap()).unwrap();
    let signed_in = client
        .post(format!("{}/login", app.base))
        .header("cookie", &cookie)
        .form(&[
            ("csrf", csrf.as_str()),
            ("login", "h_director"),
            ("password", &password_of("h_director")),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(signed_in.status(), 303);
    let cookies: Vec<String> = signed_in
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|value| value.to_str().unwrap().to_owned())
        .collect();
    for name in ["__Host-senim_session=", "__Host-senim_device="] {
        let set = cookies
            .iter()
            .find(|cookie| cookie.starts_with(name))
            .unwrap_or_else(|| panic!("{name} is set: {cookies:?}"));
        assert!(set.contains("; Secure") && set.contains("HttpOnly"), "{set}");
    }
    let device = cookies
        .iter()
        .find(|c| c.starts_with("__Host-senim_device="))
        .unwrap();
    assert!(
        !device.contains("h_director"),
        "the browser's mark names no login"
    );
}

both_backends_configured!(super::behind_proxy;
    one_login_from_one_network_is_held_and_the_person_gets_in_from_elsewhere,
    a_client_trying_many_logins_is_held_even_for_a_real_one,
    strangers_on_many_networks_cannot_lock_a_person_out_of_their_own_browser,
);
both_backends_configured!(super::over_https;
    over_https_cookies_are_host_only_and_secure_and_browsers_are_told_to_stay,
);
