//! The poster for the stand and the website (seed 4.1): the Trust Phone with its hours, the
//! online Trust Box's address with its QR code, and the national lines; in kk or ru.

use senim_i18n::Lang;
use typst::foundations::Bytes;

use crate::pdf::{Template, render};
use crate::{DocumentError, document_lang, qr_svg};

#[derive(Clone, Debug)]
pub struct Poster {
    pub institution: String,
    /// The school's Trust Phone number; empty when the school has none.
    pub trust_phone: String,
    /// The online box's address (`https://…/box/{school}`).
    pub box_url: String,
    /// When the Trust Phone is answered on a working day.
    pub hours: senim_domain::hours::DutyHours,
    pub lang: Lang,
}

impl Poster {
    pub fn pdf(&self, today: chrono::NaiveDate) -> Result<Vec<u8>, DocumentError> {
        let lang = document_lang(self.lang);
        let data = serde_json::json!({
            "lang": lang.code(),
            "institution": self.institution,
            "title": lang.t("poster-title"),
            "lead": lang.t("poster-lead"),
            "phone_label": lang.t("poster-phone"),
            "phone": self.trust_phone.trim(),
            "hours": lang.t_args(
                "poster-hours",
                &[
                    ("opens", self.hours.opens_text().into()),
                    ("closes", self.hours.closes_text().into()),
                ],
            ),
            "box_label": lang.t("trustbox-online-title"),
            "box_url": self.box_url,
            "anonymous": lang.t("poster-anonymous"),
            "lines": [lang.t("box-lines-111"), lang.t("box-lines-150"), lang.t("box-lines-danger")],
        });
        let qr = Bytes::new(qr_svg(&self.box_url).into_bytes());
        render(Template::Poster, &data.to_string(), vec![("qr", qr)], today)
    }
}
