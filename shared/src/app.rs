//! The Crux app: hands each event to the workflow that owns it, and the model to the view.
//! It holds no logic of its own.

use crux_core::{App, Command, render::render};

use crate::effects::Effect;
use crate::event::Event;
use crate::model::{Model, Phase};
use crate::view_model::ViewModel;
use crate::{
    campaign, catalog, drafting, lifecycle, links, my_complaints, my_data, navigation, outbox,
    persist, push, settings, sync, view,
};

/// The citizen app. It holds no state of its own: everything is in [`Model`].
#[derive(Default)]
pub struct Zeri;

impl App for Zeri {
    type Event = Event;
    type Model = Model;
    type ViewModel = ViewModel;
    type Effect = Effect;

    fn update(&self, event: Event, model: &mut Model) -> Command<Effect, Event> {
        let command = match event {
            event if model.phase != Phase::Ready => lifecycle::before_ready(event, model),
            Event::Lifecycle(event) => lifecycle::update(event, model),
            Event::Navigation(event) => navigation::update(event, model),
            Event::Settings(event) => settings::update(event, model),
            Event::Link(event) => links::update(event, model),
            Event::Draft(event) => drafting::update(event, model),
            Event::Outbox(event) => outbox::update(event, model),
            Event::MyComplaints(event) => my_complaints::update(event, model),
            Event::MyData(event) => my_data::update(event, model),
            Event::Persistence(event) => persist::update(event, model),
            Event::Sync(event) => sync::update(*event, model),
            Event::Catalog(event) => catalog::update(event, model),
            Event::Campaign(event) => campaign::update(event, model),
            Event::Push(event) => push::update(event, model),
        };
        command.and(render())
    }

    fn view(&self, model: &Model) -> ViewModel {
        view::view(model)
    }
}
