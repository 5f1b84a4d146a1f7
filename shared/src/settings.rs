//! The citizen's settings: the language, having seen the welcome screen, and the server a
//! trainer's link offered (decided in [`crate::servers`]).

use crux_core::Command;
use facet::Facet;
use serde::{Deserialize, Serialize};

use crate::effects::Effect;
use crate::event::Event;
use crate::i18n::Language;
use crate::model::{Model, SlotKey};
use crate::persist::save;
use crate::servers;
use crate::view_model::Screen;

#[derive(Facet, Serialize, Deserialize, Debug)]
#[repr(C)]
pub enum SettingsEvent {
    LanguageSelected {
        language: Language,
    },
    WelcomeFinished,
    /// The citizen accepted the server a link offered.
    ServerOfferAccepted,
    /// The citizen declined it.
    ServerOfferDeclined,
    /// Back to the server the app was built for.
    OfficialServerChosen,
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
        SettingsEvent::ServerOfferAccepted => return servers::accepted(model),
        SettingsEvent::ServerOfferDeclined => return servers::declined(model),
        SettingsEvent::OfficialServerChosen => return servers::reset(model),
    }
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
