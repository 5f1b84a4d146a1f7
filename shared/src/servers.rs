//! Which server the app talks to, and who may change it.
//!
//! The shell says which server the app was built for, and whether it is a developer's build.
//! A `zeri://server?url=…` link (trainers use it for a training server) only offers another
//! server: the citizen must accept it first, since their complaints and contact details go
//! wherever it points. A release build takes only `https` servers on the host it was built
//! for or a host under it (`https://training.zeri.example` for `https://zeri.example`); a
//! developer's build takes any `http` or `https` server. Any other offer is refused with a
//! notice, and a server stored before is dropped at start when the build no longer trusts it.

use crux_core::Command;

use crate::effects::Effect;
use crate::event::Event;
use crate::lifecycle::normalize_base_url;
use crate::model::{Model, Notice, SlotKey};
use crate::persist::save;

/// The host of a web address (`https://host:port/path`), lower-cased and without the port;
/// `None` if the address carries credentials (`https://zeri.example@elsewhere.example`).
pub fn host(url: &str) -> Option<String> {
    let (_, rest) = url.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return None;
    }
    let host = match authority.rsplit_once(':') {
        Some((host, port)) if port.chars().all(|c| c.is_ascii_digit()) => host,
        _ => authority,
    };
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// The host and port of a web address, as the citizen is shown it.
pub fn display_host(url: &str) -> String {
    let (_, rest) = url.split_once("://").unwrap_or(("", url));
    rest.split(['/', '?', '#'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// Whether an app built for `built_for` may be pointed at `url`.
pub fn trusted(built_for: &str, debug_build: bool, url: &str) -> bool {
    let Some(host) = host(url) else {
        return false;
    };
    if debug_build {
        return true;
    }
    let Some(own) = host_of_https(built_for) else {
        return false;
    };
    url.get(..8)
        .is_some_and(|s| s.eq_ignore_ascii_case("https://"))
        && (host == own || host.ends_with(&format!(".{own}")))
}

fn host_of_https(url: &str) -> Option<String> {
    url.get(..8)
        .is_some_and(|s| s.eq_ignore_ascii_case("https://"))
        .then(|| host(url))
        .flatten()
}

/// A link offers `url`: ask the citizen, or refuse it if this build may not talk to it.
pub fn offered(model: &mut Model, url: String) -> Command<Effect, Event> {
    if url == model.api_base_url {
        model.server_offer = None;
    } else if trusted(&model.built_for, model.debug_build, &url) {
        model.server_offer = Some(url);
    } else {
        model.server_offer = None;
        model.notice = Some(Notice::ServerLinkRefused);
    }
    Command::done()
}

/// The citizen accepted the offered server: it is used from the next start.
pub fn accepted(model: &mut Model) -> Command<Effect, Event> {
    match model.server_offer.take() {
        Some(url) => choose(model, url),
        None => Command::done(),
    }
}

pub fn declined(model: &mut Model) -> Command<Effect, Event> {
    model.server_offer = None;
    Command::done()
}

/// Back to the server the app was built for, from the next start.
pub fn reset(model: &mut Model) -> Command<Effect, Event> {
    if model.settings.server.is_none() {
        return Command::done();
    }
    let built_for = model.built_for.clone();
    choose(model, built_for)
}

fn choose(model: &mut Model, url: String) -> Command<Effect, Event> {
    model.settings.server = (url != model.built_for).then(|| url.clone());
    model.notice = Some(Notice::ServerChosen {
        host: display_host(&url),
    });
    save(model, SlotKey::Settings)
}

/// The server to talk to: the stored choice if this build still trusts it, else the one the
/// app was built for. An untrusted stored choice is forgotten.
pub fn current(model: &mut Model) -> String {
    match model.settings.server.as_deref().map(normalize_base_url) {
        Some(url) if trusted(&model.built_for, model.debug_build, &url) => url,
        Some(_) => {
            model.settings.server = None;
            model.built_for.clone()
        }
        None => model.built_for.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OFFICIAL: &str = "https://zeri.example";

    #[test]
    fn a_release_build_trusts_only_https_on_its_own_host_or_under_it() {
        let release = |url: &str| trusted(OFFICIAL, false, url);
        assert!(release("https://zeri.example"));
        assert!(release("https://training.zeri.example"));
        assert!(release("https://Training.Zeri.Example:8443/zeri"));
        assert!(!release("http://training.zeri.example"), "plain http");
        assert!(!release("https://evil.example"));
        assert!(!release("https://zeri.example.evil.example"));
        assert!(!release("https://notzeri.example"));
        assert!(!release("https://zeri.example@evil.example"), "credentials");
        assert!(!release("https://evil.example/?zeri.example"));
        assert!(
            !trusted("http://10.0.2.2:8080", false, "https://10.0.2.2:8080"),
            "a release build for a plain-http server trusts nothing else"
        );
    }

    #[test]
    fn a_debug_build_trusts_any_web_server_without_credentials() {
        assert!(trusted(OFFICIAL, true, "http://192.168.1.20:8080"));
        assert!(trusted(OFFICIAL, true, "https://evil.example"));
        assert!(!trusted(OFFICIAL, true, "https://a@evil.example"));
    }

    #[test]
    fn hosts_are_read_without_port_or_path() {
        assert_eq!(
            host("https://Training.Zeri.Example:8443/x?y#z").as_deref(),
            Some("training.zeri.example")
        );
        assert_eq!(host("https://:8080"), None);
        assert_eq!(host("no scheme"), None);
        assert_eq!(
            display_host("http://192.168.1.20:8080/zeri"),
            "192.168.1.20:8080"
        );
    }

    fn release_phone() -> Model {
        Model {
            built_for: OFFICIAL.into(),
            api_base_url: OFFICIAL.into(),
            ..Model::online()
        }
    }

    #[test]
    fn an_offer_waits_for_the_citizen_and_is_kept_only_when_accepted() {
        let mut model = release_phone();
        offered(&mut model, "https://training.zeri.example".into()).expect_done();
        assert_eq!(
            model.server_offer.as_deref(),
            Some("https://training.zeri.example")
        );
        assert_eq!(
            model.settings.server, None,
            "nothing changes before consent"
        );
        declined(&mut model).expect_done();
        assert_eq!(model.server_offer, None);
        assert_eq!(model.settings.server, None);

        offered(&mut model, "https://training.zeri.example".into()).expect_done();
        let _ = accepted(&mut model);
        assert_eq!(
            model.settings.server.as_deref(),
            Some("https://training.zeri.example")
        );
        assert_eq!(model.server_offer, None);
        let _ = reset(&mut model);
        assert_eq!(model.settings.server, None, "back to the official server");
    }

    #[test]
    fn an_untrusted_offer_is_refused_with_a_notice() {
        let mut model = release_phone();
        offered(&mut model, "https://evil.example".into()).expect_done();
        assert_eq!(model.server_offer, None);
        assert_eq!(model.notice, Some(Notice::ServerLinkRefused));
        assert!(accepted(&mut model).is_done());
        assert_eq!(model.settings.server, None);
    }

    #[test]
    fn a_stored_server_the_build_does_not_trust_is_forgotten() {
        let mut model = release_phone();
        model.settings.server = Some("https://evil.example".into());
        assert_eq!(current(&mut model), OFFICIAL);
        assert_eq!(model.settings.server, None);
        model.settings.server = Some("https://training.zeri.example".into());
        assert_eq!(current(&mut model), "https://training.zeri.example");
    }
}
