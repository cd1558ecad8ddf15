//! Kazakh first, Russian and English complete; the choice is kept per user.

use crate::helpers::*;
use serde_json::json;

/// Latin-script words of a text; web addresses (the online box's, shown to be copied) are
/// addresses, not words.
fn latin_words(text: &str) -> Vec<String> {
    let text: String = text
        .split_whitespace()
        .filter(|word| !word.contains("://"))
        .collect::<Vec<_>>()
        .join(" ");
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|word| word.len() >= 2)
        .map(str::to_owned)
        .collect()
}

async fn kazakh_pages_have_no_latin_script_words(app: TestApp) {
    // Wednesday 2 December 2026: the extension below is decided in time.
    app.state.app.clock.set(
        senim_domain::time::from_local(
            chrono::NaiveDate::from_ymd_opt(2026, 12, 2)
                .unwrap()
                .and_hms_opt(10, 0, 0)
                .unwrap(),
        )
        .unwrap(),
    );
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    let created = api.register(json!({ "channel": "phone", "anonymous": false, "applicant": { "full_name": "Серікова Айгүл", "phone": "+7 701 555 12 34" }, "summary": "Сыныптасым мені ұрады" })).await;
    let id = created["id"].as_i64().unwrap();
    api.post(
        &format!("/api/v1/appeals/{id}/outcome"),
        json!({ "outcome": "Әңгіме өтті" }),
    )
    .await;
    let mut stranger = crate::helpers::Browser::new(&app.base);
    let (_, login_page) = stranger.get("/login").await;
    let mut browser = app.browser("specialist").await;
    let mut pages = vec![("/login".to_owned(), login_page)];
    let (_, opening) = api
        .post(
            "/api/v1/openings",
            json!({ "members": ["deputy", "psychologist"], "letters": 1 }),
        )
        .await;
    let opening = format!("/openings/{}", opening["id"]);
    // An open appeal, extended: its section offers every form and shows every line.
    let open = api.register(json!({ "channel": "phone", "anonymous": false, "applicant": { "full_name": "Серікова Айгүл" }, "summary": "Кесте туралы", "received_at": "2026-11-20T10:00:00+05:00" })).await;
    let open = open["id"].as_i64().unwrap();
    let (status, extended) = api
        .post(
            &format!("/api/v1/appeals/{open}/extensions"),
            json!({ "due_on": "2026-12-30", "reason": "Тексеру созылады" }),
        )
        .await;
    assert_eq!(status, 201, "{extended}");
    let (status, _) = api
        .post(&format!("/api/v1/appeals/{open}/outside-competence"), json!({}))
        .await;
    assert_eq!(status, 200);
    let (status, _) = api
        .post(
            "/api/v1/phone/calls",
            json!({ "started_at": "2026-12-01T10:00:00+05:00", "duration_seconds": 20, "contact_type": "silent" }),
        )
        .await;
    assert_eq!(status, 201);
    // A voicemail waits in the inbox, its forms shown.
    let mut wav = b"RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00\x40\x1f\x00\x00\x80\x3e\x00\x00\x02\x00\x10\x00data".to_vec();
    wav.extend_from_slice(&16_000u32.to_le_bytes());
    wav.resize(wav.len() + 16_000, 0);
    let specialist_user = app.store.user_by_login("specialist").await.unwrap();
    let voicemail = senim_domain::inbox::Voicemail::new(
        "pbx-1",
        app.state.app.now() - chrono::Duration::hours(20),
        1,
        "out_of_hours",
        Some("+7 701 000 00 00"),
        app.state.app.now(),
    )
    .unwrap();
    app.state
        .app
        .receive_voicemail(&specialist_user, &voicemail, &wav)
        .await
        .unwrap();
    for path in [
        "/phone",
        "/phone/call",
        "/inbox",
        "/lexicon",
        "/today",
        "/monitoring",
        &format!("/appeals/{open}"),
        &format!("/appeals/{open}/extension-notice"),
        "/journal",
        "/appeals/new",
        &format!("/appeals/{id}"),
        &format!("/appeals/{id}/correct"),
        "/account/password",
        "/account/sign-ins",
        "/journal?q=жоқ-мәтін",
        "/appeals/999999",
        "/trust-box",
        "/openings/new",
        &opening,
    ] {
        pages.push((path.to_owned(), browser.get(path).await.1));
    }
    pages.push((
        "the registration of a call".to_owned(),
        browser
            .post(
                "/phone/calls",
                &[
                    ("started_at", ""),
                    ("duration_minutes", "2"),
                    ("contact_type", "about_a_child"),
                ],
            )
            .await
            .1,
    ));
    pages.push((
        "refused form".to_owned(),
        browser
            .post("/appeals", &[("channel", "phone"), ("summary", "")])
            .await
            .1,
    ));
    let mut student = crate::helpers::Browser::new(&app.base);
    pages.push(("/box/school-a".to_owned(), student.get("/box/school-a").await.1));
    pages.push((
        "/box/school-a/followup".to_owned(),
        student.get("/box/school-a/followup").await.1,
    ));
    let mut admin = app.browser("admin").await;
    pages.push((
        "/admin/users".to_owned(),
        admin
            .get("/admin/users")
            .await
            .1
            .replace("<code>admin</code>", "")
            .replace("<code>specialist</code>", "")
            .replace("<code>psychologist</code>", "")
            .replace("<code>social</code>", "")
            .replace("<code>deputy</code>", "")
            .replace("<code>director</code>", ""),
    ));
    let specialist = app.store.user_by_login("specialist").await.unwrap().id.0;
    for path in ["/staff".to_owned(), format!("/staff/{specialist}")] {
        let page = admin.get(&path).await.1;
        let page = [
            "admin",
            "specialist",
            "psychologist",
            "social",
            "deputy",
            "director",
        ]
        .iter()
        .fold(page, |page, login| {
            page.replace(&format!("<code>{login}</code>"), "")
        })
        .replace("specialist@school.test", "");
        pages.push((path, page));
    }
    for (path, page) in pages {
        assert!(page.contains("lang=\"kk\""), "{path}");
        let words = latin_words(&crate::helpers::visible_text(&page, "kk"));
        assert!(words.is_empty(), "{path} shows Latin-script words {words:?}");
    }
}

async fn the_language_choice_is_kept_on_the_account(app: TestApp) {
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    api.register(json!({ "channel": "phone", "anonymous": true, "summary": "Қоңырау" }))
        .await;
    let mut browser = app.browser("director").await;
    let (_, page) = browser.get("/journal").await;
    assert!(page.contains("Өтініштерді тіркеу журналы"));
    let (status, location) = browser
        .post("/language", &[("lang", "ru"), ("back", "/journal")])
        .await;
    assert_eq!(status, 303);
    assert_eq!(location, "/journal");
    let (_, page) = browser.get("/journal").await;
    assert!(page.contains("Журнал регистрации обращений"), "{page}");
    assert!(page.contains("Порядковый номер") && page.contains("Результат рассмотрения"));
    // Signing in again from another browser keeps Russian: it is the account's choice.
    let mut elsewhere = app.browser("director").await;
    let (_, page) = elsewhere.get("/journal").await;
    assert!(page.contains("lang=\"ru\""));
    elsewhere
        .post("/language", &[("lang", "en"), ("back", "/journal")])
        .await;
    let (_, page) = elsewhere.get("/journal").await;
    assert!(page.contains("Registration journal of appeals"));
    assert!(page.contains("Short summary"));
    // An address elsewhere is never a place to return to.
    let (_, location) = elsewhere
        .post("/language", &[("lang", "kk"), ("back", "//evil.example/")])
        .await;
    assert_eq!(location, "/");
}

async fn before_sign_in_the_language_is_kept_in_a_cookie(app: TestApp) {
    let mut stranger = crate::helpers::Browser::new(&app.base);
    stranger.get("/login").await;
    let (status, _) = stranger
        .post("/language", &[("lang", "ru"), ("back", "/login")])
        .await;
    assert_eq!(status, 303);
    let (_, page) = stranger.get("/login").await;
    assert!(page.contains("Вход в систему"), "{page}");
}
both_backends!(
    kazakh_pages_have_no_latin_script_words,
    the_language_choice_is_kept_on_the_account,
    before_sign_in_the_language_is_kept_in_a_cookie
);
