//! Campaign links: the campaign whose link opened the app is remembered (complaints sent in the
//! next 30 days carry its code), and the server is told, once, that the app was opened for it.

use crux_core::Command;

use crate::api::paths;
use crate::client;
use crate::effects::{self, Effect, Reply};
use crate::event::Event;
use crate::model::{CampaignVisit, Model, SlotKey};
use crate::persist::save;

/// What the server said about an opening; the core asks, shells never send this.
#[derive(Debug)]
pub enum CampaignEvent {
    /// `counted`: the server answered for good (counted, or no such campaign).
    OpenReported { code: String, counted: bool },
}

pub fn update(event: CampaignEvent, model: &mut Model) -> Command<Effect, Event> {
    match event {
        CampaignEvent::OpenReported { code, counted } => on_open_reported(model, code, counted),
    }
}

/// Remembers the campaign the app was opened for (`code` already normalised), and tells the
/// server so it counts.
pub fn opened(model: &mut Model, code: String) -> Command<Effect, Event> {
    model.settings.campaign = Some(CampaignVisit {
        code,
        opened_at: model.now,
        reported: false,
    });
    save(model, SlotKey::Settings).and(report_open(model))
}

/// Tells the server the app was opened with the stored campaign's code, once: retried on the
/// next start or network change until the server has answered.
pub fn report_open(model: &mut Model) -> Command<Effect, Event> {
    let Some(code) = model
        .settings
        .campaign
        .as_ref()
        .filter(|c| !c.reported)
        .map(|c| c.code.clone())
    else {
        return Command::done();
    };
    if model.reporting_campaign || !model.can_reach_server() {
        return Command::done();
    }
    model.reporting_campaign = true;
    let url = client::url(model, &paths::campaign_opened(&code));
    effects::http(client::request(model, "POST", url)).then_send(move |reply| {
        // 404: no campaign has this code (a mistyped poster); asking again cannot change that.
        let counted = matches!(&reply, Reply::Response(r) if (200..300).contains(&r.status) || r.status == 404);
        CampaignEvent::OpenReported { code, counted }.into()
    })
}

fn on_open_reported(model: &mut Model, code: String, counted: bool) -> Command<Effect, Event> {
    model.reporting_campaign = false;
    match model.settings.campaign.as_mut() {
        Some(campaign) if campaign.code == code && counted => {
            campaign.reported = true;
            save(model, SlotKey::Settings)
        }
        // Another link was opened meanwhile: report that one.
        Some(campaign) if campaign.code != code => report_open(model),
        _ => Command::done(),
    }
}

#[cfg(test)]
mod tests {
    use crux_http::protocol::{HttpResponse, HttpResult};
    use crux_kv::KeyValueOperation;

    use super::*;
    use crate::effects::EffectTestExt as _;
    use crate::model::Phase;

    #[test]
    fn an_opening_is_saved_then_reported_and_marked_once_counted() {
        let mut model = Model::online();
        let mut command = opened(&mut model, "PR-2026".into());
        command.expect_key_value_with(|op| {
            assert!(matches!(op, KeyValueOperation::Set { key, .. } if key == "settings"))
        });
        let mut request = command.expect_effect().expect_http();
        assert_eq!(request.operation.method, "POST");
        assert_eq!(
            request.operation.url,
            "https://zeri.test/api/v1/campaigns/PR-2026/opens"
        );
        assert!(report_open(&mut model).is_done(), "one report at a time");

        let answer = HttpResponse {
            status: 204,
            headers: vec![],
            body: vec![],
        };
        request.resolve(HttpResult::Ok(answer)).unwrap();
        let Event::Campaign(reported) = command.expect_one_event() else {
            panic!("a campaign event")
        };
        let _ = update(reported, &mut model);
        assert!(model.settings.campaign.as_ref().unwrap().reported);
        assert!(report_open(&mut model).is_done(), "counted once");
    }

    #[test]
    fn an_opening_is_not_reported_before_the_device_is_on_disk() {
        let mut model = Model {
            phase: Phase::Ready,
            api_base_url: "https://zeri.test".into(),
            ..Model::default()
        };
        let mut command = opened(&mut model, "PR-2026".into());
        command.expect_key_value_with(|_| {});
        command.expect_no_effects();
    }

    #[test]
    fn a_newer_campaign_is_reported_after_the_older_answer() {
        let mut model = Model::online();
        let _ = opened(&mut model, "OLD".into());
        model.settings.campaign.as_mut().unwrap().code = "NEW".into();
        let mut command = update(
            CampaignEvent::OpenReported {
                code: "OLD".into(),
                counted: true,
            },
            &mut model,
        );
        command.expect_http_with(|op| assert!(op.url.ends_with("/campaigns/NEW/opens")));
    }
}
