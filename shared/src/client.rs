//! How the core talks to the server: requests that carry the device's secret and the citizen's
//! language, and what an answer means to whoever asked (delivered, retry later, or refused).

use std::time::Duration;

use serde::de::DeserializeOwned;

use crate::api::{self, ErrorBody};
use crate::effects::{Reply, Request};
use crate::model::Model;

/// The longest `Retry-After` the core honours.
pub const RETRY_AFTER_CAP: Duration = Duration::from_secs(3600);

/// What became of a request.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome<T> {
    Delivered(T),
    /// No answer, a timeout, 408, 429 or 5xx: sending again later can succeed.
    Retry {
        after: Option<Duration>,
    },
    /// The server refused it for a reason retrying cannot change.
    Refused {
        code: String,
        message: String,
    },
}

/// Reads an answer: a 2xx whose body `parse` accepts is delivered; the server's refusals come
/// with its error code and message.
pub fn classify<T>(reply: Reply, parse: impl FnOnce(&[u8]) -> Option<T>) -> Outcome<T> {
    let response = match reply {
        Reply::Response(response) => response,
        Reply::NoResponse(_) => return Outcome::Retry { after: None },
    };
    let status = response.status;
    if (200..300).contains(&status) {
        // A 2xx we cannot read (a captive portal's page, say) is not an answer from our server.
        return match parse(&response.body) {
            Some(value) => Outcome::Delivered(value),
            None => Outcome::Retry { after: None },
        };
    }
    if status == 408 || status == 429 || !(200..500).contains(&status) {
        let after = Reply::header(&response, "retry-after")
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(|secs| Duration::from_secs(secs).min(RETRY_AFTER_CAP));
        return Outcome::Retry { after };
    }
    match serde_json::from_slice::<ErrorBody>(&response.body) {
        Ok(body) => Outcome::Refused {
            code: body.error.code,
            message: body.error.message,
        },
        Err(_) => Outcome::Refused {
            code: format!("http_{status}"),
            message: String::new(),
        },
    }
}

/// A JSON body, if it is one of type `T`.
pub fn json<T: DeserializeOwned>(body: &[u8]) -> Option<T> {
    serde_json::from_slice(body).ok()
}

/// Who is asking (the device) and in which language the server should answer.
pub fn device_headers(model: &Model) -> Vec<(String, String)> {
    let secret = model.device_secret.clone().unwrap_or_default();
    vec![
        (
            "Authorization".into(),
            format!("{} {secret}", api::DEVICE_AUTH_SCHEME),
        ),
        (
            "Accept-Language".into(),
            model.settings.language.api_tag().into(),
        ),
        ("Accept".into(), "application/json".into()),
    ]
}

/// The server's address for `path`.
pub fn url(model: &Model, path: &str) -> String {
    format!("{}{path}", model.api_base_url)
}

/// A request as the device, with no body.
pub fn request(model: &Model, method: &'static str, url: String) -> Request {
    Request {
        method,
        url,
        headers: device_headers(model),
        body: Vec::new(),
    }
}

/// A `POST` as the device with a JSON body.
pub fn post_json(model: &Model, path: &str, body: &impl serde::Serialize) -> Request {
    send_json(model, "POST", path, body)
}

/// A `method` request as the device with a JSON body.
pub fn send_json(
    model: &Model,
    method: &'static str,
    path: &str,
    body: &impl serde::Serialize,
) -> Request {
    let mut headers = device_headers(model);
    headers.push(("Content-Type".into(), "application/json".into()));
    Request {
        method,
        url: url(model, path),
        headers,
        body: serde_json::to_vec(body).unwrap_or_default(),
    }
}

/// `value` escaped for a URL's query.
pub fn query_escape(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crux_http::protocol::{HttpHeader, HttpResponse};

    use super::*;

    fn answer(status: u16, headers: &[(&str, &str)], body: &str) -> Reply {
        Reply::Response(HttpResponse {
            status,
            headers: headers
                .iter()
                .map(|(name, value)| HttpHeader {
                    name: (*name).into(),
                    value: (*value).into(),
                })
                .collect(),
            body: body.as_bytes().to_vec(),
        })
    }

    #[test]
    fn answers_are_delivered_retried_or_refused() {
        let number = |body: &[u8]| json::<u32>(body);
        assert_eq!(
            classify(answer(200, &[], "7"), number),
            Outcome::Delivered(7)
        );
        assert_eq!(
            classify(answer(200, &[], "<html>portal</html>"), number),
            Outcome::Retry { after: None },
            "a 2xx that is not our server's answer"
        );
        assert_eq!(
            classify(answer(429, &[("Retry-After", "90")], ""), number),
            Outcome::Retry {
                after: Some(Duration::from_secs(90))
            }
        );
        assert_eq!(
            classify(answer(503, &[("retry-after", "999999")], ""), number),
            Outcome::Retry {
                after: Some(RETRY_AFTER_CAP)
            }
        );
        assert_eq!(
            classify(Reply::NoResponse("offline".into()), number),
            Outcome::Retry { after: None }
        );
        let refusal = r#"{"error":{"code":"outside_kosovo","message":"Outside Kosovo."}}"#;
        assert_eq!(
            classify(answer(422, &[], refusal), number),
            Outcome::Refused {
                code: "outside_kosovo".into(),
                message: "Outside Kosovo.".into()
            }
        );
        assert_eq!(
            classify(answer(404, &[], "not json"), number),
            Outcome::Refused {
                code: "http_404".into(),
                message: String::new()
            }
        );
    }

    #[test]
    fn query_values_are_escaped() {
        assert_eq!(query_escape("a b/ç"), "a%20b%2F%C3%A7");
        assert_eq!(query_escape("2026-11-20T09:00"), "2026-11-20T09%3A00");
    }
}
