//! Names in three languages: how the `name_sq`, `name_sr`, `name_en` columns of a row become one
//! [`LocalizedText`], the same way for every table that has them.

use protocol::api::LocalizedText;

/// The three columns a name is stored in, in the order [`localized`] reads them.
pub const NAME_COLUMNS: &str = "name_sq, name_sr, name_en";

/// The name held in a row's three columns from `first` on (Albanian, Serbian, English).
pub fn localized(row: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<LocalizedText> {
    Ok(LocalizedText {
        sq: row.get(first)?,
        sr: row.get(first + 1)?,
        en: row.get(first + 2)?,
    })
}
