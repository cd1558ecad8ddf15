//! Who may do what, checked on the server for every request.

use crate::helpers::*;
use serde_json::json;

async fn the_administrator_gets_403_on_every_appeal_page_and_route(app: TestApp) {
    app.school("school-a", "").await;
    let specialist = app.api(&app.token("specialist").await);
    let created = specialist
        .register(json!({ "channel": "phone", "anonymous": true, "summary": "Құпия" }))
        .await;
    let id = created["id"].as_i64().unwrap();
    let mut admin = app.browser("admin").await;
    for path in [
        "/journal",
        "/appeals/new",
        &format!("/appeals/{id}"),
        &format!("/appeals/{id}/correct"),
    ] {
        let (status, page) = admin.get(path).await;
        assert_eq!(status, 403, "{path}");
        assert!(
            !page.contains("Құпия"),
            "{path} shows appeal text to the administrator"
        );
    }
    for path in [
        "/appeals",
        &format!("/appeals/{id}/outcome"),
        &format!("/appeals/{id}/corrections"),
    ] {
        let (status, _) = admin
            .post(
                path,
                &[
                    ("channel", "phone"),
                    ("anonymous", "on"),
                    ("summary", "x"),
                    ("outcome", "x"),
                    ("reason", "x"),
                ],
            )
            .await;
        assert_eq!(status, 403, "POST {path}");
    }
    let admin_api = app.api(&app.token("admin").await);
    for path in ["/api/v1/appeals", &format!("/api/v1/appeals/{id}")] {
        let (status, error) = admin_api.get(path).await;
        assert_eq!(status, 403, "{path}");
        assert_eq!(error["code"], "forbidden");
    }
    let (status, _) = admin_api
        .post(
            "/api/v1/appeals",
            json!({ "channel": "phone", "anonymous": true, "summary": "x" }),
        )
        .await;
    assert_eq!(status, 403);
    // The administrator does manage accounts.
    let (status, page) = admin.get("/admin/users").await;
    assert_eq!(status, 200);
    assert!(page.contains("specialist"));
    let (status, page) = admin
        .post(
            "/admin/users",
            &[
                ("login", "new.psychologist"),
                ("full_name", "Жаңа Психолог"),
                ("position", "psychologist"),
                ("locale", "ru"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{page}");
    let password = page
        .split("құпиясөз: ")
        .nth(1)
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .to_owned();
    let mut newcomer = crate::helpers::Browser::new(&app.base);
    let (status, _) = newcomer.sign_in("new.psychologist", &password).await;
    assert_eq!(status, 303);
    // The one-time password the administrator saw opens nothing but the password page.
    let (status, location) = (newcomer.get("/journal").await.0, ());
    assert_eq!(status, 303, "{location:?}");
    let (status, page) = newcomer.get("/account/password").await;
    assert_eq!(status, 200);
    assert!(page.contains("одноразовым паролем"), "{page}");
    let own = "свой-пароль-2026";
    let (status, _) = newcomer
        .post(
            "/account/password",
            &[("current", &password), ("new", own), ("repeat", own)],
        )
        .await;
    assert_eq!(status, 200);
    // Her own password opens her account's pages, and still no appeal: the administrator
    // cannot give a reader access; the school's director confirms it.
    let (status, page) = newcomer.get("/journal").await;
    assert_eq!(status, 403);
    assert!(
        page.contains("ещё не подтвердил директор"),
        "it says why, in her language: {page}"
    );
    assert_eq!(newcomer.get("/account/password").await.0, 200);
    let newcomer_token = app.token("new.psychologist").await;
    let (status, error) = app.api(&newcomer_token).get("/api/v1/appeals").await;
    assert_eq!(
        (status, error["code"].as_str()),
        (401, Some("awaiting_confirmation"))
    );
    let id = app.store.user_by_login("new.psychologist").await.unwrap().id.0;
    assert_eq!(
        admin.post(&format!("/staff/{id}/confirm"), &[]).await.0,
        403,
        "not the administrator"
    );
    let mut psychologist = app.browser("psychologist").await;
    assert_eq!(
        psychologist.post(&format!("/staff/{id}/confirm"), &[]).await.0,
        403,
        "not a colleague"
    );
    let (status, _) = app
        .api(&app.token("psychologist").await)
        .post(&format!("/api/v1/staff/{id}/confirm"), json!({}))
        .await;
    assert_eq!(status, 403);
    let mut director = app.browser("director").await;
    let (_, journal) = director.get("/journal").await;
    assert!(
        journal.contains("растауыңызды күтетін есептік жазбалар: 1"),
        "the director is told on the journal's head: {journal}"
    );
    let (status, staff) = director.get("/staff").await;
    assert_eq!(status, 200);
    assert!(
        staff.contains("new.psychologist") && staff.contains("Жаңа Психолог"),
        "{staff}"
    );
    let (status, location) = director.post(&format!("/staff/{id}/confirm"), &[]).await;
    assert_eq!(status, 303, "{location}");
    let (_, staff) = director.get("/staff?done=confirmed").await;
    assert!(staff.contains("Растауды күтетін есептік жазба жоқ."), "{staff}");
    let (status, page) = newcomer.get("/journal").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Журнал регистрации обращений"),
        "the account's language is Russian"
    );
    assert_eq!(
        app.api(&newcomer_token).get("/api/v1/appeals").await.0,
        200,
        "her token reads too"
    );
    let (status, error) = app
        .api(&app.token("deputy").await)
        .post(&format!("/api/v1/staff/{id}/confirm"), json!({}))
        .await;
    assert_eq!(
        (status, error["code"].as_str()),
        (422, Some("nothing_to_confirm"))
    );
    let mut with_old_password = crate::helpers::Browser::new(&app.base);
    assert_eq!(
        with_old_password.sign_in("new.psychologist", &password).await.0,
        401
    );
}

async fn the_director_and_deputy_read_but_do_not_register(app: TestApp) {
    app.school("school-a", "").await;
    let specialist = app.api(&app.token("specialist").await);
    let created = specialist
        .register(json!({ "channel": "phone", "anonymous": true, "summary": "Оқушы қорқады" }))
        .await;
    let id = created["id"].as_i64().unwrap();
    for login in ["director", "deputy"] {
        let mut reader = app.browser(login).await;
        assert_eq!(reader.get("/journal").await.0, 200, "{login}");
        let (status, page) = reader.get(&format!("/appeals/{id}")).await;
        assert_eq!(status, 200);
        assert!(page.contains("Оқушы қорқады"));
        assert!(
            !page.contains("action=\"/appeals/"),
            "{login} is offered no form to change the appeal"
        );
        assert_eq!(reader.get("/appeals/new").await.0, 403);
        assert_eq!(
            reader
                .post(
                    "/appeals",
                    &[("channel", "phone"), ("anonymous", "on"), ("summary", "x")]
                )
                .await
                .0,
            403
        );
        assert_eq!(
            reader
                .post(&format!("/appeals/{id}/outcome"), &[("outcome", "x")])
                .await
                .0,
            403
        );
        assert_eq!(reader.get("/admin/users").await.0, 403);
        let api = app.api(&app.token(login).await);
        assert_eq!(api.get("/api/v1/appeals").await.0, 200);
        assert_eq!(
            api.post(
                "/api/v1/appeals",
                json!({ "channel": "phone", "anonymous": true, "summary": "x" })
            )
            .await
            .0,
            403
        );
        assert_eq!(
            api.post(
                &format!("/api/v1/appeals/{id}/outcome"),
                json!({ "outcome": "x" })
            )
            .await
            .0,
            403
        );
    }
    for login in ["specialist", "psychologist", "social"] {
        let mut registrar = app.browser(login).await;
        assert_eq!(registrar.get("/appeals/new").await.0, 200, "{login}");
        assert_eq!(registrar.get("/admin/users").await.0, 403, "{login}");
    }
}

async fn strangers_are_sent_to_sign_in_and_the_api_wants_a_token(app: TestApp) {
    app.school("school-a", "").await;
    let mut stranger = crate::helpers::Browser::new(&app.base);
    for path in ["/", "/journal", "/appeals/new", "/appeals/1", "/admin/users"] {
        let (status, _) = stranger.get(path).await;
        assert_eq!(status, 303, "{path}");
    }
    let (status, page) = stranger.sign_in("specialist", "wrong password").await;
    assert_eq!(status, 401);
    assert!(page.is_empty() || !page.contains("Журнал"));
    let client = reqwest::Client::new();
    let response = client
        .get(format!("{}/api/v1/appeals", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
    let error: serde_json::Value = response.json().await.unwrap();
    assert_eq!(error["code"], "unauthorized");
    let response = client
        .get(format!("{}/api/v1/appeals", app.base))
        .bearer_auth("senim_not-a-token")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
}

async fn signing_out_ends_the_session(app: TestApp) {
    app.school("school-a", "").await;
    let mut browser = app.browser("specialist").await;
    assert_eq!(browser.get("/journal").await.0, 200);
    let (status, location) = browser.post("/logout", &[]).await;
    assert_eq!(status, 303);
    assert_eq!(location, "/login");
    assert_eq!(browser.get("/journal").await.0, 303);
}

async fn every_form_needs_its_csrf_token(app: TestApp) {
    app.school("school-a", "").await;
    let mut browser = app.browser("specialist").await;
    let fields = [("channel", "phone"), ("anonymous", "on"), ("summary", "x")];
    assert_eq!(
        browser.post_raw("/appeals", &fields).await.0,
        403,
        "without a token"
    );
    let mut forged = vec![("csrf", "0000")];
    forged.extend_from_slice(&fields);
    assert_eq!(
        browser.post_raw("/appeals", &forged).await.0,
        403,
        "with a wrong token"
    );
    assert_eq!(browser.post_raw("/logout", &[]).await.0, 403);
    // The sign-in form is protected too, before any session exists.
    let mut stranger = crate::helpers::Browser::new(&app.base);
    let login = [
        ("login", "specialist"),
        ("password", "specialist-specialist-pass"),
    ];
    assert_eq!(stranger.post_raw("/login", &login).await.0, 403);
    assert_eq!(
        browser.post("/appeals", &fields).await.0,
        303,
        "with the page's token"
    );
}

async fn repeated_wrong_passwords_hold_the_login(app: TestApp) {
    app.school("school-a", "").await;
    let mut stranger = crate::helpers::Browser::new(&app.base);
    for _ in 0..10 {
        assert_eq!(stranger.sign_in("deputy", "guess").await.0, 401);
    }
    let (status, page) = stranger.sign_in("deputy", &password_of("deputy")).await;
    assert_eq!(
        status, 429,
        "the right password is not even checked while the login is held"
    );
    assert!(page.contains("15 минут"), "{page}");
    // Other staff sign in as usual.
    app.browser("director").await;
}

async fn changing_the_password_signs_out_every_other_browser(app: TestApp) {
    app.school("school-a", "").await;
    let mut here = app.browser("psychologist").await;
    let mut elsewhere = app.browser("psychologist").await;
    let old = password_of("psychologist");
    let new = "жаңа-құпиясөз-42";
    let (status, _) = here
        .post(
            "/account/password",
            &[("current", "wrong"), ("new", new), ("repeat", new)],
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(
        elsewhere.get("/journal").await.0,
        200,
        "a wrong current password changes nothing"
    );
    let (status, page) = here
        .post(
            "/account/password",
            &[("current", &old), ("new", new), ("repeat", new)],
        )
        .await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(here.get("/journal").await.0, 200, "this browser stays signed in");
    assert_eq!(
        elsewhere.get("/journal").await.0,
        303,
        "the other browser is signed out"
    );
    let mut again = crate::helpers::Browser::new(&app.base);
    assert_eq!(again.sign_in("psychologist", new).await.0, 303);
}

async fn unreadable_requests_get_a_localised_400_page(app: TestApp) {
    app.school("school-a", "").await;
    let mut browser = app.browser("deputy").await;
    for path in [
        "/journal?page=abc",
        "/journal?page=-1",
        "/appeals/1?done=x&done=y",
    ] {
        let (status, page) = browser.get(path).await;
        if status == 400 {
            assert!(page.contains("Сұрау түсініксіз"), "{path}: {page}");
        } else {
            assert!(status == 404 || status == 200, "{path}: {status}");
        }
    }
    assert_eq!(browser.get("/journal?page=abc").await.0, 400);
    assert_eq!(browser.get("/journal?page=99999999999999999999").await.0, 400);
    assert_eq!(
        browser.get("/journal?page=18446744073709551615").await.0,
        200,
        "a huge page shows the last one"
    );
}
async fn an_account_is_checked_the_same_from_the_page_and_the_command_line(app: TestApp) {
    app.school("school-a", "").await;
    let add = |login: &str, position: &str| {
        app.senim(&[
            "user",
            "add",
            "--login",
            login,
            "--full-name",
            "Серікова А.",
            "--position",
            position,
        ])
    };
    let output = add("aigul", "psychologist");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("one-time password"));
    for (login, position, refusal) in [
        ("aigul", "psychologist", "--login: another account has it"),
        ("a b", "psychologist", "--login: 3–32 characters"),
    ] {
        let output = add(login, position);
        assert!(!output.status.success());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(refusal), "{login}: {stderr}");
    }
    // The administrator's page refuses the taken login with the same rule, in Kazakh.
    let mut admin = app.browser("admin").await;
    let (status, page) = admin
        .post(
            "/admin/users",
            &[
                ("login", "aigul"),
                ("full_name", "Серікова А."),
                ("position", "psychologist"),
                ("locale", "kk"),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(page.contains("Бұл логин бос емес."), "{page}");
}

async fn a_deactivated_account_stops_at_once_in_its_browser_and_its_token(app: TestApp) {
    app.school("school-a", "").await;
    let mut psychologist = app.browser("psychologist").await;
    let token = app.token("psychologist").await;
    assert_eq!(psychologist.get("/journal").await.0, 200);
    let id = app.store.user_by_login("psychologist").await.unwrap().id.0;
    let director_id = app.store.user_by_login("director").await.unwrap().id.0;
    let mut director = app.browser("director").await;
    let (status, staff) = director.get("/staff").await;
    assert_eq!(status, 200);
    assert!(
        staff.contains("psychologist") && staff.contains("белсенді"),
        "{staff}"
    );
    let (status, page) = director
        .post(&format!("/staff/{director_id}/deactivate"), &[])
        .await;
    assert_eq!(status, 422);
    assert!(page.contains("Өз есептік жазбаңызды өшіре алмайсыз."), "{page}");
    let (status, location) = director.post(&format!("/staff/{id}/deactivate"), &[]).await;
    assert_eq!(status, 303, "{location}");
    assert_eq!(
        psychologist.get("/journal").await.0,
        303,
        "her browser is signed out at once"
    );
    assert_eq!(
        app.api(&token).get("/api/v1/appeals").await.0,
        401,
        "her token stops at once"
    );
    let mut again = Browser::new(&app.base);
    assert_eq!(
        again
            .sign_in("psychologist", &password_of("psychologist"))
            .await
            .0,
        401
    );
    // The administrator sees each account's state and brings her back; she reads again only
    // once the director has confirmed her again.
    let admin = app.api(&app.token("admin").await);
    let (status, staff) = admin.get("/api/v1/staff").await;
    assert_eq!(status, 200);
    let state_of = |staff: &serde_json::Value, login: &str| {
        staff["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|account| account["login"] == login)
            .map(|account| account["state"].as_str().unwrap().to_owned())
    };
    assert_eq!(state_of(&staff, "psychologist").as_deref(), Some("deactivated"));
    assert_eq!(state_of(&staff, "director").as_deref(), Some("active"));
    let (status, account) = admin
        .post(&format!("/api/v1/staff/{id}/reactivate"), json!({}))
        .await;
    assert_eq!(
        (status, account["state"].as_str()),
        (200, Some("awaiting_confirmation"))
    );
    let (status, error) = admin
        .post(&format!("/api/v1/staff/{id}/reactivate"), json!({}))
        .await;
    assert_eq!((status, error["code"].as_str()), (422, Some("state_unchanged")));
    let fresh = app.token("psychologist").await;
    let (status, error) = app.api(&fresh).get("/api/v1/appeals").await;
    assert_eq!(
        (status, error["code"].as_str()),
        (401, Some("awaiting_confirmation"))
    );
    assert_eq!(director.post(&format!("/staff/{id}/confirm"), &[]).await.0, 303);
    assert_eq!(app.api(&fresh).get("/api/v1/appeals").await.0, 200);
    assert_eq!(
        app.api(&token).get("/api/v1/appeals").await.0,
        401,
        "the tokens she had were revoked with the deactivation, not brought back"
    );
    // A colleague manages nobody's access.
    let (status, _) = app.api(&fresh).get("/api/v1/staff").await;
    assert_eq!(status, 403);
    let mut psychologist = app.browser("psychologist").await;
    assert_eq!(psychologist.get("/staff").await.0, 403);
    // Whoever holds the server deactivates from the command line.
    let social = app.token("social").await;
    let output = app.senim(&["user", "deactivate", "--login", "social"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(app.api(&social).get("/api/v1/appeals").await.0, 401);
    let output = app.senim(&["user", "reactivate", "--login", "social"]);
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("confirms it"),
        "{output:?}"
    );
    // Whoever holds the server may confirm too: the way back for a school without a head.
    let output = app.senim(&["user", "confirm", "--login", "social"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        app.api(&app.token("social").await).get("/api/v1/appeals").await.0,
        200
    );
    let output = app.senim(&["user", "confirm", "--login", "social"]);
    assert!(!output.status.success(), "nothing waits any more");
}

async fn a_token_does_only_what_its_scopes_say_until_it_ends_or_is_revoked(app: TestApp) {
    app.school("school-a", "").await;
    let token = |args: &[&str]| {
        let mut all = vec!["token", "create"];
        all.extend_from_slice(args);
        let output = app.senim(&all);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap().trim().to_owned()
    };
    let appeal = json!({ "channel": "phone", "anonymous": true, "summary": "Қоңырау" });
    // A telephone exchange's token reads nothing and registers nothing in the journal.
    let pbx = app.api(&token(&[
        "--login",
        "specialist",
        "--name",
        "PBX",
        "--scope",
        "phone:intake",
    ]));
    let (status, error) = pbx.get("/api/v1/appeals").await;
    assert_eq!(
        (status, error["code"].as_str()),
        (403, Some("insufficient_scope"))
    );
    assert_eq!(pbx.post("/api/v1/appeals", appeal.clone()).await.0, 403);
    // A read-only token reads and writes nothing, for a week.
    let reader = app.api(&token(&[
        "--login",
        "specialist",
        "--name",
        "reader",
        "--scope",
        "journal:read",
        "--expires",
        "7d",
    ]));
    assert_eq!(reader.get("/api/v1/appeals").await.0, 200);
    assert_eq!(reader.post("/api/v1/appeals", appeal.clone()).await.0, 403);
    // A token cannot do more than its person's positions.
    let output = app.senim(&[
        "token",
        "create",
        "--login",
        "director",
        "--scope",
        "journal:write",
    ]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("--scope:"));
    let output = app.senim(&["token", "create", "--login", "director", "--expires", "10y"]);
    assert!(String::from_utf8_lossy(&output.stderr).contains("--expires:"));
    // Revoked, it stops at once; the list says so.
    let writer = app.api(&token(&["--login", "specialist", "--name", "writer"]));
    assert_eq!(writer.post("/api/v1/appeals", appeal.clone()).await.0, 201);
    let listed = String::from_utf8(app.senim(&["token", "list", "--login", "specialist"]).stdout).unwrap();
    let id = listed
        .lines()
        .find(|line| line.contains("\twriter\t"))
        .and_then(|line| line.split('\t').next())
        .unwrap()
        .to_owned();
    let output = app.senim(&["token", "revoke", "--login", "specialist", "--id", &id]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(writer.get("/api/v1/appeals").await.0, 401);
    let listed = String::from_utf8(app.senim(&["token", "list", "--login", "specialist"]).stdout).unwrap();
    assert!(listed.contains("revoked"), "{listed}");
    // Past its end, the read-only token is refused.
    app.state
        .app
        .clock
        .set(app.state.app.now() + chrono::Duration::days(8));
    assert_eq!(reader.get("/api/v1/appeals").await.0, 401);
    // An account still on its one-time password has no token that works.
    let output = app.senim(&[
        "user",
        "add",
        "--login",
        "fresh",
        "--full-name",
        "Жаңа Маман",
        "--position",
        "psychologist",
        "--confirmed",
    ]);
    assert!(output.status.success());
    let fresh = app.api(&token(&["--login", "fresh"]));
    assert_eq!(fresh.get("/api/v1/appeals").await.0, 401);
}

async fn a_person_makes_and_revokes_her_own_token_on_her_account_page(app: TestApp) {
    app.school("school-a", "").await;
    let mut browser = app.browser("specialist").await;
    let (status, page) = browser.get("/account/tokens").await;
    assert_eq!(status, 200);
    assert!(page.contains("Токен әлі жоқ."), "{page}");
    let (status, page) = browser
        .post(
            "/account/tokens",
            &[
                ("name", "Мектеп АТС-ы"),
                ("scope", "journal:read"),
                ("expires", "90d"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{page}");
    let token = page
        .split("<code class=\"secret\">")
        .nth(1)
        .and_then(|rest| rest.split("</code>").next())
        .unwrap()
        .to_owned();
    assert!(
        page.contains("Мектеп АТС-ы") && page.contains("journal:read"),
        "listed: {page}"
    );
    let api = app.api(&token);
    assert_eq!(api.get("/api/v1/appeals").await.0, 200);
    let appeal = json!({ "channel": "phone", "anonymous": true, "summary": "Қоңырау" });
    assert_eq!(api.post("/api/v1/appeals", appeal).await.0, 403, "read only");
    let (_, page) = browser.get("/account/tokens").await;
    assert!(!page.contains(&token), "a token is shown once");
    let user = app.store.user_by_login("specialist").await.unwrap();
    let id = app.store.api_tokens_of(user.id).await.unwrap()[0].id;
    assert_eq!(
        browser.post(&format!("/account/tokens/{id}/revoke"), &[]).await.0,
        303
    );
    assert_eq!(
        api.get("/api/v1/appeals").await.0,
        401,
        "revoked, it stops at once"
    );
    // The director's positions do not register: she cannot take journal:write.
    let mut director = app.browser("director").await;
    let (status, page) = director
        .post(
            "/account/tokens",
            &[("scope", "journal:write"), ("expires", "1y")],
        )
        .await;
    assert_eq!(status, 422);
    assert!(page.contains("Лауазымыңыз рұқсат ететін"), "{page}");
}

both_backends!(
    an_account_is_checked_the_same_from_the_page_and_the_command_line,
    a_person_makes_and_revokes_her_own_token_on_her_account_page,
    a_token_does_only_what_its_scopes_say_until_it_ends_or_is_revoked,
    a_deactivated_account_stops_at_once_in_its_browser_and_its_token,
    the_administrator_gets_403_on_every_appeal_page_and_route,
    the_director_and_deputy_read_but_do_not_register,
    strangers_are_sent_to_sign_in_and_the_api_wants_a_token,
    signing_out_ends_the_session,
    every_form_needs_its_csrf_token,
    repeated_wrong_passwords_hold_the_login,
    changing_the_password_signs_out_every_other_browser,
    unreadable_requests_get_a_localised_400_page
);
