//! Handing the citizen a file to keep: the shell offers its save or share sheet (Android's
//! document picker or share sheet, iOS's share sheet, a download in a browser). The core does
//! not learn where the file went; the citizen decides that.

use crux_core::{Command, capability::Operation};
use facet::Facet;
use serde::{Deserialize, Serialize};

use crate::effects::Effect;
use crate::event::Event;

/// A file for the citizen to keep, its text in UTF-8.
#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct ExportOperation {
    /// What to call it, such as `zeri-my-data-2026-12-03.json`.
    pub file_name: String,
    /// Its media type, such as `application/json`.
    pub media_type: String,
    pub text: String,
}

impl Operation for ExportOperation {
    type Output = ();
}

/// Asks the shell to offer `file` to the citizen.
pub fn export(file: ExportOperation) -> Command<Effect, Event> {
    Command::notify_shell(file).into()
}
