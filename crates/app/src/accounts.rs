//! Schools and the accounts of their staff: a new school, a new account with its one-time
//! password, an API token acting as a person.

use chrono::{DateTime, Utc};
use senim_domain::staff::{AccountError, TokenScopes, check_account};
use senim_domain::{Organisation, OrganisationId, Position, Slug, UserId};
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
    /// password, to give the person once.
    pub async fn create_account(
        &self,
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
        match self.store.create_user(new_user, now).await {
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
        if !self
            .store
            .confirm_user(by.organisation_id, id, by.id, now)
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
        if !self
            .store
            .deactivate_user(by.organisation_id, id, self.now())
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
        if !self.store.reactivate_user(by.organisation_id, id).await? {
            return Err(self.missing_or_unchanged(by, id).await);
        }
        tracing::info!(user = id.0, by = by.id.0, "account reactivated");
        self.outbox.notify_one();
        Ok(())
    }

    /// Deactivates an account as whoever holds the server (`senim user deactivate`); false when
    /// it was not active.
    pub async fn deactivate_as_holder(&self, user: &User) -> Result<bool, StoreError> {
        let deactivated = self
            .store
            .deactivate_user(user.organisation_id, user.id, self.now())
            .await?;
        if deactivated {
            tracing::info!(user = user.id.0, "account deactivated by the server's holder");
        }
        Ok(deactivated)
    }

    /// Reactivates an account as whoever holds the server (`senim user reactivate`); one whose
    /// positions read appeals waits for the heads' confirmation again. False when it was active.
    pub async fn reactivate_as_holder(&self, user: &User) -> Result<bool, StoreError> {
        let reactivated = self.store.reactivate_user(user.organisation_id, user.id).await?;
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
        let confirmed = self.store.confirm_as_holder(user.id, self.now()).await?;
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

    /// Sets the person's own password and signs out every other browser but `keep`, in one
    /// transaction.
    pub async fn change_password(
        &self,
        user_id: UserId,
        password: &str,
        keep: Option<&str>,
    ) -> Result<(), StoreError> {
        self.store.set_password(user_id, password, keep).await?;
        tracing::info!(user = user_id.0, "password changed");
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
            .create_api_token(user.id, name, &scopes, now + lifetime, now)
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
        let revoked = self.store.revoke_api_token(user.id, id, now).await?;
        if revoked {
            tracing::info!(user = user.id.0, token = id, "API token revoked");
        }
        Ok(revoked)
    }
}
