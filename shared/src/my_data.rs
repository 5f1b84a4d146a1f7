//! The citizen's rights over their data, from settings: reading everything the server holds
//! about this phone's complaints, keeping it as a file, removing the contact details from one
//! complaint, and erasing it all.
//!
//! Reading asks the server each time the page opens (nothing of it is stored on the phone).
//! Removing and erasing go through the outbox like a complaint, so they happen once, also
//! offline and across a restart; the server answers a repeat with the same result. Once the
//! server has erased, the phone forgets those complaints too: they no longer belong to it.

use crux_core::Command;
use facet::Facet;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::api::my_data::MyData;
use crate::api::paths;
use crate::client::{self, Outcome};
use crate::effects::{self, Effect, kv_delete};
use crate::event::Event;
use crate::export::{ExportOperation, export};
use crate::model::{Model, Notice, OutboxAction, SlotKey};
use crate::outbox;
use crate::persist::save;
use crate::view_model::Screen;

#[derive(Facet, Serialize, Deserialize, Debug)]
#[repr(C)]
pub enum MyDataEvent {
    /// Show "Your data", asking the server what it holds.
    Opened,
    /// Ask the server again, after it could not be reached.
    ReloadTapped,
    /// Keep what the server holds as a file (the shell's save or share sheet).
    ExportTapped,
    /// Ask before erasing.
    EraseTapped,
    EraseConfirmed,
    EraseCancelled,
    /// Take the contact details back from complaint `id` (as the view model gives it).
    RemoveContactTapped {
        id: String,
    },

    /// What the server holds, or `None` if it could not be asked; the core asks.
    #[serde(skip)]
    #[facet(skip)]
    Fetched(#[facet(opaque)] Option<Box<MyData>>),
}

/// "Your data" while it shows: what the server said, and whether erasing waits to be confirmed.
#[derive(Debug, Default)]
pub struct MyDataState {
    pub loading: bool,
    pub failed: bool,
    pub data: Option<MyData>,
    pub confirming_erase: bool,
}

pub fn update(event: MyDataEvent, model: &mut Model) -> Command<Effect, Event> {
    match event {
        MyDataEvent::Opened => {
            model.screen = Screen::MyData;
            model.my_data.confirming_erase = false;
            fetch(model)
        }
        MyDataEvent::ReloadTapped => fetch(model),
        MyDataEvent::ExportTapped => match &model.my_data.data {
            Some(data) => export(export_file(data)),
            None => Command::done(),
        },
        MyDataEvent::EraseTapped => {
            model.my_data.confirming_erase = !erase_queued(model);
            Command::done()
        }
        MyDataEvent::EraseCancelled => {
            model.my_data.confirming_erase = false;
            Command::done()
        }
        MyDataEvent::EraseConfirmed => erase(model),
        MyDataEvent::RemoveContactTapped { id } => match Uuid::parse_str(&id) {
            Ok(id) => remove_contact(model, id),
            Err(_) => Command::done(),
        },
        MyDataEvent::Fetched(data) => {
            model.my_data.loading = false;
            model.my_data.failed = data.is_none();
            if data.is_some() {
                model.my_data.data = data.map(|d| *d);
            }
            Command::done()
        }
    }
}

fn fetch(model: &mut Model) -> Command<Effect, Event> {
    if model.my_data.loading {
        return Command::done();
    }
    if !model.can_reach_server() {
        model.my_data.failed = true;
        return Command::done();
    }
    model.my_data.loading = true;
    model.my_data.failed = false;
    let url = client::url(model, paths::MY_DATA);
    effects::http(client::request(model, "GET", url)).then_send(|reply| {
        let data = match client::classify(reply, client::json::<MyData>) {
            Outcome::Delivered(data) => Some(Box::new(data)),
            _ => None,
        };
        MyDataEvent::Fetched(data).into()
    })
}

/// The file the citizen keeps: the server's answer as readable JSON, named by its day.
pub fn export_file(data: &MyData) -> ExportOperation {
    ExportOperation {
        file_name: format!("zeri-my-data-{}.json", data.generated_at.format("%Y-%m-%d")),
        media_type: "application/json".to_owned(),
        text: serde_json::to_string_pretty(data).unwrap_or_default(),
    }
}

/// Whether erasing is queued and not yet done.
pub fn erase_queued(model: &Model) -> bool {
    model
        .outbox
        .iter()
        .any(|item| matches!(item.action, OutboxAction::EraseMyData))
}

/// Whether removing complaint `complaint`'s contact details is queued.
pub fn removal_queued(model: &Model, complaint: Uuid) -> bool {
    model.outbox.iter().any(
        |item| matches!(item.action, OutboxAction::RemoveContact { complaint: c } if c == complaint),
    )
}

fn erase(model: &mut Model) -> Command<Effect, Event> {
    model.my_data.confirming_erase = false;
    if erase_queued(model) {
        return Command::done();
    }
    model.notice = Some(Notice::EraseQueued);
    outbox::enqueue(model, Uuid::new_v4(), OutboxAction::EraseMyData)
}

fn remove_contact(model: &mut Model, complaint: Uuid) -> Command<Effect, Event> {
    let held = model.complaint(complaint).is_some_and(|c| c.contact_held);
    if !held || removal_queued(model, complaint) {
        return Command::done();
    }
    model.notice = Some(Notice::ContactRemovalQueued);
    outbox::enqueue(
        model,
        Uuid::new_v4(),
        OutboxAction::RemoveContact { complaint },
    )
}

/// The server erased: the phone lets go of the complaints it knew (they are no longer this
/// device's) and writes that down, with what waited to be sent about them (written after the
/// erasure was asked for, it would be refused for ever) and a message being written about one;
/// "Your data", if it shows, asks the server again.
pub fn on_erased(model: &mut Model) -> Command<Effect, Event> {
    let forgotten: Vec<Uuid> = model
        .complaints
        .iter()
        .map(|(record, _)| record.id)
        .collect();
    let mut photos = Vec::new();
    model.outbox.retain(|item| {
        let about = match &item.action {
            OutboxAction::Rate { complaint, .. }
            | OutboxAction::Reopen { complaint, .. }
            | OutboxAction::Message { complaint, .. }
            | OutboxAction::RemoveContact { complaint } => Some(*complaint),
            OutboxAction::Submit { .. } | OutboxAction::EraseMyData => None,
        };
        let keep = about.is_none_or(|complaint| !forgotten.contains(&complaint));
        if let (false, OutboxAction::Message { photos: held, .. }) = (keep, &item.action) {
            photos.extend(held.iter().map(|p| p.key()));
        }
        keep
    });
    let writing = model.draft.message.complaint;
    let draft = if writing.is_some_and(|c| forgotten.contains(&c)) {
        let draft = std::mem::take(&mut model.draft.message);
        photos.extend(draft.photos.iter().map(|p| p.key()));
        save(model, SlotKey::Draft)
    } else {
        Command::done()
    };
    let deletes = Command::all(photos.iter().map(|key| kv_delete(key)));
    model.complaints = Default::default();
    model.open_complaint = None;
    model.my_data.data = None;
    model.notice = Some(Notice::DataErased);
    if model.screen == Screen::ComplaintDetail {
        model.screen = Screen::MyComplaints;
    }
    let again = if model.screen == Screen::MyData {
        fetch(model)
    } else {
        Command::done()
    };
    save(model, SlotKey::Complaints)
        .and(draft)
        .and(again)
        .and(deletes)
}
