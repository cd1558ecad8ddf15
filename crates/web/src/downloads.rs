//! Documents as downloads, shared by every page that offers one: the language asked for, the
//! response with its file name, a layout that failed.

use axum::http::header;
use axum::response::{IntoResponse, Response};
use senim_documents::Format;
use senim_i18n::Lang;

use crate::error::AppError;

/// A document's language: the one a download asks for (`?lang=ru`), else the person's, as
/// kk or ru.
pub fn asked_lang(asked: Option<&str>, lang: Lang) -> Lang {
    senim_documents::document_lang(asked.and_then(Lang::parse).unwrap_or(lang))
}

/// A document as a download.
pub fn download(bytes: Vec<u8>, content_type: &'static str, name: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (header::CONTENT_DISPOSITION, senim_app::exports::attachment(name)),
        ],
        bytes,
    )
        .into_response()
}

/// A document that could not be made: logged under an incident number with the writer's
/// detail (never the document's data), shown as the internal-error page.
pub fn document_failed(error: &senim_documents::DocumentError) -> AppError {
    let incident = crate::error::incident();
    tracing::error!(incident, %error, detail = error.detail(), "document failed");
    AppError::InternalWithIncident(incident)
}

pub const PDF: &str = "application/pdf";
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A printable document as a download named `{stem}.pdf` or `{stem}.docx`.
pub fn printed(
    document: &impl senim_documents::Printable,
    format: Format,
    today: chrono::NaiveDate,
    stem: &str,
) -> Result<Response, AppError> {
    let bytes = document
        .print(format, today)
        .map_err(|error| document_failed(&error))?;
    Ok(download(
        bytes,
        format.content_type(),
        &format!("{stem}.{}", format.extension()),
    ))
}
