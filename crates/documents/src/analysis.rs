//! The monthly analysis as a PDF for the director: a table of the month's figures beside the
//! previous month and the same month a year before, and a chart. Numbers only.

use senim_i18n::Lang;
use typst::foundations::Bytes;

use crate::docx::Writer;
use crate::pdf::{Template, render};
use crate::{DocumentError, document_lang};

/// One line of the table: what is counted and the three months' values.
#[derive(Clone, Debug)]
pub struct AnalysisLine {
    pub label: String,
    pub values: [u32; 3],
}

#[derive(Clone, Debug)]
pub struct MonthlyAnalysis {
    pub institution: String,
    pub title: String,
    /// The three months' names: this month, the previous one, the same month a year before.
    pub columns: [String; 3],
    pub lines: Vec<AnalysisLine>,
    pub chart_title: String,
    /// The chart by channel as an SVG document.
    pub chart_svg: String,
    /// The written analysis, paragraphs separated by blank lines; empty when none was written.
    pub text: String,
    pub text_title: String,
    pub lang: Lang,
}

impl MonthlyAnalysis {
    pub fn pdf(&self, today: chrono::NaiveDate) -> Result<Vec<u8>, DocumentError> {
        let data = serde_json::json!({
            "lang": document_lang(self.lang).code(),
            "institution": self.institution,
            "title": self.title,
            "columns": self.columns,
            "lines": self.lines.iter().map(|line| serde_json::json!({
                "label": line.label,
                "values": line.values.iter().map(u32::to_string).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "chart_title": self.chart_title,
            "text_title": self.text_title,
            "paragraphs": self.paragraphs(),
        });
        let chart = Bytes::new(self.chart_svg.clone().into_bytes());
        render(
            Template::Analysis,
            &data.to_string(),
            vec![("chart", chart)],
            today,
        )
    }

    fn paragraphs(&self) -> Vec<String> {
        self.text
            .replace("\r\n", "\n")
            .split("\n\n")
            .map(str::trim)
            .filter(|paragraph| !paragraph.is_empty())
            .map(str::to_owned)
            .collect()
    }

    /// The analysis as a Word document: the title, the table and the written text (the chart
    /// stays in the PDF; its numbers are the table's).
    pub fn docx(&self) -> Result<Vec<u8>, DocumentError> {
        let mut docx = Writer::new();
        docx.centred(&self.institution, true);
        docx.blank();
        docx.centred(&self.title, true);
        docx.blank();
        let mut rows = vec![
            std::iter::once(String::new())
                .chain(self.columns.iter().cloned())
                .collect::<Vec<_>>(),
        ];
        rows.extend(self.lines.iter().map(|line| {
            std::iter::once(line.label.clone())
                .chain(line.values.iter().map(u32::to_string))
                .collect()
        }));
        docx.table(&rows, &[4200, 1700, 1700, 1700], true, true);
        let paragraphs = self.paragraphs();
        if !paragraphs.is_empty() {
            docx.blank();
            docx.line(&self.text_title, true);
            for paragraph in &paragraphs {
                docx.indented(paragraph);
            }
        }
        docx.finish()
    }
}
