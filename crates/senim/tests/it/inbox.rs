//! The inbox: a voicemail posted by the school's exchange (twice with one call id is one
//! item), its recording sealed at rest and played byte for byte only to those who read
//! appeals, registered as an appeal received at the call's time, or recorded as not one.

use serde_json::{Value, json};

use crate::helpers::*;

/// A PCM WAV of `millis` milliseconds at 8 kHz, 16-bit mono, with a marker in its samples.
fn wav(millis: u32, marker: &str) -> Vec<u8> {
    let data = 16 * millis;
    let mut bytes = Vec::new();
    bytes.extend_from_slice(b"RIFF");
    bytes.extend_from_slice(&(36 + data).to_le_bytes());
    bytes.extend_from_slice(b"WAVEfmt ");
    bytes.extend_from_slice(&16u32.to_le_bytes());
    bytes.extend_from_slice(&1u16.to_le_bytes());
    bytes.extend_from_slice(&1u16.to_le_bytes());
    bytes.extend_from_slice(&8000u32.to_le_bytes());
    bytes.extend_from_slice(&16_000u32.to_le_bytes());
    bytes.extend_from_slice(&2u16.to_le_bytes());
    bytes.extend_from_slice(&16u16.to_le_bytes());
    bytes.extend_from_slice(b"data");
    bytes.extend_from_slice(&data.to_le_bytes());
    let samples: Vec<u8> = marker.bytes().cycle().take(data as usize).collect();
    bytes.extend_from_slice(&samples);
    bytes
}

/// A multipart body as an exchange sends it: `metadata` JSON and `audio` bytes.
fn multipart(metadata: &Value, audio: &[u8]) -> (String, Vec<u8>) {
    let boundary = "senim-test-boundary-7d3f";
    let mut body = Vec::new();
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"metadata\"\r\nContent-Type: application/json\r\n\r\n{metadata}\r\n").as_bytes(),
    );
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"audio\"; filename=\"call.wav\"\r\nContent-Type: audio/wav\r\n\r\n").as_bytes(),
    );
    body.extend_from_slice(audio);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn post_voicemail(app: &TestApp, token: &str, metadata: &Value, audio: &[u8]) -> (u16, Value) {
    let (content_type, body) = multipart(metadata, audio);
    let response = reqwest::Client::new()
        .post(format!("{}/api/v1/phone/voicemails", app.base))
        .bearer_auth(token)
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn intake_token(app: &TestApp) -> String {
    app.intake_token("specialist").await
}

async fn a_voicemail_posted_twice_is_one_item_heard_only_by_readers_and_registered_as_of_the_call(
    app: TestApp,
) {
    // Friday 4 December 2026, 21:00 in Almaty: out of hours.
    app.state.app.clock.set(almaty(2026, 12, 4, 21, 0));
    app.school("school-a", "").await;
    let exchange = intake_token(&app).await;
    let marker = "Сәлеметсіз бе, көмек керек";
    let audio = wav(2500, marker);
    let metadata = json!({
        "call_id": "pbx-2026-12-04-0001",
        "started_at": "2026-12-04T20:40:00+05:00",
        "duration_seconds": 3,
        "reason": "out_of_hours",
        "caller_number": "+7 701 555 98 76",
    });
    let (status, first) = post_voicemail(&app, &exchange, &metadata, &audio).await;
    assert_eq!(status, 201, "{first}");
    let (status, again) = post_voicemail(&app, &exchange, &metadata, &audio).await;
    assert_eq!(status, 200, "the same call id again: {again}");
    assert_eq!(again["id"], first["id"]);
    // Bad input is refused with a code, and nothing is stored.
    let other = |call_id: &str| {
        let mut metadata = metadata.clone();
        metadata["call_id"] = Value::from(call_id);
        metadata
    };
    for (metadata, audio, code) in [
        (other("x-1"), b"OggS not really".to_vec(), "not_audio"),
        (other("x-2"), wav(16 * 60 * 1000, "a"), "audio_too_long"),
        (json!({ "call_id": "x-3" }), audio.clone(), "invalid_metadata"),
        (
            {
                let mut m = other("x-4");
                m["reason"] = json!("closed");
                m
            },
            audio.clone(),
            "invalid_reason",
        ),
        (
            {
                let mut m = other("x-5");
                m["started_at"] = json!("2026-12-05T20:40:00+05:00");
                m
            },
            audio.clone(),
            "invalid_started_at",
        ),
    ] {
        let (status, refused) = post_voicemail(&app, &exchange, &metadata, &audio).await;
        assert_eq!((status, refused["code"].as_str()), (422, Some(code)), "{refused}");
    }
    // The exchange's token reads nothing.
    let (status, _) = app.api(&exchange).get("/api/v1/inbox").await;
    assert_eq!(status, 403);
    // One item waits, to be registered by Monday.
    let psychologist = app.api(&app.token("psychologist").await);
    let (status, inbox) = psychologist.get("/api/v1/inbox").await;
    assert_eq!(status, 200);
    let items = inbox["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{inbox}");
    assert_eq!(items[0]["kind"], "voicemail");
    assert_eq!(items[0]["register_by"], "2026-12-07");
    assert_eq!(items[0]["arrived_at"], "2026-12-04T20:40:00+05:00");
    assert_eq!(items[0]["audio_seconds"], 2.5);
    // The recording comes back byte for byte to a psychologist, never to the administrator.
    let id = items[0]["id"].as_i64().unwrap();
    let (client, base, token) = psychologist.raw();
    let heard = client
        .get(format!("{base}/api/v1/inbox/{id}/audio"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(heard.status(), 200);
    assert_eq!(heard.bytes().await.unwrap().as_ref(), audio.as_slice());
    let admin = app.api(&app.token("admin").await);
    assert_eq!(admin.get(&format!("/api/v1/inbox/{id}/audio")).await.0, 403);
    assert_eq!(app.audit_count("voicemail_played").await, 1);
    // Neither the recording nor the caller's number lies in the database in clear.
    assert!(!app.database_contains(marker).await, "the recording is sealed");
    assert!(!app.database_contains("555 98 76").await, "the number is sealed");
    // The page plays it with a plain <audio> element.
    let mut browser = app.browser("specialist").await;
    let (status, page) = browser.get("/inbox").await;
    assert_eq!(status, 200);
    assert!(
        page.contains(&format!(
            "<audio controls preload=\"none\" src=\"/inbox/{id}/audio\">"
        )),
        "{page}"
    );
    assert!(page.contains("07.12.2026"), "{page}");
    // A phone's player asks for its bytes in ranges (Safari plays nothing otherwise).
    let player = signed_in(&app, "specialist").await;
    let first = player
        .get(format!("{}/inbox/{id}/audio", app.base))
        .header("range", "bytes=0-3")
        .send()
        .await
        .unwrap();
    assert_eq!(first.status(), 206);
    assert_eq!(
        first.headers()["content-range"].to_str().unwrap(),
        format!("bytes 0-3/{}", audio.len())
    );
    assert_eq!(first.bytes().await.unwrap().as_ref(), b"RIFF");
    let rest = player
        .get(format!("{}/inbox/{id}/audio", app.base))
        .header("range", "bytes=4-")
        .send()
        .await
        .unwrap();
    assert_eq!(rest.status(), 206);
    assert_eq!(rest.bytes().await.unwrap().as_ref(), &audio[4..]);
    let beyond = player
        .get(format!("{}/inbox/{id}/audio", app.base))
        .header("range", format!("bytes={}-", audio.len()))
        .send()
        .await
        .unwrap();
    assert_eq!(beyond.status(), 416);
    // The page's own recordings may play: its policy allows media from the server itself.
    let response = reqwest::Client::new()
        .get(format!("{}/login", app.base))
        .send()
        .await
        .unwrap();
    let policy = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(policy.contains("media-src 'self'"), "{policy}");
    // Registered from the inbox on Monday: a voicemail received at the call's time, counted
    // from Monday.
    app.state.app.clock.set(almaty(2026, 12, 7, 9, 30));
    let specialist = app.api(&app.token("specialist").await);
    let (status, registered) = specialist
        .post(
            &format!("/api/v1/inbox/{id}/register"),
            json!({ "anonymous": true, "summary": "Бала үйде ұрады дейді, көмек сұрайды", "category": "violence" }),
        )
        .await;
    assert_eq!(status, 201, "{registered}");
    let (_, appeal) = specialist
        .get(&format!("/api/v1/appeals/{}", registered["id"]))
        .await;
    assert_eq!(appeal["channel"], "voicemail", "{appeal}");
    assert_eq!(appeal["received_at"], "2026-12-04T20:40:00+05:00");
    // 15 working days from Monday 7 December, past Independence Day (16 December): the 29th.
    assert_eq!(appeal["due_on"], "2026-12-29", "{appeal}");
    assert_eq!(
        specialist.get("/api/v1/inbox").await.1["items"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
    let (status, twice) = specialist
        .post(
            &format!("/api/v1/inbox/{id}/register"),
            json!({ "anonymous": true, "summary": "Тағы" }),
        )
        .await;
    assert_eq!(status, 404, "a registered item is gone from the inbox: {twice}");
}

async fn a_silent_voicemail_is_recorded_as_not_an_appeal_with_its_reason(app: TestApp) {
    app.state.app.clock.set(almaty(2026, 12, 2, 20, 0));
    app.school("school-a", "").await;
    app.school("school-b", "b-").await;
    let exchange = intake_token(&app).await;
    let (status, item) = post_voicemail(
        &app,
        &exchange,
        &json!({ "call_id": "pbx-77", "started_at": "2026-12-02T19:55:00+05:00", "duration_seconds": 4, "reason": "no_answer" }),
        &wav(4000, "0"),
    )
    .await;
    assert_eq!(status, 201);
    let id = item["id"].as_i64().unwrap();
    // Another school sees nothing of it.
    let other = app.api(&app.token("b-specialist").await);
    assert_eq!(
        other.get("/api/v1/inbox").await.1["items"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
    assert_eq!(other.get(&format!("/api/v1/inbox/{id}/audio")).await.0, 404);
    let specialist = app.api(&app.token("specialist").await);
    // Left out of hours on Wednesday, it had to be registered on Thursday: on Friday it is late
    // in «My day» and in the monitoring.
    let (_, day) = specialist.get("/api/v1/my-day").await;
    assert_eq!(
        (
            day["voicemails_waiting"].as_u64(),
            day["voicemails_late"].as_u64()
        ),
        (Some(1), Some(0)),
        "{day}"
    );
    app.state.app.clock.set(almaty(2026, 12, 4, 10, 0));
    let (_, day) = specialist.get("/api/v1/my-day").await;
    assert_eq!(day["voicemails_late"], 1, "{day}");
    let (_, monitoring) = specialist.get("/api/v1/monitoring").await;
    assert_eq!(monitoring["inbox_late"], 1, "{monitoring}");
    let mut browser = app.browser("specialist").await;
    let (_, page) = browser.get("/monitoring").await;
    assert!(
        page.contains("href=\"/inbox\""),
        "the monitoring flags the late voicemail: {page}"
    );
    let (status, refused) = specialist
        .post(
            &format!("/api/v1/inbox/{id}/dismiss"),
            json!({ "contact_type": "child_about_self", "reason": "x" }),
        )
        .await;
    assert_eq!(
        (status, refused["code"].as_str()),
        (422, Some("invalid_contact_type"))
    );
    browser.get("/inbox").await;
    let (status, location) = browser
        .post(
            &format!("/inbox/{id}/dismiss"),
            &[("contact_type", "silent"), ("reason", "Тек тыныштық, 4 секунд")],
        )
        .await;
    assert_eq!((status, location.as_str()), (303, "/inbox?done=dismissed"));
    let (status, again) = specialist
        .post(
            &format!("/api/v1/inbox/{id}/dismiss"),
            json!({ "contact_type": "silent", "reason": "Тағы" }),
        )
        .await;
    assert_eq!((status, again["code"].as_str()), (409, Some("already_handled")));
    assert!(
        !app.database_contains("Тек тыныштық").await,
        "the reason is sealed"
    );
    assert_eq!(app.audit_count("inbox_item_dismissed").await, 1);
    assert_eq!(specialist.get("/api/v1/monitoring").await.1["inbox_late"], 0);
}

both_backends!(
    a_voicemail_posted_twice_is_one_item_heard_only_by_readers_and_registered_as_of_the_call,
    a_silent_voicemail_is_recorded_as_not_an_appeal_with_its_reason
);
