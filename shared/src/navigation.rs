//! Moving between screens: the tabs, opening a complaint, going back, dismissing a notice.

use crux_core::Command;
use facet::Facet;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::effects::Effect;
use crate::event::Event;
use crate::model::{Model, Notice};
use crate::view_model::Screen;

#[derive(Facet, Serialize, Deserialize, Debug)]
#[repr(C)]
pub enum NavigationEvent {
    NavigateTo { screen: Screen },
    ComplaintOpened { id: String },
    BackTapped,
    NoticeDismissed,
}

pub fn update(event: NavigationEvent, model: &mut Model) -> Command<Effect, Event> {
    match event {
        NavigationEvent::NavigateTo { screen } => navigate(model, screen),
        NavigationEvent::ComplaintOpened { id } => open_complaint(model, &id),
        NavigationEvent::BackTapped => {
            let back = match model.screen {
                Screen::ComplaintDetail => Screen::MyComplaints,
                Screen::MyData => Screen::Settings,
                Screen::Welcome | Screen::Loading | Screen::LoadFailed => model.screen,
                _ => Screen::Home,
            };
            navigate(model, back);
        }
        NavigationEvent::NoticeDismissed => model.notice = None,
    }
    Command::done()
}

/// Goes to `screen` if it needs nothing else to be shown (a tab, not a complaint's page).
pub fn navigate(model: &mut Model, screen: Screen) {
    if matches!(
        screen,
        Screen::Home | Screen::NewComplaint | Screen::MyComplaints | Screen::Settings
    ) {
        model.screen = screen;
        model.form_error = None;
        if let Some(Notice::FinishDraftFirst) = model.notice {
            model.notice = None;
        }
    }
}

/// Shows the page of one of the citizen's complaints; any other id is ignored.
pub fn open_complaint(model: &mut Model, id: &str) {
    let id = Uuid::parse_str(id).ok();
    if let Some(id) = id.filter(|id| model.complaint(*id).is_some()) {
        model.open_complaint = Some(id);
        model.form_error = None;
        model.screen = Screen::ComplaintDetail;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_tabs_can_be_reached_directly_and_back_leads_home() {
        let mut model = Model {
            screen: Screen::Home,
            notice: Some(Notice::FinishDraftFirst),
            ..Model::default()
        };
        update(
            NavigationEvent::NavigateTo {
                screen: Screen::ComplaintDetail,
            },
            &mut model,
        )
        .expect_done();
        assert_eq!(model.screen, Screen::Home);
        let _ = update(
            NavigationEvent::NavigateTo {
                screen: Screen::Settings,
            },
            &mut model,
        );
        assert_eq!(model.screen, Screen::Settings);
        assert_eq!(model.notice, None, "the reminder goes with the screen");
        let _ = update(NavigationEvent::BackTapped, &mut model);
        assert_eq!(model.screen, Screen::Home);
    }

    #[test]
    fn a_complaint_that_is_not_the_citizens_does_not_open() {
        let mut model = Model {
            screen: Screen::MyComplaints,
            ..Model::default()
        };
        open_complaint(&mut model, "not-an-id");
        open_complaint(&mut model, &Uuid::from_u128(7).to_string());
        assert_eq!(model.screen, Screen::MyComplaints);
        assert_eq!(model.open_complaint, None);
    }
}
