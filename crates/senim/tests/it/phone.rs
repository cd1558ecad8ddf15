//! The Trust Phone: its duty, the call card, and the call log — a call that is not an appeal
//! logged without a journal number and counted apart in the month's analysis, a call about a
//! child registered as an appeal with its call.

use serde_json::json;

use crate::helpers::*;

/// Wednesday 2 December 2026, 10:00 in Almaty.
fn wednesday(app: &TestApp) {
    app.state.app.clock.set(almaty(2026, 12, 2, 10, 0));
}

async fn a_silent_call_goes_to_the_log_and_the_analysis_counts_it_apart(app: TestApp) {
    wednesday(&app);
    app.school("school-a", "").await;
    app.school("school-b", "b-").await;
    let api = app.api(&app.token("specialist").await);
    let (status, silent) = api
        .post(
            "/api/v1/phone/calls",
            json!({ "started_at": "2026-12-02T09:40:00+05:00", "duration_seconds": 35, "contact_type": "silent" }),
        )
        .await;
    assert_eq!(status, 201, "{silent}");
    assert_eq!(silent["contact_type"], "silent");
    assert_eq!(silent["duration_seconds"], 35);
    assert!(silent["appeal_id"].is_null());
    let (status, _) = api
        .post(
            "/api/v1/phone/calls",
            json!({ "started_at": "2026-12-02T09:50:00+05:00", "duration_seconds": 12, "contact_type": "wrong_number" }),
        )
        .await;
    assert_eq!(status, 201);
    // A call about a child is an appeal: it names the appeal it became.
    let (status, refused) = api
        .post(
            "/api/v1/phone/calls",
            json!({ "started_at": "2026-12-02T09:20:00+05:00", "duration_seconds": 300, "contact_type": "child_about_self" }),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(refused["code"], "appeal_needed");
    let appeal = api
        .register(
            json!({ "channel": "phone", "anonymous": true, "summary": "Сыныптастары мазақтайды",
                           "received_at": "2026-12-02T09:20:00+05:00" }),
        )
        .await;
    let (status, logged) = api
        .post(
            "/api/v1/phone/calls",
            json!({ "started_at": "2026-12-02T09:20:00+05:00", "duration_seconds": 300,
                    "contact_type": "child_about_self", "appeal_id": appeal["id"] }),
        )
        .await;
    assert_eq!(status, 201, "{logged}");
    let (status, again) = api
        .post(
            "/api/v1/phone/calls",
            json!({ "started_at": "2026-12-02T09:20:00+05:00", "duration_seconds": 300,
                    "contact_type": "child_about_self", "appeal_id": appeal["id"] }),
        )
        .await;
    assert_eq!((status, again["code"].as_str()), (422, Some("already_logged")));
    // Bad input is refused with its field, and nothing is logged.
    for (body, code) in [
        (
            json!({ "started_at": "2026-12-02T09:59:00+05:00", "duration_seconds": 3600, "contact_type": "silent" }),
            "in_future",
        ),
        (
            json!({ "started_at": "2026-12-02T09:00:00+05:00", "duration_seconds": -1, "contact_type": "silent" }),
            "invalid_duration",
        ),
        (
            json!({ "started_at": "yesterday", "duration_seconds": 5, "contact_type": "silent" }),
            "invalid_started_at",
        ),
        (
            json!({ "started_at": "2026-12-02T09:00:00+05:00", "duration_seconds": 5, "contact_type": "joke" }),
            "unknown_contact_type",
        ),
    ] {
        let (status, refused) = api.post("/api/v1/phone/calls", body).await;
        assert_eq!((status, refused["code"].as_str()), (422, Some(code)), "{refused}");
    }
    // Another school's appeal is not found.
    let other = app
        .api(&app.token("b-specialist").await)
        .post(
            "/api/v1/phone/calls",
            json!({ "started_at": "2026-12-02T09:20:00+05:00", "duration_seconds": 300,
                    "contact_type": "about_a_child", "appeal_id": appeal["id"] }),
        )
        .await;
    assert_eq!(other.0, 404);
    // The month's log: three calls, one of them an appeal.
    let (status, log) = api.get("/api/v1/phone/calls?month=2026-12").await;
    assert_eq!(status, 200, "{log}");
    assert_eq!(log["calls"].as_array().unwrap().len(), 3, "{log}");
    assert_eq!(log["calls"][0]["contact_type"], "child_about_self");
    assert_eq!(log["calls"][0]["appeal"]["number"], 1);
    assert_eq!(log["not_appeals"]["silent"], 1);
    assert_eq!(log["not_appeals"]["wrong_number"], 1);
    assert_eq!(log["not_appeals"]["prank"], 0);
    let (status, _) = api.get("/api/v1/phone/calls?month=12-2026").await;
    assert_eq!(status, 422);
    // The analysis counts the appeal once, and the calls that were not appeals apart.
    let (_, figures) = api.get("/api/v1/analysis/2026-12").await;
    assert_eq!(figures["total"], 1, "{figures}");
    assert_eq!(figures["by_channel"]["phone"], 1);
    assert_eq!(figures["calls"], 3);
    assert_eq!(figures["calls_not_appeals"]["silent"], 1);
    assert_eq!(figures["calls_not_appeals"]["wrong_number"], 1);
    assert_eq!(app.audit_count("call_recorded").await, 3);
    // The administrator reads no call log.
    let (status, _) = app
        .api(&app.token("admin").await)
        .get("/api/v1/phone/calls")
        .await;
    assert_eq!(status, 403);
}

async fn the_call_card_logs_a_prank_and_registers_a_call_about_a_child_with_its_call(app: TestApp) {
    wednesday(&app);
    app.school("school-a", "").await;
    let mut browser = app.browser("specialist").await;
    let (status, page) = browser.get("/phone").await;
    assert_eq!(status, 200);
    assert!(page.contains("18:30"), "on duty until half past six: {page}");
    let (status, card) = browser.get("/phone/call").await;
    assert_eq!(status, 200);
    assert!(
        card.contains("10:00:00"),
        "the card says when the call began: {card}"
    );
    assert!(card.contains("111") && card.contains("102"), "the national lines");
    // A prank, three minutes long, logged afterwards.
    let (status, location) = browser
        .post(
            "/phone/calls",
            &[
                ("started_at", "2026-12-02T09:30:00"),
                ("duration_minutes", "3"),
                ("contact_type", "prank"),
            ],
        )
        .await;
    assert_eq!((status, location.as_str()), (303, "/phone?done=call"));
    // A length past six hours is refused on the card, with the card kept.
    let (status, refused) = browser
        .post(
            "/phone/calls",
            &[
                ("started_at", "2026-12-02T01:00:00"),
                ("duration_minutes", "400"),
                ("contact_type", "silent"),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(refused.contains("360"), "{refused}");
    // A call logged much later needs its length: nine hours since its start is not one.
    let (status, refused) = browser
        .post(
            "/phone/calls",
            &[
                ("started_at", "2026-12-02T01:00:00"),
                ("duration_minutes", ""),
                ("contact_type", "silent"),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(refused.contains("360"), "{refused}");
    // A call about a child opens the registration form, received when the call began.
    app.state.app.clock.set(almaty(2026, 12, 2, 10, 12));
    let (status, form) = browser
        .post(
            "/phone/calls",
            &[
                ("started_at", "2026-12-02T10:00:00"),
                ("duration_minutes", ""),
                ("contact_type", "about_a_child"),
            ],
        )
        .await;
    assert_eq!(status, 200);
    assert!(
        form.contains("2026-12-02T10:00"),
        "received when the call began: {form}"
    );
    assert!(
        form.contains("name=\"call_seconds\" value=\"720\""),
        "twelve minutes: {form}"
    );
    let started = (almaty(2026, 12, 2, 10, 0)).timestamp().to_string();
    let (status, location) = browser
        .post(
            "/phone/calls/appeal",
            &[
                ("call_started", started.as_str()),
                ("call_seconds", "720"),
                ("contact_type", "about_a_child"),
                ("channel", "phone"),
                ("received_at", "2026-12-02T10:00"),
                ("anonymous", "on"),
                ("summary", "Көршінің баласы түнде жылайды, үйде айқай"),
                ("category", "violence"),
            ],
        )
        .await;
    assert_eq!(status, 303, "{location}");
    assert!(location.starts_with("/appeals/"), "{location}");
    let api = app.api(&app.token("specialist").await);
    let (_, log) = api.get("/api/v1/phone/calls").await;
    assert_eq!(log["calls"].as_array().unwrap().len(), 2, "{log}");
    let call = &log["calls"][1];
    assert_eq!(call["contact_type"], "about_a_child");
    assert_eq!(call["duration_seconds"], 720);
    assert_eq!(call["appeal"]["number"], 1);
    let (_, appeal) = api.get(&format!("/api/v1/appeals/{}", call["appeal_id"])).await;
    assert_eq!(appeal["channel"], "phone", "{appeal}");
    assert_eq!(appeal["received_at"], "2026-12-02T10:00:00+05:00");
    let (_, page) = browser.get("/phone").await;
    assert!(page.contains("№ 1/2026"), "the log links the appeal: {page}");
    assert_eq!(
        app.audit_count("call_recorded").await,
        2,
        "the prank and the call registered"
    );
    // Out of hours the page says when duty resumes.
    app.state.app.clock.set(almaty(2026, 12, 2, 19, 0));
    let mut browser = app.browser("specialist").await;
    let (_, page) = browser.get("/phone").await;
    assert!(page.contains("03.12.2026 09:00"), "{page}");
}

async fn the_answering_machine_speaks_the_seeds_message_or_the_schools_own(app: TestApp) {
    wednesday(&app);
    app.school("school-a", "").await;
    let exchange = app.intake_token("specialist").await;
    let mut browser = app.browser("specialist").await;
    let (_, page) = browser.get("/phone").await;
    assert!(
        page.contains("Сіздің өтінішіңіз сырт қалмайды"),
        "the seed's message by default"
    );
    let (status, location) = browser
        .post(
            "/phone/greeting",
            &[
                ("lang", "kk"),
                (
                    "text",
                    "Сенім телефоны 9:00-ден 18:30-ға дейін жұмыс істейді. Хабарыңызды қалдырыңыз.",
                ),
            ],
        )
        .await;
    assert_eq!(
        (status, location.as_str()),
        (303, "/phone?done=greeting#greeting")
    );
    let (status, refused) = browser
        .post("/phone/greeting", &[("lang", "kk"), ("text", "  ")])
        .await;
    assert_eq!(status, 422);
    assert!(
        refused.contains("1000"),
        "the page says what is expected: {refused}"
    );
    let (_, page) = browser.get("/phone").await;
    assert!(page.contains("18:30-ға дейін жұмыс"), "{page}");
    assert!(page.contains("<audio controls preload=\"none\" src=\"/phone/greeting.wav?lang=kk\">"));
    let admin = app.api(&app.token("admin").await);
    assert_eq!(admin.get("/api/v1/phone/greeting.wav?lang=kk").await.0, 403);
    let (status, refused) = app.api(&exchange).get("/api/v1/phone/greeting.wav?lang=en").await;
    assert_eq!(
        (status, refused["code"].as_str()),
        (422, Some("unknown_language"))
    );
    if std::process::Command::new("espeak-ng")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("espeak-ng is not installed: the spoken message is not checked");
        return;
    }
    let api = app.api(&exchange);
    let (client, base, token) = api.raw();
    for lang in ["kk", "ru"] {
        let response = client
            .get(format!("{base}/api/v1/phone/greeting.wav?lang={lang}"))
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "{lang}");
        let wav = response.bytes().await.unwrap();
        assert_eq!(&wav[24..28], &8000u32.to_le_bytes(), "8 kHz");
        assert_eq!(&wav[22..24], &1u16.to_le_bytes(), "mono");
        let millis = senim_domain::inbox::wav_millis(&wav).unwrap();
        assert!(millis > 2000, "{lang}: a spoken message of {millis} ms");
    }
}

async fn a_school_sets_its_phone_hours_and_the_staff_pages_the_box_and_the_poster_say_them(app: TestApp) {
    // Wednesday 2 December 2026, 10:00: on duty by the seed's hours.
    wednesday(&app);
    let school = app.school("school-a", "").await;
    app.school("school-b", "b-").await;
    // The poster prints the hours beside the school's number.
    app.store
        .set_trust_phone(school.organisation.id, "8 (7132) 55-12-34")
        .await
        .unwrap();
    let mut browser = app.browser("specialist").await;
    let (_, page) = browser.get("/phone").await;
    assert!(
        page.contains("value=\"09:00\"") && page.contains("value=\"18:30\""),
        "{page}"
    );
    // A school that answers from 8:00 to 9:30 only.
    let (status, location) = browser
        .post("/phone/hours", &[("opens", "08:00"), ("closes", "09:30")])
        .await;
    assert_eq!(status, 303, "{location}");
    let (_, page) = browser.get(&location).await;
    assert!(page.contains("Жұмыс уақыты сақталды"), "{page}");
    assert!(
        page.contains("03.12.2026 08:00"),
        "out of hours at 10:00, duty resumes tomorrow at 8:00: {page}"
    );
    let (_, card) = browser.get("/phone/call").await;
    assert!(
        card.contains("03.12.2026 08:00"),
        "the call card says the same: {card}"
    );
    // Nonsense is refused beside its field and kept as typed; nothing changes.
    let (status, page) = browser
        .post("/phone/hours", &[("opens", "17:00"), ("closes", "9:00")])
        .await;
    assert_eq!(status, 422);
    assert!(page.contains("кемінде бір сағаттан"), "{page}");
    assert!(
        page.contains("value=\"17:00\"") && page.contains("aria-invalid"),
        "{page}"
    );
    let api = app.api(&app.token("specialist").await);
    let (status, hours) = api.get("/api/v1/phone/hours").await;
    assert_eq!(status, 200, "{hours}");
    assert_eq!(hours["opens"], "08:00");
    assert_eq!(hours["closes"], "09:30");
    assert_eq!(hours["duty"], "out_of_hours");
    assert_eq!(hours["resumes"], "2026-12-03T08:00:00+05:00");
    // The exchange's token may read the hours, to follow them; it may not change them.
    let intake = app.intake_token("specialist").await;
    let exchange = app.api(&intake);
    assert_eq!(exchange.get("/api/v1/phone/hours").await.0, 200);
    let (client, base, _) = exchange.raw();
    let put = |token: String, body: serde_json::Value| {
        client
            .put(format!("{base}/api/v1/phone/hours"))
            .bearer_auth(token)
            .json(&body)
            .send()
    };
    let refused = put(intake.clone(), json!({ "opens": "07:00", "closes": "20:00" }))
        .await
        .unwrap();
    assert_eq!(refused.status(), 403);
    let token = app.token("specialist").await;
    let bad = put(token.clone(), json!({ "opens": "7", "closes": "20:00" }))
        .await
        .unwrap();
    assert_eq!(bad.status(), 422);
    let bad: serde_json::Value = bad.json().await.unwrap();
    assert_eq!(
        (bad["code"].as_str(), bad["field"].as_str()),
        (Some("invalid_opens"), Some("opens"))
    );
    // The other school keeps the seed's hours.
    let other = app.api(&app.token("b-specialist").await);
    let (_, theirs) = other.get("/api/v1/phone/hours").await;
    assert_eq!(
        (theirs["opens"].as_str(), theirs["duty"].as_str()),
        (Some("09:00"), Some("on_duty"))
    );
    // The online box tells a child when the staff will read her letter: at 8:00 tomorrow.
    let (status, box_page) = Browser::new(&app.base).get("/box/school-a").await;
    assert_eq!(status, 200);
    assert!(box_page.contains("03.12.2026 08:00"), "{box_page}");
    // And the poster prints the school's hours.
    let client = signed_in(&app, "specialist").await;
    let path = scratch("poster.pdf");
    let (status, kind) = download(&client, &format!("{}/trust-box/poster.pdf", app.base), &path).await;
    assert_eq!((status, kind.as_str()), (200, "application/pdf"));
    let (text, _) = pdf_text(&path);
    assert!(text.contains("8:00") && text.contains("9:30"), "{text}");
    assert!(!text.contains("18:30"), "{text}");
    assert!(
        app.audit_count("settings_changed").await >= 1,
        "the change is in the audit"
    );
}

/// `seconds` of a 440 Hz tone as a 44.1 kHz stereo 16-bit WAV, as a phone's recorder makes.
fn studio_wav(seconds: u32) -> Vec<u8> {
    let frames = 44_100 * seconds;
    let mut bytes = Vec::new();
    bytes.extend_from_slice(b"RIFF");
    bytes.extend_from_slice(&(36 + frames * 4).to_le_bytes());
    bytes.extend_from_slice(b"WAVEfmt ");
    bytes.extend_from_slice(&16u32.to_le_bytes());
    bytes.extend_from_slice(&1u16.to_le_bytes());
    bytes.extend_from_slice(&2u16.to_le_bytes());
    bytes.extend_from_slice(&44_100u32.to_le_bytes());
    bytes.extend_from_slice(&(44_100u32 * 4).to_le_bytes());
    bytes.extend_from_slice(&4u16.to_le_bytes());
    bytes.extend_from_slice(&16u16.to_le_bytes());
    bytes.extend_from_slice(b"data");
    bytes.extend_from_slice(&(frames * 4).to_le_bytes());
    for n in 0..frames {
        let sample = ((n as f32 * 440.0 * std::f32::consts::TAU / 44_100.0).sin() * 8000.0) as i16;
        bytes.extend_from_slice(&sample.to_le_bytes());
        bytes.extend_from_slice(&sample.to_le_bytes());
    }
    bytes
}

async fn a_school_uploads_its_own_recording_as_the_message_and_removes_it_again(app: TestApp) {
    wednesday(&app);
    app.school("school-a", "").await;
    let mut browser = app.browser("specialist").await;
    browser.get("/phone").await;
    // Three seconds recorded on a phone: the exchange gets them as 8 kHz mono.
    let (status, location) = browser
        .post_multipart(
            "/phone/greeting/recording",
            &[("lang", "ru")],
            ("audio", "privet.wav", studio_wav(3)),
        )
        .await;
    assert_eq!(status, 303, "{location}");
    let (_, page) = browser.get(&location).await;
    assert!(page.contains("Жазба сақталды"), "{page}");
    assert!(page.contains("мектептің өз жазбасын естиді"), "{page}");
    let api = app.api(&app.token("specialist").await);
    let (client, base, token) = api.raw();
    let greeting = |lang: &'static str| {
        client
            .get(format!("{base}/api/v1/phone/greeting.wav?lang={lang}"))
            .bearer_auth(token)
            .send()
    };
    let response = greeting("ru").await.unwrap();
    assert_eq!(response.status(), 200);
    let wav = response.bytes().await.unwrap();
    assert_eq!(
        wav.len(),
        44 + 3 * 8000 * 2,
        "three seconds at 8 kHz, 16-bit mono"
    );
    assert_eq!(u32::from_le_bytes(wav[24..28].try_into().unwrap()), 8000);
    assert_eq!(u16::from_le_bytes(wav[22..24].try_into().unwrap()), 1);
    assert!(wav[44..].iter().any(|byte| *byte != 0), "the tone, not silence");
    // Not a recording: refused beside the message, nothing changes.
    let (status, page) = browser
        .post_multipart(
            "/phone/greeting/recording",
            &[("lang", "ru")],
            ("audio", "song.mp3", b"ID3\x04\x00 not a wave".to_vec()),
        )
        .await;
    assert_eq!(status, 422);
    assert!(page.contains("қысылмаған дыбыс жазбасын"), "{page}");
    assert_eq!(
        greeting("ru").await.unwrap().bytes().await.unwrap(),
        wav,
        "the recording stands"
    );
    // A signed-in browser's upload with a wrong token is refused.
    let cookies = signed_in(&app, "specialist").await;
    let forged = reqwest::multipart::Form::new()
        .text("csrf", "0".repeat(64))
        .text("lang", "ru")
        .part(
            "audio",
            reqwest::multipart::Part::bytes(studio_wav(1)).file_name("a.wav"),
        );
    let response = cookies
        .post(format!("{}/phone/greeting/recording", app.base))
        .multipart(forged)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    // One who only reads appeals (the deputy director) may not upload, even with the page's token.
    let mut reader = app.browser("deputy").await;
    reader.get("/phone").await;
    let (status, _) = reader
        .post_multipart(
            "/phone/greeting/recording",
            &[("lang", "ru")],
            ("audio", "privet.wav", studio_wav(1)),
        )
        .await;
    assert_eq!(status, 403);
    assert_eq!(
        greeting("ru").await.unwrap().bytes().await.unwrap(),
        wav,
        "nothing changed"
    );
    // A form from elsewhere, without the page's token, is refused before it is read.
    let (status, _) = Browser::new(&app.base)
        .post_multipart(
            "/phone/greeting/recording",
            &[("lang", "ru")],
            ("audio", "privet.wav", studio_wav(1)),
        )
        .await;
    assert_eq!(status, 403);
    // Removed, the text is what callers hear again (spoken, where espeak-ng is installed).
    let (status, location) = browser
        .post("/phone/greeting/recording/remove", &[("lang", "ru")])
        .await;
    assert_eq!(status, 303, "{location}");
    let again = greeting("ru").await.unwrap();
    assert!(again.status() == 200 || again.status() == 503);
    assert_ne!(again.bytes().await.unwrap(), wav);
    assert!(app.audit_count("settings_changed").await >= 2);
}

both_backends!(
    a_school_uploads_its_own_recording_as_the_message_and_removes_it_again,
    a_school_sets_its_phone_hours_and_the_staff_pages_the_box_and_the_poster_say_them,
    the_answering_machine_speaks_the_seeds_message_or_the_schools_own,
    a_silent_call_goes_to_the_log_and_the_analysis_counts_it_apart,
    the_call_card_logs_a_prank_and_registers_a_call_about_a_child_with_its_call
);
