//! The JSON API: errors are JSON with a stable code, bad input is a 4xx, never a 500.

use crate::helpers::*;
use serde_json::json;

async fn registration_answers_with_id_number_year_and_time(app: TestApp) {
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    let created = api
        .register(json!({
            "channel": "voicemail",
            "received_at": "2026-01-03T21:15:00+05:00",
            "anonymous": false,
            "applicant": { "full_name": "Серікова Айгүл Маратқызы", "address": "Ақтөбе қ.", "phone": "+7 701 555 12 34" },
            "summary": "Баласы жатақханада жәбірленетінін айтады",
            "category": "peer_relationships"
        }))
        .await;
    assert!(created["id"].is_i64());
    assert_eq!(created["number"], 1);
    assert!(created["year"].as_i64().unwrap() >= 2026);
    assert!(created["registered_at"].as_str().unwrap().ends_with("+05:00"));
    let (status, appeal) = api.get(&format!("/api/v1/appeals/{}", created["id"])).await;
    assert_eq!(status, 200);
    assert_eq!(appeal["received_at"], "2026-01-03T21:15:00+05:00");
    assert_eq!(appeal["applicant"]["full_name"], "Серікова Айгүл Маратқызы");
    assert_eq!(appeal["category"], "peer_relationships");
    assert_eq!(appeal["channel"], "voicemail");
    assert_eq!(appeal["forwarded_to"], serde_json::json!([]));
    let (_, list) = api
        .get(&format!("/api/v1/appeals?year={}", created["year"]))
        .await;
    assert_eq!(list["items"][0]["id"], created["id"]);
}

async fn bad_input_is_a_4xx_with_a_stable_code(app: TestApp) {
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    let cases = [
        (
            json!({ "channel": "fax", "anonymous": true, "summary": "x" }),
            422,
            "unknown_channel",
        ),
        (
            json!({ "channel": "phone", "anonymous": true, "summary": "" }),
            422,
            "summary_required",
        ),
        (
            json!({ "channel": "phone", "anonymous": true, "summary": "x", "category": "gossip" }),
            422,
            "unknown_category",
        ),
        (
            json!({ "channel": "phone", "anonymous": true, "summary": "x", "received_at": "yesterday" }),
            422,
            "invalid_received_at",
        ),
        (
            json!({ "channel": "phone", "anonymous": true, "summary": "x", "received_at": "2999-01-01T00:00:00Z" }),
            422,
            "received_in_future",
        ),
        (
            json!({ "channel": "phone", "anonymous": false, "applicant": { "phone": "hello" }, "summary": "x" }),
            422,
            "phone_invalid",
        ),
        (
            json!({ "channel": "phone", "anonymous": true, "summary": "x".repeat(4001) }),
            422,
            "too_long",
        ),
        (json!({ "anonymous": true, "summary": "x" }), 422, "invalid_json"),
        (
            json!({ "channel": "phone", "anonymous": "yes", "summary": "x" }),
            422,
            "invalid_json",
        ),
        (
            json!({ "channel": "phone", "anonymous": true, "summary": "x", "secret_field": 1 }),
            422,
            "invalid_json",
        ),
        (
            json!({ "channel": "phone", "anonymous": true, "summary": "x", "reason": "x" }),
            422,
            "unexpected_reason",
        ),
    ];
    for (body, status, code) in cases {
        let (got, error) = api.post("/api/v1/appeals", body.clone()).await;
        assert_eq!((got, error["code"].as_str()), (status, Some(code)), "{body}");
        assert!(error["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
    let (client, base, token) = api.raw();
    let response = client
        .post(format!("{base}/api/v1/appeals"))
        .bearer_auth(token)
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    assert_eq!(
        response.json::<serde_json::Value>().await.unwrap()["code"],
        "invalid_json"
    );
    let response = client
        .post(format!("{base}/api/v1/appeals"))
        .bearer_auth(token)
        .body("channel=phone")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 415);
    assert_eq!(api.get("/api/v1/appeals?year=abc").await.0, 400);
    assert_eq!(api.get("/api/v1/appeals?year=99999").await.0, 400);
    assert_eq!(api.get("/api/v1/appeals/abc").await.0, 404);
    assert_eq!(api.get("/api/v1/appeals/424242").await.0, 404);
    assert_eq!(
        api.post("/api/v1/appeals/424242/outcome", json!({ "outcome": "x" }))
            .await
            .0,
        404
    );
    assert_eq!(api.get("/api/v1/nothing-here").await.0, 404);
    let (_, journal) = api.get("/api/v1/appeals").await;
    assert!(
        journal["items"].as_array().unwrap().is_empty(),
        "no refused request registered anything"
    );
}
both_backends!(
    registration_answers_with_id_number_year_and_time,
    bad_input_is_a_4xx_with_a_stable_code
);

#[tokio::test]
async fn the_openapi_document_describes_every_route() {
    let app = crate::helpers::spawn_app(crate::helpers::Backend::Sqlite)
        .await
        .unwrap();
    let response = reqwest::get(format!("{}/api/v1/openapi.json", app.base))
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let document: serde_json::Value = response.json().await.unwrap();
    assert_eq!(document["openapi"], "3.1.0");
    // The routes come from the router itself: its list of paths, and for each path the
    // methods it answers (the `Allow` of a 405 to a method no route has).
    let served = senim_web::api_paths();
    assert!(served.len() >= 29, "{served:?}");
    let client = reqwest::Client::new();
    for path in &served {
        let documented = &document["paths"][format!("/api/v1{path}")];
        assert!(documented.is_object(), "{path} is served but not described");
        let concrete = path
            .replace("{id}", "1")
            .replace("{school}", "school-a")
            .replace("{year}", "2025")
            .replace("{month}", "2025-01")
            .replace("{number}", "1");
        let response = client
            .patch(format!("{}/api/v1{concrete}", app.base))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 405, "{path}: no route answers PATCH");
        let allow = response.headers()["allow"].to_str().unwrap().to_lowercase();
        let allowed: Vec<&str> = allow
            .split(',')
            .map(str::trim)
            .filter(|method| *method != "head")
            .collect();
        for method in &allowed {
            assert!(
                documented[*method].is_object(),
                "{method} {path} is served but not described"
            );
        }
        for method in documented.as_object().unwrap().keys() {
            assert!(
                allowed.contains(&method.as_str()),
                "{method} {path} is described but not served"
            );
        }
    }
    for documented in document["paths"].as_object().unwrap().keys() {
        let path = documented.strip_prefix("/api/v1").unwrap();
        assert!(served.contains(&path), "{documented} is described but not served");
    }
    let channels: Vec<&str> = document["components"]["schemas"]["Channel"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    let codes: Vec<&str> = senim_domain::Channel::ALL.iter().map(|c| c.code()).collect();
    assert_eq!(channels, codes);
    let categories = document["components"]["schemas"]["Category"]["enum"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(categories, senim_domain::Category::all().len());
}
