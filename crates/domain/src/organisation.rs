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
}

impl Organisation {
    /// The name in the reader's language: Russian for `ru`, Kazakh otherwise.
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
}
