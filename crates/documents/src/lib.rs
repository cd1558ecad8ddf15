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
pub use analysis::{AnalysisLine, Chart, HIDDEN, MonthlyAnalysis};
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

/// The two forms an official document is given in: PDF to print, DOCX to edit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Pdf,
    Docx,
}

impl Format {
    /// The format a file name's extension asks for.
    pub fn of_path(path: &std::path::Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "pdf" => Some(Format::Pdf),
            "docx" => Some(Format::Docx),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Format::Pdf => "application/pdf",
            Format::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        }
    }
}

/// A document that prints as PDF and as DOCX: the act, the minutes, the plan, the analysis.
pub trait Printable {
    /// The document in `format`; `today` dates the PDF.
    fn print(&self, format: Format, today: chrono::NaiveDate) -> Result<Vec<u8>, DocumentError>;
}

macro_rules! printable {
    ($($document:ty),*) => {$(
        impl Printable for $document {
            fn print(&self, format: Format, today: chrono::NaiveDate) -> Result<Vec<u8>, DocumentError> {
                match format {
                    Format::Pdf => self.pdf(today),
                    Format::Docx => self.docx(),
                }
            }
        }
    )*};
}

printable!(Act, Minutes, PlanDocument, MonthlyAnalysis);

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
