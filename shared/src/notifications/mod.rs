//! Telling the citizen what happened to their complaints while they were not looking. The core
//! decides what is worth a notification (a reply, a question, the complaint received, resolved,
//! rejected, transferred or escalated, its deadline passed without an answer), words it in the
//! citizen's language ([`wording`]) and asks the shell to show it; tapping it opens the
//! complaint through its `zeri://complaint/<id>` link, which the shell sends back as a
//! [`crate::LinkEvent::Opened`].
//!
//! What was told is kept with the records ([`crate::model::Told`]) and written after the notification is
//! asked for: a kill in between shows it again under the same id, which replaces the one on the
//! phone instead of adding a second. A record the phone learns of for the first time counts as
//! told as it is, so a reinstall does not burst into notifications about old complaints.

mod wording;

use chrono::NaiveDate;
use crux_core::{Command, capability::Operation};
use facet::Facet;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::api::{ComplaintRecord, Status, TimelineEntry, TimelineKind};
use crate::effects::Effect;
use crate::event::Event;
use crate::model::{Model, SlotKey};
use crate::persist::save;
use crate::time::kosovo_date;

/// What the core asks the shell to do with the phone's notifications. Neither has an answer.
#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[repr(C)]
pub enum NotificationOperation {
    /// Show this notification, replacing any shown before under the same id.
    Show(Notification),
    /// Ask the citizen to allow notifications (Android 13 and later, iOS), once they have
    /// filed a complaint worth hearing about.
    AskPermission(NotificationChannel),
}

impl Operation for NotificationOperation {
    type Output = ();
}

#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Notification {
    /// One per complaint: a newer notification about it replaces the older.
    pub id: String,
    pub title: String,
    pub body: String,
    /// What to send back as `LinkEvent::Opened` when the citizen taps it.
    pub link: String,
    /// The channel (Android) or category (iOS) it belongs to.
    pub channel: NotificationChannel,
}

/// Where the phone's settings list these notifications, in the citizen's language.
#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct NotificationChannel {
    pub id: String,
    pub name: String,
    pub description: String,
}

/// The channel every complaint notification goes to.
pub const CHANNEL_ID: &str = "complaint_updates";

/// The due date of `record` if its deadline has already passed without an answer, as the
/// citizen's phone sees today: what a record arriving for the first time counts as told.
pub fn already_overdue(model: &Model, record: &ComplaintRecord) -> Option<NaiveDate> {
    let today = model.now.map(kosovo_date)?;
    (record.status.runs_against_deadline() && today > record.due_date).then_some(record.due_date)
}

/// Asks the shell to show what is new in each of `changed` since it was last told, and that a
/// complaint's deadline has passed since. The caller writes the records down afterwards, with
/// what was told.
pub fn tell(model: &mut Model, changed: &[Uuid]) -> Command<Effect, Event> {
    let today = model.now.map(kosovo_date);
    let ids: Vec<Uuid> = model.complaints.iter().map(|(r, _)| r.id).collect();
    let shown: Vec<Command<Effect, Event>> = ids
        .into_iter()
        .filter_map(|id| tell_one(model, id, changed.contains(&id), today))
        .map(|notification| Command::notify_shell(NotificationOperation::Show(notification)).into())
        .collect();
    Command::all(shown)
}

/// The one notification about complaint `id`, if anything about it is worth telling: its
/// newest change worth telling, or else its deadline passing.
fn tell_one(
    model: &mut Model,
    id: Uuid,
    changed: bool,
    today: Option<NaiveDate>,
) -> Option<Notification> {
    let (record, institution) = model.complaints.iter().find(|(r, _)| r.id == id)?;
    let mut told = model.complaints.told(id)?;
    let mut newest = None;
    if changed {
        let from = told.entries.min(record.timeline.len());
        newest = record.timeline[from..]
            .iter()
            .rev()
            .find(|e| worth_telling(e));
        told.entries = record.timeline.len();
    }
    let overdue = record.status.runs_against_deadline()
        && today.is_some_and(|today| today > record.due_date)
        && told.overdue_for != Some(record.due_date);
    let notification = match newest {
        Some(entry) => Some(wording::change(model, record, institution, entry)),
        None if overdue => {
            told.overdue_for = Some(record.due_date);
            Some(wording::overdue(model, record, institution))
        }
        None => None,
    };
    model.complaints.set_told(id, told);
    notification
}

/// What the institution did, as opposed to what the citizen did themselves (filing, rating,
/// reopening, writing), or a step of no interest (work has started).
fn worth_telling(entry: &TimelineEntry) -> bool {
    match entry.kind {
        TimelineKind::Reply
        | TimelineKind::Question
        | TimelineKind::Transferred
        | TimelineKind::Escalated => true,
        TimelineKind::StatusChanged => matches!(
            entry.status,
            Status::Received | Status::Resolved | Status::Rejected
        ),
        TimelineKind::Submitted
        | TimelineKind::Rated
        | TimelineKind::Reopened
        | TimelineKind::CitizenMessage => false,
    }
}

/// Asks the citizen to allow notifications the first time they file a complaint.
pub fn ask_permission_once(model: &mut Model) -> Command<Effect, Event> {
    if model.settings.asked_to_notify {
        return Command::done();
    }
    model.settings.asked_to_notify = true;
    let channel = wording::channel(model.settings.language);
    let ask: Command<Effect, Event> =
        Command::notify_shell(NotificationOperation::AskPermission(channel)).into();
    ask.and(save(model, SlotKey::Settings))
}
