//! E-mail through a real SMTP server on loopback: forwarding letters, their retries while
//! the server is down, and the daily digest.

use chrono::TimeZone;

use crate::helpers::*;
use serde_json::json;

/// Registers a named appeal and gives the first directory entry an e-mail address.
async fn appeal_and_addressed_organisation(app: &TestApp, received_at: Option<&str>) -> (i64, i64) {
    let api = app.api(&app.token("specialist").await);
    let mut body = json!({
        "channel": "phone",
        "anonymous": false,
        "applicant": { "full_name": "Серікова Айгүл", "phone": "+7 701 555 12 34" },
        "summary": "Баласының жатақханадағы бөлмесін ауыстыруды сұрайды",
    });
    if let Some(received_at) = received_at {
        body["received_at"] = json!(received_at);
    }
    let created = api.register(body).await;
    let (_, directory) = api.get("/api/v1/directory").await;
    let entry = &directory["items"][0];
    let organisation = entry["id"].as_i64().unwrap();
    let mut browser = app.browser("specialist").await;
    let name_kk = entry["name_kk"].as_str().unwrap().to_owned();
    let (status, _) = browser
        .post(
            &format!("/directory/{organisation}"),
            &[("name_kk", &name_kk), ("email", "pdn@police.test")],
        )
        .await;
    assert_eq!(status, 303);
    (created["id"].as_i64().unwrap(), organisation)
}

fn letters_to<'a>(messages: &'a [Mail], address: &str) -> Vec<&'a Mail> {
    messages.iter().filter(|mail| mail.to.contains(address)).collect()
}

async fn the_forwarding_letter_arrives_with_the_summary_and_only_asked_for_details(
    app: TestApp,
    smtp: SmtpServer,
) {
    app.school("school-a", "").await;
    let (appeal, organisation) = appeal_and_addressed_organisation(&app, None).await;
    let api = app.api(&app.token("specialist").await);
    let (status, forwarding) = api
        .post(
            &format!("/api/v1/appeals/{appeal}/forwardings"),
            json!({ "executing_organisation_id": organisation, "channel": "email" }),
        )
        .await;
    assert_eq!(status, 201, "{forwarding}");
    let due = chrono::NaiveDate::parse_from_str(forwarding["due_on"].as_str().unwrap(), "%Y-%m-%d").unwrap();
    assert_eq!(app.send_due().await.letters, 1);
    let messages = smtp.received(1);
    let letters = letters_to(&messages, "pdn@police.test");
    assert_eq!(letters.len(), 1, "{messages:?}");
    let letter = letters[0];
    assert!(letter.subject.contains("№ 1 өтініш"), "{}", letter.subject);
    assert!(
        letter
            .body
            .contains("Баласының жатақханадағы бөлмесін ауыстыруды сұрайды"),
        "{}",
        letter.body
    );
    assert!(letter.body.contains(&due.format("%d.%m.%Y").to_string()));
    assert!(
        !letter.body.contains("Серікова") && !letter.body.contains("555 12 34"),
        "no applicant details unless asked"
    );
    // Asked for, in Russian.
    let (status, _) = api
        .post(
            &format!("/api/v1/appeals/{appeal}/forwardings"),
            json!({ "executing_organisation_id": organisation, "channel": "email", "include_applicant": true, "letter_language": "ru" }),
        )
        .await;
    assert_eq!(status, 201);
    assert_eq!(app.send_due().await.letters, 1);
    let messages = smtp.received(2);
    let letters = letters_to(&messages, "pdn@police.test");
    let russian = letters
        .iter()
        .find(|mail| mail.body.contains("Заявитель"))
        .expect("the second letter");
    assert!(russian.body.contains("Серікова Айгүл") && russian.body.contains("+7 701 555 12 34"));
    assert!(russian.subject.contains("направлено на рассмотрение"));
    let (_, forwardings) = api.get(&format!("/api/v1/appeals/{appeal}/forwardings")).await;
    assert_eq!(forwardings["items"][0]["delivery"]["state"], "sent");
}

async fn a_letter_waits_while_the_server_is_down_and_goes_out_when_it_is_back(
    app: TestApp,
    mut smtp: SmtpServer,
) {
    app.school("school-a", "").await;
    let (appeal, organisation) = appeal_and_addressed_organisation(&app, None).await;
    smtp.pause();
    let api = app.api(&app.token("specialist").await);
    let (status, forwarding) = api
        .post(
            &format!("/api/v1/appeals/{appeal}/forwardings"),
            json!({ "executing_organisation_id": organisation, "channel": "email" }),
        )
        .await;
    assert_eq!(status, 201);
    assert_eq!(forwarding["delivery"]["state"], "pending");
    let now = app.state.app.now();
    assert_eq!(app.send_due_at(now).await.letters, 0, "the server is down");
    let (_, forwardings) = api.get(&format!("/api/v1/appeals/{appeal}/forwardings")).await;
    let delivery = &forwardings["items"][0]["delivery"];
    assert_eq!(delivery["state"], "retrying", "{delivery}");
    assert_eq!(delivery["error"], "connection", "{delivery}");
    let mut browser = app.browser("specialist").await;
    let (_, page) = browser.get(&format!("/appeals/{appeal}")).await;
    assert!(
        page.contains("пошта серверіне қосылу мүмкін болмады"),
        "the failure is shown on the forwarding"
    );
    smtp.resume();
    assert_eq!(
        app.send_due_at(now + chrono::Duration::seconds(30)).await.letters,
        0,
        "not before its wait is over"
    );
    assert_eq!(
        app.send_due_at(now + chrono::Duration::seconds(61)).await.letters,
        1,
        "the server is back"
    );
    let messages = smtp.received(1);
    assert_eq!(letters_to(&messages, "pdn@police.test").len(), 1);
    let (_, forwardings) = api.get(&format!("/api/v1/appeals/{appeal}/forwardings")).await;
    assert_eq!(forwardings["items"][0]["delivery"]["state"], "sent");
    assert_eq!(forwardings["items"][0]["delivery"]["attempts"], 2);
}

async fn the_morning_digest_lists_numbers_and_deadlines_only(app: TestApp, smtp: SmtpServer) {
    app.school("school-a", "").await;
    let (appeal, organisation) =
        appeal_and_addressed_organisation(&app, Some("2026-09-01T10:00:00+05:00")).await;
    let api = app.api(&app.token("specialist").await);
    let (status, _) = api
        .post(
            &format!("/api/v1/appeals/{appeal}/forwardings"),
            json!({ "executing_organisation_id": organisation, "channel": "telephonogram" }),
        )
        .await;
    assert_eq!(status, 201);
    let almaty = |y, m, d, h, min| {
        senim_domain::time::from_local(
            chrono::NaiveDate::from_ymd_opt(y, m, d)
                .unwrap()
                .and_hms_opt(h, min, 0)
                .unwrap(),
        )
        .unwrap()
    };
    let saturday = almaty(2026, 11, 28, 10, 0);
    let before_nine = almaty(2026, 11, 30, 8, 59);
    let monday = almaty(2026, 11, 30, 9, 5);
    assert_eq!(
        senim_app::outbox::send_digests(&app.state.app, saturday)
            .await
            .unwrap(),
        0,
        "not on a day off"
    );
    assert_eq!(
        senim_app::outbox::send_digests(&app.state.app, before_nine)
            .await
            .unwrap(),
        0,
        "not before 9:00"
    );
    assert_eq!(
        senim_app::outbox::send_digests(&app.state.app, monday)
            .await
            .unwrap(),
        3,
        "the specialist responsible for it, and the two heads who see what is overdue"
    );
    assert_eq!(
        senim_app::outbox::send_digests(&app.state.app, monday + chrono::Duration::hours(2))
            .await
            .unwrap(),
        0,
        "once a day"
    );
    let messages = smtp.received(3);
    let mut digests = letters_to(&messages, "specialist@school.test");
    assert!(!digests.is_empty());
    digests.extend(letters_to(&messages, "director@school.test"));
    digests.extend(letters_to(&messages, "deputy@school.test"));
    assert_eq!(digests.len(), 3, "{messages:?}");
    for digest in &digests {
        assert!(
            digest.body.contains("№ 1") && digest.body.contains("22.09.2026"),
            "{}",
            digest.body
        );
        assert!(digest.subject.contains("мерзімі өткен 1"), "{}", digest.subject);
        for secret in ["Баласын", "Серікова", "555 12 34"] {
            assert!(
                !digest.body.contains(secret) && !digest.subject.contains(secret),
                "the digest shows {secret}"
            );
        }
    }
    assert!(
        letters_to(&messages, "psychologist@school.test").is_empty(),
        "nothing of the psychologist's is due"
    );
    let _ = chrono::Utc.timestamp_opt(0, 0);
}

async fn an_urgent_appeal_alerts_registering_staff_by_number_only(app: TestApp, smtp: SmtpServer) {
    // A Saturday: alerts go at once, whatever the day; the morning digest only on working days.
    app.state.app.clock.set(
        senim_domain::time::from_local(
            chrono::NaiveDate::from_ymd_opt(2026, 11, 28)
                .unwrap()
                .and_hms_opt(10, 0, 0)
                .unwrap(),
        )
        .unwrap(),
    );
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    api.register(json!({ "channel": "phone", "anonymous": true, "summary": "Асханада тамақ суық" }))
        .await;
    api.register(json!({ "channel": "online_box", "anonymous": true, "summary": "Мен өлгім келеді, ешкімге айтпаңыз" })).await;
    assert_eq!(app.send_due().await.alerts, 3);
    let messages = smtp.received(3);
    for login in ["specialist", "psychologist", "social"] {
        let alerts = letters_to(&messages, &format!("{login}@school.test"));
        assert_eq!(alerts.len(), 1, "{login}: {messages:?}");
        assert!(alerts[0].subject.contains("№ 2"), "{}", alerts[0].subject);
        assert!(
            !alerts[0].body.contains("өлгім") && !alerts[0].subject.contains("өлгім"),
            "never the text"
        );
    }
    for login in ["deputy", "director", "admin"] {
        assert!(
            letters_to(&messages, &format!("{login}@school.test")).is_empty(),
            "{login} gets no alert"
        );
    }
    assert_eq!(
        messages
            .iter()
            .filter(|mail| mail.subject.contains("№ 1"))
            .count(),
        0,
        "the everyday appeal alerts nobody"
    );
}
async fn an_urgent_letter_alerts_at_once_while_it_waits_to_be_registered(app: TestApp, smtp: SmtpServer) {
    // Sunday night: nobody is at work, the letter waits in the inbox, and the staff who
    // register appeals are told at once, without a word of it.
    app.state.app.clock.set(almaty(2026, 11, 29, 23, 10));
    app.school("school-a", "").await;
    let anyone = app.api("");
    let (status, _) = anyone
        .post(
            "/api/v1/box/school-a/submissions",
            json!({ "text": "Өзіме қол салғым келеді, бүгін түнде" }),
        )
        .await;
    assert_eq!(status, 201);
    let (status, _) = anyone
        .post(
            "/api/v1/box/school-a/submissions",
            json!({ "text": "Кітапханада кітап аз" }),
        )
        .await;
    assert_eq!(status, 201);
    assert_eq!(
        app.send_due().await.alerts,
        3,
        "one per registering member of staff"
    );
    let messages = smtp.received(3);
    for login in ["specialist", "psychologist", "social"] {
        let alerts = letters_to(&messages, &format!("{login}@school.test"));
        assert_eq!(alerts.len(), 1, "{login}: {messages:?}");
        assert!(alerts[0].subject.contains("шұғыл хабар"), "{}", alerts[0].subject);
        assert!(
            !alerts[0].body.contains("қол салғым") && !alerts[0].subject.contains("қол салғым"),
            "never the text"
        );
    }
    assert_eq!(app.send_due().await.alerts, 0, "sent once");
    let api = app.api(&app.token("specialist").await);
    let (_, inbox) = api.get("/api/v1/inbox").await;
    assert_eq!(
        inbox["items"][0]["urgent"], true,
        "the urgent letter first: {inbox}"
    );
    assert_eq!(inbox["items"][1]["urgent"], false);
}

async fn the_schools_heads_are_asked_to_confirm_a_new_reader_by_login_only(app: TestApp, smtp: SmtpServer) {
    app.school("school-a", "").await;
    let mut admin = app.browser("admin").await;
    let (status, page) = admin
        .post(
            "/admin/users",
            &[
                ("login", "new.reader"),
                ("full_name", "Жаңа Оқырман"),
                ("position", "social_pedagogue"),
                ("locale", "kk"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(
        app.send_due().await.confirmation_requests,
        2,
        "the director and the deputy"
    );
    assert_eq!(
        app.send_due().await.confirmation_requests,
        0,
        "each account is announced once"
    );
    let messages = smtp.received(2);
    for login in ["director", "deputy"] {
        let requests = letters_to(&messages, &format!("{login}@school.test"));
        assert_eq!(requests.len(), 1, "{login}: {messages:?}");
        assert!(requests[0].body.contains("new.reader"), "{}", requests[0].body);
        assert!(
            !requests[0].body.contains("Жаңа Оқырман"),
            "the login and positions, not the name"
        );
    }
    for login in ["admin", "specialist", "psychologist", "social"] {
        assert!(
            letters_to(&messages, &format!("{login}@school.test")).is_empty(),
            "{login}"
        );
    }
}

async fn a_queued_letter_goes_where_it_was_written_for_and_the_change_is_kept(
    app: TestApp,
    smtp: SmtpServer,
) {
    app.school("school-a", "").await;
    let (appeal, organisation) = appeal_and_addressed_organisation(&app, None).await;
    let api = app.api(&app.token("specialist").await);
    let (status, _) = api
        .post(
            &format!("/api/v1/appeals/{appeal}/forwardings"),
            json!({ "executing_organisation_id": organisation, "channel": "email" }),
        )
        .await;
    assert_eq!(status, 201);
    // Before the outbox runs, someone points the entry at another address.
    let (_, directory) = api.get("/api/v1/directory").await;
    let name_kk = directory["items"][0]["name_kk"].as_str().unwrap().to_owned();
    let mut psychologist = app.browser("psychologist").await;
    let (status, _) = psychologist
        .post(
            &format!("/directory/{organisation}"),
            &[("name_kk", &name_kk), ("email", "someone@elsewhere.test")],
        )
        .await;
    assert_eq!(status, 303);
    assert_eq!(app.send_due().await.letters, 1);
    let messages = smtp.received(1);
    assert_eq!(letters_to(&messages, "pdn@police.test").len(), 1, "{messages:?}");
    assert!(letters_to(&messages, "someone@elsewhere.test").is_empty());
    // The change is in the entry's history with who made it, and in the audit.
    let (_, page) = psychologist.get("/directory").await;
    assert!(
        page.contains("Электрондық пошта мекенжайының өзгерістері")
            && page.contains("pdn@police.test → someone@elsewhere.test")
            && page.contains("Тестов Тест"),
        "{page}"
    );
    let (_, trail) = app.api(&app.token("director").await).get("/api/v1/audit").await;
    assert!(
        trail["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|event| event["action"] == "settings_changed" && event["login"] == "psychologist"),
        "{trail}"
    );
    // A letter written now goes to the new address.
    api.post(
        &format!("/api/v1/appeals/{appeal}/forwardings"),
        json!({ "executing_organisation_id": organisation, "channel": "email" }),
    )
    .await;
    assert_eq!(app.send_due().await.letters, 1);
    let messages = smtp.received(2);
    assert_eq!(
        letters_to(&messages, "someone@elsewhere.test").len(),
        1,
        "{messages:?}"
    );
}

both_backends_with_smtp!(
    a_queued_letter_goes_where_it_was_written_for_and_the_change_is_kept,
    the_forwarding_letter_arrives_with_the_summary_and_only_asked_for_details,
    a_letter_waits_while_the_server_is_down_and_goes_out_when_it_is_back,
    the_morning_digest_lists_numbers_and_deadlines_only,
    an_urgent_appeal_alerts_registering_staff_by_number_only,
    an_urgent_letter_alerts_at_once_while_it_waits_to_be_registered,
    the_schools_heads_are_asked_to_confirm_a_new_reader_by_login_only
);
