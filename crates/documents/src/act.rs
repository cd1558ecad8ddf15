//! The act of opening the Trust Box («Сенім жәшігін» ашу кезінде түзілген АКТ), worded as the
//! school's acts of 27.10.2023 and 16.01.2024, in Kazakh or Russian: for the page, the API,
//! the PDF and the DOCX.

use chrono::{DateTime, Utc};
use senim_domain::time::local;
use senim_domain::{Position, Positions};
use senim_i18n::{Arg, Lang};

use crate::docx::Writer;
use crate::pdf::{Template, render};
use crate::{DocumentError, document_lang};

/// A member of the commission as the act names them.
#[derive(Clone, Debug)]
pub struct Signatory {
    pub full_name: String,
    pub positions: Positions,
}

/// The act's text, ready to show or print.
#[derive(Clone, Debug)]
pub struct Act {
    pub lang: Lang,
    pub institution: String,
    pub heading: String,
    pub date: String,
    pub title: String,
    pub body: Vec<String>,
    /// Position and name, one line each; a member with two positions signs under each.
    pub signatures: Vec<(String, String)>,
}

impl Act {
    /// The act of an opening: `letters` found, `registered` the journal numbers of those
    /// registered so far.
    pub fn new(
        institution: &str,
        opened_at: DateTime<Utc>,
        letters: u32,
        registered: &[i64],
        signatories: &[Signatory],
        lang: Lang,
    ) -> Act {
        let lang = document_lang(lang);
        let mut body = vec![if letters == 0 {
            lang.t("act-body-empty")
        } else {
            lang.t_args("act-body-letters", &[("count", Arg::Number(i64::from(letters)))])
        }];
        if !registered.is_empty() {
            let numbers: Vec<String> = registered.iter().map(i64::to_string).collect();
            body.push(lang.t_args(
                "act-body-registered",
                &[("numbers", Arg::from(numbers.join(", ")))],
            ));
        }
        Act {
            lang,
            institution: institution.to_owned(),
            heading: lang.t("act-heading"),
            date: lang.t_args(
                "act-date",
                &[("date", Arg::from(local(opened_at).format("%d.%m.%Y").to_string()))],
            ),
            title: lang.t("act-title"),
            body,
            signatures: position_lines(signatories, lang),
        }
    }

    fn json(&self) -> String {
        serde_json::json!({
            "lang": self.lang.code(),
            "institution": self.institution,
            "heading": self.heading,
            "date": self.date,
            "title": self.title,
            "body": self.body,
            "signatures": self.signatures.iter().map(|(position, name)| {
                serde_json::json!({ "position": position, "name": name })
            }).collect::<Vec<_>>(),
        })
        .to_string()
    }

    /// The act as an A4 PDF.
    pub fn pdf(&self, today: chrono::NaiveDate) -> Result<Vec<u8>, DocumentError> {
        render(Template::Act, &self.json(), Vec::new(), today)
    }

    /// The act as a Word document, in the same order and wording.
    pub fn docx(&self) -> Result<Vec<u8>, DocumentError> {
        let mut docx = Writer::new();
        docx.centred(&self.institution, true);
        docx.centred(&self.heading, false);
        docx.centred(&self.date, false);
        docx.blank();
        docx.centred(&self.title, true);
        docx.blank();
        for paragraph in &self.body {
            docx.indented(paragraph);
        }
        docx.blank();
        docx.signatures(&self.signatures);
        docx.finish()
    }
}

/// One line per position, ordered as the school's papers order them (the deputy director
/// first); a member with two positions appears under each.
pub(crate) fn position_lines(members: &[Signatory], lang: Lang) -> Vec<(String, String)> {
    let mut lines: Vec<(u8, usize, Position, &str)> = members
        .iter()
        .enumerate()
        .flat_map(|(place, member)| {
            member
                .positions
                .as_slice()
                .iter()
                .map(move |position| (position.paper_rank(), place, *position, member.full_name.as_str()))
        })
        .collect();
    lines.sort_by_key(|(rank, place, _, _)| (*rank, *place));
    lines
        .into_iter()
        .map(|(_, _, position, name)| (lang.t(position.message_id()), name.to_owned()))
        .collect()
}
