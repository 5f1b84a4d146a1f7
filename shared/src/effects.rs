//! The effects the core asks the shell for, and thin wrappers that turn any answer from the
//! shell into a value.
//!
//! The capability crates' own helpers panic when a shell answers with the wrong kind of
//! response; a phone app must not crash because of a shell bug, so the core asks the shell
//! through these functions instead and treats a wrong answer as a failed operation.

use std::future::Future;
use std::time::{Duration, SystemTime};

use chrono::{DateTime, Utc};
use crux_core::{Command, command::RequestBuilder, macros::effect, render::RenderOperation};
use crux_http::protocol::{HttpHeader, HttpRequest, HttpResponse, HttpResult};
use crux_kv::{KeyValueOperation, KeyValueResponse, KeyValueResult};
use crux_time::{TimeRequest, TimeResponse, TimerId};

use crate::event::Event;
use crate::export::ExportOperation;
use crate::notifications::NotificationOperation;

/// What the core asks the shell to do: draw, talk HTTP, read and write its key-value store,
/// keep time, show notifications, and offer the citizen a file to keep.
#[effect(facet_typegen)]
pub enum Effect {
    Render(RenderOperation),
    Http(HttpRequest),
    KeyValue(KeyValueOperation),
    Time(TimeRequest),
    Notification(NotificationOperation),
    Export(ExportOperation),
}

/// Reads `key`: `Ok(None)` when it is absent, `Err` when the store failed.
pub fn kv_get(
    key: String,
) -> RequestBuilder<Effect, Event, impl Future<Output = Result<Option<Vec<u8>>, String>>> {
    Command::request_from_shell(KeyValueOperation::Get { key }).map(|result| match result {
        KeyValueResult::Ok {
            response: KeyValueResponse::Get { value },
        } => Ok(value.into()),
        KeyValueResult::Err { error } => Err(error.to_string()),
        KeyValueResult::Ok { .. } => Err("unexpected answer to a read".to_owned()),
    })
}

/// Writes `value` under `key`; `Ok` only once the shell says the write is done.
pub fn kv_set(
    key: String,
    value: Vec<u8>,
) -> RequestBuilder<Effect, Event, impl Future<Output = Result<(), String>>> {
    Command::request_from_shell(KeyValueOperation::Set { key, value }).map(|result| match result {
        KeyValueResult::Ok {
            response: KeyValueResponse::Set { .. },
        } => Ok(()),
        KeyValueResult::Err { error } => Err(error.to_string()),
        KeyValueResult::Ok { .. } => Err("unexpected answer to a write".to_owned()),
    })
}

/// Deletes `key`; the outcome does not matter to the caller (a leftover is harmless).
pub fn kv_delete(key: &str) -> Command<Effect, Event> {
    Command::request_from_shell(KeyValueOperation::Delete {
        key: key.to_owned(),
    })
    .build()
    .then(Command::done())
}

/// The shell's wall clock, or `None` if the shell answered with something else.
pub fn now() -> RequestBuilder<Effect, Event, impl Future<Output = Option<DateTime<Utc>>>> {
    Command::request_from_shell(TimeRequest::Now).map(|response| match response {
        TimeResponse::Now { instant } => Some(DateTime::<Utc>::from(SystemTime::from(instant))),
        _ => None,
    })
}

/// Completes after `delay` (or whenever the shell answers, whatever it answers).
pub fn sleep(
    timer: usize,
    delay: Duration,
) -> RequestBuilder<Effect, Event, impl Future<Output = ()>> {
    let millis = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX);
    Command::request_from_shell(TimeRequest::NotifyAfter {
        id: TimerId(timer),
        duration: crux_time::Duration::from_millis(millis),
    })
    .map(|_| ())
}

/// A request the shell will carry out as HTTP.
pub struct Request {
    pub method: &'static str,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

/// What came back: a response with any status, or no response at all.
#[derive(Debug, Clone)]
pub enum Reply {
    Response(HttpResponse),
    NoResponse(String),
}

impl Reply {
    pub fn header(response: &HttpResponse, name: &str) -> Option<String> {
        response
            .headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| h.value.clone())
    }
}

pub fn http(request: Request) -> RequestBuilder<Effect, Event, impl Future<Output = Reply>> {
    let operation = HttpRequest {
        method: request.method.to_owned(),
        url: request.url,
        headers: request
            .headers
            .into_iter()
            .map(|(name, value)| HttpHeader { name, value })
            .collect(),
        body: request.body,
    };
    Command::request_from_shell(operation).map(|result| match result {
        HttpResult::Ok(response) => Reply::Response(response),
        HttpResult::Err(error) => Reply::NoResponse(error.to_string()),
    })
}
