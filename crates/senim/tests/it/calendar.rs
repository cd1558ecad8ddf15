//! The working calendar through the API (public) and the command line.

use crate::helpers::*;

async fn the_calendar_api_answers_without_sign_in(app: TestApp) {
    let client = reqwest::Client::new();
    let get = |path: String| {
        let request = client.get(format!("{}{path}", app.base)).send();
        async move {
            let response = request.await.unwrap();
            (
                response.status().as_u16(),
                response.json::<serde_json::Value>().await.unwrap(),
            )
        }
    };
    let (status, year) = get("/api/v1/calendar/2025".into()).await;
    assert_eq!(status, 200);
    assert_eq!(year["certainty"], "verified");
    assert_eq!(year["working_weekend_days"], serde_json::json!(["2025-01-05"]));
    let days_off: Vec<&str> = year["days_off"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap())
        .collect();
    for day in [
        "2025-01-03",
        "2025-03-21",
        "2025-03-24",
        "2025-03-25",
        "2025-09-01",
    ] {
        assert!(days_off.contains(&day), "{day}");
    }
    let (_, year) = get("/api/v1/calendar/2026".into()).await;
    assert!(
        !year["days_off"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d == "2026-08-31"),
        "30 August is no longer a holiday"
    );
    let (status, sum) = get("/api/v1/calendar/add-working-days?from=2025-03-19&days=3".into()).await;
    assert_eq!(status, 200);
    assert_eq!(sum["date"], "2025-03-27");
    let (_, sum) = get("/api/v1/calendar/add-working-days?from=2024-12-31&days=1".into()).await;
    assert_eq!(sum["date"], "2025-01-05", "the Sunday worked in 2025");
    for (path, code) in [
        ("/api/v1/calendar/twenty", "invalid_year"),
        ("/api/v1/calendar/1900", "invalid_year"),
        (
            "/api/v1/calendar/add-working-days?from=2025-02-30&days=1",
            "invalid_query",
        ),
        (
            "/api/v1/calendar/add-working-days?from=2025-02-03&days=-1",
            "invalid_query",
        ),
        (
            "/api/v1/calendar/add-working-days?from=2025-02-03&days=100000",
            "invalid_query",
        ),
        ("/api/v1/calendar/add-working-days?days=1", "invalid_query"),
    ] {
        let (status, error) = get(path.into()).await;
        assert_eq!((status, error["code"].as_str()), (400, Some(code)), "{path}");
    }
}

async fn an_administrator_loads_a_newer_calendar_file(app: TestApp) {
    let file = app.data.join("kz-2027.toml");
    std::fs::write(
        &file,
        "schema = 1\n[[year]]\nyear = 2027\nstatus = \"verified\"\n\
         [[year.holiday]]\ndate = 2027-01-01\nday_off = true\n\
         [[year.transfer]]\ndate = 2027-11-26\nkind = \"day_off\"\n",
    )
    .unwrap();
    let output = app.senim(&["calendar", "load", file.to_str().unwrap()]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("2027: Verified"));
    let shown = String::from_utf8(app.senim(&["calendar", "show", "--year", "2027"]).stdout).unwrap();
    assert!(shown.contains("day off      2027-11-26"), "{shown}");
    assert!(
        !shown.contains("2027-03-22"),
        "the newer file replaces the whole year: {shown}"
    );
    let calendar = app.store.working_calendar().await.unwrap();
    assert!(!calendar.is_working_day(chrono::NaiveDate::from_ymd_opt(2027, 11, 26).unwrap()));
    assert!(
        !calendar.is_working_day(chrono::NaiveDate::from_ymd_opt(2025, 1, 3).unwrap()),
        "other years stay"
    );

    std::fs::write(&file, "schema = 1\n[[year]]\nyear = 2028\nstatus = \"verified\"\n[[year.transfer]]\ndate = 2029-01-01\nkind = \"day_off\"\n").unwrap();
    let refused = app.senim(&["calendar", "load", file.to_str().unwrap()]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("outside year 2028"));
}
both_backends!(
    the_calendar_api_answers_without_sign_in,
    an_administrator_loads_a_newer_calendar_file
);
