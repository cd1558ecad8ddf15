//! Personal data and texts are encrypted at rest: a marker written through the running
//! server appears nowhere in the database.

use crate::helpers::*;
use serde_json::json;

async fn a_marker_in_an_appeal_never_reaches_the_database_in_plain_text(app: TestApp) {
    app.school("school-a", "").await;
    let api = app.api(&app.token("specialist").await);
    let marker = "MARKER-7f3a9c-Әліпбиқұпия";
    let created = api
        .register(json!({
            "channel": "phone",
            "anonymous": false,
            "applicant": { "full_name": format!("{marker}-name"), "address": format!("{marker}-address"), "phone": "+7 701 246 80 24" },
            "summary": format!("{marker}-summary"),
        }))
        .await;
    let id = created["id"].as_i64().unwrap();
    api.post(
        &format!("/api/v1/appeals/{id}/outcome"),
        json!({ "outcome": format!("{marker}-outcome") }),
    )
    .await;
    api.post(
        &format!("/api/v1/appeals/{id}/corrections"),
        json!({ "channel": "phone", "anonymous": true, "summary": format!("{marker}-corrected"), "reason": format!("{marker}-reason") }),
    )
    .await;
    // It reads back through Senim…
    let (_, appeal) = api.get(&format!("/api/v1/appeals/{id}")).await;
    assert_eq!(appeal["summary"], format!("{marker}-summary"));
    assert_eq!(appeal["applicant"]["phone"], "+7 701 246 80 24");
    // …and nowhere from the database itself.
    // Every table is read, on both backends: SQLite's files byte by byte, PostgreSQL's rows.
    for needle in [marker, "Әліпбиқұпия", "246 80 24"] {
        assert!(
            !app.database_contains(needle).await,
            "{needle} lies in the database in plain text"
        );
    }
    // The test can fail: what is stored in plain text (the channel's code) is found.
    assert!(app.database_contains("phone").await);
}
both_backends!(a_marker_in_an_appeal_never_reaches_the_database_in_plain_text);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_server_log_never_shows_appeal_texts_or_personal_data() {
    use std::io::{BufRead, BufReader, Read};
    use std::process::{Command, Stdio};

    let data = std::env::temp_dir().join(format!("senim-log-{}", std::process::id()));
    let senim = |args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_senim"))
            .args(args)
            .arg("--data")
            .arg(&data)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    };
    senim(&[
        "school",
        "add",
        "--slug",
        "school-a",
        "--name-kk",
        "Сынақ мектебі",
    ]);
    let added = senim(&[
        "user",
        "add",
        "--login",
        "specialist",
        "--full-name",
        "Тестов Тест",
        "--position",
        "responsible_specialist",
        "--confirmed",
    ]);
    let one_time = added
        .split("one-time password: ")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned();
    let mut server = Command::new(env!("CARGO_BIN_EXE_senim"))
        .args(["serve", "--behind-proxy", "--listen", "127.0.0.1:0", "--data"])
        .arg(&data)
        .env("SENIM_LOG", "trace")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(server.stdout.take().unwrap());
    let mut line = String::new();
    while !line.starts_with("Senim: ") {
        line.clear();
        stdout.read_line(&mut line).unwrap();
    }
    let base = line
        .trim()
        .trim_start_matches("Senim: ")
        .trim_end_matches('/')
        .to_owned();
    // A token acts only for an account whose person has chosen her own password.
    let mut browser = crate::helpers::Browser::new(&base);
    assert_eq!(browser.sign_in("specialist", &one_time).await.0, 303);
    let own = "өз-құпиясөзім-2026";
    let (status, _) = browser
        .post(
            "/account/password",
            &[("current", &one_time), ("new", own), ("repeat", own)],
        )
        .await;
    assert_eq!(status, 200);
    // A new school requires a second factor of its readers: she enrols.
    assert_eq!(browser.post("/account/two-factor/start", &[]).await.0, 303);
    let (_, page) = browser.get("/account/two-factor").await;
    let secret = page
        .split("secret=")
        .nth(1)
        .and_then(|rest| rest.split(['&', '"', '<']).next())
        .expect("the enrolment shows the secret");
    let code = senim_domain::two_factor::code_at(&base32(secret), senim_app::Clock::system().now());
    let (status, _) = browser
        .post("/account/two-factor/confirm", &[("code", &code)])
        .await;
    assert_eq!(status, 200);
    let token = senim(&["token", "create", "--login", "specialist"])
        .trim()
        .to_owned();
    let marker = "LOGMARKER-51c0";
    let client = reqwest::Client::new();
    let response = client
        .post(format!("{base}/api/v1/appeals"))
        .bearer_auth(&token)
        .header("x-forwarded-for", "203.0.113.77")
        .json(&json!({ "channel": "phone", "anonymous": false, "applicant": { "full_name": marker, "phone": "+7 701 135 79 13" }, "summary": marker }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    let id = response.json::<serde_json::Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap();
    let response = client
        .post(format!("{base}/api/v1/appeals/{id}/outcome"))
        .bearer_auth(&token)
        .json(&json!({ "outcome": marker }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    // A refused registration, an unknown route and a bad token are logged too, if at all, without data.
    client
        .post(format!("{base}/api/v1/appeals"))
        .bearer_auth(&token)
        .json(&json!({ "channel": "fax", "summary": marker }))
        .send()
        .await
        .unwrap();
    client
        .get(format!("{base}/api/v1/appeals"))
        .bearer_auth(marker)
        .send()
        .await
        .unwrap();
    // The online Trust Box: a student's address and browser reach the server and go no further.
    let student_ip = "198.51.100.203";
    let student_agent = "UAMARKER-Mozilla/5.0 (Linux; Android 14; SM-A546E)";
    let box_marker = "BOXMARKER-7e1f";
    let response = client
        .post(format!("{base}/box/school-a"))
        .header("x-forwarded-for", student_ip)
        .header("user-agent", student_agent)
        .form(&[("text", box_marker), ("lang", "kk")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert!(
        response.headers().get("set-cookie").is_none(),
        "the box sets no cookie"
    );
    let page = response.text().await.unwrap();
    let code = page
        .split("<code>")
        .nth(1)
        .and_then(|rest| rest.split("</code>").next())
        .unwrap()
        .to_owned();
    let response = client
        .post(format!("{base}/api/v1/box/school-a/followup/messages"))
        .header("x-forwarded-for", student_ip)
        .header("user-agent", student_agent)
        .json(&json!({ "receipt_code": code, "text": box_marker }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    let response = client
        .post(format!("{base}/api/v1/box/school-a/followup"))
        .header("x-forwarded-for", student_ip)
        .json(&json!({ "receipt_code": "0000 0000 0000 0000" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    server.kill().unwrap();
    server.wait().unwrap();
    let mut log = String::new();
    server.stderr.take().unwrap().read_to_string(&mut log).unwrap();
    assert!(log.contains("appeal registered"), "the log is captured: {log}");
    assert!(
        log.contains("online Trust Box message waits in the inbox"),
        "{log}"
    );
    let digits: String = code.chars().filter(char::is_ascii_digit).collect();
    assert_eq!(digits.len(), 16, "{code}");
    for secret in [
        marker,
        "135 79 13",
        "203.0.113.77",
        token.as_str(),
        student_ip,
        "UAMARKER",
        box_marker,
        code.as_str(),
        digits.as_str(),
    ] {
        assert!(!log.contains(secret), "the log shows {secret}: {log}");
    }
    // Nor does anything of the student's reach the data directory: not the address, not the
    // browser, not the receipt code (in any form), not the text in clear.
    let mut stored = Vec::new();
    for entry in std::fs::read_dir(&data).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            stored.extend(std::fs::read(&path).unwrap());
        }
    }
    let stored = String::from_utf8_lossy(&stored).into_owned();
    for secret in [
        student_ip,
        "UAMARKER",
        "Android 14",
        box_marker,
        code.as_str(),
        digits.as_str(),
    ] {
        assert!(!stored.contains(secret), "the data directory holds {secret}");
    }
    std::fs::remove_dir_all(&data).unwrap();
}

/// RFC 4648 base32 without padding, as an `otpauth://` URI carries the secret.
fn base32(text: &str) -> Vec<u8> {
    let mut bits = 0u64;
    let mut count = 0;
    let mut bytes = Vec::new();
    for c in text.chars().filter(|c| *c != '=') {
        let value = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
            .find(c.to_ascii_uppercase())
            .expect("a base32 letter") as u64;
        bits = (bits << 5) | value;
        count += 5;
        if count >= 8 {
            count -= 8;
            bytes.push((bits >> count) as u8);
            bits &= (1 << count) - 1;
        }
    }
    bytes
}
