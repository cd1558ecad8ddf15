//! `senim serve --demo`: the seed's school, once, with the yearly restart visible.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

/// Starts `senim serve --demo`; returns the process, its address and the printed sign-ins.
/// The caller kills and waits for it; a failed assertion here ends the test run anyway.
#[allow(clippy::zombie_processes)]
fn start_demo(data: &std::path::Path) -> (Child, String, Vec<(String, String)>) {
    let mut server = Command::new(env!("CARGO_BIN_EXE_senim"))
        .args(["serve", "--demo", "--listen", "127.0.0.1:0", "--data"])
        .arg(data)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(server.stdout.take().unwrap());
    let mut sign_ins = Vec::new();
    loop {
        let mut line = String::new();
        assert!(
            stdout.read_line(&mut line).unwrap() > 0,
            "senim serve --demo stopped"
        );
        if let Some(base) = line.trim().strip_prefix("Senim: ") {
            return (server, base.trim_end_matches('/').to_owned(), sign_ins);
        }
        let words: Vec<&str> = line.split_whitespace().collect();
        if line.starts_with("  ") && words.len() == 2 {
            sign_ins.push((words[0].to_owned(), words[1].to_owned()));
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_school_is_made_once_and_lives_in_the_last_three_months() {
    let data = std::env::temp_dir().join(format!("senim-demo-{}", std::process::id()));
    let (mut server, base, sign_ins) = start_demo(&data);
    let logins: Vec<&str> = sign_ins.iter().map(|(login, _)| login.as_str()).collect();
    assert_eq!(
        logins,
        [
            "specialist",
            "psychologist",
            "social",
            "deputy",
            "director",
            "admin"
        ]
    );
    let password = &sign_ins[0].1;
    let mut browser = crate::helpers::Browser::new(&base);
    assert_eq!(browser.sign_in("specialist", password).await.0, 303);
    // The appeals of the last three months: each year's numbers start at 1 and run without a
    // gap, the latest is today's (or, just after midnight, yesterday's).
    let (_, page) = browser.get("/journal").await;
    let mut all_years: Vec<i32> = page
        .split("href=\"/journal?year=")
        .skip(1)
        .filter_map(|rest| rest.split('"').next()?.parse().ok())
        .collect();
    all_years.extend(
        page.split("aria-current=\"page\">")
            .nth(1)
            .and_then(|r| r.split('<').next()?.parse::<i32>().ok()),
    );
    all_years.sort_unstable();
    all_years.dedup();
    let numbers = |page: &str| -> Vec<i64> {
        page.split("class=\"number\"")
            .skip(1)
            .map(|rest| {
                rest.split('>')
                    .nth(1)
                    .unwrap()
                    .split('<')
                    .next()
                    .unwrap()
                    .parse()
                    .unwrap()
            })
            .collect()
    };
    let mut entries = 0;
    let mut pages = String::new();
    for year in &all_years {
        let (_, year_page) = browser.get(&format!("/journal?year={year}")).await;
        let mut year_numbers = numbers(&year_page);
        year_numbers.sort_unstable();
        let expected: Vec<i64> = (1..=year_numbers.len() as i64).collect();
        assert_eq!(year_numbers, expected, "{year}: from 1, no gap");
        entries += year_numbers.len();
        pages.push_str(&year_page);
    }
    assert!(entries >= 25, "{entries} entries");
    let now = senim_domain::time::local(senim_app::Clock::system().now());
    let today = now.format("%d.%m.%Y").to_string();
    let yesterday = (now - chrono::Duration::days(1)).format("%d.%m.%Y").to_string();
    assert!(pages.contains(&today) || pages.contains(&yesterday), "{pages}");
    assert!(
        pages.contains("class=\"forwarded"),
        "forwardings stand in column д"
    );
    let year = *all_years.last().unwrap();
    let (_, year_page) = browser.get(&format!("/journal?year={year}")).await;
    let year_numbers = numbers(&year_page);
    // Something is overdue, and the monitoring says so.
    let (_, monitoring) = browser.get("/monitoring").await;
    assert!(!monitoring.contains("мерзімі өткен (0)"), "{monitoring}");
    // The seed's two acts of an empty box, and the demo's own openings with their letters.
    let (_, trust_box) = browser.get("/trust-box").await;
    assert!(
        trust_box.contains("27.10.2023") && trust_box.contains("16.01.2024"),
        "{trust_box}"
    );
    // And the seed's minutes No. 1 of 11.11.2023.
    let output = Command::new(env!("CARGO_BIN_EXE_senim"))
        .args(["token", "create", "--login", "deputy", "--data"])
        .arg(&data)
        .output()
        .unwrap();
    let token = String::from_utf8(output.stdout).unwrap().trim().to_owned();
    let get = async |path: &str| -> serde_json::Value {
        reqwest::Client::new()
            .get(format!("{base}{path}"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    };
    let month = now.format("%Y-%m").to_string();
    let figures = get(&format!("/api/v1/analysis/{month}")).await;
    assert!(
        figures["total"].as_i64().unwrap() >= 1,
        "this month has figures: {figures}"
    );
    // The Trust Phone has a call log of the last three months: calls that became appeals and
    // calls that were not.
    let mut calls = Vec::new();
    let mut month_of = senim_domain::analysis::Month::of(now.date_naive());
    for _ in 0..4 {
        let log = get(&format!("/api/v1/phone/calls?month={month_of}")).await;
        calls.extend(log["calls"].as_array().unwrap().clone());
        month_of = month_of.previous();
    }
    assert!(calls.iter().any(|call| call["appeal_id"].is_i64()), "{calls:?}");
    assert!(
        calls
            .iter()
            .filter(|call| call["contact_type"] == "silent")
            .count()
            >= 2,
        "{calls:?}"
    );
    // Voicemails and online letters wait in the inbox; a voicemail's recording plays.
    let inbox = get("/api/v1/inbox").await;
    let kinds: Vec<&str> = inbox["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds.iter().filter(|kind| **kind == "voicemail").count(),
        2,
        "{inbox}"
    );
    assert_eq!(
        kinds.iter().filter(|kind| **kind == "online_box").count(),
        2,
        "{inbox}"
    );
    let voicemail = inbox["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["kind"] == "voicemail")
        .unwrap();
    assert!(voicemail["audio_seconds"].as_f64().unwrap() >= 1.0, "{voicemail}");
    let (_, inbox_page) = browser.get("/inbox").await;
    assert!(inbox_page.contains("<audio controls"), "{inbox_page}");
    assert!(inbox_page.contains("ақшамды тартып алады"), "{inbox_page}");
    let minutes = get("/api/v1/minutes/2023/1").await;
    assert_eq!(minutes["held_on"], "2023-11-11", "{minutes}");
    assert_eq!(minutes["chair"], "Сунгубаева Н.");
    assert_eq!(minutes["secretary"], "Мухтарова Д.");
    // And the seed's activity plan for 2023–2024: seven items, September's marked done, the
    // week of the act of 27.10.2023 done for the letters, the weeks without an opening missed.
    let plan = get("/api/v1/plans/2023-2024").await;
    let items = plan["items"].as_array().expect("the demo has the seed's plan");
    assert_eq!(items.len(), 7, "{plan}");
    assert_eq!(items[1]["periods"][0]["mark"], "marked");
    let letters = items[3]["periods"].as_array().unwrap();
    let mark = |start: &str| letters.iter().find(|period| period["start"] == start).unwrap()["mark"].clone();
    assert_eq!(mark("2023-10-23"), "done");
    assert_eq!(mark("2023-10-30"), "missed");
    assert_eq!(
        items[6]["periods"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["start"] == "2023-11-06")
            .unwrap()["mark"],
        "done",
        "the minutes of 11.11.2023"
    );
    let (_, box_page) = browser.get("/box/demo").await;
    assert!(
        box_page.contains("«Сенім жәшігі»"),
        "the demo school's online box is at /box/demo"
    );
    server.kill().unwrap();
    server.wait().unwrap();

    // A second start keeps the school as it is and prints the same sign-ins.
    let (mut again, base, sign_ins_again) = start_demo(&data);
    assert_eq!(sign_ins_again, sign_ins);
    let mut browser = crate::helpers::Browser::new(&base);
    browser.sign_in("director", &sign_ins[4].1).await;
    let (_, page) = browser.get(&format!("/journal?year={year}")).await;
    assert_eq!(numbers(&page), year_numbers);
    again.kill().unwrap();
    again.wait().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_senim"))
        .args(["verify", "--data"])
        .arg(&data)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    std::fs::remove_dir_all(&data).unwrap();
}
