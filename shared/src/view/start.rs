//! The screens around the app's start: the failed read of the stored state, the welcome
//! screen (language and privacy), and the settings that offer the same choices later.

use super::languages;
use crate::i18n::Localizer;
use crate::model::Model;
use crate::view_model::{LoadFailedView, SettingsView, WelcomeView};

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
    }
}
