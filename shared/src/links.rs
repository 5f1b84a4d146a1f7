//! Links that open the app, read once, here: the shells pass the URL on as it came.
//!
//! - `zeri://complaint/<id>` opens one of the citizen's complaints;
//! - `zeri://campaign/<code>`, and a campaign's web link `https://<host>/c/<code>` (what its
//!   QR code carries), mark the complaints that follow as coming from that campaign;
//! - `zeri://server?url=<address>` offers another server, used from the next start once the
//!   citizen accepts it (trainers use it for a training server; see [`crate::servers`]).
//!
//! Anything else, or any of these malformed, is ignored.

use crux_core::Command;
use facet::Facet;
use serde::{Deserialize, Serialize};

use crate::api::campaign_code;
use crate::effects::Effect;
use crate::event::Event;
use crate::lifecycle::normalize_base_url;
use crate::model::Model;
use crate::{campaign, navigation, servers};

/// The longest link the core reads; a longer one is not one of ours.
const MAX_LINK_LEN: usize = 2048;

#[derive(Facet, Serialize, Deserialize, Debug)]
#[repr(C)]
pub enum LinkEvent {
    /// The app was opened with `url`, exactly as the phone received it.
    Opened { url: String },
}

/// What a link asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeepLink {
    /// Open this complaint (its id as the link wrote it).
    Complaint { id: String },
    /// The complaints that follow carry this campaign's code (in its normalised form).
    Campaign { code: String },
    /// Offer this server, to be used from the next start.
    Server { url: String },
}

/// A URL in its parts: `scheme://host/path?query#fragment`.
struct Parts<'a> {
    scheme: &'a str,
    host: &'a str,
    path: &'a str,
    query: &'a str,
}

fn split(url: &str) -> Option<Parts<'_>> {
    let (scheme, rest) = url.split_once("://")?;
    let rest = rest.split('#').next().unwrap_or_default();
    let (rest, query) = rest.split_once('?').unwrap_or((rest, ""));
    let (host, path) = match rest.find('/') {
        Some(slash) => rest.split_at(slash),
        None => (rest, ""),
    };
    Some(Parts {
        scheme,
        host,
        path,
        query,
    })
}

/// `%XX` escapes decoded; `None` if an escape is broken or the result is not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The one segment of a path like `/<segment>` (a trailing slash allowed), decoded.
fn single_segment(path: &str) -> Option<String> {
    let segment = path.strip_prefix('/')?;
    let segment = segment.strip_suffix('/').unwrap_or(segment);
    if segment.is_empty() || segment.contains('/') {
        return None;
    }
    percent_decode(segment)
}

fn query_value(query: &str, name: &str) -> Option<String> {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == name)
        .and_then(|(_, value)| percent_decode(value))
}

/// An `http` or `https` address with a host, and nothing a server address cannot hold.
fn server_address(url: &str) -> Option<String> {
    let parts = split(url)?;
    let web =
        parts.scheme.eq_ignore_ascii_case("http") || parts.scheme.eq_ignore_ascii_case("https");
    let clean = url.chars().all(|c| c.is_ascii_graphic());
    (web && clean && !parts.host.is_empty()).then(|| normalize_base_url(url))
}

impl DeepLink {
    /// What `url` asks for, or `None` if it is not one of the app's links.
    pub fn parse(url: &str) -> Option<DeepLink> {
        let url = url.trim();
        if url.len() > MAX_LINK_LEN {
            return None;
        }
        let parts = split(url)?;
        if parts.scheme.eq_ignore_ascii_case("zeri") {
            return match parts.host.to_ascii_lowercase().as_str() {
                "complaint" => Some(DeepLink::Complaint {
                    id: single_segment(parts.path)?,
                }),
                "campaign" => Some(DeepLink::Campaign {
                    code: campaign_code(&single_segment(parts.path)?)?,
                }),
                "server" if parts.path.is_empty() || parts.path == "/" => Some(DeepLink::Server {
                    url: server_address(&query_value(parts.query, "url")?)?,
                }),
                _ => None,
            };
        }
        let web =
            parts.scheme.eq_ignore_ascii_case("https") || parts.scheme.eq_ignore_ascii_case("http");
        let code = parts.path.strip_prefix("/c")?;
        if !web || parts.host.is_empty() {
            return None;
        }
        Some(DeepLink::Campaign {
            code: campaign_code(&single_segment(code)?)?,
        })
    }
}

pub fn update(event: LinkEvent, model: &mut Model) -> Command<Effect, Event> {
    match event {
        LinkEvent::Opened { url } => match DeepLink::parse(&url) {
            Some(link) => follow(model, link),
            None => Command::done(),
        },
    }
}

/// Does what `link` asks for.
pub fn follow(model: &mut Model, link: DeepLink) -> Command<Effect, Event> {
    match link {
        DeepLink::Complaint { id } => {
            navigation::open_complaint(model, &id);
            Command::done()
        }
        DeepLink::Campaign { code } => campaign::opened(model, code),
        DeepLink::Server { url } => servers::offered(model, url),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(url: &str) -> Option<DeepLink> {
        DeepLink::parse(url)
    }

    #[test]
    fn a_complaint_link_names_the_complaint() {
        let id = "8f0c2a1e-57b4-4c1e-9a51-0b8f3a7d9e21";
        let expected = Some(DeepLink::Complaint { id: id.into() });
        assert_eq!(parse(&format!("zeri://complaint/{id}")), expected);
        assert_eq!(parse(&format!("ZERI://Complaint/{id}/")), expected);
        assert_eq!(
            parse(&format!("zeri://complaint/{id}?from=sms#top")),
            expected
        );
        assert_eq!(parse("zeri://complaint/"), None);
        assert_eq!(parse("zeri://complaint"), None);
        assert_eq!(parse(&format!("zeri://complaint/{id}/photos")), None);
    }

    #[test]
    fn a_campaign_link_carries_its_code_normalised() {
        let campaign = |code: &str| Some(DeepLink::Campaign { code: code.into() });
        assert_eq!(parse("zeri://campaign/gji-7k3qa"), campaign("GJI-7K3QA"));
        assert_eq!(
            parse("zeri://campaign/PR2026?utm=poster"),
            campaign("PR2026")
        );
        assert_eq!(parse("zeri://campaign/not a code!"), None);
        assert_eq!(parse("zeri://campaign/%20pr-1%20"), campaign("PR-1"));
        assert_eq!(parse("zeri://campaign/"), None);
    }

    #[test]
    fn a_campaign_web_link_is_a_campaign_link() {
        let campaign = Some(DeepLink::Campaign {
            code: "GJILAN-CLEAN-2026".into(),
        });
        assert_eq!(parse("https://zeri.example/c/gjilan-clean-2026"), campaign);
        assert_eq!(
            parse("http://10.0.0.5:8080/c/GJILAN-CLEAN-2026/?src=qr"),
            campaign
        );
        assert_eq!(parse("https://zeri.example/c/"), None);
        assert_eq!(parse("https://zeri.example/complaint/1"), None);
        assert_eq!(parse("https://zeri.example/cx/PR2026"), None);
        assert_eq!(parse("https:///c/PR2026"), None, "no host");
        assert_eq!(parse("ftp://zeri.example/c/PR2026"), None);
    }

    #[test]
    fn a_server_link_names_a_web_address() {
        let server = |url: &str| Some(DeepLink::Server { url: url.into() });
        assert_eq!(
            parse("zeri://server?url=https://training.example"),
            server("https://training.example")
        );
        assert_eq!(
            parse("zeri://server/?url=http%3A%2F%2F192.168.1.20%3A8080%2F"),
            server("http://192.168.1.20:8080")
        );
        assert_eq!(
            parse("zeri://server?lang=sq&url=https://training.example/zeri"),
            server("https://training.example/zeri")
        );
        assert_eq!(parse("zeri://server?url=file:///etc/passwd"), None);
        assert_eq!(parse("zeri://server?url=javascript:alert(1)"), None);
        assert_eq!(parse("zeri://server?url=https://"), None);
        assert_eq!(parse("zeri://server?url=https://a%20b.example"), None);
        assert_eq!(parse("zeri://server"), None);
    }

    #[test]
    fn garbage_is_ignored_without_a_panic() {
        let long = format!("zeri://complaint/{}", "a".repeat(5000));
        for garbage in [
            "",
            " ",
            "zeri",
            "zeri:",
            "zeri://",
            "://",
            "zeri://nowhere/1",
            "zeri:complaint/1",
            "mailto:someone@example.com",
            "zeri://complaint/%",
            "zeri://complaint/%zz",
            "zeri://complaint/%C3",
            "zeri://campaign/%FF%FE",
            "zeri://server?url",
            "zeri://server?url=%",
            "zeri://server?url=https://ok.example/%ZZ",
            "https://ë.example/c/ë",
            "😀://😀/c/😀",
            long.as_str(),
        ] {
            assert_eq!(parse(garbage), None, "{garbage:?}");
        }
    }

    #[test]
    fn a_link_to_nothing_changes_nothing() {
        let mut model = Model::default();
        update(
            LinkEvent::Opened {
                url: "zeri://nowhere".into(),
            },
            &mut model,
        )
        .expect_done();
        assert_eq!(model.settings, crate::model::Settings::default());
    }
}
