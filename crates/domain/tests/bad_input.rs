//! Bad input everywhere: every parser of what a person, a file or another machine gives Senim
//! — the calendar and lexicon files, the triage normaliser and screen, receipt and letter
//! codes, a voicemail's metadata and recording, an uploaded greeting, a school's hours, months
//! and school years — runs on thousands of generated inputs without a panic, and the
//! properties that must hold (a code read back as written, a normalised text unchanged by a
//! second pass, a hit inside the text it was found in, the phone's next duty never in the
//! past) hold.

use chrono::{DateTime, TimeZone, Utc};
use proptest::prelude::*;
use senim_domain::calendar::WorkingCalendar;
use senim_domain::hours::DutyHours;
use senim_domain::trust_box::{LetterCode, ReceiptCode};

/// Made once: a test's cases share them.
static LEXICON: std::sync::LazyLock<senim_domain::triage::Lexicon> =
    std::sync::LazyLock::new(senim_domain::triage::Lexicon::embedded);
static CALENDAR: std::sync::LazyLock<WorkingCalendar> = std::sync::LazyLock::new(WorkingCalendar::embedded);

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 2000,
        ..ProptestConfig::default()
    }
}

/// Bytes that begin as a WAV does, so the parser goes past its first check.
fn riffish() -> impl Strategy<Value = Vec<u8>> {
    (any::<u32>(), proptest::collection::vec(any::<u8>(), 0..600)).prop_map(|(size, rest)| {
        let mut bytes = b"RIFF".to_vec();
        bytes.extend_from_slice(&size.to_le_bytes());
        bytes.extend_from_slice(b"WAVE");
        bytes.extend_from_slice(&rest);
        bytes
    })
}

/// A `fmt `/`data` chunk pair with any numbers in it.
fn chunked_wav() -> impl Strategy<Value = Vec<u8>> {
    (
        any::<u16>(),
        any::<u16>(),
        any::<u32>(),
        any::<u16>(),
        any::<u32>(),
        proptest::collection::vec(any::<u8>(), 0..400),
    )
        .prop_map(|(format, channels, rate, bits, data_size, samples)| {
            let mut bytes = b"RIFF\0\0\0\0WAVEfmt ".to_vec();
            bytes.extend_from_slice(&16u32.to_le_bytes());
            bytes.extend_from_slice(&format.to_le_bytes());
            bytes.extend_from_slice(&channels.to_le_bytes());
            bytes.extend_from_slice(&rate.to_le_bytes());
            bytes.extend_from_slice(&rate.wrapping_mul(2).to_le_bytes());
            bytes.extend_from_slice(&2u16.to_le_bytes());
            bytes.extend_from_slice(&bits.to_le_bytes());
            bytes.extend_from_slice(b"data");
            bytes.extend_from_slice(&data_size.to_le_bytes());
            bytes.extend_from_slice(&samples);
            bytes
        })
}

/// A calendar file's shape with any numbers and words in it.
fn calendar_file() -> impl Strategy<Value = String> {
    (
        -5i64..5,
        any::<i32>(),
        prop_oneof![
            Just("official".to_owned()),
            Just("provisional".to_owned()),
            "[a-z]{0,8}"
        ],
        proptest::collection::vec((any::<i32>(), 0u32..14, 0u32..33, any::<bool>()), 0..4),
        proptest::collection::vec((1900i32..2200, 1u32..13, 1u32..29, "[a-z_]{0,12}"), 0..4),
    )
        .prop_map(|(schema, year, status, holidays, transfers)| {
            let mut text = format!("schema = {schema}\n[[year]]\nyear = {year}\nstatus = \"{status}\"\n");
            for (y, m, d, off) in holidays {
                text.push_str(&format!(
                    "[[year.holiday]]\ndate = {y:04}-{m:02}-{d:02}\nday_off = {off}\n"
                ));
            }
            for (y, m, d, kind) in transfers {
                text.push_str(&format!(
                    "[[year.transfer]]\ndate = {y:04}-{m:02}-{d:02}\nkind = \"{kind}\"\n"
                ));
            }
            text
        })
}

fn moment() -> impl Strategy<Value = DateTime<Utc>> {
    // 1990 to 2100.
    (631_152_000i64..4_102_444_800).prop_map(|seconds| Utc.timestamp_opt(seconds, 0).unwrap())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn the_calendar_file_never_panics(text in ".{0,300}", shaped in calendar_file()) {
        let _ = WorkingCalendar::parse(&text);
        if let Ok(calendar) = WorkingCalendar::parse(&shaped) {
            for (year, _) in calendar.years() {
                let _ = calendar.days_off(year);
            }
        }
    }

    #[test]
    fn the_lexicon_file_never_panics(text in ".{0,300}", terms in proptest::collection::vec("\\PC{0,20}", 0..6)) {
        let _ = senim_domain::triage::Lexicon::parse(&text);
        let shaped = format!(
            "schema = 1\n[[category]]\nname = \"self_harm\"\npositive = [{}]\n",
            terms.iter().map(|term| format!("{term:?}")).collect::<Vec<_>>().join(", ")
        );
        let _ = senim_domain::triage::Lexicon::parse(&shaped);
    }

    #[test]
    fn the_screen_never_panics_and_normalising_twice_changes_nothing(text in "\\PC{0,400}") {
        let once = senim_domain::triage::normalise(&text);
        prop_assert_eq!(senim_domain::triage::normalise(&once), once.clone());
        let lexicon = &*LEXICON;
        let first = senim_domain::triage::Screening::of_summary(lexicon, &text);
        for hit in &first.hits {
            prop_assert!(text.get(hit.start..hit.end).is_some(), "a hit lies inside its text");
        }
        let second = senim_domain::triage::Screening::of_summary(lexicon, &text);
        prop_assert!(first == second, "the same text, the same verdict");
        let _ = senim_domain::triage::Screening::of_message(lexicon, &text);
    }

    #[test]
    fn receipt_and_letter_codes_read_back_as_written_and_nonsense_is_refused(
        random in proptest::collection::vec(any::<u8>(), 0..64),
        typed in "\\PC{0,64}",
    ) {
        let _ = ReceiptCode::parse(&typed);
        let _ = LetterCode::parse(&typed);
        if let Some(code) = ReceiptCode::from_random(&random) {
            let read = ReceiptCode::parse(&code.grouped());
            prop_assert!(read.as_ref().is_ok_and(|read| read == &code));
        }
        if let Some(code) = LetterCode::from_random(&random) {
            let read = LetterCode::parse(&code.grouped());
            prop_assert!(read.as_ref().is_ok_and(|read| read == &code));
        }
    }

    #[test]
    fn a_voicemails_recording_and_metadata_never_panic(
        any_bytes in proptest::collection::vec(any::<u8>(), 0..600),
        riff in riffish(),
        wav in chunked_wav(),
        call_id in "\\PC{0,200}",
        duration in any::<i64>(),
        reason in "\\PC{0,20}",
        number in proptest::option::of("\\PC{0,40}"),
        started in moment(),
    ) {
        for bytes in [&any_bytes, &riff, &wav] {
            let _ = senim_domain::inbox::wav_millis(bytes);
            let _ = senim_domain::greeting::telephone_wav(bytes);
            let _ = senim_domain::greeting::recorded("kk", bytes);
        }
        let now = Utc.timestamp_opt(4_102_444_800, 0).unwrap();
        let _ = senim_domain::inbox::Voicemail::new(&call_id, started, duration, &reason, number.as_deref(), now);
    }

    #[test]
    fn a_schools_hours_never_panic_and_duty_resumes_ahead(
        opens in "[0-9:]{0,6}",
        closes in "[0-9:]{0,6}",
        now in moment(),
    ) {
        let calendar = &*CALENDAR;
        if let Ok(hours) = DutyHours::parse(&opens, &closes) {
            let next = hours.next_on(calendar, now);
            prop_assert!(next >= now);
            prop_assert!(hours.is_on(calendar, next), "duty is on when it is said to resume");
            let (from, until) = hours.minutes();
            prop_assert_eq!(DutyHours::from_minutes(from, until), Some(hours));
        }
    }

    #[test]
    fn months_school_years_slugs_and_scopes_never_panic(text in "\\PC{0,40}") {
        let _ = senim_domain::analysis::Month::parse(&text);
        let _ = senim_domain::plan::AcademicYear::parse(&text);
        let _ = senim_domain::Slug::parse(&text);
        let _ = senim_domain::staff::TokenScopes::parse(&text);
        let _ = senim_domain::staff::Positions::parse(&text);
        let _ = senim_domain::greeting::checked_text("kk", &text);
    }
}
