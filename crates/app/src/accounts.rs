//! Schools and the accounts of their staff: a new school, a new account with its one-time
//! password, an API token acting as a person.

use chrono::{DateTime, Utc};
use senim_domain::audit::AuditAction;
use senim_domain::staff::{
    AccountError, HeadCount, TokenScopes, check_account, check_email, leaves_without_head,
};
use senim_domain::{Organisation, OrganisationId, Position, Positions, Slug, UserId};
use senim_i18n::Lang;
use senim_store::{NewUser, StoreError, User};

use crate::{App, Refused};

/// An account as asked for, before it is checked.
pub struct AccountRequest<'a> {
    pub login: &'a str,
    pub full_name: &'a str,
    pub positions: Vec<Position>,
    pub locale: Lang,
    /// Where the daily digest and alerts go; empty for none.
    pub email: &'a str,
    /// Able to read at once, without the director's confirmation: only for whoever holds the
    /// server (`senim user add --confirmed`), never from a page.
    pub confirmed: bool,
}

impl App {
    /// Adds a school, with its directory of executing organisations seeded.
    pub async fn create_school(
        &self,
        slug: &Slug,
        name_kk: &str,
        name_ru: &str,
        now: DateTime<Utc>,
    ) -> Result<Organisation, StoreError> {
        let school = self
            .store
            .create_organisation(slug, name_kk, name_ru, now)
            .await?;
        tracing::info!(organisation = school.id.0, "school added");
        Ok(school)
    }

    /// Makes an account of the school with a fresh one-time password, which opens nothing but
    /// the password page until the person chooses their own. Returns the account and the
    /// password, to give the person once. `by` is the administrator, or `None` for whoever
    /// holds the server; the audit records which.
    pub async fn create_account(
        &self,
        by: Option<&User>,
        organisation_id: OrganisationId,
        request: AccountRequest<'_>,
        now: DateTime<Utc>,
    ) -> Result<(User, String), Refused<AccountError>> {
        let positions = check_account(request.login, request.full_name, request.positions, request.email)
            .map_err(Refused::Rule)?;
        let password = senim_store::one_time_password();
        let new_user = NewUser {
            organisation_id,
            login: request.login,
            full_name: request.full_name.trim(),
            positions,
            password: &password,
            locale: request.locale.code(),
            must_change_password: true,
            email: request.email.trim(),
            confirmed: request.confirmed,
        };
        let mut audit = match by {
            Some(by) => self.event(by, AuditAction::AccountCreated),
            None => self.holder_event(organisation_id, AuditAction::AccountCreated),
        };
        audit.at = now;
        if request.confirmed {
            audit = audit.with_detail("confirmed");
        }
        match self.store.create_user(new_user, now, audit).await {
            Ok(user) => {
                tracing::info!(
                    user = user.id.0,
                    organisation = organisation_id.0,
                    confirmed = user.confirmed,
                    "account created"
                );
                // The school's heads are told that it waits for them.
                if user.awaits_confirmation() {
                    self.outbox.notify_one();
                }
                Ok((user, password))
            }
            Err(StoreError::LoginTaken) => Err(Refused::Rule(AccountError::LoginTaken)),
            Err(error) => Err(error.into()),
        }
    }

    /// Confirms that an account of the school may read appeals: only the school's director or
    /// deputy director, confirmed themselves, may (`Permissions::confirm_readers`).
    pub async fn confirm_account(
        &self,
        by: &User,
        id: UserId,
        now: DateTime<Utc>,
    ) -> Result<User, Refused<AccountError>> {
        if !by.permissions().confirm_readers {
            return Err(Refused::Store(StoreError::NotFound));
        }
        // The person chooses their own password first: the one-time password was seen by
        // whoever made the account, who must not be the one confirmed.
        let staff = self.store.staff(by.organisation_id).await?;
        if let Some(account) = staff.iter().find(|user| user.id == id)
            && account.awaits_confirmation()
            && account.must_change_password
        {
            return Err(Refused::Rule(AccountError::OwnPasswordFirst));
        }
        let audit = self.event(by, AuditAction::AccountConfirmed).on_account(id);
        if !self
            .store
            .confirm_user(by.organisation_id, id, by.id, now, &audit)
            .await?
        {
            return Err(Refused::Rule(AccountError::NothingToConfirm));
        }
        tracing::info!(user = id.0, by = by.id.0, "account confirmed to read appeals");
        Ok(self.store.user(id).await?)
    }

    /// Deactivates an account of the school (the administrator, the director or the deputy
    /// director; never one's own): it signs in to nothing and its browsers and tokens stop.
    pub async fn deactivate_account(&self, by: &User, id: UserId) -> Result<(), Refused<AccountError>> {
        if !by.permissions().manage_staff {
            return Err(Refused::Store(StoreError::NotFound));
        }
        if by.id == id {
            return Err(Refused::Rule(AccountError::OwnAccount));
        }
        keeps_a_head(&self.store.staff(by.organisation_id).await?, id, None)?;
        let audit = self.event(by, AuditAction::AccountDeactivated).on_account(id);
        if !self
            .store
            .deactivate_user(by.organisation_id, id, self.now(), &audit)
            .await?
        {
            return Err(self.missing_or_unchanged(by, id).await);
        }
        tracing::info!(user = id.0, by = by.id.0, "account deactivated");
        Ok(())
    }

    /// Reactivates a deactivated account of the school; one whose positions read appeals waits
    /// for the heads' confirmation again.
    pub async fn reactivate_account(&self, by: &User, id: UserId) -> Result<(), Refused<AccountError>> {
        if !by.permissions().manage_staff {
            return Err(Refused::Store(StoreError::NotFound));
        }
        let audit = self.event(by, AuditAction::AccountReactivated).on_account(id);
        if !self.store.reactivate_user(by.organisation_id, id, &audit).await? {
            return Err(self.missing_or_unchanged(by, id).await);
        }
        tracing::info!(user = id.0, by = by.id.0, "account reactivated");
        self.outbox.notify_one();
        Ok(())
    }

    /// Gives an account of the school other positions (the administrator, the director or the
    /// deputy director; never one's own). A position added that reads appeals makes the
    /// account wait for the heads' confirmation again; the school keeps a standing head.
    pub async fn change_positions(
        &self,
        by: &User,
        id: UserId,
        positions: Vec<Position>,
    ) -> Result<User, Refused<AccountError>> {
        let (account, staff) = self.other_account(by, id).await?;
        let positions =
            Positions::new(positions).map_err(|_| Refused::Rule(AccountError::PositionsInvalid))?;
        if positions == account.positions {
            return Err(Refused::Rule(AccountError::StateUnchanged));
        }
        keeps_a_head(&staff, id, Some(&positions))?;
        let confirm_again = account.positions.confirm_again_for(&positions);
        let audit = self
            .event(by, AuditAction::AccountChanged)
            .on_account(id)
            .with_detail(if confirm_again {
                "positions_confirm_again"
            } else {
                "positions"
            });
        if !self
            .store
            .change_positions(by.organisation_id, id, &positions, confirm_again, &audit)
            .await?
        {
            return Err(Refused::Store(StoreError::NotFound));
        }
        tracing::info!(user = id.0, by = by.id.0, confirm_again, "positions changed");
        if confirm_again {
            self.outbox.notify_one();
        }
        Ok(self.store.user(id).await?)
    }

    /// Gives an account of the school a new one-time password, to hand over in person (the
    /// director or the deputy director; the administrator only to an account that reads no
    /// appeal, since whoever sees the password could open the account; one's own is changed on
    /// the password page). Its browsers and tokens stop.
    pub async fn reset_password(
        &self,
        by: &User,
        id: UserId,
    ) -> Result<(User, String), Refused<AccountError>> {
        let (account, _) = self.other_account(by, id).await?;
        if account.positions.need_confirmation() && !by.permissions().confirm_readers {
            return Err(Refused::Rule(AccountError::ResetByHeads));
        }
        let password = senim_store::one_time_password();
        let audit = self
            .event(by, AuditAction::PasswordReset)
            .on_account(id)
            .with_detail("one_time_password");
        if !self
            .store
            .reset_password(by.organisation_id, id, &password, self.now(), &audit)
            .await?
        {
            return Err(Refused::Store(StoreError::NotFound));
        }
        tracing::info!(user = id.0, by = by.id.0, "password reset");
        Ok((self.store.user(id).await?, password))
    }

    /// Gives an active account a new one-time password as whoever holds the server (`senim
    /// user reset-password`): the way back for a head who forgot theirs. The account keeps its
    /// confirmation; its browsers and tokens stop.
    pub async fn reset_password_as_holder(&self, user: &User) -> Result<Option<String>, StoreError> {
        let password = senim_store::one_time_password();
        let audit = self
            .holder_event(user.organisation_id, AuditAction::PasswordReset)
            .on_account(user.id)
            .with_detail("one_time_password");
        let reset = self
            .store
            .reset_password(user.organisation_id, user.id, &password, self.now(), &audit)
            .await?;
        if !reset {
            return Ok(None);
        }
        tracing::info!(user = user.id.0, "password reset by the server's holder");
        Ok(Some(password))
    }

    /// Sets the e-mail address of an account of the school, where its digest and alerts go
    /// (empty for none).
    pub async fn change_email(
        &self,
        by: &User,
        id: UserId,
        email: &str,
    ) -> Result<User, Refused<AccountError>> {
        let (account, _) = self.other_account(by, id).await?;
        let email = check_email(email).map_err(Refused::Rule)?;
        if email == account.email {
            return Err(Refused::Rule(AccountError::StateUnchanged));
        }
        let audit = self
            .event(by, AuditAction::AccountChanged)
            .on_account(id)
            .with_detail("email");
        if !self
            .store
            .change_email(by.organisation_id, id, email, &audit)
            .await?
        {
            return Err(Refused::Store(StoreError::NotFound));
        }
        tracing::info!(user = id.0, by = by.id.0, "e-mail address changed");
        Ok(self.store.user(id).await?)
    }

    /// An active account of `by`'s school other than `by`'s own, for `by` who manages staff,
    /// with every account of the school (for the rule on heads).
    async fn other_account(&self, by: &User, id: UserId) -> Result<(User, Vec<User>), Refused<AccountError>> {
        if !by.permissions().manage_staff {
            return Err(Refused::Store(StoreError::NotFound));
        }
        if by.id == id {
            return Err(Refused::Rule(AccountError::OwnAccount));
        }
        let staff = self.store.staff(by.organisation_id).await?;
        match staff.iter().find(|user| user.id == id) {
            Some(account) if account.active => Ok((account.clone(), staff)),
            Some(_) => Err(Refused::Rule(AccountError::StateUnchanged)),
            None => Err(Refused::Store(StoreError::NotFound)),
        }
    }

    /// Deactivates an account as whoever holds the server (`senim user deactivate`); false when
    /// it was not active.
    pub async fn deactivate_as_holder(&self, user: &User) -> Result<bool, StoreError> {
        let audit = self
            .holder_event(user.organisation_id, AuditAction::AccountDeactivated)
            .on_account(user.id);
        let deactivated = self
            .store
            .deactivate_user(user.organisation_id, user.id, self.now(), &audit)
            .await?;
        if deactivated {
            tracing::info!(user = user.id.0, "account deactivated by the server's holder");
        }
        Ok(deactivated)
    }

    /// Reactivates an account as whoever holds the server (`senim user reactivate`); one whose
    /// positions read appeals waits for the heads' confirmation again. False when it was active.
    pub async fn reactivate_as_holder(&self, user: &User) -> Result<bool, StoreError> {
        let audit = self
            .holder_event(user.organisation_id, AuditAction::AccountReactivated)
            .on_account(user.id);
        let reactivated = self
            .store
            .reactivate_user(user.organisation_id, user.id, &audit)
            .await?;
        if reactivated {
            tracing::info!(user = user.id.0, "account reactivated by the server's holder");
            self.outbox.notify_one();
        }
        Ok(reactivated)
    }

    /// Confirms an account as whoever holds the server (`senim user confirm`); false when it
    /// did not wait for a confirmation.
    pub async fn confirm_as_holder(&self, user: &User) -> Result<bool, StoreError> {
        if !user.awaits_confirmation() {
            return Ok(false);
        }
        let audit = self
            .holder_event(user.organisation_id, AuditAction::AccountConfirmed)
            .on_account(user.id);
        let confirmed = self.store.confirm_as_holder(user.id, self.now(), &audit).await?;
        if confirmed {
            tracing::info!(user = user.id.0, "account confirmed by the server's holder");
        }
        Ok(confirmed)
    }

    /// Why a change of state did nothing: another school's or no account is not found; one of
    /// the school already stood so.
    async fn missing_or_unchanged(&self, by: &User, id: UserId) -> Refused<AccountError> {
        match self.store.staff(by.organisation_id).await {
            Ok(staff) if staff.iter().any(|user| user.id == id) => {
                Refused::Rule(AccountError::StateUnchanged)
            }
            Ok(_) => Refused::Store(StoreError::NotFound),
            Err(error) => Refused::Store(error),
        }
    }

    /// Checks a login and password, recording a failure of a login that exists in its
    /// school's audit (a login nobody has belongs to no school's trail).
    pub async fn check_password(&self, login: &str, password: &str) -> Result<Option<User>, StoreError> {
        let user = self.store.authenticate(login, password).await?;
        if user.is_none()
            && let Some(known) = self.store.user_by_login_any(login).await?
        {
            self.audit(self.event(&known, AuditAction::SignInFailed)).await?;
        }
        Ok(user)
    }

    /// Starts a browser's session for a person who gave everything asked, and records the
    /// sign-in. Returns the session's cookie token.
    pub async fn start_session(&self, user: &User, lifetime: chrono::Duration) -> Result<String, StoreError> {
        let token = self.store.create_session(user.id, self.now(), lifetime).await?;
        self.audit(self.event(user, AuditAction::SignedIn)).await?;
        tracing::info!(user = user.id.0, "signed in");
        Ok(token)
    }

    /// Ends a browser's session and records the sign-out.
    pub async fn sign_out(&self, user: &User, session_token: &str) -> Result<(), StoreError> {
        self.store.end_session(session_token).await?;
        self.audit(self.event(user, AuditAction::SignedOut)).await
    }

    /// Sets the person's own password and signs out every other browser but `keep`, in one
    /// transaction.
    pub async fn change_password(
        &self,
        user: &User,
        password: &str,
        keep: Option<&str>,
    ) -> Result<(), StoreError> {
        let audit = self.event(user, AuditAction::PasswordChanged);
        self.store.set_password(user.id, password, keep, &audit).await?;
        tracing::info!(user = user.id.0, "password changed");
        Ok(())
    }

    /// A new API token acting as the person, with a name, scopes (everything the person's
    /// positions allow when none are named) and a lifetime; shown once and kept only hashed.
    pub async fn create_api_token(
        &self,
        user: &User,
        name: &str,
        scopes: Option<TokenScopes>,
        lifetime: chrono::Duration,
        now: DateTime<Utc>,
    ) -> Result<String, Refused<AccountError>> {
        let scopes = scopes.unwrap_or_else(|| TokenScopes::all_for(user.positions.permissions()));
        if scopes.is_empty() || !scopes.within(user.positions.permissions()) {
            return Err(Refused::Rule(AccountError::ScopeNotAllowed));
        }
        let token = self
            .store
            .create_api_token(
                user.id,
                name,
                &scopes,
                now + lifetime,
                now,
                &self.event(user, AuditAction::TokenCreated),
            )
            .await?;
        tracing::info!(user = user.id.0, scopes = %scopes, "API token created");
        Ok(token)
    }

    /// Revokes one of the person's tokens; false when there is no such token still standing.
    pub async fn revoke_api_token(
        &self,
        user: &User,
        id: i64,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let audit = self.event(user, AuditAction::TokenRevoked);
        let revoked = self.store.revoke_api_token(user.id, id, now, &audit).await?;
        if revoked {
            tracing::info!(user = user.id.0, token = id, "API token revoked");
        }
        Ok(revoked)
    }
}

/// Refuses a change of account `id` to `after` (`None`: it stops reading) that would leave the
/// school, whose accounts are `staff`, without a standing director or deputy director.
fn keeps_a_head(staff: &[User], id: UserId, after: Option<&Positions>) -> Result<(), Refused<AccountError>> {
    let counts: Vec<HeadCount<'_>> = staff
        .iter()
        .map(|user| HeadCount {
            id: user.id,
            positions: &user.positions,
            standing: user.active && !user.awaits_confirmation(),
        })
        .collect();
    if leaves_without_head(&counts, id, after) {
        return Err(Refused::Rule(AccountError::LastHead));
    }
    Ok(())
}
