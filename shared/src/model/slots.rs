//! The keys the core keeps in the shell's key-value store, what each holds, and the write
//! state of each.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::Told;
use crate::api::{Catalog, ComplaintRecord};

/// What the core keeps in the shell's key-value store, one key each.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SlotKey {
    Settings,
    Device,
    Draft,
    Outbox,
    Complaints,
    Catalog,
}

impl SlotKey {
    pub const ALL: [SlotKey; 6] = [
        SlotKey::Settings,
        SlotKey::Device,
        SlotKey::Draft,
        SlotKey::Outbox,
        SlotKey::Complaints,
        SlotKey::Catalog,
    ];

    pub fn key(self) -> &'static str {
        match self {
            SlotKey::Settings => "settings",
            SlotKey::Device => "device",
            SlotKey::Draft => "draft",
            SlotKey::Outbox => "outbox",
            SlotKey::Complaints => "complaints",
            SlotKey::Catalog => "catalog",
        }
    }
}

/// The write state of one stored key: at most one write in flight, in order.
#[derive(Debug, Default, Clone, Copy)]
pub struct Slot {
    /// Bumped on every change to the state this slot stores.
    pub version: u64,
    /// The newest version known to be on disk.
    pub persisted: u64,
    pub in_flight: Option<u64>,
}

#[derive(Debug, Default)]
pub struct Slots {
    slots: [Slot; 6],
}

impl Slots {
    pub fn get(&self, key: SlotKey) -> &Slot {
        &self.slots[key as usize]
    }

    pub fn get_mut(&mut self, key: SlotKey) -> &mut Slot {
        &mut self.slots[key as usize]
    }
}

/// What is stored under `complaints`.
#[derive(Serialize, Deserialize, Debug, Clone, Default)]
pub struct StoredComplaints {
    pub complaints: Vec<ComplaintRecord>,
    pub cursor: Option<String>,
    /// What the citizen has been told of each (absent from what older versions kept).
    #[serde(default)]
    pub told: BTreeMap<Uuid, Told>,
}

/// What is stored under `catalog`.
#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct StoredCatalog {
    pub catalog: Catalog,
    pub etag: Option<String>,
}
