//! A letter's HTML body: the same parts as its plain text, in a page any mail program shows
//! (inline styles only, no images, no scripts).

use maud::{DOCTYPE, html};

use crate::services::mail::letters::Letter;

/// The HTML document of `letter`.
pub fn body(letter: &Letter) -> String {
    html! {
        (DOCTYPE)
        html lang=(letter.language.tag()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (letter.subject) }
            }
            body style="font-family:sans-serif;line-height:1.5;color:#1d1d1d;max-width:40em;margin:0 auto;padding:1em" {
                p style="font-weight:bold;color:#1a5fb4" { (letter.sender) }
                @if let Some(greeting) = &letter.greeting { p { (greeting) } }
                p { (letter.lead) }
                @if let Some(quoted) = &letter.quoted {
                    blockquote style="margin:0 0 1em;padding:0.5em 1em;border-left:4px solid #1a5fb4;background:#f3f6fa" {
                        @for line in quoted.lines() { (line) br; }
                    }
                }
                @if !letter.lines.is_empty() {
                    ul { @for line in &letter.lines { li { (line) } } }
                }
                @if let Some(action) = &letter.action {
                    p { a href=(action.url) { (action.words) } }
                }
                @if let Some(follow) = &letter.follow { p { (follow) } }
                hr;
                p style="font-size:0.9em;color:#555" {
                    (letter.why)
                    @if let Some(stop) = &letter.stop { " " a href=(stop.url) { (stop.words) } }
                }
            }
        }
    }
    .into_string()
}
