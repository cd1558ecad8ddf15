//! Staff and what their positions allow. One person may hold two positions (the minutes of
//! 11.11.2023 list the same name as deputy director and psychologist); the rights are the
//! union of the positions' rights — except that the system administrator's account is kept
//! apart from every appeal.

use std::fmt;

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct UserId(pub i64);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    /// жауапты маман — receives, registers and forwards appeals.
    ResponsibleSpecialist,
    /// педагог-психолог.
    Psychologist,
    /// әлеуметтік педагог.
    SocialPedagogue,
    /// директордың тәрбие ісі жөніндегі орынбасары (ДТІЖО) — reads, chairs the commission.
    DeputyDirector,
    /// директор — reads.
    Director,
    /// System administrator — manages accounts, never reads appeals.
    Administrator,
}

impl Position {
    pub const ALL: [Position; 6] = [
        Position::ResponsibleSpecialist,
        Position::Psychologist,
        Position::SocialPedagogue,
        Position::DeputyDirector,
        Position::Director,
        Position::Administrator,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Position::ResponsibleSpecialist => "responsible_specialist",
            Position::Psychologist => "psychologist",
            Position::SocialPedagogue => "social_pedagogue",
            Position::DeputyDirector => "deputy_director",
            Position::Director => "director",
            Position::Administrator => "administrator",
        }
    }

    pub fn parse(code: &str) -> Option<Position> {
        Position::ALL.into_iter().find(|position| position.code() == code)
    }

    /// Where official papers list the position: the director, the deputy director, the
    /// psychologist, the social pedagogue (as the school's acts and plan do), then the rest.
    pub fn paper_rank(self) -> u8 {
        match self {
            Position::Director => 0,
            Position::DeputyDirector => 1,
            Position::Psychologist => 2,
            Position::SocialPedagogue => 3,
            Position::ResponsibleSpecialist => 4,
            Position::Administrator => 5,
        }
    }

    /// The Fluent id of the position's short form in plans («ДТІЖО»).
    pub fn short_message_id(self) -> &'static str {
        match self {
            Position::ResponsibleSpecialist => "position-short-responsible-specialist",
            Position::Psychologist => "position-short-psychologist",
            Position::SocialPedagogue => "position-short-social-pedagogue",
            Position::DeputyDirector => "position-short-deputy-director",
            Position::Director => "position-short-director",
            Position::Administrator => "position-short-administrator",
        }
    }

    /// The Fluent id of the position's name.
    pub fn message_id(self) -> &'static str {
        match self {
            Position::ResponsibleSpecialist => "position-responsible-specialist",
            Position::Psychologist => "position-psychologist",
            Position::SocialPedagogue => "position-social-pedagogue",
            Position::DeputyDirector => "position-deputy-director",
            Position::Director => "position-director",
            Position::Administrator => "position-administrator",
        }
    }
}

/// One or two positions held by one person, without repeats.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Positions(Vec<Position>);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PositionsError {
    #[error("a staff member holds at least one position")]
    Empty,
    #[error("a staff member holds at most two positions")]
    TooMany,
    #[error("unknown position")]
    Unknown,
    #[error("the system administrator's account cannot hold a position that reads appeals")]
    AdministratorWithAppealAccess,
}

impl Positions {
    pub fn new(mut positions: Vec<Position>) -> Result<Positions, PositionsError> {
        positions.sort();
        positions.dedup();
        match positions.len() {
            0 => return Err(PositionsError::Empty),
            1 | 2 => {}
            _ => return Err(PositionsError::TooMany),
        }
        if positions.contains(&Position::Administrator) && positions.len() > 1 {
            return Err(PositionsError::AdministratorWithAppealAccess);
        }
        Ok(Positions(positions))
    }

    /// Parses the stored form, codes separated by commas.
    pub fn parse(stored: &str) -> Result<Positions, PositionsError> {
        let positions = stored
            .split(',')
            .map(str::trim)
            .filter(|code| !code.is_empty())
            .map(|code| Position::parse(code).ok_or(PositionsError::Unknown))
            .collect::<Result<Vec<_>, _>>()?;
        Positions::new(positions)
    }

    pub fn as_slice(&self) -> &[Position] {
        &self.0
    }

    pub fn permissions(&self) -> Permissions {
        let holds = |wanted: &[Position]| self.0.iter().any(|p| wanted.contains(p));
        let register = holds(&[
            Position::ResponsibleSpecialist,
            Position::Psychologist,
            Position::SocialPedagogue,
        ]);
        let heads = holds(&[Position::DeputyDirector, Position::Director]);
        let administrator = holds(&[Position::Administrator]);
        Permissions {
            register_appeals: register,
            read_appeals: register || heads,
            manage_accounts: administrator,
            confirm_readers: heads,
            manage_staff: administrator || heads,
            read_audit: heads,
        }
    }

    /// What an account with these positions may do, `confirmed` or not: a position that reads
    /// appeals reads nothing — and so registers and confirms nothing — until the school's
    /// director or deputy director has confirmed the account.
    pub fn permissions_when(&self, confirmed: bool) -> Permissions {
        let permissions = self.permissions();
        if confirmed || !permissions.read_appeals {
            return permissions;
        }
        Permissions {
            manage_accounts: permissions.manage_accounts,
            manage_staff: permissions.manage_accounts,
            ..Permissions::default()
        }
    }

    /// Whether the account waits for a confirmation before it reads anything.
    pub fn need_confirmation(&self) -> bool {
        self.permissions().read_appeals
    }

    /// Whether an account holding `self` and given `new` must be confirmed again: when `new`
    /// reads appeals and adds a position the account did not hold. Taking a position away
    /// needs no one's word.
    pub fn confirm_again_for(&self, new: &Positions) -> bool {
        new.need_confirmation() && new.0.iter().any(|position| !self.0.contains(position))
    }
}

/// An account as the rule for the school's heads sees it.
pub struct HeadCount<'a> {
    pub id: UserId,
    pub positions: &'a Positions,
    /// Active, and confirmed (or needing no confirmation).
    pub standing: bool,
}

/// Whether changing account `changed` to `after` (`None`: deactivated) leaves the school with
/// no standing director or deputy director — then nobody could confirm a reader, and only the
/// server's holder could bring one back. A school that has none already is not held to it.
pub fn leaves_without_head(staff: &[HeadCount<'_>], changed: UserId, after: Option<&Positions>) -> bool {
    let is_head = |positions: &Positions| positions.permissions().confirm_readers;
    let heads_before = staff
        .iter()
        .filter(|account| account.standing && is_head(account.positions))
        .count();
    let heads_after = staff
        .iter()
        .filter(|account| {
            if account.id == changed {
                account.standing
                    && after.is_some_and(|positions| {
                        is_head(positions) && !account.positions.confirm_again_for(positions)
                    })
            } else {
                account.standing && is_head(account.positions)
            }
        })
        .count();
    heads_before > 0 && heads_after == 0
}

impl fmt::Display for Positions {
    /// The stored form: codes separated by commas.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let codes: Vec<&str> = self.0.iter().map(|p| p.code()).collect();
        f.write_str(&codes.join(","))
    }
}

/// What a signed-in person may do. Checked on the server for every request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Permissions {
    /// Register appeals, record outcomes, correct entries.
    pub register_appeals: bool,
    /// Read the journal and appeals.
    pub read_appeals: bool,
    /// Manage staff accounts.
    pub manage_accounts: bool,
    /// Confirm that an account of the school may read appeals (the director and the deputy
    /// director; never the administrator).
    pub confirm_readers: bool,
    /// See the school's accounts and their state, deactivate and reactivate them (the
    /// administrator, the director and the deputy director).
    pub manage_staff: bool,
    /// Read the school's audit trail (the director and the deputy director, confirmed).
    pub read_audit: bool,
}

/// Why an account cannot be made as asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AccountError {
    #[error("login: 3–32 characters of Latin letters, digits, '.', '-' or '_'")]
    LoginInvalid,
    #[error("login: another account has it")]
    LoginTaken,
    #[error("full_name: the person's surname, name and patronymic")]
    FullNameRequired,
    #[error("position: one or two positions; the administrator holds no other")]
    PositionsInvalid,
    #[error("email: not an e-mail address")]
    EmailInvalid,
    #[error("account: nothing waits to be confirmed on this account")]
    NothingToConfirm,
    #[error("account: it is already in that state")]
    StateUnchanged,
    #[error("account: nobody deactivates their own account")]
    OwnAccount,
    #[error(
        "scope: one of journal:read, journal:write, phone:intake, staff:manage, audit:read that the person's positions allow"
    )]
    ScopeNotAllowed,
    #[error("expires: a number of days, weeks or years such as 90d, 12w or 1y, at most five years")]
    LifetimeInvalid,
    #[error("account: the person has not chosen their own password yet; confirm once they have")]
    OwnPasswordFirst,
    #[error("account: the school would be left without a confirmed director or deputy director")]
    LastHead,
    #[error(
        "account: only the director or the deputy director gives a new password to an account that reads appeals"
    )]
    ResetByHeads,
}

/// Where an account stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountState {
    Active,
    /// Its positions read appeals, and the school's heads have not confirmed it yet.
    AwaitingConfirmation,
    Deactivated,
}

impl AccountState {
    pub fn of(positions: &Positions, active: bool, confirmed: bool) -> AccountState {
        if !active {
            AccountState::Deactivated
        } else if positions.need_confirmation() && !confirmed {
            AccountState::AwaitingConfirmation
        } else {
            AccountState::Active
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            AccountState::Active => "active",
            AccountState::AwaitingConfirmation => "awaiting_confirmation",
            AccountState::Deactivated => "deactivated",
        }
    }

    pub fn message_id(self) -> &'static str {
        match self {
            AccountState::Active => "account-state-active",
            AccountState::AwaitingConfirmation => "account-state-awaiting-confirmation",
            AccountState::Deactivated => "account-state-deactivated",
        }
    }
}

impl AccountError {
    pub fn field(self) -> &'static str {
        match self {
            AccountError::LoginInvalid | AccountError::LoginTaken => "login",
            AccountError::FullNameRequired => "full_name",
            AccountError::PositionsInvalid => "position",
            AccountError::EmailInvalid => "email",
            AccountError::NothingToConfirm
            | AccountError::StateUnchanged
            | AccountError::OwnAccount
            | AccountError::OwnPasswordFirst
            | AccountError::LastHead
            | AccountError::ResetByHeads => "account",
            AccountError::ScopeNotAllowed => "scope",
            AccountError::LifetimeInvalid => "expires",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            AccountError::LoginInvalid => "invalid_login",
            AccountError::LoginTaken => "login_taken",
            AccountError::FullNameRequired => "full_name_required",
            AccountError::PositionsInvalid => "invalid_positions",
            AccountError::EmailInvalid => "invalid_email",
            AccountError::NothingToConfirm => "nothing_to_confirm",
            AccountError::StateUnchanged => "state_unchanged",
            AccountError::OwnAccount => "own_account",
            AccountError::ScopeNotAllowed => "scope_not_allowed",
            AccountError::LifetimeInvalid => "invalid_expires",
            AccountError::OwnPasswordFirst => "own_password_first",
            AccountError::LastHead => "last_head",
            AccountError::ResetByHeads => "reset_by_heads",
        }
    }

    pub fn message_id(self) -> &'static str {
        match self {
            AccountError::LoginInvalid => "error-login-invalid",
            AccountError::LoginTaken => "error-login-taken",
            AccountError::FullNameRequired => "error-full-name-required",
            AccountError::PositionsInvalid => "error-positions-invalid",
            AccountError::EmailInvalid => "error-email-invalid",
            AccountError::NothingToConfirm => "error-nothing-to-confirm",
            AccountError::StateUnchanged => "error-account-state-unchanged",
            AccountError::OwnAccount => "error-own-account",
            AccountError::ScopeNotAllowed => "error-scope-not-allowed",
            AccountError::LifetimeInvalid => "error-lifetime-invalid",
            AccountError::OwnPasswordFirst => "error-own-password-first",
            AccountError::LastHead => "error-last-head",
            AccountError::ResetByHeads => "error-reset-by-heads",
        }
    }
}

/// Checks an account as asked for — its login, the person's name, the positions and the
/// e-mail address (empty for none) — in the order a form shows them; the positions it holds.
pub fn check_account(
    login: &str,
    full_name: &str,
    positions: Vec<Position>,
    email: &str,
) -> Result<Positions, AccountError> {
    if !valid_login(login) {
        return Err(AccountError::LoginInvalid);
    }
    if full_name.trim().is_empty() {
        return Err(AccountError::FullNameRequired);
    }
    let positions = Positions::new(positions).map_err(|_| AccountError::PositionsInvalid)?;
    check_email(email)?;
    Ok(positions)
}

/// An account's e-mail address as it is kept: trimmed, and empty for none.
pub fn check_email(email: &str) -> Result<&str, AccountError> {
    let email = email.trim();
    if !email.is_empty() && !crate::forwarding::valid_email(email) {
        return Err(AccountError::EmailInvalid);
    }
    Ok(email)
}

/// What an API token may do, besides what its person's positions allow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TokenScope {
    /// Read the journal, appeals and the paperwork.
    JournalRead,
    /// Register appeals, record outcomes, forward, and the rest of the record.
    JournalWrite,
    /// Post what arrives unattended (a telephone exchange's voicemails); reads nothing.
    PhoneIntake,
    /// See the school's accounts, confirm, deactivate and reactivate them.
    StaffManage,
    /// Read the school's audit trail (the director and the deputy director).
    AuditRead,
}

impl TokenScope {
    pub const ALL: [TokenScope; 5] = [
        TokenScope::JournalRead,
        TokenScope::JournalWrite,
        TokenScope::PhoneIntake,
        TokenScope::StaffManage,
        TokenScope::AuditRead,
    ];

    pub fn code(self) -> &'static str {
        match self {
            TokenScope::JournalRead => "journal:read",
            TokenScope::JournalWrite => "journal:write",
            TokenScope::PhoneIntake => "phone:intake",
            TokenScope::StaffManage => "staff:manage",
            TokenScope::AuditRead => "audit:read",
        }
    }

    pub fn parse(code: &str) -> Option<TokenScope> {
        TokenScope::ALL
            .into_iter()
            .find(|scope| scope.code() == code.trim())
    }
}

/// The scopes of a token: a set, stored as codes separated by commas.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct TokenScopes(Vec<TokenScope>);

impl TokenScopes {
    pub fn new(mut scopes: Vec<TokenScope>) -> TokenScopes {
        scopes.sort();
        scopes.dedup();
        TokenScopes(scopes)
    }

    /// Everything a person's positions allow: what a token made without naming scopes may do.
    pub fn all_for(permissions: Permissions) -> TokenScopes {
        let mut scopes = Vec::new();
        if permissions.read_appeals {
            scopes.push(TokenScope::JournalRead);
        }
        if permissions.register_appeals {
            scopes.push(TokenScope::JournalWrite);
        }
        if permissions.manage_staff {
            scopes.push(TokenScope::StaffManage);
        }
        if permissions.read_audit {
            scopes.push(TokenScope::AuditRead);
        }
        TokenScopes::new(scopes)
    }

    /// Stored codes; an unknown one is `None` (a token Senim never made).
    pub fn parse(stored: &str) -> Option<TokenScopes> {
        stored
            .split(',')
            .filter(|code| !code.trim().is_empty())
            .map(TokenScope::parse)
            .collect::<Option<Vec<_>>>()
            .map(TokenScopes::new)
    }

    pub fn allows(&self, scope: TokenScope) -> bool {
        self.0.contains(&scope)
    }

    /// Whether every scope is one the person's positions could use.
    pub fn within(&self, permissions: Permissions) -> bool {
        self.0.iter().all(|scope| match scope {
            TokenScope::JournalRead => permissions.read_appeals,
            TokenScope::JournalWrite | TokenScope::PhoneIntake => permissions.register_appeals,
            TokenScope::StaffManage => permissions.manage_staff,
            TokenScope::AuditRead => permissions.read_audit,
        })
    }

    pub fn as_slice(&self) -> &[TokenScope] {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for TokenScopes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let codes: Vec<&str> = self.0.iter().map(|scope| scope.code()).collect();
        f.write_str(&codes.join(","))
    }
}

/// A token's lifetime as typed (`90d`, `1y`, `12w`): at most five years. One year when none is
/// given.
pub fn token_lifetime(typed: Option<&str>) -> Option<chrono::Duration> {
    let Some(typed) = typed.map(str::trim) else {
        return Some(chrono::Duration::days(365));
    };
    let unit = typed.chars().last()?;
    let count = &typed[..typed.len() - unit.len_utf8()];
    let count: i64 = count.parse().ok().filter(|count| *count > 0)?;
    let days = match unit {
        'd' => count,
        'w' => count.checked_mul(7)?,
        'y' => count.checked_mul(365)?,
        _ => return None,
    };
    (days <= 5 * 365).then(|| chrono::Duration::days(days))
}

/// The shortest password a person may choose.
pub const MIN_PASSWORD: usize = 12;

/// Why a chosen password is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    #[error("password: at least 12 characters")]
    TooShort,
    #[error("password: one of the most common passwords, or built on the login; choose another")]
    Common,
}

/// The words most often found under leaked passwords, in Latin and Cyrillic (keyboard runs
/// included). A password that is one of them padded with digits, punctuation or repeats is
/// refused; so is a password of digits or one character repeated, and one built on the login.
const COMMON_WORDS: &str = include_str!("common_passwords.txt");

/// Checks a password a person chose for `login`.
pub fn check_password(password: &str, login: &str) -> Result<(), PasswordError> {
    if password.chars().count() < MIN_PASSWORD {
        return Err(PasswordError::TooShort);
    }
    let lower = password.to_lowercase();
    // The letters left once digits, punctuation and spaces are taken away.
    let core: String = lower.chars().filter(|c| c.is_alphabetic()).collect();
    let distinct: std::collections::BTreeSet<char> = lower.chars().collect();
    let login = login.to_lowercase();
    let on_login = login.len() >= 3 && (lower.contains(&login) || core == login.replace(['.', '-', '_'], ""));
    let repeated_word = |word: &str| {
        !word.is_empty()
            && core.len().is_multiple_of(word.len())
            && core == word.repeat(core.len() / word.len())
    };
    let common = COMMON_WORDS
        .lines()
        .map(str::trim)
        .filter(|word| !word.is_empty() && !word.starts_with('#'))
        .any(|word| repeated_word(word) || lower == word);
    if core.is_empty() || distinct.len() <= 3 || on_login || common {
        return Err(PasswordError::Common);
    }
    Ok(())
}

/// A login is what people type: 3–32 of Latin letters, digits, `.`, `-`, `_`.
pub fn valid_login(login: &str) -> bool {
    (3..=32).contains(&login.len())
        && login
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Position::*;

    #[test]
    fn adding_a_reading_position_needs_a_confirmation_again_and_taking_one_away_does_not() {
        let of = |positions: Vec<Position>| Positions::new(positions).unwrap();
        let psychologist = of(vec![Psychologist]);
        assert!(psychologist.confirm_again_for(&of(vec![Psychologist, Director])));
        assert!(psychologist.confirm_again_for(&of(vec![SocialPedagogue])));
        assert!(!of(vec![Psychologist, SocialPedagogue]).confirm_again_for(&psychologist));
        assert!(!psychologist.confirm_again_for(&psychologist));
        assert!(
            !psychologist.confirm_again_for(&of(vec![Administrator])),
            "a position that reads nothing needs nobody's word"
        );
    }

    #[test]
    fn the_last_standing_head_cannot_be_taken_away() {
        let director = Positions::new(vec![Director]).unwrap();
        let deputy = Positions::new(vec![DeputyDirector]).unwrap();
        let psychologist = Positions::new(vec![Psychologist]).unwrap();
        let staff = |deputy_standing: bool| {
            vec![
                HeadCount {
                    id: UserId(1),
                    positions: &director,
                    standing: true,
                },
                HeadCount {
                    id: UserId(2),
                    positions: &deputy,
                    standing: deputy_standing,
                },
                HeadCount {
                    id: UserId(3),
                    positions: &psychologist,
                    standing: true,
                },
            ]
        };
        assert!(
            !leaves_without_head(&staff(true), UserId(1), None),
            "the deputy remains"
        );
        assert!(leaves_without_head(&staff(false), UserId(1), None));
        assert!(leaves_without_head(&staff(false), UserId(1), Some(&psychologist)));
        assert!(!leaves_without_head(&staff(false), UserId(3), None));
        // Made deputy instead of director, the head would wait for a confirmation: no head.
        assert!(leaves_without_head(&staff(false), UserId(1), Some(&deputy)));
        // A school with no head at all is not held to the rule.
        let none = vec![HeadCount {
            id: UserId(3),
            positions: &psychologist,
            standing: true,
        }];
        assert!(!leaves_without_head(&none, UserId(3), None));
    }

    #[test]
    fn a_password_is_long_and_not_a_common_one() {
        assert_eq!(
            check_password("қысқа сөз", "aigerim"),
            Err(PasswordError::TooShort)
        );
        for common in [
            "password1234",
            "Qwerty123456!",
            "123456789012",
            "aaaaaaaaaaaa",
            "пароль123456",
            "йцукенгшщзхъ",
            "aigerim.2026!",
            "iloveyou2026",
            "qwertyqwerty",
            "1q2w3e4r5t6y",
        ] {
            assert_eq!(
                check_password(common, "aigerim"),
                Err(PasswordError::Common),
                "{common}"
            );
        }
        for good in [
            "Қызғалдақ жазда гүлдейді",
            "tulip-river-47-stone",
            "Жаңа 2026 мектеп кітабы",
        ] {
            assert_eq!(check_password(good, "aigerim"), Ok(()), "{good}");
        }
    }

    fn check(positions: &[Position], expected: Permissions) {
        let positions = Positions::new(positions.to_vec()).unwrap();
        assert_eq!(positions.permissions(), expected, "{positions}");
    }

    #[test]
    fn rights_follow_positions() {
        let editor = Permissions {
            register_appeals: true,
            read_appeals: true,
            ..Permissions::default()
        };
        let head = Permissions {
            read_appeals: true,
            confirm_readers: true,
            manage_staff: true,
            read_audit: true,
            ..Permissions::default()
        };
        let admin = Permissions {
            manage_accounts: true,
            manage_staff: true,
            ..Permissions::default()
        };
        check(&[ResponsibleSpecialist], editor);
        check(&[Psychologist], editor);
        check(&[SocialPedagogue], editor);
        check(&[DeputyDirector], head);
        check(&[Director], head);
        check(&[Administrator], admin);
    }

    #[test]
    fn an_unconfirmed_reader_reads_registers_and_confirms_nothing() {
        for codes in ["psychologist", "director", "deputy_director,psychologist"] {
            let positions = Positions::parse(codes).unwrap();
            assert!(positions.need_confirmation(), "{codes}");
            assert_eq!(
                positions.permissions_when(false),
                Permissions::default(),
                "{codes}"
            );
            assert_eq!(
                positions.permissions_when(true),
                positions.permissions(),
                "{codes}"
            );
        }
        let administrator = Positions::parse("administrator").unwrap();
        assert!(!administrator.need_confirmation());
        assert!(administrator.permissions_when(false).manage_accounts);
        assert!(
            !administrator.permissions_when(true).confirm_readers,
            "the administrator never confirms"
        );
    }

    #[test]
    fn a_deputy_director_who_is_also_the_psychologist_may_register() {
        let positions = Positions::parse("deputy_director,psychologist").unwrap();
        assert!(positions.permissions().register_appeals);
        assert_eq!(positions.as_slice(), &[Psychologist, DeputyDirector]);
    }

    #[test]
    fn the_administrator_cannot_also_hold_a_position_that_reads_appeals() {
        assert_eq!(
            Positions::new(vec![Administrator, Director]),
            Err(PositionsError::AdministratorWithAppealAccess)
        );
    }

    #[test]
    fn positions_are_one_or_two_known_codes() {
        assert_eq!(Positions::parse(""), Err(PositionsError::Empty));
        assert_eq!(Positions::parse("janitor"), Err(PositionsError::Unknown));
        assert_eq!(
            Positions::new(vec![Director, Psychologist, SocialPedagogue]),
            Err(PositionsError::TooMany)
        );
        assert_eq!(
            Positions::parse("director,director").unwrap().as_slice(),
            &[Director]
        );
    }

    #[test]
    fn a_login_is_three_to_thirty_two_plain_characters() {
        for (login, valid) in [
            ("aigul", true),
            ("a.serikova-2", true),
            ("ab", false),
            ("a".repeat(33).as_str(), false),
            ("айгүл", false),
            ("aigul serikova", false),
        ] {
            assert_eq!(valid_login(login), valid, "{login}");
        }
    }

    #[test]
    fn an_account_is_checked_in_the_order_the_form_shows_it() {
        let psychologist = || vec![Position::Psychologist];
        assert!(check_account("aigul", "Серікова А.", psychologist(), "").is_ok());
        assert_eq!(
            check_account("a", "", vec![], "x"),
            Err(AccountError::LoginInvalid)
        );
        assert_eq!(
            check_account("aigul", " ", vec![], "x"),
            Err(AccountError::FullNameRequired)
        );
        assert_eq!(
            check_account(
                "aigul",
                "Серікова А.",
                vec![Position::Administrator, Position::Psychologist],
                "x"
            ),
            Err(AccountError::PositionsInvalid)
        );
        assert_eq!(
            check_account("aigul", "Серікова А.", psychologist(), "not-an-address"),
            Err(AccountError::EmailInvalid)
        );
    }

    #[test]
    fn a_token_scope_is_one_of_senims_and_a_lifetime_at_most_five_years() {
        let scopes = TokenScopes::parse("phone:intake,journal:read,phone:intake").unwrap();
        assert_eq!(scopes.to_string(), "journal:read,phone:intake");
        assert!(scopes.allows(TokenScope::PhoneIntake) && !scopes.allows(TokenScope::JournalWrite));
        assert_eq!(TokenScopes::parse("journal:delete"), None);
        let editor = Positions::parse("psychologist").unwrap().permissions();
        assert_eq!(
            TokenScopes::all_for(editor).to_string(),
            "journal:read,journal:write"
        );
        assert_eq!(token_lifetime(None), Some(chrono::Duration::days(365)));
        assert_eq!(token_lifetime(Some("90d")), Some(chrono::Duration::days(90)));
        assert_eq!(token_lifetime(Some("2w")), Some(chrono::Duration::days(14)));
        for bad in ["", "d", "0d", "-3d", "10", "6y", "3m", "1д", "д"] {
            assert_eq!(token_lifetime(Some(bad)), None, "{bad}");
        }
    }
}
