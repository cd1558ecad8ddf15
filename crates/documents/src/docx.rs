//! What Senim's Word documents share: Times New Roman 14 pt as official papers are typed, centred
//! headings, indented paragraphs, tables with or without rules.

use docx_rs::{
    AlignmentType, Docx, Paragraph, Run, RunFonts, SpecialIndentType, Table, TableBorders, TableCell,
    TableLayoutType, TableRow, WidthType,
};

use crate::DocumentError;

/// A Word document written top to bottom.
pub(crate) struct Writer {
    docx: Docx,
    size: usize,
}

impl Writer {
    /// A document in 14 pt (`size` in half-points: 28).
    pub(crate) fn new() -> Writer {
        Writer {
            docx: Docx::new(),
            size: 28,
        }
    }

    /// A document in a smaller size, for wide tables.
    pub(crate) fn with_size(size: usize) -> Writer {
        Writer {
            docx: Docx::new(),
            size,
        }
    }

    fn run(&self, text: &str, bold: bool) -> Run {
        let run = Run::new()
            .add_text(text)
            .fonts(
                RunFonts::new()
                    .ascii("Times New Roman")
                    .hi_ansi("Times New Roman")
                    .cs("Times New Roman")
                    .east_asia("Times New Roman"),
            )
            .size(self.size);
        if bold { run.bold() } else { run }
    }

    fn push(&mut self, paragraph: Paragraph) {
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_paragraph(paragraph);
    }

    pub(crate) fn centred(&mut self, text: &str, bold: bool) {
        let run = self.run(text, bold);
        self.push(Paragraph::new().add_run(run).align(AlignmentType::Center));
    }

    pub(crate) fn line(&mut self, text: &str, bold: bool) {
        let run = self.run(text, bold);
        self.push(Paragraph::new().add_run(run));
    }

    /// A paragraph with its first line indented 1.25 cm.
    pub(crate) fn indented(&mut self, text: &str) {
        let run = self.run(text, false);
        self.push(Paragraph::new().add_run(run).indent(
            None,
            Some(SpecialIndentType::FirstLine(709)),
            None,
            None,
        ));
    }

    pub(crate) fn blank(&mut self) {
        self.push(Paragraph::new());
    }

    /// A table of text cells; `widths` in twentieths of a point; the first row bold when it is
    /// a header; `ruled` draws the grid.
    pub(crate) fn table(&mut self, rows: &[Vec<String>], widths: &[usize], header: bool, ruled: bool) {
        if rows.is_empty() {
            return;
        }
        let rows: Vec<TableRow> = rows
            .iter()
            .enumerate()
            .map(|(index, cells)| {
                TableRow::new(
                    cells
                        .iter()
                        .zip(widths)
                        .map(|(text, width)| {
                            let lines: Vec<&str> = text.split('\n').collect();
                            let mut paragraph = Paragraph::new();
                            for (line_index, line) in lines.iter().enumerate() {
                                let mut run = self.run(line, header && index == 0);
                                if line_index + 1 < lines.len() {
                                    run = run.add_break(docx_rs::BreakType::TextWrapping);
                                }
                                paragraph = paragraph.add_run(run);
                            }
                            TableCell::new()
                                .add_paragraph(paragraph)
                                .width(*width, WidthType::Dxa)
                        })
                        .collect(),
                )
            })
            .collect();
        let mut table = Table::new(rows).layout(TableLayoutType::Fixed);
        if !ruled {
            table = table.set_borders(TableBorders::with_empty().clear_all());
        }
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_table(table);
    }

    /// Signature lines: «position:», a line to sign on, the name; no rules.
    pub(crate) fn signatures(&mut self, signatures: &[(String, String)]) {
        let rows: Vec<Vec<String>> = signatures
            .iter()
            .map(|(position, name)| vec![format!("{position}:"), "_______________".to_owned(), name.clone()])
            .collect();
        self.table(&rows, &[4500, 2800, 2500], false, false);
    }

    pub(crate) fn finish(self) -> Result<Vec<u8>, DocumentError> {
        let mut bytes = std::io::Cursor::new(Vec::new());
        self.docx
            .build()
            .pack(&mut bytes)
            .map_err(|error| DocumentError::Write(error.to_string()))?;
        Ok(bytes.into_inner())
    }
}
