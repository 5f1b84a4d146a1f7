//! The lists forms choose from (categories, municipalities, institutions, colleagues), named in
//! the page's language and sorted the way a reader looks for them.

use maud::{Markup, html};

use super::page::Words;
pub use crate::services::catalog::Choice;

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
