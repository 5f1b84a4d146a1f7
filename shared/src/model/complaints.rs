//! My complaints as the phone keeps them: the server's records, each with its institution's
//! name in every script made once, when the record arrives, so drawing the list transliterates
//! nothing, and how much of each the citizen has been told about ([`Told`]).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::StoredComplaints;
use crate::api::ComplaintRecord;
use crate::i18n::Name;

/// How much of one complaint the citizen has been told about in a notification, kept with the
/// records so that nothing is told twice, also after a restart.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Told {
    /// The first entries of its timeline already told (or there before the phone knew it).
    pub entries: usize,
    /// The due date whose passing was told.
    pub overdue_for: Option<NaiveDate>,
}

#[derive(Debug, Default)]
pub struct Complaints {
    records: Vec<ComplaintRecord>,
    /// The institution of each record, in the same order.
    institutions: Vec<Name>,
    /// Where the next refresh starts: only what changed after it is fetched.
    pub cursor: Option<String>,
    told: BTreeMap<Uuid, Told>,
}

impl Complaints {
    pub fn from_stored(stored: StoredComplaints) -> Complaints {
        let mut complaints = Complaints {
            cursor: stored.cursor,
            told: stored.told,
            ..Complaints::default()
        };
        for record in stored.complaints {
            // Kept before notifications existed: what it holds counts as told.
            let overdue_for = Some(record.due_date);
            complaints.upsert(record, overdue_for);
        }
        complaints
    }

    pub fn to_stored(&self) -> StoredComplaints {
        StoredComplaints {
            complaints: self.records.clone(),
            cursor: self.cursor.clone(),
            told: self.told.clone(),
        }
    }

    pub fn get(&self, id: Uuid) -> Option<&ComplaintRecord> {
        self.records.iter().find(|c| c.id == id)
    }

    /// Each record with its institution's name.
    pub fn iter(&self) -> impl Iterator<Item = (&ComplaintRecord, &Name)> {
        self.records.iter().zip(&self.institutions)
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// What the citizen has been told of complaint `id`.
    pub fn told(&self, id: Uuid) -> Option<Told> {
        self.told.get(&id).copied()
    }

    pub fn set_told(&mut self, id: Uuid, told: Told) {
        if self.get(id).is_some() {
            self.told.insert(id, told);
        }
    }

    /// Adds a record, or replaces the one with its id. A record the phone did not know yet
    /// counts as told as it is, with its deadline's passing told if `overdue_for` is its due
    /// date: a phone that learns of old complaints (a reinstall, a restored backup) does not
    /// burst into notifications about them.
    pub fn upsert(&mut self, record: ComplaintRecord, overdue_for: Option<NaiveDate>) {
        self.told.entry(record.id).or_insert(Told {
            entries: record.timeline.len(),
            overdue_for,
        });
        let institution = Name::new(&record.institution.name);
        match self.records.iter().position(|c| c.id == record.id) {
            Some(index) => {
                self.records[index] = record;
                self.institutions[index] = institution;
            }
            None => {
                self.records.push(record);
                self.institutions.push(institution);
            }
        }
    }
}
