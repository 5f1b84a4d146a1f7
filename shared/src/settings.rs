//! The citizen's settings: the language, having seen the welcome screen, and the server a
//! trainer's link chose.

use crux_core::Command;
use facet::Facet;
use serde::{Deserialize, Serialize};

use crate::effects::Effect;
use crate::event::Event;
use crate::i18n::Language;
use crate::model::{Model, SlotKey};
use crate::persist::save;
use crate::view_model::Screen;

#[derive(Facet, Serialize, Deserialize, Debug)]
#[repr(C)]
pub enum SettingsEvent {
    LanguageSelected { language: Language },
    WelcomeFinished,
}

pub fn update(event: SettingsEvent, model: &mut Model) -> Command<Effect, Event> {
    match event {
        SettingsEvent::LanguageSelected { language } => {
            model.settings.language = language;
        }
        SettingsEvent::WelcomeFinished => {
            model.settings.welcomed = true;
            model.screen = Screen::Home;
        }
    }
    save(model, SlotKey::Settings)
}

/// Talks to `server` from the next start on (a trainer's `zeri://server?url=…` link).
pub fn choose_server(model: &mut Model, server: String) -> Command<Effect, Event> {
    model.settings.server = Some(server);
    save(model, SlotKey::Settings)
}

#[cfg(test)]
mod tests {
    use crux_kv::KeyValueOperation;

    use super::*;
    use crate::effects::EffectTestExt as _;
    use crate::model::Phase;

    #[test]
    fn each_setting_is_saved_as_it_changes() {
        let mut model = Model {
            phase: Phase::Ready,
            screen: Screen::Welcome,
            ..Model::default()
        };
        update(SettingsEvent::WelcomeFinished, &mut model).expect_key_value_with(|op| {
            assert!(
                matches!(op, KeyValueOperation::Set { key, value } if key == "settings"
                    && String::from_utf8_lossy(value).contains("\"welcomed\":true"))
            )
        });
        assert_eq!(model.screen, Screen::Home);
    }
}
