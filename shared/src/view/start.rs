//! The screens around the app's start: the failed read of the stored state, the welcome
//! screen (language and privacy), the settings that offer the same choices later (and the
//! server a link chose), and the question a server link asks.

use super::format::server_page;
use super::languages;
use crate::i18n::Localizer;
use crate::model::Model;
use crate::servers::display_host;
use crate::view_model::{
    LoadFailedView, ServerOfferView, ServerSettingView, SettingsView, WelcomeView,
};

pub(super) fn load_failed(l: &Localizer) -> LoadFailedView {
    LoadFailedView {
        message: l.t("load-failed"),
        retry_label: l.t("action-retry"),
    }
}

pub(super) fn welcome(l: &Localizer, model: &Model) -> WelcomeView {
    WelcomeView {
        title: l.t("welcome-title"),
        intro: l.t("welcome-intro"),
        privacy_title: l.t("privacy-title"),
        privacy_text: l.t("privacy-text"),
        language_label: l.t("language-label"),
        languages: languages(model.settings.language),
        continue_label: l.t("welcome-continue"),
    }
}

pub(super) fn settings(l: &Localizer, model: &Model) -> SettingsView {
    SettingsView {
        title: l.t("settings-title"),
        language_label: l.t("language-label"),
        languages: languages(model.settings.language),
        privacy_title: l.t("privacy-title"),
        privacy_text: l.t("privacy-text"),
        server: model
            .settings
            .server
            .as_deref()
            .map(|url| ServerSettingView {
                text: l.format("settings-server", &[("host", display_host(url).into())]),
                reset_label: l.t("settings-server-reset"),
            }),
        my_data_label: l.t("settings-my-data"),
        privacy_notice_label: l.t("settings-privacy-notice"),
        privacy_notice_url: server_page(model, "/privacy"),
    }
}

pub(super) fn server_offer(l: &Localizer, model: &Model, url: &str) -> ServerOfferView {
    let host = display_host(url);
    let current = display_host(&model.api_base_url);
    ServerOfferView {
        title: l.t("server-offer-title"),
        message: l.format(
            "server-offer-message",
            &[("host", host.as_str().into()), ("current", current.into())],
        ),
        accept_label: l.format("server-offer-accept", &[("host", host.into())]),
        decline_label: l.t("server-offer-decline"),
    }
}
