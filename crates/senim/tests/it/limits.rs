//! A public box must stay up for the children who need it while someone holds connections
//! open on purpose: a client that sends its headers too slowly is disconnected, a request
//! whose body crawls is answered 408, and beyond the connection cap a new client waits until
//! another leaves — each shown with a real slow client on loopback.

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::helpers::*;

async fn connect(app: &TestApp) -> TcpStream {
    TcpStream::connect(app.base.trim_start_matches("http://"))
        .await
        .unwrap()
}

/// What the server sends before it closes the connection, or `None` if it is still open
/// after `wait`.
async fn answer_within(stream: &mut TcpStream, wait: Duration) -> Option<String> {
    let mut received = Vec::new();
    let read = tokio::time::timeout(wait, async {
        let mut chunk = [0u8; 1024];
        loop {
            match stream.read(&mut chunk).await {
                Ok(0) | Err(_) => break,
                Ok(n) => received.extend_from_slice(&chunk[..n]),
            }
        }
    })
    .await;
    read.ok()
        .map(|()| String::from_utf8_lossy(&received).into_owned())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_sends_its_headers_too_slowly_is_disconnected() {
    let app = spawn_app_configured(Backend::Sqlite, None, |config| {
        config.header_timeout = Duration::from_secs(1);
    })
    .await
    .unwrap();
    let mut slow = connect(&app).await;
    slow.write_all(b"GET /box/demo HTTP/1.1\r\nHost: senim\r\n")
        .await
        .unwrap();
    assert!(
        answer_within(&mut slow, Duration::from_secs(5)).await.is_some(),
        "the connection is closed once the header time is up"
    );
    // One that never sends a byte is closed the same way.
    let mut silent = connect(&app).await;
    assert!(answer_within(&mut silent, Duration::from_secs(5)).await.is_some());
    // One that keeps its connection open after its answer, asking nothing more, is closed too.
    let mut idle = connect(&app).await;
    idle.write_all(b"GET /healthz HTTP/1.1\r\nHost: senim\r\n\r\n")
        .await
        .unwrap();
    let answer = answer_within(&mut idle, Duration::from_secs(5)).await;
    let answer = answer.expect("the idle connection is closed");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    // A client at a normal pace is served.
    let response = reqwest::get(format!("{}/healthz", app.base)).await.unwrap();
    assert_eq!(response.status(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_of_headers_is_refused_before_it_fills_memory() {
    let app = spawn_app(Backend::Sqlite).await.unwrap();
    let mut flood = connect(&app).await;
    let mut request = String::from("GET /healthz HTTP/1.1\r\nHost: senim\r\n");
    // More headers than any browser sends, in few enough bytes that all are read before
    // the answer (so the answer is not lost to a reset).
    for n in 0..80 {
        request.push_str(&format!("X-F{n}: a\r\n"));
    }
    request.push_str("\r\n");
    let _ = flood.write_all(request.as_bytes()).await;
    let answer = answer_within(&mut flood, Duration::from_secs(5))
        .await
        .unwrap_or_default();
    assert!(answer.starts_with("HTTP/1.1 431"), "{answer}");
    // A browser's ordinary dozen headers pass.
    let response = reqwest::get(format!("{}/healthz", app.base)).await.unwrap();
    assert_eq!(response.status(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_whose_body_crawls_is_answered_408() {
    let app = spawn_app_configured(Backend::Sqlite, None, |config| {
        config.request_timeout = Duration::from_secs(1);
    })
    .await
    .unwrap();
    app.school("school-a", "").await;
    let mut slow = connect(&app).await;
    slow.write_all(
        b"POST /box/school-a HTTP/1.1\r\nHost: senim\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 500\r\n\r\ntext=",
    )
    .await
    .unwrap();
    let answer = answer_within(&mut slow, Duration::from_secs(5)).await;
    let answer = answer.expect("answered within the request's time");
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn beyond_the_connection_cap_a_new_client_waits_until_another_leaves() {
    let app = spawn_app_configured(Backend::Sqlite, None, |config| {
        config.max_connections = 2;
        config.header_timeout = Duration::from_secs(30);
    })
    .await
    .unwrap();
    let mut holders = vec![connect(&app).await, connect(&app).await];
    for holder in &mut holders {
        holder.write_all(b"GET /healthz HTTP/1.1\r\n").await.unwrap();
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let client = reqwest::Client::builder()
        .timeout(Duration::from_millis(800))
        .build()
        .unwrap();
    let waiting = client.get(format!("{}/healthz", app.base)).send().await;
    assert!(
        waiting.is_err(),
        "a third connection is not served while two are held"
    );
    drop(holders.pop());
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap();
    let served = client.get(format!("{}/healthz", app.base)).send().await.unwrap();
    assert_eq!(served.status(), 200, "served once one has left");
}
