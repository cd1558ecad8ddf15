//! The online Trust Box through the running server: a student writes without signing in, gets
//! a receipt code once, her letter waits in the inbox until a specialist registers it with a
//! short summary, she reads the staff's answer with the code and writes again; wrong codes are
//! answered neutrally and held; nothing identifying is kept.

use crate::helpers::*;
use serde_json::json;

/// The receipt code a receipt page shows.
fn code_on(page: &str) -> String {
    page.split("<code>")
        .nth(1)
        .and_then(|rest| rest.split("</code>").next())
        .unwrap_or_else(|| panic!("no receipt code on the page: {page}"))
        .to_owned()
}

fn is_grouped_code(code: &str) -> bool {
    let groups: Vec<&str> = code.split(' ').collect();
    groups.len() == 4
        && groups
            .iter()
            .all(|g| g.len() == 4 && g.chars().all(|c| c.is_ascii_digit()))
}

async fn a_student_writes_reads_the_answer_and_writes_again(app: TestApp) {
    // A Tuesday morning: the staff are at work.
    app.state.app.clock.set(almaty(2026, 11, 24, 10, 0));
    app.school("school-a", "").await;
    // The student: no sign-in, no cookie.
    let student = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let response = student
        .get(format!("{}/box/school-a", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert!(response.headers().get("set-cookie").is_none());
    let page = response.text().await.unwrap();
    assert!(page.contains("«Сенім жәшігі»"), "{page}");
    assert!(
        page.contains("111") && page.contains("150"),
        "the national lines are always shown"
    );
    assert!(
        page.contains("қалпына келтіру мүмкін емес"),
        "the page says a lost code is lost before it is shown"
    );
    assert!(!page.contains("<script"), "no JavaScript");
    let response = student
        .post(format!("{}/box/school-a", app.base))
        .form(&[
            ("lang", "kk"),
            ("text", "Сыныпта мені мазақтайды, не істерімді білмеймін"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert!(response.headers().get("set-cookie").is_none());
    let page = response.text().await.unwrap();
    let code = code_on(&page);
    assert!(is_grouped_code(&code), "{code}");
    assert!(
        page.contains("мамандар хатыңызды бүгін оқиды"),
        "in working hours, today: {page}"
    );

    // Her code works at once: her letter waits to be registered, and she may add to it.
    let response = student
        .post(format!("{}/box/school-a/followup/messages", app.base))
        .form(&[
            ("lang", "kk"),
            ("receipt_code", code.as_str()),
            ("text", "Әсіресе дене шынықтыру сабағында"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let page = response.text().await.unwrap();
    assert!(
        page.contains("Сыныпта мені мазақтайды") && page.contains("Әсіресе дене шынықтыру"),
        "{page}"
    );

    // Nothing is in the journal yet: the letter waits in the inbox, with the day it must be
    // registered by, and her follow-up beside it.
    let api = app.api(&app.token("specialist").await);
    let (_, journal) = api.get("/api/v1/appeals").await;
    assert!(journal["items"].as_array().unwrap().is_empty(), "{journal}");
    let (_, inbox) = api.get("/api/v1/inbox").await;
    let item = &inbox["items"][0];
    assert_eq!(item["kind"], "online_box");
    assert_eq!(item["urgent"], false);
    assert_eq!(item["register_by"], "2026-11-24");
    assert_eq!(item["text"], "Сыныпта мені мазақтайды, не істерімді білмеймін");
    assert_eq!(
        app.audit_count("inbox_letters_read").await,
        1,
        "reading letters is audited"
    );
    let mut staff = app.browser("psychologist").await;
    let (_, inbox_page) = staff.get("/inbox").await;
    assert!(inbox_page.contains("Сыныпта мені мазақтайды"), "{inbox_page}");
    // The psychologist registers it with a short summary: the journal carries her words, not
    // the child's letter; the appeal was received when the letter arrived.
    let (status, location) = staff
        .post(
            &format!("/inbox/{}/register", item["id"]),
            &[
                ("anonymous", "on"),
                ("summary", "Сыныптастары мазақтайды, көмек сұрайды"),
                ("category", "violence.bullying"),
            ],
        )
        .await;
    assert_eq!(status, 303, "{location}");
    let (_, journal) = api.get("/api/v1/appeals").await;
    let entry = &journal["items"][0];
    assert_eq!(entry["channel"], "online_box");
    assert_eq!(entry["anonymous"], true);
    assert_eq!(entry["number"], 1);
    assert_eq!(entry["summary"], "Сыныптастары мазақтайды, көмек сұрайды");
    assert_eq!(entry["received_at"], "2026-11-24T10:00:00+05:00");
    let id = entry["id"].as_i64().unwrap();
    let (_, inbox) = api.get("/api/v1/inbox").await;
    assert!(inbox["items"].as_array().unwrap().is_empty(), "{inbox}");
    let (_, journal_page) = staff.get("/journal").await;
    assert!(!journal_page.contains("не істерімді білмеймін"), "{journal_page}");
    let (_, journal_page) = staff.get("/journal").await;
    assert!(
        journal_page.contains("Оқушы жауап күтуде"),
        "the journal shows the student waits"
    );
    let (_, appeal_page) = staff.get(&format!("/appeals/{id}")).await;
    assert!(appeal_page.contains("Оқушымен хат алмасу"), "{appeal_page}");
    assert!(
        appeal_page.contains("не істерімді білмеймін") && appeal_page.contains("Әсіресе дене шынықтыру"),
        "the conversation keeps the letter and what she added: {appeal_page}"
    );
    let answer = "Сәлем! Ертең 10:00-де психолог кабинетіне кел, бірге ойластырайық.";
    let (status, location) = staff
        .post(&format!("/appeals/{id}/replies"), &[("text", answer)])
        .await;
    assert_eq!(status, 303, "{location}");
    let (_, journal_page) = staff.get("/journal").await;
    assert!(!journal_page.contains("Оқушы жауап күтуде"), "answered");

    // The student comes back with the code and reads the answer, signed «School», not a name.
    let response = student
        .post(format!("{}/box/school-a/followup", app.base))
        .form(&[("lang", "kk"), ("receipt_code", code.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let page = response.text().await.unwrap();
    assert!(page.contains(answer), "{page}");
    assert!(page.contains("Сыныпта мені мазақтайды"), "{page}");
    assert!(page.contains("Мектеп"), "{page}");
    assert!(
        !page.contains("Тестов Тест"),
        "the student does not see who answered"
    );
    // She writes again; the code is typed as she likes.
    let typed = code.replace(' ', "-");
    let response = student
        .post(format!("{}/box/school-a/followup/messages", app.base))
        .form(&[
            ("lang", "kk"),
            ("receipt_code", typed.as_str()),
            ("text", "Рахмет, барамын"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let page = response.text().await.unwrap();
    assert!(
        page.contains("Рахмет, барамын") && page.contains(answer),
        "{page}"
    );

    // The API shows the same conversation to the student's app, and to the staff with names.
    let (status, conversation) = app
        .api("")
        .post("/api/v1/box/school-a/followup", json!({ "receipt_code": code }))
        .await;
    assert_eq!(status, 200, "{conversation}");
    let from: Vec<&str> = conversation["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["from"].as_str().unwrap())
        .collect();
    assert_eq!(from, ["student", "student", "staff", "student"]);
    assert_eq!(conversation["state"], "registered");
    assert!(conversation["messages"][2].get("staff_name").is_none());
    let (_, staff_view) = api.get(&format!("/api/v1/appeals/{id}/conversation")).await;
    assert_eq!(staff_view["messages"][2]["staff_name"], "Тестов Тест");
    assert_eq!(staff_view["messages"][3]["text"], "Рахмет, барамын");
    let (_, staff_page) = staff.get(&format!("/appeals/{id}")).await;
    assert!(
        staff_page.contains("Рахмет, барамын"),
        "the staff see the second message"
    );
    let (_, journal_page) = staff.get("/journal").await;
    assert!(
        journal_page.contains("Оқушы жауап күтуде"),
        "the student wrote again"
    );

    // The code is not stored in clear: not as digits, not grouped, not in the receipts table.
    let digits: String = code.chars().filter(char::is_ascii_digit).collect();
    let hashes: Vec<String> = sqlx::query_scalar::<_, String>("SELECT code_hash FROM receipts")
        .fetch_all(app.store.pool())
        .await
        .unwrap();
    assert_eq!(hashes.len(), 1);
    assert!(!hashes[0].contains(&digits) && hashes[0].len() == 64);
    assert!(
        !app.database_contains(&digits).await && !app.database_contains(&code).await,
        "the receipt code lies in the database file"
    );
    for text in [
        "Рахмет, барамын",
        "Әсіресе дене шынықтыру",
        "не істерімді білмеймін",
    ] {
        assert!(!app.database_contains(text).await, "messages are sealed: {text}");
    }
}

async fn a_wrong_code_gets_a_neutral_answer_and_the_client_is_held(app: TestApp) {
    app.school("school-a", "").await;
    app.school("school-b", "b-").await;
    let anyone = app.api("");
    let (status, created) = anyone
        .post(
            "/api/v1/box/school-a/submissions",
            json!({ "text": "Дәретханада темекі шегеді" }),
        )
        .await;
    assert_eq!(status, 201, "{created}");
    let code = created["receipt_code"].as_str().unwrap().to_owned();
    assert!(is_grouped_code(&code), "{code}");
    assert!(created["answer_expected_from"].as_str().unwrap().contains('T'));
    // Another school's box does not know the code; a malformed code gets the same answer.
    let (status, answer) = anyone
        .post("/api/v1/box/school-b/followup", json!({ "receipt_code": code }))
        .await;
    assert_eq!(status, 404);
    assert_eq!(answer["code"], "not_found");
    let (status, malformed) = anyone
        .post("/api/v1/box/school-a/followup", json!({ "receipt_code": "12" }))
        .await;
    assert_eq!(status, 404);
    assert_eq!(
        malformed, answer,
        "a malformed code is answered like an unknown one"
    );
    let student = reqwest::Client::new();
    let page = student
        .post(format!("{}/box/school-a/followup", app.base))
        .form(&[("receipt_code", "1111 2222 3333 4444")])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Бұл кодпен хат табылмады"), "{page}");
    // Ten wrong codes from one client, and even the right one waits.
    for _ in 3..10 {
        let (status, _) = anyone
            .post(
                "/api/v1/box/school-a/followup",
                json!({ "receipt_code": "9999 9999 9999 9999" }),
            )
            .await;
        assert_eq!(status, 404);
    }
    let (status, held) = anyone
        .post("/api/v1/box/school-a/followup", json!({ "receipt_code": code }))
        .await;
    assert_eq!(status, 429, "{held}");
    let response = student
        .post(format!("{}/box/school-a/followup", app.base))
        .form(&[("receipt_code", code.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 429);
    assert!(
        response.text().await.unwrap().contains("111"),
        "a held student is shown the lines to call"
    );
}

async fn a_submission_is_checked_and_may_name_its_author(app: TestApp) {
    app.school("school-a", "").await;
    let anyone = app.api("");
    let (status, refused) = anyone
        .post("/api/v1/box/school-a/submissions", json!({ "text": "   " }))
        .await;
    assert_eq!(status, 422);
    assert_eq!(refused["field"], "summary");
    let (status, _) = anyone
        .post(
            "/api/v1/box/no-such-school/submissions",
            json!({ "text": "Сәлем" }),
        )
        .await;
    assert_eq!(status, 404);
    let response = reqwest::get(format!("{}/box/no-such-school?lang=ru", app.base))
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    assert!(response.headers().get("set-cookie").is_none());
    let page = response.text().await.unwrap();
    assert!(
        page.contains("<html lang=\"ru\""),
        "an unknown box is a page, not an empty body: {page}"
    );
    let (status, _) = anyone
        .post(
            "/api/v1/box/school-a/submissions",
            json!({ "text": "Маған хабарласыңыз", "name": "Аружан", "contact": "+7 701 555 12 12" }),
        )
        .await;
    assert_eq!(status, 201);
    let student = reqwest::Client::new();
    let response = student
        .post(format!("{}/box/school-a", app.base))
        .form(&[("lang", "ru"), ("text", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    assert!(response.text().await.unwrap().contains("Напишите текст письма"));
    // A form posted from another site is refused.
    let response = student
        .post(format!("{}/box/school-a", app.base))
        .header("sec-fetch-site", "cross-site")
        .form(&[("text", "Сәлем")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    let api = app.api(&app.token("specialist").await);
    let (_, inbox) = api.get("/api/v1/inbox").await;
    let waiting = inbox["items"].as_array().unwrap();
    assert_eq!(waiting.len(), 1, "refused submissions keep nothing: {inbox}");
    assert_eq!(waiting[0]["name"], "Аружан");
    assert_eq!(waiting[0]["contact"], "+7 701 555 12 12");
    // The registration form comes filled with what she gave.
    let (_, inbox_page) = app.browser("specialist").await.get("/inbox").await;
    assert!(
        inbox_page.contains("value=\"Аружан\"") && inbox_page.contains("value=\"+7 701 555 12 12\""),
        "{inbox_page}"
    );
    let appeal = api
        .register_waiting_letter(json!({ "anonymous": false, "applicant": { "full_name": "Аружан", "phone": "+7 701 555 12 12" }, "summary": "Хабарласуды сұрайды" }))
        .await;
    let (_, journal) = api.get("/api/v1/appeals").await;
    let items = journal["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["id"], appeal["id"]);
    assert_eq!(items[0]["anonymous"], false);
    assert_eq!(items[0]["applicant"]["full_name"], "Аружан");
    assert_eq!(items[0]["applicant"]["phone"], "+7 701 555 12 12");
    // Staff can answer only an appeal that has a receipt code.
    let phone = api
        .register(json!({ "channel": "phone", "anonymous": true, "summary": "Қоңырау" }))
        .await;
    let (status, refused) = api
        .post(
            &format!("/api/v1/appeals/{}/replies", phone["id"]),
            json!({ "text": "Жауап" }),
        )
        .await;
    assert_eq!(status, 409, "{refused}");
    let (status, _) = app
        .api(&app.token("director").await)
        .post(
            &format!("/api/v1/appeals/{}/replies", items[0]["id"]),
            json!({ "text": "Жауап" }),
        )
        .await;
    assert_eq!(status, 403, "the director reads but does not answer");
}

async fn a_corrected_online_appeal_keeps_its_conversation(app: TestApp) {
    app.school("school-a", "").await;
    let anyone = app.api("");
    let (_, created) = anyone
        .post(
            "/api/v1/box/school-a/submissions",
            json!({ "text": "Жатақханада үлкендер ақша сұрайды" }),
        )
        .await;
    let code = created["receipt_code"].as_str().unwrap().to_owned();
    let api = app.api(&app.token("specialist").await);
    let first = api
        .register_waiting_letter(json!({ "anonymous": true, "summary": "Жатақханада ақша сұрайды" }))
        .await["id"]
        .as_i64()
        .unwrap();
    // The staff give it its category by a correction, as the regulation wants.
    let (status, correction) = api
        .post(&format!("/api/v1/appeals/{first}/corrections"), json!({ "channel": "online_box", "anonymous": true, "summary": "Жатақханада үлкендер ақша сұрайды", "category": "violence.bullying", "reason": "Санаты көрсетілмеген" }))
        .await;
    assert_eq!(status, 201, "{correction}");
    let corrected = correction["id"].as_i64().unwrap();
    let (status, _) = api
        .post(
            &format!("/api/v1/appeals/{corrected}/replies"),
            json!({ "text": "Тәрбиешімен сөйлесеміз." }),
        )
        .await;
    assert_eq!(status, 201, "the correction answers in the child's conversation");
    let (_, staff_view) = api
        .get(&format!("/api/v1/appeals/{corrected}/conversation"))
        .await;
    assert_eq!(staff_view["appeal_id"], first);
    let (_, conversation) = anyone
        .post("/api/v1/box/school-a/followup", json!({ "receipt_code": code }))
        .await;
    assert_eq!(conversation["messages"][1]["text"], "Тәрбиешімен сөйлесеміз.");
}

async fn an_urgent_follow_up_raises_the_alarm(app: TestApp) {
    app.school("school-a", "").await;
    let anyone = app.api("");
    let (_, created) = anyone
        .post(
            "/api/v1/box/school-a/submissions",
            json!({ "text": "Үй тапсырмасы көп" }),
        )
        .await;
    let (_, other) = anyone
        .post(
            "/api/v1/box/school-a/submissions",
            json!({ "text": "Асханада нан жоқ" }),
        )
        .await;
    let api = app.api(&app.token("specialist").await);
    let (_, inbox) = api.get("/api/v1/inbox").await;
    assert_eq!(inbox["items"][0]["urgent"], false);
    // While the letter waits, she writes that she wants to die: the item turns urgent and
    // goes to the top of the inbox.
    let (status, followed) = anyone
        .post(
            "/api/v1/box/school-a/followup/messages",
            json!({ "receipt_code": created["receipt_code"], "text": "Шынымды айтсам, өлгім келеді" }),
        )
        .await;
    assert_eq!(status, 201);
    assert_eq!(followed["state"], "waiting");
    let (_, inbox) = api.get("/api/v1/inbox").await;
    assert_eq!(inbox["items"][0]["urgent"], true, "{inbox}");
    assert_eq!(inbox["items"][0]["text"], "Үй тапсырмасы көп");
    assert_eq!(inbox["items"][1]["urgent"], false);
    // Registered with a calm summary, the appeal keeps the alarm and the words that raised it.
    let appeal = api
        .register_waiting_letter(json!({ "anonymous": true, "summary": "Үй тапсырмасы туралы" }))
        .await;
    let (_, journal) = api.get("/api/v1/appeals").await;
    assert_eq!(journal["items"][0]["id"], appeal["id"]);
    assert_eq!(journal["items"][0]["urgent"], true, "{journal}");
    assert_eq!(journal["items"][0]["triage"]["hits"][0]["category"], "suicide");
    // The other letter, recorded as not an appeal, closes: her code still opens it, but
    // nothing more can be added (a new letter can be sent).
    let (_, inbox) = api.get("/api/v1/inbox").await;
    let (status, _) = api
        .post(
            &format!("/api/v1/inbox/{}/dismiss", inbox["items"][0]["id"]),
            json!({ "contact_type": "questions", "reason": "Асхана туралы ақпарат" }),
        )
        .await;
    assert_eq!(status, 200);
    let (status, opened) = anyone
        .post(
            "/api/v1/box/school-a/followup",
            json!({ "receipt_code": other["receipt_code"] }),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(opened["state"], "closed");
    let (status, refused) = anyone
        .post(
            "/api/v1/box/school-a/followup/messages",
            json!({ "receipt_code": other["receipt_code"], "text": "Тағы бір нәрсе" }),
        )
        .await;
    assert_eq!(status, 409, "{refused}");
    assert_eq!(refused["code"], "conversation_closed");
}
async fn the_receipt_says_when_the_staff_will_read_by_the_working_calendar(app: TestApp) {
    app.school("school-a", "").await;
    let student = reqwest::Client::new();
    let receipt = |moment| {
        app.state.app.clock.set(moment);
        let request = student
            .post(format!("{}/box/school-a", app.base))
            .form(&[("lang", "kk"), ("text", "Маған көмек керек, сыныпта мазақтайды")])
            .send();
        async move {
            let response = request.await.unwrap();
            assert_eq!(response.status(), 200);
            response.text().await.unwrap()
        }
    };
    let today = "мамандар хатыңызды бүгін оқиды";
    let later = |from: &str| format!("келесі жұмыс уақытында оқиды: {from}");
    // Friday 27 November 2026: the phone is on duty until 18:30.
    assert!(receipt(almaty(2026, 11, 27, 18, 29)).await.contains(today));
    let page = receipt(almaty(2026, 11, 27, 18, 30)).await;
    assert!(
        page.contains(&later("30.11.2026 09:00")),
        "from 18:30, Monday morning: {page}"
    );
    let page = receipt(almaty(2026, 11, 30, 8, 59)).await;
    assert!(
        page.contains(&later("30.11.2026 09:00")),
        "before 9:00, the same morning: {page}"
    );
    assert!(receipt(almaty(2026, 11, 30, 9, 0)).await.contains(today));
    // Wednesday 16 December 2026 is Independence Day: nobody reads until the next morning.
    let page = receipt(almaty(2026, 12, 16, 11, 0)).await;
    assert!(page.contains(&later("17.12.2026 09:00")), "a holiday: {page}");
}

both_backends!(
    a_student_writes_reads_the_answer_and_writes_again,
    the_receipt_says_when_the_staff_will_read_by_the_working_calendar,
    a_wrong_code_gets_a_neutral_answer_and_the_client_is_held,
    a_submission_is_checked_and_may_name_its_author,
    a_corrected_online_appeal_keeps_its_conversation,
    an_urgent_follow_up_raises_the_alarm
);

async fn sending_the_same_form_again_shows_the_same_receipt_and_keeps_one_letter(app: TestApp) {
    app.school("school-a", "").await;
    let student = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let form = student
        .get(format!("{}/box/school-a", app.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let nonce = form
        .split("name=\"nonce\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the form names its sending")
        .to_owned();
    let send = || {
        student
            .post(format!("{}/box/school-a", app.base))
            .form(&[
                ("lang", "kk"),
                ("nonce", nonce.as_str()),
                ("text", "Үзілісте үлкен сынып оқушылары ақша сұрайды"),
            ])
            .send()
    };
    // A double click: both sendings at once; then a reload of the receipt.
    let (first, second) = tokio::join!(send(), send());
    let first = code_on(&first.unwrap().text().await.unwrap());
    let second = code_on(&second.unwrap().text().await.unwrap());
    let reload = code_on(&send().await.unwrap().text().await.unwrap());
    assert_eq!(first, second);
    assert_eq!(first, reload);
    let api = app.api(&app.token("specialist").await);
    let (_, inbox) = api.get("/api/v1/inbox").await;
    assert_eq!(inbox["items"].as_array().unwrap().len(), 1, "one letter: {inbox}");
    // The same form with other words is a new message, with a code of its own.
    let other = student
        .post(format!("{}/box/school-a", app.base))
        .form(&[
            ("lang", "kk"),
            ("nonce", nonce.as_str()),
            ("text", "Тағы бір нәрсе айтқым келеді"),
        ])
        .send()
        .await
        .unwrap();
    assert_ne!(code_on(&other.text().await.unwrap()), first);
    let (_, inbox) = api.get("/api/v1/inbox").await;
    assert_eq!(inbox["items"].as_array().unwrap().len(), 2);
    // A new form is a new sending.
    let form = student
        .get(format!("{}/box/school-a", app.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!form.contains(&nonce), "each form page has its own nonce");
}
both_backends!(sending_the_same_form_again_shows_the_same_receipt_and_keeps_one_letter);
