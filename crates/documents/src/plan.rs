//! The yearly activity plan («… іс-шаралар жоспары») as the school's plan for 2023–2024: the
//! institution and the year in the title, the columns «№», «Атқарылатын іс-шаралар»,
//! «Мерзімі», «Жауапты», and a column of how each item stands (periods done, the ones missed),
//! signed by the psychologist.

use chrono::NaiveDate;
use senim_i18n::Lang;

use crate::docx::Writer;
use crate::pdf::{Template, render};
use crate::{DocumentError, document_lang};

/// One row of the plan, as printed.
#[derive(Clone, Debug)]
pub struct PlanRow {
    pub activity: String,
    pub timing: String,
    pub responsible: String,
    /// How the item stands: periods done of those due, and the periods missed.
    pub progress: String,
}

#[derive(Clone, Debug)]
pub struct PlanDocument {
    pub lang: Lang,
    pub institution: String,
    pub title: String,
    /// «№», the activity, the timing, who answers, how it stands.
    pub columns: [String; 5],
    pub rows: Vec<PlanRow>,
    /// What the marks mean and on which day they were counted.
    pub legend: String,
    pub signatures: Vec<(String, String)>,
}

impl PlanDocument {
    pub fn pdf(&self, today: NaiveDate) -> Result<Vec<u8>, DocumentError> {
        let data = serde_json::json!({
            "lang": document_lang(self.lang).code(),
            "institution": self.institution,
            "title": self.title,
            "columns": self.columns,
            "rows": self.rows.iter().map(|row| serde_json::json!({
                "activity": row.activity,
                "timing": row.timing,
                "responsible": row.responsible,
                "progress": row.progress,
            })).collect::<Vec<_>>(),
            "legend": self.legend,
            "signatures": self.signatures.iter().map(|(position, name)| serde_json::json!([position, name])).collect::<Vec<_>>(),
        });
        render(Template::Plan, &data.to_string(), Vec::new(), today)
    }

    pub fn docx(&self) -> Result<Vec<u8>, DocumentError> {
        let mut docx = Writer::with_size(24);
        docx.centred(&self.institution, true);
        docx.centred(&self.title, true);
        docx.blank();
        let mut rows = vec![self.columns.to_vec()];
        rows.extend(self.rows.iter().enumerate().map(|(index, row)| {
            vec![
                (index + 1).to_string(),
                row.activity.clone(),
                row.timing.clone(),
                row.responsible.clone(),
                row.progress.clone(),
            ]
        }));
        docx.table(&rows, &[500, 3400, 1300, 1700, 2700], true, true);
        docx.blank();
        docx.line(&self.legend, false);
        docx.blank();
        docx.signatures(&self.signatures);
        docx.finish()
    }
}
