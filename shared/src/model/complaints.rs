//! My complaints as the phone keeps them: the server's records, each with its institution's
//! name in every script made once, when the record arrives, so drawing the list transliterates
//! nothing.

use uuid::Uuid;

use super::StoredComplaints;
use crate::api::ComplaintRecord;
use crate::i18n::Name;

#[derive(Debug, Default)]
pub struct Complaints {
    records: Vec<ComplaintRecord>,
    /// The institution of each record, in the same order.
    institutions: Vec<Name>,
    /// Where the next refresh starts: only what changed after it is fetched.
    pub cursor: Option<String>,
}

impl Complaints {
    pub fn from_stored(stored: StoredComplaints) -> Complaints {
        let mut complaints = Complaints {
            cursor: stored.cursor,
            ..Complaints::default()
        };
        for record in stored.complaints {
            complaints.upsert(record);
        }
        complaints
    }

    pub fn to_stored(&self) -> StoredComplaints {
        StoredComplaints {
            complaints: self.records.clone(),
            cursor: self.cursor.clone(),
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

    /// Adds a record, or replaces the one with its id.
    pub fn upsert(&mut self, record: ComplaintRecord) {
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
