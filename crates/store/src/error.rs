//! What can go wrong in storage. No variant carries personal data or appeal text.

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the database URL must start with sqlite: or postgres://")]
    UnsupportedUrl,
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("a stored {0} could not be read: the row was altered or the key is wrong")]
    Corrupt(&'static str),
    #[error("not found")]
    NotFound,
    #[error("this login is already taken")]
    LoginTaken,
    #[error("this short name is already taken by another school")]
    SlugTaken,
    #[error("this receipt code is already in use")]
    ReceiptTaken,
    #[error("no unused slip of this school has this receipt code")]
    SlipUnknown,
    #[error("password hashing: {0}")]
    PasswordHash(String),
    /// Too many password or code checks are waiting; the request may be tried again shortly.
    #[error("too many password checks are waiting")]
    Busy,
}

impl StoreError {
    pub(crate) fn is_unique_violation(error: &sqlx::Error) -> bool {
        matches!(error, sqlx::Error::Database(db) if db.is_unique_violation())
    }
}
