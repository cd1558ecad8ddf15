//! The organisation (school) that keeps a journal. Every record belongs to exactly one.

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct OrganisationId(pub i64);

/// A school's short name in URLs and on the command line: `a-z`, `0-9` and `-`, 2–40 long.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Slug(String);

impl Slug {
    pub fn parse(input: &str) -> Result<Slug, SlugError> {
        let valid_chars = input
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !(2..=40).contains(&input.len()) || !valid_chars || input.starts_with('-') || input.ends_with('-')
        {
            return Err(SlugError);
        }
        Ok(Slug(input.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("a school's short name is 2–40 characters of a–z, 0–9 and '-', not starting or ending with '-'")]
pub struct SlugError;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Organisation {
    pub id: OrganisationId,
    pub slug: Slug,
    /// Official name in Kazakh, as on the title page of the book.
    pub name_kk: String,
    /// Official name in Russian.
    pub name_ru: String,
    /// The Trust Phone's number, as the poster shows it; empty until the school gives it.
    pub trust_phone: String,
    /// When the Trust Phone is answered on a working day: the staff pages, the poster and the
    /// online box say the same hours.
    pub phone_hours: crate::hours::DutyHours,
}

impl Organisation {
    /// The school's name in a language (`kk`, `ru`, `en`): Russian when it has a Russian name,
    /// Kazakh otherwise — a school registered with only its Kazakh name keeps it on every paper.
    pub fn name_in(&self, language: &str) -> &str {
        if language == "ru" && !self.name_ru.is_empty() {
            &self.name_ru
        } else {
            &self.name_kk
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_short_lowercase_latin_names() {
        for good in ["bogenbay", "school-12", "s1"] {
            assert!(Slug::parse(good).is_ok(), "{good}");
        }
        for bad in ["", "a", "School", "-x", "x-", "мектеп", "a b", &"x".repeat(41)] {
            assert_eq!(Slug::parse(bad), Err(SlugError), "{bad}");
        }
    }

    #[test]
    fn a_school_without_a_russian_name_keeps_its_kazakh_one_on_russian_papers() {
        let school = |name_ru: &str| Organisation {
            id: OrganisationId(1),
            slug: Slug::parse("school-12").unwrap(),
            name_kk: "№12 мектеп-гимназия".into(),
            name_ru: name_ru.into(),
            trust_phone: String::new(),
            phone_hours: crate::hours::DutyHours::SEED,
        };
        assert_eq!(school("Школа-гимназия №12").name_in("ru"), "Школа-гимназия №12");
        assert_eq!(school("").name_in("ru"), "№12 мектеп-гимназия");
        assert_eq!(school("Школа-гимназия №12").name_in("kk"), "№12 мектеп-гимназия");
        assert_eq!(school("Школа-гимназия №12").name_in("en"), "№12 мектеп-гимназия");
    }
}
