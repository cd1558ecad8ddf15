//! The optional statistics of an appeal by Child Helpline International's data framework:
//! who contacted about whom, where it happened, what the school did, the child's age and
//! gender. They may be filled and changed later; the journal's columns do not depend on them.

use crate::appeal::Redacted;

macro_rules! code_enum {
    ($(#[$meta:meta])* $name:ident, $prefix:literal, { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn parse(code: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|value| value.code() == code)
            }

            /// The Fluent id of the name.
            pub fn message_id(self) -> String {
                format!("{}-{}", $prefix, self.code().replace('_', "-"))
            }
        }
    };
}

code_enum!(
    /// Who contacted, and about whom; the non-data kinds count in the monthly analysis too.
    ContactType, "contact-type", {
        ChildAboutSelf => "child_about_self",
        AboutAChild => "about_a_child",
        Silent => "silent",
        HangUp => "hang_up",
        Prank => "prank",
        WrongNumber => "wrong_number",
        Abusive => "abusive",
        Thanks => "thanks",
        Questions => "questions",
        Emergency => "emergency",
    }
);

code_enum!(
    /// What the school did.
    Intervention, "intervention", {
        SchoolCounselling => "school_counselling",
        Resources => "resources",
        ChildProtection => "child_protection",
        Healthcare => "healthcare",
        LawEnforcement => "law_enforcement",
        MentalHealthServices => "mental_health_services",
        OtherOrganisations => "other_organisations",
        SchoolPsychologist => "school_psychologist",
        Other => "other",
    }
);

code_enum!(
    /// Where what the appeal tells of happened.
    IncidentLocation, "location", {
        HomeOwn => "home_own",
        HomeOther => "home_other",
        School => "school",
        Institution => "institution",
        PublicPlace => "public_place",
        Online => "online",
        Other => "other",
        Unknown => "unknown",
    }
);

code_enum!(
    Gender, "gender", {
        Girl => "girl",
        Boy => "boy",
        Unknown => "unknown",
    }
);

/// The oldest age recorded: pupils of a school, with a margin for college students.
pub const MAX_AGE: u8 = 25;

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ClassificationError {
    #[error("{0}: not one of the framework's values")]
    Unknown(&'static str),
    #[error("age: whole years from 0 to 25")]
    Age,
}

impl ClassificationError {
    pub fn field(self) -> &'static str {
        match self {
            ClassificationError::Unknown(field) => field,
            ClassificationError::Age => "age",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            ClassificationError::Unknown(_) => "unknown_value",
            ClassificationError::Age => "invalid_age",
        }
    }

    pub fn message_id(self) -> &'static str {
        match self {
            ClassificationError::Unknown(_) => "error-classification-value",
            ClassificationError::Age => "error-classification-age",
        }
    }
}

/// The statistics of one appeal; every part optional. Age and gender are kept sealed: with
/// the category they could point to a child.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Classification {
    pub contact_type: Option<ContactType>,
    pub interventions: Vec<Intervention>,
    pub incident_location: Option<IncidentLocation>,
    pub age: Redacted<Option<u8>>,
    pub gender: Redacted<Option<Gender>>,
}

impl Classification {
    /// Reads the codes as forms and the API send them; an empty string is "not recorded".
    pub fn parse(
        contact_type: &str,
        interventions: &[String],
        incident_location: &str,
        age: &str,
        gender: &str,
    ) -> Result<Classification, ClassificationError> {
        fn optional<T>(
            code: &str,
            field: &'static str,
            parse: fn(&str) -> Option<T>,
        ) -> Result<Option<T>, ClassificationError> {
            let code = code.trim();
            if code.is_empty() {
                return Ok(None);
            }
            parse(code).map(Some).ok_or(ClassificationError::Unknown(field))
        }
        let mut parsed = Vec::new();
        for code in interventions
            .iter()
            .map(|code| code.trim())
            .filter(|code| !code.is_empty())
        {
            let intervention =
                Intervention::parse(code).ok_or(ClassificationError::Unknown("interventions"))?;
            if !parsed.contains(&intervention) {
                parsed.push(intervention);
            }
        }
        let age = age.trim();
        let age = if age.is_empty() {
            None
        } else {
            Some(
                age.parse::<u8>()
                    .ok()
                    .filter(|age| *age <= MAX_AGE)
                    .ok_or(ClassificationError::Age)?,
            )
        };
        Ok(Classification {
            contact_type: optional(contact_type, "contact_type", ContactType::parse)?,
            interventions: parsed,
            incident_location: optional(incident_location, "incident_location", IncidentLocation::parse)?,
            age: Redacted(age),
            gender: Redacted(optional(gender, "gender", Gender::parse)?),
        })
    }

    pub fn is_empty(&self) -> bool {
        *self == Classification::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_name_their_messages() {
        for contact in ContactType::ALL {
            assert_eq!(ContactType::parse(contact.code()), Some(*contact));
        }
        assert_eq!(
            Intervention::SchoolPsychologist.message_id(),
            "intervention-school-psychologist"
        );
        assert_eq!(
            IncidentLocation::PublicPlace.message_id(),
            "location-public-place"
        );
        assert_eq!(ContactType::HangUp.message_id(), "contact-type-hang-up");
    }

    #[test]
    fn a_classification_is_read_from_codes_and_refuses_unknown_ones() {
        let interventions = vec![
            "school_psychologist".to_owned(),
            "law_enforcement".to_owned(),
            "school_psychologist".to_owned(),
        ];
        let parsed =
            Classification::parse("child_about_self", &interventions, "school", " 14 ", "girl").unwrap();
        assert_eq!(parsed.contact_type, Some(ContactType::ChildAboutSelf));
        assert_eq!(
            parsed.interventions,
            [Intervention::SchoolPsychologist, Intervention::LawEnforcement]
        );
        assert_eq!(*parsed.age, Some(14));
        assert_eq!(*parsed.gender, Some(Gender::Girl));
        assert!(Classification::parse("", &[], "", "", "").unwrap().is_empty());
        assert_eq!(
            Classification::parse("", &[], "", "26", ""),
            Err(ClassificationError::Age)
        );
        assert_eq!(
            Classification::parse("", &[], "moon", "", "")
                .unwrap_err()
                .field(),
            "incident_location"
        );
        assert!(!format!("{parsed:?}").contains("14"), "age stays out of Debug");
    }
}
