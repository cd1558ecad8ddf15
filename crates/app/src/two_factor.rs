//! Two-factor sign-in as a person lives it: enrol with an authenticator app (one code checked
//! before the secret is kept, ten recovery codes shown once), sign in with a code that is never
//! accepted twice or with a recovery code used once, take new recovery codes or turn it off
//! with the password asked again; the school's heads require it of everyone who reads appeals.

use senim_domain::audit::AuditAction;
use senim_domain::two_factor::{self, TwoFactorError};
use senim_store::{StoreError, User};

use crate::{App, Refused};

/// What an enrolment shows: the URI an authenticator app reads (as a QR code and as text)
/// and the secret for typing by hand.
pub struct Enrolment {
    pub uri: String,
    pub secret_text: String,
}

/// How a second factor was given at sign-in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SecondFactor {
    Code,
    RecoveryCode,
}

impl App {
    /// Starts (or restarts) the person's enrolment with a new secret.
    pub async fn begin_two_factor(&self, user: &User) -> Result<Enrolment, StoreError> {
        let secret = self.store.begin_two_factor(user.id).await?;
        Ok(enrolment(&secret, &user.login))
    }

    /// The enrolment waiting for its first code, if any.
    pub async fn pending_two_factor(&self, user: &User) -> Result<Option<Enrolment>, StoreError> {
        Ok(self
            .store
            .pending_two_factor(user.id)
            .await?
            .map(|secret| enrolment(&secret, &user.login)))
    }

    /// Checks the first code of the pending secret and keeps it: returns the recovery codes
    /// to show once.
    pub async fn finish_two_factor(
        &self,
        user: &User,
        code: &str,
    ) -> Result<Vec<String>, Refused<TwoFactorError>> {
        let Some(secret) = self.store.pending_two_factor(user.id).await? else {
            return Err(Refused::Rule(TwoFactorError::NothingPending));
        };
        let now = self.now();
        let step =
            two_factor::check(&secret, code, now, None).map_err(|error| Refused::Rule(error.into()))?;
        let codes = senim_store::new_recovery_codes();
        let audit = self.event(user, AuditAction::TwoFactorEnabled);
        if !self
            .store
            .enable_two_factor(user.id, &secret, step, &codes, now, &audit)
            .await?
        {
            return Err(Refused::Rule(TwoFactorError::NothingPending));
        }
        tracing::info!(user = user.id.0, "two-factor sign-in turned on");
        Ok(codes)
    }

    /// Checks the second factor of a person who gave the right password: a six-digit code
    /// (never accepted twice) or one of their recovery codes (used once).
    pub async fn check_second_factor(
        &self,
        user: &User,
        typed: &str,
    ) -> Result<Result<SecondFactor, TwoFactorError>, StoreError> {
        let Some(factor) = self.store.two_factor_of(user.id).await? else {
            return Ok(Err(TwoFactorError::NothingPending));
        };
        let digits: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.len() == 6 && digits.chars().all(|c| c.is_ascii_digit()) {
            let checked = match two_factor::check(&factor.secret, &digits, self.now(), factor.last_step) {
                Ok(step) if self.store.accept_two_factor_step(user.id, step).await? => Ok(SecondFactor::Code),
                Ok(_) => Err(TwoFactorError::ReusedCode),
                Err(error) => Err(error.into()),
            };
            if checked.is_err() {
                self.audit(
                    self.event(user, AuditAction::SignInFailed)
                        .with_detail("second_factor"),
                )
                .await?;
            }
            return Ok(checked);
        }
        let audit = self.event(user, AuditAction::RecoveryCodeUsed);
        if self
            .store
            .use_recovery_code(user.id, typed, self.now(), &audit)
            .await?
        {
            tracing::info!(user = user.id.0, "signed in with a recovery code");
            Ok(Ok(SecondFactor::RecoveryCode))
        } else {
            self.audit(
                self.event(user, AuditAction::SignInFailed)
                    .with_detail("second_factor"),
            )
            .await?;
            Ok(Err(TwoFactorError::WrongCode))
        }
    }

    /// New recovery codes, the old ones stopping, once the password is given again.
    pub async fn renew_recovery_codes(
        &self,
        user: &User,
        password: &str,
    ) -> Result<Vec<String>, Refused<TwoFactorError>> {
        self.reauthenticate(user, password).await?;
        let codes = senim_store::new_recovery_codes();
        let audit = self.event(user, AuditAction::RecoveryCodesRenewed);
        self.store
            .replace_recovery_codes(user.id, &codes, self.now(), &audit)
            .await?;
        Ok(codes)
    }

    /// Turns the person's second factor off once the password is given again; refused while
    /// the school requires it of the person.
    pub async fn disable_two_factor(
        &self,
        user: &User,
        password: &str,
    ) -> Result<(), Refused<TwoFactorError>> {
        if self.two_factor_required(user).await? {
            return Err(Refused::Rule(TwoFactorError::Required));
        }
        self.reauthenticate(user, password).await?;
        let audit = self.event(user, AuditAction::TwoFactorDisabled);
        self.store.disable_two_factor(user.id, &audit).await?;
        tracing::info!(user = user.id.0, "two-factor sign-in turned off");
        Ok(())
    }

    /// Takes a person's second factor away as whoever holds the server (`senim user
    /// reset-two-factor`): the way back for someone who lost their phone and codes. False when
    /// the account had none.
    pub async fn reset_two_factor_as_holder(&self, user: &User) -> Result<bool, StoreError> {
        let audit = self
            .holder_event(user.organisation_id, AuditAction::TwoFactorDisabled)
            .on_account(user.id);
        let reset = self.store.disable_two_factor(user.id, &audit).await?;
        if reset {
            tracing::info!(
                user = user.id.0,
                "two-factor sign-in reset by the server's holder"
            );
        }
        Ok(reset)
    }

    /// Whether the person's school requires a second factor of them (they read appeals).
    pub async fn two_factor_required(&self, user: &User) -> Result<bool, StoreError> {
        Ok(user.positions.permissions().read_appeals
            && self.store.requires_two_factor(user.organisation_id).await?)
    }

    /// The school's director or deputy director requires (or stops requiring) a second factor
    /// of every account that reads appeals.
    pub async fn set_require_two_factor(&self, by: &User, required: bool) -> Result<(), StoreError> {
        if !by.permissions().confirm_readers {
            return Err(StoreError::NotFound);
        }
        let audit = self
            .event(by, AuditAction::SettingsChanged)
            .with_detail(if required {
                "two_factor_required"
            } else {
                "two_factor_not_required"
            });
        self.store
            .set_require_two_factor(by.organisation_id, required, &audit)
            .await?;
        tracing::info!(
            organisation = by.organisation_id.0,
            required,
            "two-factor requirement set"
        );
        Ok(())
    }

    async fn reauthenticate(&self, user: &User, password: &str) -> Result<(), Refused<TwoFactorError>> {
        match self.store.authenticate(&user.login, password).await? {
            Some(same) if same.id == user.id => Ok(()),
            _ => Err(Refused::Rule(TwoFactorError::WrongPassword)),
        }
    }
}

fn enrolment(secret: &[u8], login: &str) -> Enrolment {
    Enrolment {
        uri: two_factor::uri(secret, login).unwrap_or_default(),
        secret_text: two_factor::secret_text(secret),
    }
}
