//! The registration book («… тіркеу кітабы») of an academic year: title page, the journal
//! with columns а–е on numbered pages, and the closing certification with the page count.

use senim_i18n::{Arg, Lang};

use crate::pdf::{Template, render};
use crate::{DocumentError, document_lang};

/// One entry of the book, in the journal's order.
#[derive(Clone, Debug)]
pub struct BookEntry {
    /// The calendar year whose numbering the entry belongs to.
    pub year: i32,
    pub number: i64,
    /// Column б, as shown (dd.mm.yyyy hh:mm, Kazakhstan time).
    pub received: String,
    /// Column в: name, address and phone; empty for an anonymous appeal.
    pub applicant: String,
    pub summary: String,
    /// Column д: each forwarding with its deadline.
    pub forwarded: Vec<String>,
    pub outcome: String,
    pub urgent: bool,
    /// The entry this one corrects, as «№ N (YYYY)».
    pub corrects: Option<String>,
    /// Entries that correct this one.
    pub corrected_by: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct Book {
    pub institution: String,
    /// The academic year's first calendar year: 2025 for «2025 – 2026 оқу жылы».
    pub academic_year: i32,
    pub lang: Lang,
    pub entries: Vec<BookEntry>,
    /// For each calendar year the book holds: the year, the number of its last entry in the
    /// book, and the journal's fingerprint standing there (`senim verify --at` prints the same).
    pub fingerprints: Vec<(i32, i64, String)>,
}

impl Book {
    fn json(&self) -> String {
        let lang = document_lang(self.lang);
        let headers: Vec<String> = [
            "col-number",
            "col-received",
            "col-applicant",
            "col-summary",
            "col-forwarded",
            "col-outcome",
        ]
        .iter()
        .zip(["а", "б", "в", "г", "д", "е"])
        .map(|(id, letter)| format!("{letter}) {}", lang.t(id)))
        .collect();
        let mut previous_year = None;
        let entries: Vec<serde_json::Value> = self
            .entries
            .iter()
            .map(|entry| {
                let year_break = if previous_year.is_some_and(|year| year != entry.year) {
                    lang.t_args("book-year-break", &[("year", Arg::from(entry.year.to_string()))])
                } else {
                    String::new()
                };
                previous_year = Some(entry.year);
                let mut marks = Vec::new();
                if entry.urgent {
                    marks.push(lang.t("mark-urgent"));
                }
                // Seed 5.3: column в is not filled for an anonymous appeal; the number says so.
                if entry.applicant.is_empty() {
                    marks.push(lang.t("mark-anonymous"));
                }
                let mut notes = Vec::new();
                if let Some(corrects) = &entry.corrects {
                    notes.push(lang.t_args("book-corrects", &[("entry", Arg::from(corrects.as_str()))]));
                }
                for by in &entry.corrected_by {
                    notes.push(lang.t_args("book-corrected-by", &[("entry", Arg::from(by.as_str()))]));
                }
                serde_json::json!({
                    "year_break": year_break,
                    "number": entry.number.to_string(),
                    "received": entry.received,
                    "applicant": entry.applicant,
                    "summary": entry.summary,
                    "forwarded": entry.forwarded,
                    "outcome": entry.outcome,
                    "marks": marks,
                    "notes": notes,
                })
            })
            .collect();
        let years = senim_domain::plan::AcademicYear(self.academic_year).spaced();
        serde_json::json!({
            "lang": lang.code(),
            "institution": self.institution,
            "title": lang.t("book-title"),
            "academic_year": lang.t_args("book-academic-year", &[("years", Arg::from(years))]),
            "headers": headers,
            "entries": entries,
            "empty": lang.t("book-empty"),
            "certification_before": lang.t("book-certification-before"),
            "certification_after": lang.t("book-certification-after"),
            "director": lang.t("position-director"),
            "seal": lang.t("book-seal"),
            "fingerprints": self
                .fingerprints
                .iter()
                .map(|(year, number, fingerprint)| {
                    lang.t_args(
                        "book-fingerprint",
                        &[
                            ("year", Arg::from(year.to_string())),
                            ("number", Arg::Number(*number)),
                            ("fingerprint", Arg::from(fingerprint.as_str())),
                        ],
                    )
                })
                .collect::<Vec<_>>(),
        })
        .to_string()
    }

    /// The book as an A4 landscape PDF.
    pub fn pdf(&self, today: chrono::NaiveDate) -> Result<Vec<u8>, DocumentError> {
        render(Template::Book, &self.json(), Vec::new(), today)
    }
}
