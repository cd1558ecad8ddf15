//! The monthly analysis for the director: a table of the month's figures beside the previous
//! month and the same month a year before, charts by channel and by category, and the written
//! analysis. Numbers only.

use senim_i18n::Lang;
use typst::foundations::Bytes;

use crate::docx::Writer;
use crate::pdf::{Template, render};
use crate::{DocumentError, document_lang};

/// One line of the table: what is counted and the three months' values; a line without
/// values heads the lines after it («By category»).
#[derive(Clone, Debug)]
pub struct AnalysisLine {
    pub label: String,
    pub values: Option<[u32; 3]>,
    /// The months whose value is hidden: a small count that could point at a child.
    pub hidden: [bool; 3],
}

/// What a hidden count shows instead (the table's note says why).
pub const HIDDEN: &str = "×";

impl AnalysisLine {
    /// The three months' cells as shown: the count, or [`HIDDEN`].
    pub fn cells(&self) -> Option<[String; 3]> {
        self.values.map(|values| {
            [0, 1, 2].map(|month| {
                if self.hidden[month] {
                    HIDDEN.to_owned()
                } else {
                    values[month].to_string()
                }
            })
        })
    }
}

/// A chart: its title and the SVG document Senim drew.
#[derive(Clone, Debug)]
pub struct Chart {
    pub title: String,
    pub svg: String,
}

/// The names the charts reach the template under (at most this many charts).
const CHART_INPUTS: [&str; 3] = ["chart-0", "chart-1", "chart-2"];

#[derive(Clone, Debug)]
pub struct MonthlyAnalysis {
    pub institution: String,
    pub title: String,
    /// The three months' names: this month, the previous one, the same month a year before.
    pub columns: [String; 3],
    pub lines: Vec<AnalysisLine>,
    pub charts: Vec<Chart>,
    /// The written analysis, paragraphs separated by blank lines; empty when none was written.
    pub text: String,
    pub text_title: String,
    pub lang: Lang,
    /// The journal's fingerprint line (`book-fingerprint`), empty before the year's first entry.
    pub fingerprint: String,
    /// Why a count is hidden, said under the table when one is; empty otherwise.
    pub hidden_note: String,
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
                "values": line.cells(),
            })).collect::<Vec<_>>(),
            "charts": self.charts.iter().take(CHART_INPUTS.len()).map(|chart| &chart.title).collect::<Vec<_>>(),
            "text_title": self.text_title,
            "paragraphs": self.paragraphs(),
            "fingerprint": self.fingerprint,
            "hidden_note": self.hidden_note,
        });
        let charts = CHART_INPUTS
            .iter()
            .zip(&self.charts)
            .map(|(name, chart)| (*name, Bytes::new(chart.svg.clone().into_bytes())))
            .collect();
        render(Template::Analysis, &data.to_string(), charts, today)
    }

    /// The analysis's table as a workbook: the school and the title above, the three months'
    /// columns, one row per line (headings bold), numbers as numbers.
    pub fn xlsx(&self) -> Result<Vec<u8>, DocumentError> {
        use rust_xlsxwriter::{Format, Workbook};
        let write = |error: rust_xlsxwriter::XlsxError| DocumentError::Write(error.to_string());
        let lang = document_lang(self.lang);
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        let name: String = lang.t("analysis-xlsx-sheet").chars().take(31).collect();
        sheet.set_name(name).map_err(write)?;
        let bold = Format::new().set_bold();
        let header = Format::new()
            .set_bold()
            .set_text_wrap()
            .set_background_color("#E8EDF3");
        sheet.set_column_width(0, 60.0).map_err(write)?;
        sheet
            .write_string_with_format(0, 0, &self.institution, &bold)
            .map_err(write)?;
        sheet
            .write_string_with_format(1, 0, &self.title, &bold)
            .map_err(write)?;
        sheet
            .write_string_with_format(3, 0, lang.t("analysis-xlsx-measure"), &header)
            .map_err(write)?;
        for (col, column) in (1u16..).zip(&self.columns) {
            sheet.set_column_width(col, 18.0).map_err(write)?;
            sheet
                .write_string_with_format(3, col, column, &header)
                .map_err(write)?;
        }
        for (row, line) in (4u32..).zip(&self.lines) {
            match line.values {
                Some(values) => {
                    sheet.write_string(row, 0, &line.label).map_err(write)?;
                    for (col, (value, hidden)) in (1u16..).zip(values.into_iter().zip(line.hidden)) {
                        if hidden {
                            sheet.write_string(row, col, HIDDEN).map_err(write)?;
                        } else {
                            sheet.write_number(row, col, f64::from(value)).map_err(write)?;
                        }
                    }
                }
                None => {
                    sheet
                        .write_string_with_format(row, 0, &line.label, &bold)
                        .map_err(write)?;
                }
            }
        }
        if !self.hidden_note.is_empty() {
            let row = 4 + u32::try_from(self.lines.len()).unwrap_or(0) + 1;
            sheet.write_string(row, 0, &self.hidden_note).map_err(write)?;
        }
        sheet.set_freeze_panes(4, 1).map_err(write)?;
        workbook.save_to_buffer().map_err(write)
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
            let values = line
                .cells()
                .map_or_else(|| vec![String::new(); 3], |cells| cells.into_iter().collect());
            std::iter::once(line.label.clone()).chain(values).collect()
        }));
        docx.table(&rows, &[4200, 1700, 1700, 1700], true, true);
        if !self.hidden_note.is_empty() {
            docx.line(&self.hidden_note, false);
        }
        let paragraphs = self.paragraphs();
        if !paragraphs.is_empty() {
            docx.blank();
            docx.line(&self.text_title, true);
            for paragraph in &paragraphs {
                docx.indented(paragraph);
            }
        }
        if !self.fingerprint.is_empty() {
            docx.blank();
            docx.line(&self.fingerprint, false);
        }
        docx.finish()
    }
}
