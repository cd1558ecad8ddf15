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

/// What a `Range` header asks of a body of `length` bytes: `None` for the whole body (no
/// header, another unit, or several ranges), `Some(Err(()))` when the range lies outside it.
pub fn byte_range(value: Option<&str>, length: usize) -> Option<Result<std::ops::Range<usize>, ()>> {
    let spec = value?.trim().strip_prefix("bytes=")?;
    if spec.contains(',') {
        return None;
    }
    let (first, last) = spec.split_once('-')?;
    let number = |text: &str| text.trim().parse::<usize>().ok();
    let range = match (first.trim(), last.trim()) {
        ("", "") => return Some(Err(())),
        ("", suffix) => {
            let suffix = number(suffix)?;
            if suffix == 0 {
                return Some(Err(()));
            }
            length.saturating_sub(suffix)..length
        }
        (first, "") => number(first)?..length,
        (first, last) => {
            let (first, last) = (number(first)?, number(last)?);
            if last < first {
                return Some(Err(()));
            }
            first..last.saturating_add(1).min(length)
        }
    };
    if range.start >= length {
        return Some(Err(()));
    }
    Some(Ok(range))
}

/// A recording for a player, never cached: the whole, or the one byte range the player asks
/// for as 206 (Safari plays nothing from a server that answers no range).
pub fn recording(headers: &axum::http::HeaderMap, bytes: Vec<u8>) -> Response {
    use axum::http::StatusCode;
    let asked = headers.get(header::RANGE).and_then(|value| value.to_str().ok());
    let fixed = [
        (header::CONTENT_TYPE, "audio/wav".to_owned()),
        (header::CACHE_CONTROL, "no-store".to_owned()),
        (header::ACCEPT_RANGES, "bytes".to_owned()),
    ];
    let length = bytes.len();
    match byte_range(asked, length) {
        None => (fixed, bytes).into_response(),
        Some(Ok(range)) => {
            let content_range = format!("bytes {}-{}/{length}", range.start, range.end - 1);
            (
                StatusCode::PARTIAL_CONTENT,
                fixed,
                [(header::CONTENT_RANGE, content_range)],
                bytes[range].to_vec(),
            )
                .into_response()
        }
        Some(Err(())) => (
            StatusCode::RANGE_NOT_SATISFIABLE,
            fixed,
            [(header::CONTENT_RANGE, format!("bytes */{length}"))],
        )
            .into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::byte_range;

    #[test]
    fn a_players_byte_ranges_are_read_as_http_says() {
        assert_eq!(byte_range(None, 100), None);
        assert_eq!(byte_range(Some("bytes=0-1"), 100), Some(Ok(0..2)));
        assert_eq!(byte_range(Some("bytes=10-"), 100), Some(Ok(10..100)));
        assert_eq!(byte_range(Some("bytes=-10"), 100), Some(Ok(90..100)));
        assert_eq!(
            byte_range(Some("bytes=90-500"), 100),
            Some(Ok(90..100)),
            "cut at the end"
        );
        assert_eq!(byte_range(Some("bytes=-500"), 100), Some(Ok(0..100)));
        assert_eq!(byte_range(Some("bytes=100-"), 100), Some(Err(())));
        assert_eq!(byte_range(Some("bytes=5-2"), 100), Some(Err(())));
        assert_eq!(byte_range(Some("bytes=-0"), 100), Some(Err(())));
        assert_eq!(byte_range(Some("bytes=0-1,5-6"), 100), None, "several: the whole");
        assert_eq!(byte_range(Some("items=0-1"), 100), None);
        assert_eq!(byte_range(Some("bytes=x-1"), 100), None);
        assert_eq!(
            byte_range(Some("bytes=0-18446744073709551615"), 100),
            Some(Ok(0..100))
        );
    }
}
