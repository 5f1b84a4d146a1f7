//! Builds the [`ViewModel`] from the [`Model`], one module per screen: picks the words in the
//! citizen's language, formats dates in Kosovo time ([`format`]), and decides what each screen
//! offers, so the shells only draw.

mod detail;
mod draft;
mod format;
mod my_complaints;
mod my_data;
mod outbox;
mod start;

use crate::i18n::{Language, Localizer};
use crate::model::{Model, Notice, OutboxAction};
use crate::view_model::*;

pub fn view(model: &Model) -> ViewModel {
    let l = crate::i18n::localizer(model.settings.language);
    ViewModel {
        screen: model.screen,
        language: model.settings.language,
        app_name: l.t("app-name"),
        notice: model.notice.as_ref().map(|n| notice(&l, n)),
        server_offer: model
            .server_offer
            .as_deref()
            .map(|url| start::server_offer(&l, model, url)),
        navigation: navigation(&l, model),
        outbox_idle: model.outbox_idle(),
        load_failed: (model.screen == Screen::LoadFailed).then(|| start::load_failed(&l)),
        welcome: start::welcome(&l, model),
        home: home(&l, model),
        draft: draft::draft(&l, model),
        my_complaints: my_complaints::my_complaints(&l, model),
        detail: model
            .open_complaint
            .and_then(|id| detail::detail(&l, model, id)),
        settings: start::settings(&l, model),
        my_data: my_data::my_data(&l, model),
    }
}

fn home(l: &Localizer, model: &Model) -> HomeView {
    let waiting = model
        .outbox
        .iter()
        .filter(|i| matches!(i.action, OutboxAction::Submit { .. }))
        .count();
    HomeView {
        title: l.t("home-title"),
        intro: l.t("home-intro"),
        new_complaint_label: l.t("nav-new-complaint"),
        my_complaints_label: l.t("nav-my-complaints"),
        outbox_summary: (waiting > 0)
            .then(|| l.format("outbox-count", &[("count", waiting.into())])),
    }
}

fn navigation(l: &Localizer, model: &Model) -> NavigationView {
    let title = match model.screen {
        Screen::Loading | Screen::LoadFailed | Screen::Welcome | Screen::Home => l.t("app-name"),
        Screen::NewComplaint => l.t("draft-title"),
        Screen::MyComplaints => l.t("my-complaints-title"),
        Screen::ComplaintDetail => l.t("detail-title"),
        Screen::Settings => l.t("settings-title"),
        Screen::MyData => l.t("my-data-title"),
    };
    NavigationView {
        title,
        back_label: l.t("action-back"),
        can_go_back: matches!(
            model.screen,
            Screen::NewComplaint
                | Screen::MyComplaints
                | Screen::ComplaintDetail
                | Screen::Settings
                | Screen::MyData
        ),
        shows_bars: !matches!(
            model.screen,
            Screen::Loading | Screen::LoadFailed | Screen::Welcome
        ),
        home_label: l.t("nav-home"),
        new_complaint_label: l.t("nav-new-complaint"),
        my_complaints_label: l.t("nav-my-complaints"),
        settings_label: l.t("nav-settings"),
    }
}

fn notice(l: &Localizer, notice: &Notice) -> NoticeView {
    let (kind, text) = match notice {
        Notice::Queued => (NoticeKind::Success, l.t("notice-queued")),
        Notice::Sent { tracking_code } => (
            NoticeKind::Success,
            l.format("notice-sent", &[("code", tracking_code.as_str().into())]),
        ),
        Notice::DraftSaveFailed => (NoticeKind::Error, l.t("notice-draft-save-failed")),
        Notice::QueueSaveFailed => (NoticeKind::Error, l.t("notice-queue-save-failed")),
        Notice::PhotoRefused(error) => (NoticeKind::Error, crate::i18n::input_error(l, *error)),
        Notice::PhotoSaveFailed => (NoticeKind::Error, l.t("notice-photo-save-failed")),
        Notice::RefreshFailed => (NoticeKind::Info, l.t("notice-refresh-failed")),
        Notice::FinishDraftFirst => (NoticeKind::Info, l.t("notice-finish-draft-first")),
        Notice::RatingQueued => (NoticeKind::Success, l.t("notice-rating-queued")),
        Notice::ReopenQueued => (NoticeKind::Success, l.t("notice-reopen-queued")),
        Notice::MessageQueued => (NoticeKind::Success, l.t("notice-message-queued")),
        Notice::ServerLinkRefused => (NoticeKind::Error, l.t("notice-server-link-refused")),
        Notice::ServerChosen { host } => (
            NoticeKind::Success,
            l.format("notice-server-chosen", &[("host", host.as_str().into())]),
        ),
        Notice::ContactRemovalQueued => (NoticeKind::Success, l.t("notice-contact-removal-queued")),
        Notice::EraseQueued => (NoticeKind::Success, l.t("notice-erase-queued")),
        Notice::DataErased => (NoticeKind::Success, l.t("notice-data-erased")),
    };
    NoticeView {
        kind,
        text,
        dismiss_label: l.t("action-dismiss"),
    }
}

fn languages(current: Language) -> Vec<LanguageOption> {
    Language::ALL
        .iter()
        .map(|&language| LanguageOption {
            language,
            label: language.autonym().to_owned(),
            selected: language == current,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_notice_reads_well_in_every_language() {
        let notices = [
            Notice::Queued,
            Notice::Sent {
                tracking_code: "ZR-7K3M".into(),
            },
            Notice::DraftSaveFailed,
            Notice::QueueSaveFailed,
            Notice::PhotoRefused(crate::domain::InputError::PhotoTooLarge),
            Notice::PhotoSaveFailed,
            Notice::RefreshFailed,
            Notice::FinishDraftFirst,
            Notice::RatingQueued,
            Notice::ReopenQueued,
            Notice::ServerLinkRefused,
            Notice::ServerChosen {
                host: "training.zeri.example".into(),
            },
            Notice::ContactRemovalQueued,
            Notice::EraseQueued,
            Notice::DataErased,
        ];
        for language in Language::ALL {
            let l = crate::i18n::localizer(language);
            for n in &notices {
                format::tests::assert_complete(&notice(&l, n).text);
            }
        }
    }

    #[test]
    fn the_bars_show_once_the_app_is_past_its_start() {
        let l = crate::i18n::localizer(Language::English);
        let mut model = Model::default();
        for (screen, bars) in [
            (Screen::Loading, false),
            (Screen::LoadFailed, false),
            (Screen::Welcome, false),
            (Screen::Home, true),
            (Screen::NewComplaint, true),
            (Screen::MyComplaints, true),
            (Screen::ComplaintDetail, true),
            (Screen::Settings, true),
            (Screen::MyData, true),
        ] {
            model.screen = screen;
            assert_eq!(navigation(&l, &model).shows_bars, bars, "{screen:?}");
        }
    }
}
