//! Each document rendered and read back by an independent reader: poppler's `pdftotext` for
//! PDFs (installed by `.ci/run`), the zip structure for DOCX and XLSX (LibreOffice and
//! openpyxl read them in the integration tests).

use chrono::{NaiveDate, TimeZone, Utc};
use senim_domain::{Position, Positions};
use senim_i18n::Lang;

use crate::{Act, Book, BookEntry, JournalExport, JournalRow, Poster, Signatory};

const INSTITUTION: &str = "«Бөгенбай батыр атындағы облыстық олимпиадалық резервтің мамандырылған мектеп интернат колледжі» коммуналдық мемлекеттік мекемесі";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// The text of a PDF as `pdftotext -layout` reads it, and its page count.
pub(crate) fn pdf_text(pdf: &[u8]) -> (String, usize) {
    let dir = std::env::temp_dir().join(format!("senim-doc-{}-{}", std::process::id(), pdf.len()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("doc.pdf");
    std::fs::write(&file, pdf).unwrap();
    let output = std::process::Command::new("pdftotext")
        .arg("-layout")
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    let text = String::from_utf8(output.stdout).unwrap();
    let pages = text.matches('\u{c}').count();
    let _ = std::fs::remove_dir_all(&dir);
    (text, pages)
}

fn members() -> Vec<Signatory> {
    vec![
        Signatory {
            full_name: "Н.Сунгубаева".into(),
            positions: Positions::new(vec![Position::DeputyDirector, Position::Psychologist]).unwrap(),
        },
        Signatory {
            full_name: "Д.Мухтарова".into(),
            positions: Positions::new(vec![Position::SocialPedagogue]).unwrap(),
        },
    ]
}

#[test]
fn the_act_of_an_empty_box_prints_in_the_seeds_words() {
    let opened = Utc.with_ymd_and_hms(2023, 10, 27, 5, 0, 0).unwrap();
    let act = Act::new(INSTITUTION, opened, 0, &[], &members(), Lang::Kk);
    let pdf = act.pdf(today()).unwrap();
    std::fs::write("/tmp/act-empty.pdf", &pdf).unwrap();
    let (text, pages) = pdf_text(&pdf);
    assert_eq!(pages, 1);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Күні: 27.10.2023 ж."), "{flat}");
    assert!(flat.contains("АКТ"));
    assert!(
        flat.contains("«Сенім жәшігін» ашу кезінде еш бір хаттың болмауын анықтадық"),
        "{flat}"
    );
    assert!(flat.contains("Бөгенбай батыр атындағы"));
    // The deputy director signs first; one person with two positions signs twice.
    assert_eq!(flat.matches("Н.Сунгубаева").count(), 2, "{flat}");
    assert!(flat.find("орынбасары").unwrap() < flat.find("Әлеуметтік педагог").unwrap());
    for letter in ['ә', 'ғ', 'қ', 'ң', 'ө', 'ү', 'і'] {
        assert!(flat.contains(letter), "{letter} is missing from the PDF's text");
    }
}

#[test]
fn the_act_of_three_letters_lists_their_numbers_in_russian_too() {
    let opened = Utc.with_ymd_and_hms(2024, 1, 16, 5, 0, 0).unwrap();
    let act = Act::new(
        "КГУ «Школа-интернат»",
        opened,
        3,
        &[4, 5, 6],
        &members(),
        Lang::Ru,
    );
    let (text, _) = pdf_text(&act.pdf(today()).unwrap());
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("обнаружили 3 письма"), "{flat}");
    assert!(flat.contains("под № 4, 5, 6"), "{flat}");
    assert!(flat.contains("Дата: 16.01.2024 г."), "{flat}");
    let docx = act.docx().unwrap();
    assert_eq!(&docx[..2], b"PK", "a DOCX is a zip");
}

#[test]
fn the_poster_carries_the_phone_hours_address_and_qr_code() {
    let poster = Poster {
        institution: INSTITUTION.into(),
        trust_phone: "8 (7132) 55-12-34".into(),
        box_url: "https://senim.example.kz/box/demo".into(),
        hours: senim_domain::hours::DutyHours::parse("8:30", "17:00").unwrap(),
        lang: Lang::Kk,
    };
    let pdf = poster.pdf(today()).unwrap();
    std::fs::write("/tmp/poster.pdf", &pdf).unwrap();
    let (text, pages) = pdf_text(&pdf);
    assert_eq!(pages, 1);
    assert!(text.contains("8 (7132) 55-12-34"));
    assert!(text.contains("https://senim.example.kz/box/demo"));
    assert!(
        text.contains("8:30") && text.contains("17:00"),
        "the school's own hours: {text}"
    );
}

fn entry(year: i32, number: i64) -> BookEntry {
    BookEntry {
        year,
        number,
        received: format!("{:02}.12.{year} 10:15", (number % 28) + 1),
        applicant: if number % 3 == 0 {
            String::new()
        } else {
            "Серікова Айгүл Маратқызы, Ақтөбе қ., +7 701 555 12 34".into()
        },
        summary: "Сыныптастары мазақтайды, мектепке барғысы келмейді; ата-анасы көмек сұрайды.".into(),
        forwarded: vec!["Кәмелетке толмағандардың істері жөніндегі инспектор — 15.12.2025".into()],
        outcome: "Психологпен әңгіме өткізілді.".into(),
        urgent: number == 2,
        corrects: (number == 5).then(|| "№ 4 (2025)".into()),
        corrected_by: if number == 4 {
            vec!["№ 5 (2025)".into()]
        } else {
            Vec::new()
        },
    }
}

#[test]
fn the_book_has_a_title_page_numbered_pages_and_the_page_count() {
    let mut entries: Vec<BookEntry> = (1..=40).map(|n| entry(2025, n)).collect();
    entries.extend((1..=20).map(|n| entry(2026, n)));
    let book = Book {
        institution: INSTITUTION.into(),
        academic_year: 2025,
        lang: Lang::Kk,
        entries,
        fingerprints: vec![
            (2025, 40, "A1B2-C3D4-E5F6".into()),
            (2026, 20, "0F1E-2D3C-4B5A".into()),
        ],
    };
    let pdf = book.pdf(today()).unwrap();
    std::fs::write("/tmp/book.pdf", &pdf).unwrap();
    let (text, pages) = pdf_text(&pdf);
    assert!(pages > 2, "{pages}");
    // Every page carries its number at the foot: the last line of each page's text.
    for (index, page) in text
        .split('\u{c}')
        .filter(|page| !page.trim().is_empty())
        .enumerate()
    {
        let last = page
            .lines()
            .rev()
            .find(|line| !line.trim().is_empty())
            .unwrap_or("");
        assert_eq!(
            last.trim(),
            (index + 1).to_string(),
            "page {} is not numbered",
            index + 1
        );
    }
    assert!(text.contains("2025 – 2026 оқу жылы"), "{text}");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(&format!("Осы кітапта {pages} бет нөмірленген")),
        "the certification names the page count {pages}: {flat}"
    );
    assert!(
        flat.contains("2026 жыл"),
        "the numbering restarts in January: {flat}"
    );
    assert!(flat.contains("шұғыл"), "urgent entries are marked");
    // Seed 5.3: column в stays empty for an anonymous appeal; its number is marked instead.
    assert!(
        !flat.contains("Иесі бүркемеленген"),
        "column в is not filled: {flat}"
    );
    assert!(flat.contains("жасырын"), "anonymous entries are marked: {flat}");
    assert!(
        flat.contains("№ 4 (2025) түзетеді") || flat.contains("түзет"),
        "{flat}"
    );
}

#[test]
fn the_journal_exports_as_a_workbook() {
    let export = JournalExport {
        lang: Lang::Kk,
        rows: vec![JournalRow {
            year: 2026,
            number: 1,
            received: NaiveDate::from_ymd_opt(2026, 1, 5)
                .unwrap()
                .and_hms_opt(10, 15, 0)
                .unwrap(),
            applicant: String::new(),
            summary: "Қысқаша мазмұны".into(),
            forwarded: String::new(),
            outcome: String::new(),
            channel: "«Сенім телефонына» қоңырау".into(),
            category: "Зорлық-зомбылық".into(),
            urgent: true,
            status: "Қаралуда".into(),
        }],
    };
    let xlsx = export.xlsx().unwrap();
    assert_eq!(&xlsx[..2], b"PK");
}

#[test]
fn the_seeds_minutes_print_in_its_order_and_typed_text_stays_text() {
    use crate::{Minutes, MinutesItem};
    let minutes = Minutes::new(
        INSTITUTION,
        NaiveDate::from_ymd_opt(2023, 11, 11).unwrap(),
        1,
        &members(),
        vec![MinutesItem {
            topic: "Сенім жәшігіне түскен хаттарды талқылау.".into(),
            heard: vec![(
                "Н.Сунгубаева".into(),
                "Жәшікке еш қандай хат түспегенін айтты; #pagebreak() $x$ *жұлдыз* [сілтеме]".into(),
            )],
            resolved: "Сенім жәшігі айына екі рет ашылсын.".into(),
        }],
        "Н.Сунгубаева",
        "Д.Мухтарова",
        Lang::Kk,
    );
    let (text, pages) = pdf_text(&minutes.pdf(today()).unwrap());
    assert_eq!(pages, 1, "no markup in the text reached the layout");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Қараша айындағы отырысы"), "{flat}");
    assert!(
        flat.contains("11.11.2023 жыл.") && flat.contains("Хаттама №1"),
        "{flat}"
    );
    assert!(
        flat.contains("#pagebreak() $x$ *жұлдыз* [сілтеме]"),
        "typed text prints as typed: {flat}"
    );
    let order = [
        "Қатысқандар:",
        "Күн тәртібінде:",
        "Тыңдалды:",
        "Қаулы:",
        "Жиналыс төрағасы:",
        "Хатшы:",
    ];
    let places: Vec<usize> = order
        .iter()
        .map(|label| flat.find(label).unwrap_or(usize::MAX))
        .collect();
    assert!(places.windows(2).all(|pair| pair[0] < pair[1]), "{flat}");
    assert_eq!(&minutes.docx().unwrap()[..2], b"PK");
}

#[test]
fn the_plan_prints_its_columns_and_progress() {
    use crate::{PlanDocument, PlanRow};
    let plan = PlanDocument {
        lang: Lang::Ru,
        institution: "КГУ «Школа-интернат»".into(),
        title: "План мероприятий по «Телефону доверия» и «Ящику доверия» на 2023 – 2024 учебный год".into(),
        columns: ["№", "Мероприятия", "Сроки", "Ответственные", "Выполнение"].map(String::from),
        rows: vec![PlanRow {
            activity: "Работа с письмами, поступившими в «Ящик доверия».".into(),
            timing: "Раз в неделю".into(),
            responsible: "ЗДВР, Педагог-психолог".into(),
            progress: "выполнено 2 из 10 периодов\nНе выполнено: 04.09, 11.09".into(),
        }],
        legend: "Выполнение по записям на 25.11.2026.".into(),
        signatures: vec![("Педагог-психолог".into(), "А.Шалабаева".into())],
    };
    let (text, _) = pdf_text(&plan.pdf(today()).unwrap());
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Мероприятия",
        "Сроки",
        "Ответственные",
        "неделю",
        "04.09, 11.09",
        "А.Шалабаева",
    ] {
        assert!(flat.contains(expected), "{expected}: {flat}");
    }
    assert_eq!(&plan.docx().unwrap()[..2], b"PK");
}
