//! Senim's official documents: the registration book, box-opening acts, minutes, the yearly
//! plan, the monthly analysis and the poster as PDF (Typst, with fonts and templates
//! embedded); acts, minutes, the plan and the analysis as DOCX; the journal as XLSX. This crate
//! turns values into documents; it reads no database and no clock — the web and the CLI load
//! what a document shows and call it.

mod act;
mod analysis;
mod book;
mod docx;
mod journal;
mod minutes;
mod pdf;
mod plan;
mod poster;
mod qr;

pub use act::{Act, Signatory};
pub use analysis::{AnalysisLine, MonthlyAnalysis};
pub use book::{Book, BookEntry};
pub use journal::{JournalExport, JournalRow};
pub use minutes::{Minutes, MinutesItem};
pub use plan::{PlanDocument, PlanRow};
pub use poster::Poster;
pub use qr::qr_svg;

/// Why a document could not be made. The detail names a template or writer problem, never the
/// document's data; it is for developers and is not shown to users.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    #[error("the document could not be laid out")]
    Layout(String),
    #[error("the document could not be written")]
    Write(String),
}

impl DocumentError {
    pub fn detail(&self) -> &str {
        match self {
            DocumentError::Layout(detail) | DocumentError::Write(detail) => detail,
        }
    }
}

/// A document's language: Kazakh (the default) or Russian; official documents are in one of them.
pub fn document_lang(lang: senim_i18n::Lang) -> senim_i18n::Lang {
    if lang == senim_i18n::Lang::Ru {
        senim_i18n::Lang::Ru
    } else {
        senim_i18n::Lang::Kk
    }
}

#[cfg(test)]
mod tests;
