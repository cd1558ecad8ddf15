//! Forwarding to executing organisations: column е, deadlines on the working calendar,
//! monitoring, answers, withdrawals, the directory and the telephonogram text.

use crate::helpers::*;
use chrono::DateTime;
use senim_domain::calendar::WorkingCalendar;
use senim_domain::deadline::{DeadlineRule, due_date};
use serde_json::json;

/// The deadline the law gives an appeal received at `received_at` (RFC 3339), as dd.mm.yyyy.
fn consideration_deadline(received_at: &str) -> (String, String) {
    let received = DateTime::parse_from_rfc3339(received_at).unwrap().to_utc();
    let due = due_date(
        &WorkingCalendar::embedded(),
        DeadlineRule::Consideration,
        received,
        None,
    );
    (
        due.format("%d.%m.%Y").to_string(),
        due.format("%Y-%m-%d").to_string(),
    )
}

async fn a_forwarding_fills_column_e_with_the_body_and_the_deadline(app: TestApp) {
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    let created = api
        .register(json!({ "channel": "phone", "anonymous": true, "summary": "Жатақханада ұрып-соғады" }))
        .await;
    let id = created["id"].as_i64().unwrap();
    let (_, appeal) = api.get(&format!("/api/v1/appeals/{id}")).await;
    let (due_text, due_iso) = consideration_deadline(appeal["received_at"].as_str().unwrap());
    let (_, directory) = api.get("/api/v1/directory").await;
    let police = &directory["items"][0];
    assert_eq!(
        directory["items"].as_array().unwrap().len(),
        8,
        "a new school starts with the usual bodies"
    );
    let police_id = police["id"].as_i64().unwrap().to_string();
    let mut browser = app.browser("specialist").await;
    let (status, location) = browser
        .post(
            &format!("/appeals/{id}/forwardings"),
            &[
                ("executing_organisation", &police_id),
                ("channel", "telephonogram"),
                ("rule", "consideration"),
            ],
        )
        .await;
    assert_eq!(status, 303, "{location}");
    let (_, page) = browser.get(&format!("/appeals/{id}")).await;
    assert!(page.contains(police["name_kk"].as_str().unwrap()));
    assert!(
        page.contains(&due_text),
        "the deadline {due_text} is shown: {page}"
    );
    assert!(
        page.contains("ӘРПК 76-бабы"),
        "the rule that produced it is shown"
    );
    let (_, journal) = browser.get("/journal").await;
    assert!(
        journal.contains(&format!("{} — {due_text}", police["name_kk"].as_str().unwrap())),
        "column е of the journal"
    );
    let (_, monitoring) = api.get("/api/v1/monitoring").await;
    assert_eq!(monitoring["items"][0]["due_on"], due_iso);
    assert_eq!(monitoring["items"][0]["rule"], "consideration");
    let (_, listed) = api.get("/api/v1/appeals").await;
    assert_eq!(listed["items"][0]["forwarded_to"][0]["due_on"], due_iso);
    // The telephonogram's text, ready to read out.
    let forwarding_id = monitoring["items"][0]["id"].as_i64().unwrap();
    let (status, text) = browser.get(&format!("/forwardings/{forwarding_id}/text")).await;
    assert_eq!(status, 200);
    assert!(
        text.contains("ТЕЛЕФОНОГРАММА")
            && text.contains("Жатақханада ұрып-соғады")
            && text.contains(&due_text)
    );
    let (status, _) = browser
        .post(
            &format!("/forwardings/{forwarding_id}/received"),
            &[("received_by", "Асанов Б."), ("received_at", "")],
        )
        .await;
    assert_eq!(status, 303);
    let (_, text) = browser.get(&format!("/forwardings/{forwarding_id}/text")).await;
    assert!(text.contains("Асанов Б."));
}

async fn another_deadline_needs_a_reason_kept_in_the_history(app: TestApp) {
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    let created = api
        .register(json!({ "channel": "phone", "anonymous": true, "summary": "Қоңырау" }))
        .await;
    let id = created["id"].as_i64().unwrap();
    let (_, directory) = api.get("/api/v1/directory").await;
    let organisation = directory["items"][1]["id"].as_i64().unwrap();
    let (_, appeal) = api.get(&format!("/api/v1/appeals/{id}")).await;
    let (_, due_iso) = consideration_deadline(appeal["received_at"].as_str().unwrap());
    let earlier = (chrono::NaiveDate::parse_from_str(&due_iso, "%Y-%m-%d").unwrap()
        - chrono::Duration::days(1))
    .format("%Y-%m-%d")
    .to_string();
    let body = json!({ "executing_organisation_id": organisation, "channel": "fax", "due_on": earlier });
    let (status, error) = api.post(&format!("/api/v1/appeals/{id}/forwardings"), body).await;
    assert_eq!(
        (status, error["code"].as_str()),
        (422, Some("deadline_reason_required"))
    );
    let mut browser = app.browser("specialist").await;
    let (status, page) = browser
        .post(
            &format!("/appeals/{id}/forwardings"),
            &[
                ("executing_organisation", &organisation.to_string()),
                ("channel", "fax"),
                ("rule", "consideration"),
                ("due_on", &earlier),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(page.contains("себебі көрсетілуі керек"), "{page}");
    let body = json!({ "executing_organisation_id": organisation, "channel": "fax", "due_on": earlier, "reason": "Іс шұғыл: ата-анасы келісті" });
    let (status, forwarding) = api.post(&format!("/api/v1/appeals/{id}/forwardings"), body).await;
    assert_eq!(status, 201, "{forwarding}");
    assert_eq!(forwarding["due_on"], earlier);
    let (_, page) = browser.get(&format!("/appeals/{id}")).await;
    assert!(
        page.contains("Іс шұғыл: ата-анасы келісті"),
        "the reason is in the history"
    );
    // Moving it later needs a reason too, and stays within two months of receipt.
    let forwarding_id = forwarding["id"].as_i64().unwrap();
    let (status, _) = browser
        .post(
            &format!("/forwardings/{forwarding_id}/deadline"),
            &[("due_on", "2999-01-01"), ("reason", "x")],
        )
        .await;
    assert_eq!(status, 422);
    let (status, _) = browser
        .post(
            &format!("/forwardings/{forwarding_id}/deadline"),
            &[("due_on", &due_iso), ("reason", "")],
        )
        .await;
    assert_eq!(status, 422);
    let (status, _) = browser
        .post(
            &format!("/forwardings/{forwarding_id}/deadline"),
            &[("due_on", &due_iso), ("reason", "Ұйым қосымша уақыт сұрады")],
        )
        .await;
    assert_eq!(status, 303);
    let (_, forwardings) = api.get(&format!("/api/v1/appeals/{id}/forwardings")).await;
    assert_eq!(forwardings["items"][0]["due_on"], due_iso);
    assert_eq!(forwardings["items"][0]["rule"], "consideration");
    let later = (chrono::NaiveDate::parse_from_str(&due_iso, "%Y-%m-%d").unwrap()
        + chrono::Duration::days(7))
    .format("%Y-%m-%d")
    .to_string();
    let (status, _) = browser
        .post(
            &format!("/forwardings/{forwarding_id}/deadline"),
            &[("due_on", &later), ("reason", "Директордың шешімі")],
        )
        .await;
    assert_eq!(status, 303);
    let (_, forwardings) = api.get(&format!("/api/v1/appeals/{id}/forwardings")).await;
    assert_eq!(
        forwardings["items"][0]["rule"], "extension_limit",
        "a later deadline is an extension"
    );
    // An extension to the two-month limit is the head's reasoned decision.
    let body =
        json!({ "executing_organisation_id": organisation, "channel": "fax", "rule": "extension_limit" });
    let (status, error) = api.post(&format!("/api/v1/appeals/{id}/forwardings"), body).await;
    assert_eq!(
        (status, error["code"].as_str()),
        (422, Some("deadline_reason_required"))
    );
    let body = json!({ "executing_organisation_id": organisation, "channel": "fax", "rule": "extension_limit", "reason": "Директордың шешімі" });
    let (status, extended) = api.post(&format!("/api/v1/appeals/{id}/forwardings"), body).await;
    assert_eq!(status, 201);
    assert_eq!(extended["rule"], "extension_limit");
}

async fn an_old_forwarding_without_answer_is_overdue(app: TestApp) {
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    let created = api
        .register(json!({ "channel": "box_letter", "anonymous": true, "received_at": "2026-09-01T10:00:00+05:00", "summary": "Хат" }))
        .await;
    let id = created["id"].as_i64().unwrap();
    let (_, directory) = api.get("/api/v1/directory").await;
    let organisation = directory["items"][2]["id"].as_i64().unwrap();
    let (status, forwarding) = api
        .post(
            &format!("/api/v1/appeals/{id}/forwardings"),
            json!({ "executing_organisation_id": organisation, "channel": "telephonogram" }),
        )
        .await;
    assert_eq!(status, 201);
    assert_eq!(
        forwarding["due_on"], "2026-09-22",
        "15 working days after Tuesday 1 September 2026"
    );
    assert_eq!(forwarding["status"], "overdue");
    let mut browser = app.browser("deputy").await;
    let (_, monitoring) = browser.get("/monitoring").await;
    assert!(monitoring.contains("мерзімі өткен (1)"), "{monitoring}");
    let (_, journal) = browser.get("/journal").await;
    assert!(journal.contains("overdue"), "the journal marks the overdue row");
    // The answer closes it and becomes the outcome (column f).
    let forwarding_id = forwarding["id"].as_i64().unwrap();
    let (status, answered) = api
        .post(
            &format!("/api/v1/forwardings/{forwarding_id}/answer"),
            json!({ "answer": "Отбасымен жұмыс жүргізілді" }),
        )
        .await;
    assert_eq!(status, 200, "{answered}");
    assert_eq!(answered["status"], "answered");
    let (_, appeal) = api.get(&format!("/api/v1/appeals/{id}")).await;
    assert_eq!(appeal["outcome"], "Отбасымен жұмыс жүргізілді");
    let (status, error) = api
        .post(
            &format!("/api/v1/forwardings/{forwarding_id}/answer"),
            json!({ "answer": "Тағы" }),
        )
        .await;
    assert_eq!((status, error["code"].as_str()), (409, Some("forwarding_closed")));
    let (_, monitoring) = api.get("/api/v1/monitoring").await;
    assert!(monitoring["items"].as_array().unwrap().is_empty());
    assert_eq!(
        app.senim(&["verify"]).status.code(),
        Some(0),
        "the answer joined the outcome chain"
    );
}

async fn a_wrong_forwarding_is_withdrawn_with_a_reason_never_deleted(app: TestApp) {
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    let created = api
        .register(json!({ "channel": "phone", "anonymous": true, "summary": "Қоңырау" }))
        .await;
    let id = created["id"].as_i64().unwrap();
    let (_, directory) = api.get("/api/v1/directory").await;
    let organisation = directory["items"][5]["id"].as_i64().unwrap();
    let (_, forwarding) = api
        .post(
            &format!("/api/v1/appeals/{id}/forwardings"),
            json!({ "executing_organisation_id": organisation, "channel": "fax" }),
        )
        .await;
    let forwarding_id = forwarding["id"].as_i64().unwrap();
    let mut browser = app.browser("social").await;
    let (status, _) = browser
        .post(
            &format!("/forwardings/{forwarding_id}/withdraw"),
            &[("reason", " ")],
        )
        .await;
    assert_eq!(status, 422);
    let (status, _) = browser
        .post(
            &format!("/forwardings/{forwarding_id}/withdraw"),
            &[("reason", "Қате органға жіберілді")],
        )
        .await;
    assert_eq!(status, 303);
    let (_, forwardings) = api.get(&format!("/api/v1/appeals/{id}/forwardings")).await;
    assert_eq!(forwardings["items"][0]["status"], "withdrawn");
    assert_eq!(
        forwardings["items"][0]["withdrawn"]["reason"],
        "Қате органға жіберілді"
    );
    let (client, base, token) = api.raw();
    let deleted = client
        .delete(format!("{base}/api/v1/forwardings/{forwarding_id}"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert!(deleted.status() == 404 || deleted.status() == 405);
}

async fn e_mail_forwarding_needs_the_organisations_address(app: TestApp) {
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    let created = api
        .register(json!({ "channel": "phone", "anonymous": true, "summary": "Қоңырау" }))
        .await;
    let id = created["id"].as_i64().unwrap();
    let (_, directory) = api.get("/api/v1/directory").await;
    let entry = &directory["items"][3];
    let organisation = entry["id"].as_i64().unwrap();
    let body = json!({ "executing_organisation_id": organisation, "channel": "email" });
    let (status, error) = api
        .post(&format!("/api/v1/appeals/{id}/forwardings"), body.clone())
        .await;
    assert_eq!((status, error["code"].as_str()), (422, Some("no_email_address")));
    let mut browser = app.browser("specialist").await;
    browser.get("/directory").await;
    let name_kk = entry["name_kk"].as_str().unwrap();
    let (status, _) = browser
        .post(
            &format!("/directory/{organisation}"),
            &[("name_kk", name_kk), ("email", "not an address")],
        )
        .await;
    assert_eq!(status, 422);
    let (status, _) = browser
        .post(
            &format!("/directory/{organisation}"),
            &[("name_kk", name_kk), ("email", "bilim@aqtobe.gov.kz")],
        )
        .await;
    assert_eq!(status, 303);
    let (status, forwarding) = api.post(&format!("/api/v1/appeals/{id}/forwardings"), body).await;
    assert_eq!(status, 201);
    // No SMTP server is configured here: the letter waits, no attempt counted.
    assert_eq!(app.send_due().await, senim_app::outbox::Sent::default());
    let (_, forwardings) = api.get(&format!("/api/v1/appeals/{id}/forwardings")).await;
    assert_eq!(forwardings["items"][0]["delivery"]["state"], "pending");
    assert_eq!(forwardings["items"][0]["delivery"]["attempts"], 0);
    // Withdrawn before it went out, it never goes out.
    let forwarding_id = forwarding["id"].as_i64().unwrap();
    let (status, _) = browser
        .post(
            &format!("/forwardings/{forwarding_id}/withdraw"),
            &[("reason", "Қате")],
        )
        .await;
    assert_eq!(status, 303);
    let (_, forwardings) = api.get(&format!("/api/v1/appeals/{id}/forwardings")).await;
    assert_eq!(forwardings["items"][0]["delivery"]["state"], "cancelled");
    let (status, _) = browser
        .post(
            "/directory",
            &[
                ("name_kk", "Жасөспірімдерді бейімдеу орталығы"),
                ("name_ru", "Центр адаптации несовершеннолетних"),
            ],
        )
        .await;
    assert_eq!(status, 303);
    let (_, directory) = api.get("/api/v1/directory").await;
    assert_eq!(directory["items"].as_array().unwrap().len(), 9);
}

async fn forwarding_follows_roles_and_schools(app: TestApp) {
    app.school("school-a", "a.").await;
    app.school("school-b", "b.").await;
    let a = app.api(&app.token("a.specialist").await);
    let b = app.api(&app.token("b.specialist").await);
    let created = a
        .register(json!({ "channel": "phone", "anonymous": true, "summary": "Қоңырау" }))
        .await;
    let id = created["id"].as_i64().unwrap();
    let (_, directory_a) = a.get("/api/v1/directory").await;
    let (_, directory_b) = b.get("/api/v1/directory").await;
    let organisation_a = directory_a["items"][0]["id"].as_i64().unwrap();
    let organisation_b = directory_b["items"][0]["id"].as_i64().unwrap();
    // Another school's organisation is not in this school's directory.
    let (status, error) = a
        .post(
            &format!("/api/v1/appeals/{id}/forwardings"),
            json!({ "executing_organisation_id": organisation_b, "channel": "fax" }),
        )
        .await;
    assert_eq!(
        (status, error["code"].as_str()),
        (422, Some("unknown_executing_organisation"))
    );
    let (status, forwarding) = a
        .post(
            &format!("/api/v1/appeals/{id}/forwardings"),
            json!({ "executing_organisation_id": organisation_a, "channel": "fax" }),
        )
        .await;
    assert_eq!(status, 201);
    let forwarding_id = forwarding["id"].as_i64().unwrap();
    assert_eq!(
        b.post(
            &format!("/api/v1/forwardings/{forwarding_id}/answer"),
            json!({ "answer": "x" })
        )
        .await
        .0,
        404
    );
    assert_eq!(b.get(&format!("/api/v1/appeals/{id}/forwardings")).await.0, 404);
    let director = app.api(&app.token("a.director").await);
    assert_eq!(director.get("/api/v1/monitoring").await.0, 200);
    let (status, _) = director
        .post(
            &format!("/api/v1/appeals/{id}/forwardings"),
            json!({ "executing_organisation_id": organisation_a, "channel": "fax" }),
        )
        .await;
    assert_eq!(status, 403);
    let mut director_browser = app.browser("a.director").await;
    assert_eq!(
        director_browser
            .post(
                &format!("/forwardings/{forwarding_id}/withdraw"),
                &[("reason", "x")]
            )
            .await
            .0,
        403
    );
    let mut admin = app.browser("a.admin").await;
    assert_eq!(admin.get("/monitoring").await.0, 403);
    assert_eq!(admin.get("/directory").await.0, 403);
    assert_eq!(
        admin.get(&format!("/forwardings/{forwarding_id}/text")).await.0,
        403
    );
}
both_backends!(
    a_forwarding_fills_column_e_with_the_body_and_the_deadline,
    another_deadline_needs_a_reason_kept_in_the_history,
    an_old_forwarding_without_answer_is_overdue,
    a_wrong_forwarding_is_withdrawn_with_a_reason_never_deleted,
    e_mail_forwarding_needs_the_organisations_address,
    forwarding_follows_roles_and_schools
);
