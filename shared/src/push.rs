//! Push wake-ups. The shell hands over the token its provider gave (Firebase Cloud Messaging on
//! Android, Apple's push service on iOS) each time the app starts or the provider renews it;
//! the core registers it with the server once the citizen has filed something worth hearing
//! about, and again whenever it changes. A push carries no personal data and no complaint text:
//! on one, and on each periodic background refresh, the shell sends
//! [`crate::LifecycleEvent::WokenInBackground`] and the core asks the server itself.

use crux_core::Command;
use facet::Facet;
use serde::{Deserialize, Serialize};

use crate::api::paths;
use crate::api::push::{PushPlatform, PushTokenRequest};
use crate::client;
use crate::effects::{self, Effect, Reply};
use crate::event::Event;
use crate::model::Model;

/// Which provider gave the token.
#[derive(Facet, Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C)]
pub enum PushProvider {
    /// Firebase Cloud Messaging (Android).
    Fcm,
    /// Apple Push Notification service (iOS).
    Apns,
}

/// This run's push token and what the server has of it. Not kept on the phone: the shell
/// hands the token over on every start.
#[derive(Debug, Default)]
pub struct PushState {
    token: Option<PushTokenRequest>,
    registered: Option<PushTokenRequest>,
    registering: bool,
}

/// What the server said to a registration; the core asks, shells never send this.
#[derive(Debug)]
pub enum PushEvent {
    Registered { token: PushTokenRequest, ok: bool },
}

pub fn update(event: PushEvent, model: &mut Model) -> Command<Effect, Event> {
    match event {
        PushEvent::Registered { token, ok } => {
            model.push.registering = false;
            if ok {
                model.push.registered = Some(token);
            }
            // A newer token may have come meanwhile.
            if model.push.registered != model.push.token && ok {
                return register(model);
            }
            Command::done()
        }
    }
}

/// The shell's provider gave `token`; anything that cannot be a provider's token is ignored.
pub fn token_issued(
    model: &mut Model,
    provider: PushProvider,
    token: String,
) -> Command<Effect, Event> {
    let platform = match provider {
        PushProvider::Fcm => PushPlatform::Fcm,
        PushProvider::Apns => PushPlatform::Apns,
    };
    let token = PushTokenRequest { platform, token };
    if !token.token_is_valid() {
        return Command::done();
    }
    model.push.token = Some(token);
    register(model)
}

/// Registers this run's token unless the server has it already, once the citizen has filed a
/// complaint; a failure is retried on the next wake-up.
pub fn register(model: &mut Model) -> Command<Effect, Event> {
    let Some(token) = model.push.token.clone() else {
        return Command::done();
    };
    let has_filed = !model.complaints.is_empty() || !model.outbox.is_empty();
    if model.push.registering
        || model.push.registered.as_ref() == Some(&token)
        || !has_filed
        || !model.can_reach_server()
    {
        return Command::done();
    }
    model.push.registering = true;
    let request = client::send_json(model, "PUT", paths::PUSH_TOKEN, &token);
    effects::http(request).then_send(move |reply| {
        let ok = matches!(&reply, Reply::Response(r) if (200..300).contains(&r.status));
        PushEvent::Registered { token, ok }.into()
    })
}
