//! Sending the mail queue's messages (`services::mail`) through the mail server the settings
//! name, over SMTP. Every `mail_every_seconds` it claims what is due, writes each message out,
//! sends it, and records how that went, one message at a time, so a server killed mid-run
//! leaves at most the message it was sending to be sent again once its claim runs out (with
//! the same `Message-ID`, by which mail systems recognise a repeat). Requests and staff actions
//! never wait for any of this: they only queue.

mod html;

use std::sync::Arc;
use std::time::Duration;

use lettre::message::header::{Header, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::Config;
use crate::services::ServiceError;
use crate::services::mail::{self, Claimed, Outcome, letters};
use crate::state::AppState;

/// Messages claimed in one run.
const BATCH: i64 = 50;

/// The longest a mail server may take to answer before the try counts as refused.
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);

/// Why the mail settings cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum MailSetupError {
    #[error(
        "ZERI_SMTP_URL is not a mail server address ({0}); write it as smtps://user:password@host:465, smtp://user:password@host:587?tls=required or smtp://localhost:25"
    )]
    Url(String),
    #[error("ZERI_MAIL_FROM is not an email address ({0}); write it as Zëri <zeri@example.org>")]
    From(String),
}

/// How this server sends email: through a mail server, or not at all.
pub struct Mailer {
    transport: Option<AsyncSmtpTransport<Tokio1Executor>>,
    from: Mailbox,
    /// Where the links in the emails point.
    base: String,
    /// The domain of the `Message-ID`s.
    domain: String,
}

impl Mailer {
    /// The mailer the settings describe, or why they cannot work (checked when the server
    /// starts, so a wrong setting stops it rather than losing emails later).
    pub fn from_config(config: &Config) -> Result<Mailer, MailSetupError> {
        let from: Mailbox = config
            .mail_from
            .parse()
            .map_err(|e: lettre::address::AddressError| MailSetupError::From(e.to_string()))?;
        let transport = match &config.smtp_url {
            Some(url) => Some(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| MailSetupError::Url(e.to_string()))?
                    .timeout(Some(SMTP_TIMEOUT))
                    .build(),
            ),
            None => None,
        };
        let base = config
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", config.bind));
        let domain = from.email.domain().to_owned();
        Ok(Mailer {
            transport,
            from,
            base,
            domain,
        })
    }
}

/// What one run did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Delivered {
    pub sent: usize,
    /// Refused for now, to be tried again.
    pub deferred: usize,
    /// Refused for good, or too often.
    pub failed: usize,
    /// Not to be sent (nobody to tell, or no mail server configured).
    pub dropped: usize,
}

/// This server's name on the messages it claims: one per process.
fn holder() -> &'static str {
    static HOLDER: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HOLDER.get_or_init(|| format!("mailer-{}", uuid::Uuid::new_v4().simple()))
}

/// Sends what is due now, as one run: at most [`BATCH`] messages.
pub async fn deliver_due(state: &AppState, mailer: &Mailer) -> Result<Delivered, ServiceError> {
    let now = state.clock.now();
    let base = mailer.base.clone();
    let claimed = state
        .db
        .call(move |c| {
            let claimed = mail::claim_due(c, holder(), now, BATCH)?;
            claimed
                .into_iter()
                .map(|message| {
                    let letter = letters::write(c, &message, &base)?;
                    Ok((message, letter))
                })
                .collect::<Result<Vec<_>, ServiceError>>()
        })
        .await?;
    let mut delivered = Delivered::default();
    for (message, letter) in claimed {
        let outcome = match (&mailer.transport, letter) {
            (None, _) => Outcome::Dropped("no mail server configured".into()),
            (_, None) => Outcome::Dropped("nobody to tell".into()),
            (Some(transport), Some(letter)) => send(transport, mailer, &message, letter).await,
        };
        match &outcome {
            Outcome::Sent => delivered.sent += 1,
            Outcome::Refused(error) => {
                tracing::warn!(message = message.id, %error, "the mail server refused an email for now");
                delivered.deferred += 1;
            }
            Outcome::Failed(error) => {
                tracing::warn!(message = message.id, %error, "an email could not be sent");
                delivered.failed += 1;
            }
            Outcome::Dropped(_) => delivered.dropped += 1,
        }
        let settled = state.clock.now();
        let id = message.id;
        state
            .db
            .call(move |c| mail::settle(c, id, holder(), outcome, settled))
            .await?;
    }
    Ok(delivered)
}

async fn send(
    transport: &AsyncSmtpTransport<Tokio1Executor>,
    mailer: &Mailer,
    message: &Claimed,
    letter: letters::Letter,
) -> Outcome {
    let to: Mailbox = match letter.to.parse() {
        Ok(to) => to,
        Err(error) => return Outcome::Failed(format!("the address is not valid: {error}")),
    };
    let mut builder = Message::builder()
        .from(mailer.from.clone())
        .to(to)
        .subject(letter.subject.clone())
        .message_id(Some(format!(
            "<zeri-{}-{}@{}>",
            message.kind.as_str(),
            message.id,
            mailer.domain
        )));
    if let Some(stop) = &letter.stop {
        // RFC 2369 and RFC 8058: mail programs offer a button that stops the emails.
        builder = builder
            .header(ListUnsubscribe(format!("<{}>", stop.url)))
            .header(ListUnsubscribePost);
    }
    let (text, html) = (letter.text(), html::body(&letter));
    let email = match builder.multipart(MultiPart::alternative_plain_html(text, html)) {
        Ok(email) => email,
        Err(error) => return Outcome::Failed(format!("the email could not be built: {error}")),
    };
    match transport.send(email).await {
        Ok(_) => Outcome::Sent,
        Err(error) if error.is_permanent() => Outcome::Failed(error.to_string()),
        Err(error) => Outcome::Refused(error.to_string()),
    }
}

/// `List-Unsubscribe: <https://…/email/stop/…>`.
#[derive(Clone)]
struct ListUnsubscribe(String);

impl Header for ListUnsubscribe {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe")
    }

    fn parse(text: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribe(text.to_owned()))
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), self.0.clone())
    }
}

/// `List-Unsubscribe-Post: List-Unsubscribe=One-Click`: the link stops the emails when posted
/// to, with no page in between.
#[derive(Clone)]
struct ListUnsubscribePost;

impl Header for ListUnsubscribePost {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }

    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribePost)
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "List-Unsubscribe=One-Click".to_owned())
    }
}

/// The running mailer, stopped when this is dropped.
pub struct Sending(tokio::task::JoinHandle<()>);

impl Drop for Sending {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Sends the queue's messages as they fall due, until the answer is dropped (none if the
/// setting is 0). Also forgets finished messages once a day's worth of runs has passed.
pub fn spawn(state: AppState, mailer: Mailer) -> Option<Sending> {
    let seconds = state.config.mail_every_seconds;
    if seconds == 0 {
        return None;
    }
    let mailer = Arc::new(mailer);
    Some(Sending(tokio::spawn(async move {
        let mut ticks = tokio::time::interval(Duration::from_secs(seconds));
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut runs: u64 = 0;
        loop {
            ticks.tick().await;
            match deliver_due(&state, &mailer).await {
                Ok(done) if done != Delivered::default() => {
                    tracing::info!(
                        sent = done.sent,
                        deferred = done.deferred,
                        failed = done.failed,
                        dropped = done.dropped,
                        "emails"
                    );
                }
                Ok(_) => {}
                Err(error) => tracing::warn!(%error, "sending emails"),
            }
            if runs.is_multiple_of((86_400 / seconds).max(1)) {
                let now = state.clock.now();
                if let Err(error) = state.db.call(move |c| mail::forget_done(c, now)).await {
                    tracing::warn!(%error, "forgetting sent emails");
                }
            }
            runs += 1;
        }
    })))
}
