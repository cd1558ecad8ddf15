//! The journal of a year or of a date range as XLSX: one row per appeal, columns а–е and the
//! channel, category, urgency and status; the header frozen, an autofilter, dates as dates.

use chrono::{Datelike, NaiveDateTime, Timelike};
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook, XlsxError};
use senim_i18n::Lang;

use crate::DocumentError;

#[derive(Clone, Debug)]
pub struct JournalRow {
    pub year: i32,
    pub number: i64,
    /// Column б, Kazakhstan time.
    pub received: NaiveDateTime,
    /// Column в; empty for an anonymous appeal.
    pub applicant: String,
    pub summary: String,
    pub forwarded: String,
    pub outcome: String,
    pub channel: String,
    pub category: String,
    pub urgent: bool,
    pub status: String,
}

#[derive(Clone, Debug)]
pub struct JournalExport {
    pub lang: Lang,
    pub rows: Vec<JournalRow>,
}

fn write_error(error: XlsxError) -> DocumentError {
    DocumentError::Write(error.to_string())
}

impl JournalExport {
    pub fn xlsx(&self) -> Result<Vec<u8>, DocumentError> {
        let lang = self.lang;
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        // A sheet name is at most 31 characters.
        let name: String = lang.t("xlsx-sheet").chars().take(31).collect();
        sheet.set_name(name).map_err(write_error)?;
        let header = Format::new()
            .set_bold()
            .set_text_wrap()
            .set_background_color("#E8EDF3");
        let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
        let date = Format::new()
            .set_num_format("dd.mm.yyyy hh:mm")
            .set_align(FormatAlign::Top);
        let top = Format::new().set_align(FormatAlign::Top);
        let headers = [
            (lang.t("xlsx-year"), 7.0),
            (format!("а) {}", lang.t("col-number")), 8.0),
            (format!("б) {}", lang.t("col-received")), 17.0),
            (format!("в) {}", lang.t("col-applicant")), 28.0),
            (format!("г) {}", lang.t("col-summary")), 50.0),
            (format!("д) {}", lang.t("col-forwarded")), 30.0),
            (format!("е) {}", lang.t("col-outcome")), 40.0),
            (lang.t("appeal-channel"), 18.0),
            (lang.t("appeal-category"), 28.0),
            (lang.t("mark-urgent"), 9.0),
            (lang.t("xlsx-status"), 18.0),
        ];
        for (col, (title, width)) in headers.iter().enumerate() {
            let col = u16::try_from(col).map_err(|_| DocumentError::Write("columns".into()))?;
            sheet
                .write_string_with_format(0, col, title, &header)
                .map_err(write_error)?;
            sheet.set_column_width(col, *width).map_err(write_error)?;
        }
        let yes = lang.t("xlsx-yes");
        for (index, row) in self.rows.iter().enumerate() {
            let r = u32::try_from(index + 1).map_err(|_| DocumentError::Write("rows".into()))?;
            let received = ExcelDateTime::from_ymd(
                u16::try_from(row.received.year()).map_err(|_| DocumentError::Write("year".into()))?,
                u8::try_from(row.received.month()).unwrap_or(1),
                u8::try_from(row.received.day()).unwrap_or(1),
            )
            .and_then(|day| {
                day.and_hms(
                    u16::try_from(row.received.hour()).unwrap_or(0),
                    u8::try_from(row.received.minute()).unwrap_or(0),
                    0,
                )
            })
            .map_err(write_error)?;
            sheet
                .write_number_with_format(r, 0, f64::from(row.year), &top)
                .map_err(write_error)?;
            // Numbers are whole and far below 2^53.
            #[allow(clippy::cast_precision_loss)]
            let number = row.number as f64;
            sheet
                .write_number_with_format(r, 1, number, &top)
                .map_err(write_error)?;
            sheet
                .write_datetime_with_format(r, 2, &received, &date)
                .map_err(write_error)?;
            let texts = [
                (3, &row.applicant),
                (4, &row.summary),
                (5, &row.forwarded),
                (6, &row.outcome),
                (7, &row.channel),
                (8, &row.category),
                (10, &row.status),
            ];
            for (col, text) in texts {
                sheet
                    .write_string_with_format(r, col, text.as_str(), &wrap)
                    .map_err(write_error)?;
            }
            if row.urgent {
                sheet
                    .write_string_with_format(r, 9, &yes, &top)
                    .map_err(write_error)?;
            }
        }
        let last_row = u32::try_from(self.rows.len()).map_err(|_| DocumentError::Write("rows".into()))?;
        sheet.set_freeze_panes(1, 0).map_err(write_error)?;
        sheet.autofilter(0, 0, last_row.max(1), 10).map_err(write_error)?;
        workbook.save_to_buffer().map_err(write_error)
    }
}
