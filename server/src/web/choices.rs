//! The lists forms choose from (categories, municipalities, institutions, colleagues), named in
//! the page's language and sorted the way a reader looks for them.

use maud::{Markup, html};

use super::page::Words;
use crate::services::ServiceError;
pub use crate::services::catalog::Choice;
use crate::services::catalog::{self, Listing};

/// The listing kept in `table` (`categories`, `municipalities` or `institutions`), for the
/// pages that name it so.
pub fn load(c: &rusqlite::Connection, table: &str) -> Result<Vec<Choice>, ServiceError> {
    let listing = match table {
        "categories" => Listing::Categories,
        "municipalities" => Listing::Municipalities,
        "institutions" => Listing::Institutions,
        _ => return Err(ServiceError::Internal(format!("no listing of {table}"))),
    };
    catalog::choices(c, listing)
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
