//! The lists forms choose from (categories, municipalities, institutions, colleagues), named in
//! the page's language and sorted the way a reader looks for them.

use maud::{Markup, html};
use protocol::api::LocalizedText;

use super::page::Words;
use crate::error::ApiError;

/// One option: its id and its name in three languages.
pub struct Choice {
    pub id: String,
    pub name: LocalizedText,
}

/// Every active row of `table` (`categories`, `municipalities` or `institutions`).
pub fn load(c: &rusqlite::Connection, table: &str) -> Result<Vec<Choice>, ApiError> {
    let active = if table == "municipalities" {
        ""
    } else {
        "WHERE active = 1"
    };
    let mut statement = c.prepare_cached(&format!(
        "SELECT id, name_sq, name_sr, name_en FROM {table} {active}"
    ))?;
    let rows = statement
        .query_map([], |r| {
            Ok(Choice {
                id: r.get(0)?,
                name: LocalizedText {
                    sq: r.get(1)?,
                    sr: r.get(2)?,
                    en: r.get(3)?,
                },
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// `<option>`s for `choices` in the page's language, alphabetical, `selected` chosen.
pub fn options(words: Words, choices: &[Choice], selected: Option<&str>) -> Markup {
    let mut named: Vec<(String, &str)> = choices
        .iter()
        .map(|c| (words.name(&c.name), c.id.as_str()))
        .collect();
    named.sort();
    html! {
        @for (name, id) in named {
            option value=(id) selected[selected == Some(id)] { (name) }
        }
    }
}

/// The name of `id` among `choices`, or the id itself.
pub fn name_of(words: Words, choices: &[Choice], id: &str) -> String {
    choices
        .iter()
        .find(|c| c.id == id)
        .map(|c| words.name(&c.name))
        .unwrap_or_else(|| id.to_owned())
}
