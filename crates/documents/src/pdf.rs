//! PDF through Typst used as a library: the templates and the fonts are embedded in the binary;
//! a document's data reaches its template as JSON bytes in `sys.inputs.data`. No file system,
//! no system fonts, no network.

use std::sync::OnceLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Dict, Duration, IntoValue};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

use crate::DocumentError;

/// Noto Serif for the book and the acts (official documents are set in a serif), Noto Sans for
/// posters. Both cover every Kazakh letter and the tenge sign; SIL Open Font License (fonts/OFL.txt).
static FONT_FILES: [&[u8]; 4] = [
    include_bytes!("../fonts/NotoSerif-Regular.ttf"),
    include_bytes!("../fonts/NotoSerif-Bold.ttf"),
    include_bytes!("../fonts/NotoSans-Regular.ttf"),
    include_bytes!("../fonts/NotoSans-Bold.ttf"),
];

/// The templates, one per document, and what they share.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Template {
    Act,
    Analysis,
    Book,
    Minutes,
    Plan,
    Poster,
}

impl Template {
    fn source(self) -> &'static str {
        match self {
            Template::Act => include_str!("../templates/act.typ"),
            Template::Analysis => include_str!("../templates/analysis.typ"),
            Template::Book => include_str!("../templates/book.typ"),
            Template::Minutes => include_str!("../templates/minutes.typ"),
            Template::Plan => include_str!("../templates/plan.typ"),
            Template::Poster => include_str!("../templates/poster.typ"),
        }
    }
}

const COMMON: &str = include_str!("../templates/common.typ");

struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        let fonts: Vec<Font> = FONT_FILES
            .iter()
            .flat_map(|bytes| Font::iter(Bytes::new(*bytes)))
            .collect();
        Fonts {
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    })
}

fn file_id(path: &str) -> FileId {
    RootedPath::new(
        VirtualRoot::Project,
        VirtualPath::new(path).expect("the template paths are valid"),
    )
    .intern()
}

struct DocumentWorld {
    library: LazyHash<Library>,
    main: Source,
    common: Source,
    today: Datetime,
}

impl World for DocumentWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else if id == self.common.id() {
            Ok(self.common.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, _id: FileId) -> FileResult<Bytes> {
        Err(FileError::AccessDenied)
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

/// Renders a template with its data (JSON) and any extra inputs (e.g. an SVG as bytes).
pub fn render(
    template: Template,
    data: &str,
    extra: Vec<(&'static str, Bytes)>,
    today: chrono::NaiveDate,
) -> Result<Vec<u8>, DocumentError> {
    use chrono::Datelike;
    let mut inputs = Dict::new();
    inputs.insert("data".into(), Bytes::new(data.as_bytes().to_vec()).into_value());
    for (name, bytes) in extra {
        inputs.insert(name.into(), bytes.into_value());
    }
    let world = DocumentWorld {
        library: LazyHash::new(Library::builder().with_inputs(inputs).build()),
        main: Source::new(file_id("/main.typ"), template.source().to_owned()),
        common: Source::new(file_id("/common.typ"), COMMON.to_owned()),
        today: Datetime::from_ymd(
            today.year(),
            u8::try_from(today.month()).unwrap_or(1),
            u8::try_from(today.day()).unwrap_or(1),
        )
        .ok_or(DocumentError::Layout("date".into()))?,
    };
    let compiled = typst::compile::<PagedDocument>(&world);
    for warning in &compiled.warnings {
        // Warnings name template problems (a missing font, say), not the document's data.
        tracing::warn!(template = ?template, warning = %warning.message, "document template warning");
    }
    let document = compiled.output.map_err(|errors| {
        DocumentError::Layout(
            errors
                .iter()
                .map(|error| error.message.to_string())
                .collect::<Vec<_>>()
                .join("; "),
        )
    })?;
    typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default()).map_err(|errors| {
        DocumentError::Layout(
            errors
                .iter()
                .map(|error| error.message.to_string())
                .collect::<Vec<_>>()
                .join("; "),
        )
    })
}
