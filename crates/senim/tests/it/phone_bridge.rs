//! The Trust Phone end to end on loopback: a real SIP call with real audio, placed by sipp,
//! reaches kamailio — the school's exchange with the Trust Phone's hours — which sends it to
//! baresip, the answering machine, out of hours or when the operator does not answer; baresip
//! plays Senim's greeting and records the caller, and `senim phone bridge` carries the
//! recording to Senim's inbox. The exchange's and the machine's configurations are the ones
//! `docs/phone/` gives, with free ports. Skipped, saying so, where kamailio, baresip, sipp or
//! sox is not installed (`.ci/run` installs them).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::Value;

use crate::helpers::*;

fn installed(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

/// A port of loopback nobody holds now.
fn free_port(udp: bool) -> u16 {
    if udp {
        std::net::UdpSocket::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port()
    } else {
        std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port()
    }
}

/// A process killed when the test ends, however it ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start(command: &mut Command, log: &Path) -> Running {
    let log = std::fs::File::create(log).unwrap();
    Running(
        command
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap(),
    )
}

struct Exchange {
    dir: PathBuf,
    sip: u16,
    control: u16,
    _processes: Vec<Running>,
}

fn docs(path: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../docs/phone")
            .join(path),
    )
    .unwrap()
}

/// kamailio and baresip as `docs/phone/` configures them, on free ports, the machine playing
/// `greeting` (8 kHz mono WAV).
fn exchange(dir: &Path, greeting: &[u8]) -> Exchange {
    let (sip, machine, operator) = (free_port(true), free_port(true), free_port(true));
    let control = free_port(false);
    let rtp = 20_000 + (free_port(true) % 40_000) / 50 * 50;
    let machine_dir = dir.join("machine");
    std::fs::create_dir_all(machine_dir.join("rec")).unwrap();
    std::fs::write(machine_dir.join("greeting.wav"), greeting).unwrap();
    let ports = |text: String| {
        text.replace("127.0.0.1:5060", &format!("127.0.0.1:{sip}"))
            .replace("127.0.0.1:5070", &format!("127.0.0.1:{machine}"))
            .replace("127.0.0.1:5080", &format!("127.0.0.1:{operator}"))
            .replace("127.0.0.1:4444", &format!("127.0.0.1:{control}"))
            .replace("20000-20100", &format!("{rtp}-{}", rtp + 40))
            .replace("VM_DIR", machine_dir.to_str().unwrap())
    };
    std::fs::write(machine_dir.join("config"), ports(docs("baresip/config"))).unwrap();
    std::fs::write(machine_dir.join("accounts"), ports(docs("baresip/accounts"))).unwrap();
    std::fs::write(dir.join("kamailio.cfg"), ports(docs("kamailio.cfg"))).unwrap();
    let baresip = start(
        Command::new("baresip").arg("-f").arg(&machine_dir),
        &dir.join("baresip.log"),
    );
    let kamailio = start(
        Command::new("kamailio")
            .args(["-DD", "-E", "-f"])
            .arg(dir.join("kamailio.cfg"))
            .env("TZ", "Asia/Almaty"),
        &dir.join("kamailio.log"),
    );
    Exchange {
        dir: machine_dir,
        sip,
        control,
        _processes: vec![baresip, kamailio],
    }
}

impl Exchange {
    fn recordings(&self) -> PathBuf {
        self.dir.join("rec")
    }

    /// A caller who speaks for six seconds, at the moment the exchange takes for now.
    fn call(&self, scratch: &Path, at: chrono::DateTime<chrono::Utc>) {
        let caller = scratch.join("caller");
        std::fs::create_dir_all(&caller).unwrap();
        let scenario = caller.join("caller.xml");
        std::fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/phone-e2e/caller.xml"),
            &scenario,
        )
        .unwrap();
        // A voice that rises and falls, µ-law as a telephone sends it.
        let made = Command::new("sox")
            .args(["-n", "-r", "8000", "-c", "1", "-e", "u-law"])
            .arg(caller.join("caller_ulaw.wav"))
            .args(["synth", "5", "sine", "300-900"])
            .status()
            .unwrap();
        assert!(made.success(), "sox makes the caller's voice");
        let (port, media) = (free_port(true), free_port(true) / 2 * 2);
        // sipp runs for seconds: off the runtime's threads, which serve Senim meanwhile.
        let output = tokio::task::block_in_place(|| {
            Command::new("sipp")
                .current_dir(&caller)
                .args(["-sf", "caller.xml", "-s", "trust"])
                .arg(format!("127.0.0.1:{}", self.sip))
                .args(["-i", "127.0.0.1", "-p", &port.to_string()])
                .args(["-mi", "127.0.0.1", "-mp", &media.to_string()])
                .args(["-m", "1", "-nostdin", "-timeout", "40s", "-key", "testtime"])
                .arg(at.timestamp().to_string())
                .output()
                .unwrap()
        });
        assert!(
            output.status.success(),
            "the call went through: {}",
            String::from_utf8_lossy(&output.stdout)
        );
    }
}

fn bridge(app: &TestApp, exchange: &Exchange, url: &str, token_file: &Path, log: &Path) -> Running {
    start(
        Command::new(env!("CARGO_BIN_EXE_senim"))
            .args(["phone", "bridge", "--baresip"])
            .arg(format!("127.0.0.1:{}", exchange.control))
            .arg("--recordings")
            .arg(exchange.recordings())
            .args(["--url", url, "--token-file"])
            .arg(token_file)
            .env("SENIM_DATA", &app.data),
        log,
    )
}

/// Waits until the bridge's log says `line`.
async fn said(log: &Path, line: &str) {
    for _ in 0..300 {
        if std::fs::read_to_string(log).unwrap_or_default().contains(line) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!(
        "the bridge never said {line:?}: {}",
        std::fs::read_to_string(log).unwrap_or_default()
    );
}

/// The voicemails in the inbox once there are `count`.
async fn voicemails(api: &Api, count: usize) -> Vec<Value> {
    let mut items = Vec::new();
    for _ in 0..300 {
        let (status, inbox) = api.get("/api/v1/inbox").await;
        assert_eq!(status, 200);
        items = inbox["items"].as_array().cloned().unwrap_or_default();
        items.retain(|item| item["kind"] == "voicemail");
        if items.len() >= count {
            return items;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{count} voicemails never arrived: {items:?}");
}

fn recordings_left(exchange: &Exchange) -> Vec<String> {
    std::fs::read_dir(exchange.recordings())
        .unwrap()
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with("-dec.wav"))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_call_the_school_cannot_take_reaches_the_inbox_through_a_real_exchange() {
    let missing: Vec<&str> = ["kamailio", "baresip", "sipp", "sox"]
        .into_iter()
        .filter(|program| !installed(program))
        .collect();
    if !missing.is_empty() {
        eprintln!(
            "\nThe exchange test skipped: {} not installed (.ci/run installs them).\n",
            missing.join(", ")
        );
        return;
    }
    // The bridge talks to Senim over HTTP only: one backend shows it.
    let app = spawn_app(Backend::Sqlite).await.unwrap();
    app.school("school-a", "").await;
    let scratch = scratch("phone-exchange");
    std::fs::create_dir_all(&scratch).unwrap();
    let intake = app.intake_token("specialist").await;
    let token_file = scratch.join("intake.token");
    std::fs::write(&token_file, format!("{intake}\n")).unwrap();
    let reader = app.api(&app.token("specialist").await);

    // The machine plays the school's own greeting, followed by the silence a message is
    // recorded in (baresip ends the call when its file ends).
    let greeting = {
        let (client, base, token) = reader.raw();
        let response = client
            .get(format!("{base}/api/v1/phone/greeting.wav?lang=kk"))
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        let spoken = if response.status() == 200 {
            response.bytes().await.unwrap().to_vec()
        } else {
            senim_domain::greeting::silence_wav(1)
        };
        let mut wav = spoken;
        let silence = senim_domain::greeting::silence_wav(30);
        let data = |bytes: &[u8]| bytes.windows(4).position(|window| window == b"data").unwrap() + 8;
        wav.extend_from_slice(&silence[data(&silence)..]);
        let at = data(&wav) - 4;
        let length = u32::try_from(wav.len() - at - 4).unwrap();
        wav[at..at + 4].copy_from_slice(&length.to_le_bytes());
        let riff = u32::try_from(wav.len() - 8).unwrap();
        wav[4..8].copy_from_slice(&riff.to_le_bytes());
        wav
    };
    let exchange = exchange(&scratch, &greeting);
    let log = scratch.join("bridge.log");
    let running = bridge(&app, &exchange, &app.base, &token_file, &log);
    said(&log, "following the answering machine's events").await;

    // Saturday 28 November 2026, 10:00 in Almaty: out of hours.
    exchange.call(&scratch, almaty(2026, 11, 28, 10, 0));
    let items = voicemails(&reader, 1).await;
    let first = &items[0];
    assert_eq!(first["reason"], "out_of_hours", "{first}");
    assert_eq!(
        first["caller_number"], "77010000000",
        "the caller's number, sealed and shown to readers"
    );
    let heard = first["audio_seconds"].as_f64().unwrap();
    assert!(
        (3.0..=20.0).contains(&heard),
        "the caller's six seconds were recorded: {heard}"
    );
    assert!(first["duration_seconds"].as_i64().unwrap() >= 3, "{first}");
    let (client, base, token) = reader.raw();
    let audio = client
        .get(format!("{base}/api/v1/inbox/{}/audio", first["id"]))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(&audio[0..4], b"RIFF", "the recording plays back as a WAV");

    // Monday 30 November 2026, 10:00: in the hours, but the operator does not answer.
    exchange.call(&scratch, almaty(2026, 11, 30, 10, 0));
    let items = voicemails(&reader, 2).await;
    let reasons: Vec<&str> = items.iter().filter_map(|item| item["reason"].as_str()).collect();
    assert!(reasons.contains(&"no_answer"), "{reasons:?}");
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        recordings_left(&exchange),
        Vec::<String>::new(),
        "Senim has them: the exchange keeps none"
    );
    drop(running);

    // Senim unreachable: the voicemail waits in the bridge's state, and a bridge started
    // again once Senim is back posts it.
    let nowhere = format!("http://127.0.0.1:{}", free_port(false));
    let log = scratch.join("bridge-offline.log");
    let offline = bridge(&app, &exchange, &nowhere, &token_file, &log);
    said(&log, "following the answering machine's events").await;
    exchange.call(&scratch, almaty(2026, 11, 28, 23, 0));
    said(&log, "not posted yet").await;
    drop(offline);
    assert_eq!(
        recordings_left(&exchange).len(),
        1,
        "the recording is kept until Senim has it"
    );
    // And a recording no event told of — the machine recorded while no bridge ran — is found
    // in the folder and posted with what its file tells.
    let orphan = exchange.recordings().join("dump-2026-11-28-03-00-00-dec.wav");
    std::fs::write(&orphan, senim_domain::greeting::silence_wav(2)).unwrap();
    let ended = almaty(2026, 11, 28, 3, 0).timestamp().unsigned_abs();
    std::fs::File::options()
        .write(true)
        .open(&orphan)
        .unwrap()
        .set_modified(std::time::UNIX_EPOCH + Duration::from_secs(ended))
        .unwrap();
    let log = scratch.join("bridge-again.log");
    let again = bridge(&app, &exchange, &app.base, &token_file, &log);
    let items = voicemails(&reader, 4).await;
    assert_eq!(items.len(), 4);
    assert!(
        items
            .iter()
            .any(|item| item["duration_seconds"] == 2 && item["reason"] == "out_of_hours"),
        "{items:?}"
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(recordings_left(&exchange), Vec::<String>::new());
    drop(again);

    // Once more: nothing is posted twice.
    let log = scratch.join("bridge-last.log");
    let _last = bridge(&app, &exchange, &app.base, &token_file, &log);
    said(&log, "following the answering machine's events").await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(
        voicemails(&reader, 4).await.len(),
        4,
        "each call is one voicemail"
    );
    let last = std::fs::read_to_string(scratch.join("bridge-last.log")).unwrap();
    assert!(
        !last.contains("Senim has the voicemail"),
        "nothing was posted again: {last}"
    );
    let logs: String = [
        "bridge.log",
        "bridge-offline.log",
        "bridge-again.log",
        "bridge-last.log",
    ]
    .iter()
    .map(|name| std::fs::read_to_string(scratch.join(name)).unwrap_or_default())
    .collect();
    assert!(
        !logs.contains("77010000000"),
        "no caller's number in the bridge's log: {logs}"
    );
    assert!(
        !logs.contains("@127.0.0.1"),
        "no call id in the bridge's log: {logs}"
    );
}
