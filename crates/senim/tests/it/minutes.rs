//! Minutes of the commission: numbered per year, attendees checked, the agenda sealed.

use crate::helpers::*;
use serde_json::json;

fn minutes(held_on: &str, speaker: &str) -> serde_json::Value {
    json!({
        "held_on": held_on,
        "attendees": ["deputy", "social"],
        "items": [{
            "topic": "Сенім жәшігіне түскен хаттарды талқылау.",
            "heard": [{ "speaker": speaker, "said": "Жәшікке еш қандай хат түспегенін айтты." }],
            "resolved": "Сенім жәшігі айына екі рет ашылып, хаттар бойынша жұмыстар атқарылсын.",
        }],
        "chair": "deputy",
        "secretary": "social",
    })
}

async fn minutes_numbering_restarts_with_the_year_and_speakers_must_attend(app: TestApp) {
    app.school("school-a", "").await;
    app.school("school-b", "b-").await;
    let api = app.api(&app.token("social").await);
    let (status, first) = api.post("/api/v1/minutes", minutes("2025-12-20", "deputy")).await;
    assert_eq!(status, 201, "{first}");
    assert_eq!(
        (first["year"].as_i64(), first["number"].as_i64()),
        (Some(2025), Some(1))
    );
    assert_eq!(first["chair"], "Тестов Тест");
    assert_eq!(
        first["items"][0]["heard"][0]["said"],
        "Жәшікке еш қандай хат түспегенін айтты."
    );
    let (_, january) = api.post("/api/v1/minutes", minutes("2026-01-10", "social")).await;
    assert_eq!(
        (january["year"].as_i64(), january["number"].as_i64()),
        (Some(2026), Some(1)),
        "a new year starts at No. 1"
    );
    let (_, february) = api.post("/api/v1/minutes", minutes("2026-02-14", "deputy")).await;
    assert_eq!(february["number"], 2);
    // A speaker who did not attend, a chair from another school, an empty resolution.
    let (status, refused) = api
        .post("/api/v1/minutes", minutes("2026-02-20", "psychologist"))
        .await;
    assert_eq!(status, 422);
    assert_eq!(refused["code"], "speaker_not_attendee");
    assert_eq!(refused["field"], "items");
    let mut other_chair = minutes("2026-02-20", "deputy");
    other_chair["chair"] = json!("b-deputy");
    let (status, refused) = api.post("/api/v1/minutes", other_chair).await;
    assert_eq!(status, 422);
    assert_eq!(refused["field"], "chair");
    let mut empty = minutes("2026-02-20", "deputy");
    empty["items"][0]["resolved"] = json!(" ");
    let (_, refused) = api.post("/api/v1/minutes", empty).await;
    assert_eq!(refused["code"], "resolved_required");
    let (_, list) = api.get("/api/v1/minutes?year=2026").await;
    assert_eq!(
        list["items"].as_array().unwrap().len(),
        2,
        "refused minutes take no number"
    );
    let (status, got) = api.get("/api/v1/minutes/2025/1").await;
    assert_eq!(status, 200);
    assert_eq!(got["held_on"], "2025-12-20");
    let (status, _) = app
        .api(&app.token("b-deputy").await)
        .get("/api/v1/minutes/2025/1")
        .await;
    assert_eq!(status, 404, "another school's minutes are not found");
    // The agenda is sealed at rest.
    assert!(!app.database_contains("айына екі рет ашылып").await);
}
both_backends!(minutes_numbering_restarts_with_the_year_and_speakers_must_attend);
