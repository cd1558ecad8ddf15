//! Outgoing e-mail through SMTP (lettre): plain connections for a relay on the same host,
//! STARTTLS, or TLS from the first byte. A failure says what kind of failure it was and
//! whether trying again may help — never the message, its recipient or the server's words.

use std::time::Duration;

use lettre::message::{Mailbox, header::ContentType};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

/// How the connection to the SMTP server is protected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Security {
    /// No TLS: only for a relay on the same machine or a test server.
    None,
    /// Plain, then upgraded with STARTTLS (port 587).
    StartTls,
    /// TLS from the first byte (port 465).
    Tls,
}

impl Security {
    pub fn parse(text: &str) -> Option<Security> {
        match text {
            "none" => Some(Security::None),
            "starttls" => Some(Security::StartTls),
            "tls" => Some(Security::Tls),
            _ => None,
        }
    }
}

#[derive(Clone)]
pub struct MailConfig {
    pub host: String,
    pub port: u16,
    pub security: Security,
    pub username: Option<String>,
    pub password: Option<String>,
    /// The sender, e.g. `Сенім <senim@school.kz>`.
    pub from: String,
}

impl std::fmt::Debug for MailConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MailConfig")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("security", &self.security)
            .field("username", &self.username.as_ref().map(|_| "‹set›"))
            .field("password", &self.password.as_ref().map(|_| "‹secret›"))
            .finish()
    }
}

#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum MailError {
    #[error("the sender address is not valid")]
    BadSender,
    #[error("the recipient address is not valid")]
    BadRecipient,
    #[error("the message could not be built")]
    Build,
    #[error("the SMTP server refused for now (code {0}); it will be tried again")]
    Transient(String),
    #[error("the SMTP server refused the message (code {0})")]
    Permanent(String),
    #[error("the SMTP server could not be reached or the connection failed")]
    Connection,
    #[error("the SMTP settings are not valid: {0}")]
    Config(&'static str),
}

impl MailError {
    /// A stable code for the failure's kind, kept on the forwarding and shown translated.
    pub fn code(&self) -> &'static str {
        match self {
            MailError::BadSender | MailError::Config(_) => "configuration",
            MailError::BadRecipient => "bad_recipient",
            MailError::Build => "build",
            MailError::Transient(_) => "transient",
            MailError::Permanent(_) => "permanent",
            MailError::Connection => "connection",
        }
    }

    /// Whether another attempt later may succeed.
    pub fn is_retryable(&self) -> bool {
        matches!(self, MailError::Transient(_) | MailError::Connection)
    }
}

/// Sends mail. Cheap to clone.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Mailer {
    pub fn new(config: &MailConfig) -> Result<Mailer, MailError> {
        let from: Mailbox = config.from.parse().map_err(|_| MailError::BadSender)?;
        let builder = match config.security {
            Security::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&config.host),
            Security::StartTls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&config.host)
                .map_err(|_| MailError::Config("the host cannot be used for STARTTLS"))?,
            Security::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&config.host)
                .map_err(|_| MailError::Config("the host cannot be used for TLS"))?,
        };
        let loopback = matches!(config.host.as_str(), "127.0.0.1" | "::1" | "localhost");
        if config.security == Security::None && config.password.is_some() && !loopback {
            return Err(MailError::Config(
                "a password is sent only over TLS (starttls or tls), or to this machine",
            ));
        }
        let mut builder = builder.port(config.port).timeout(Some(Duration::from_secs(20)));
        if let (Some(username), Some(password)) = (&config.username, &config.password) {
            builder = builder.credentials(Credentials::new(username.clone(), password.clone()));
        }
        Ok(Mailer {
            transport: builder.build(),
            from,
        })
    }

    /// Sends a plain-text message in UTF-8.
    pub async fn send(
        &self,
        to_address: &str,
        to_name: &str,
        subject: &str,
        body: &str,
    ) -> Result<(), MailError> {
        let address = to_address.parse().map_err(|_| MailError::BadRecipient)?;
        let to = Mailbox::new(Some(to_name.to_owned()).filter(|n| !n.is_empty()), address);
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body.to_owned())
            .map_err(|_| MailError::Build)?;
        self.transport.send(message).await.map(|_| ()).map_err(|error| {
            let code = error.status().map(|code| code.to_string()).unwrap_or_default();
            if error.is_permanent() {
                MailError::Permanent(code)
            } else if error.is_transient() {
                MailError::Transient(code)
            } else {
                MailError::Connection
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn settings_never_show_the_password() {
        let config = MailConfig {
            host: "smtp.example.kz".into(),
            port: 587,
            security: Security::StartTls,
            username: Some("senim".into()),
            password: Some("hunter2-secret".into()),
            from: "Сенім <senim@example.kz>".into(),
        };
        let shown = format!("{config:?}");
        assert!(
            !shown.contains("hunter2") && !shown.contains("senim\""),
            "{shown}"
        );
        assert!(Mailer::new(&config).is_ok());
        assert_eq!(Security::parse("tls"), Some(Security::Tls));
        assert_eq!(Security::parse("ssl"), None);
    }

    #[test]
    fn a_bad_sender_is_refused_before_any_connection() {
        let config = MailConfig {
            host: "127.0.0.1".into(),
            port: 25,
            security: Security::None,
            username: None,
            password: None,
            from: "not an address".into(),
        };
        assert_eq!(Mailer::new(&config).err(), Some(MailError::BadSender));
    }
}
