//! The forms to act on a complaint, only those its status allows: acknowledge, start, reply
//! (from a template if the institution has any), ask the citizen, close unanswered, note,
//! resolve, reject, transfer and assign. A
//! supervisor gets the note alone.

use maud::{Markup, html};
use protocol::api::Status;

use crate::auth::Role;

use super::{ActionForm, Context};
use crate::services::catalog::Choice;
use crate::services::workflow::{self, Action};
use crate::web::choices;
use crate::web::page::Page;

pub(super) fn actions(page: &Page, context: &Context, typed: &ActionForm) -> Markup {
    let words = page.words;
    let item = &context.complaint.item;
    // Where a transfer can go: anywhere but here.
    let others: Vec<Choice> = context
        .institutions
        .iter()
        .filter(|i| i.id != item.institution_id)
        .cloned()
        .collect();
    let status = item.status.parse().unwrap_or(Status::Submitted);
    // A supervisor leaves notes; every other action is the handling institution's.
    let handles = page.staff.role != Role::Supervisor;
    let permits = |action: Action| handles && workflow::permits(status, &action);
    let action_path = format!("/staff/complaints/{}", item.id);
    let simple = |action: &str, label: &str| {
        html! {
            form.inline method="post" action=(action_path) {
                (page.token_field())
                input type="hidden" name="action" value=(action);
                button type="submit" { (words.t(label)) }
            }
        }
    };
    let reason_for = |action: &str| {
        if typed.action == action {
            typed.reason.as_str()
        } else {
            ""
        }
    };
    html! {
        @if permits(Action::Acknowledge) || permits(Action::Start) {
            div.quick {
                @if permits(Action::Acknowledge) { (simple("acknowledge", "web-acknowledge")) }
                @if permits(Action::Start) { (simple("start", "web-start")) }
            }
        }
        @if permits(Action::Reply { text: String::new() }) {
            form.action #reply method="post" action=(action_path) {
                h3 { (words.t("web-reply")) }
                (page.token_field())
                input type="hidden" name="action" value="reply";
                @if !context.templates.is_empty() {
                    div.templates {
                        label for="template" { (words.t("web-template")) }
                        select #template name="template" data-fills="reply-text" {
                            option value="" { (words.t("web-template-none")) }
                            @for template in &context.templates {
                                option value=(template.id) data-body=(template.body) { (template.title) }
                            }
                        }
                        button type="submit" formmethod="get" formaction=(format!("{action_path}#reply")) { (words.t("web-template-use")) }
                    }
                }
                label for="reply-text" { (words.t("web-reply-label")) }
                textarea #reply-text name="text" rows="5" { @if typed.action.is_empty() || typed.action == "reply" { (typed.text) } }
                p.hint { (words.t("web-reply-hint")) }
                button type="submit" { (words.t("web-send-reply")) }
            }
        }
        @if permits(Action::Ask { text: String::new() }) {
            form.action #ask method="post" action=(action_path) {
                h3 { (words.t("web-ask")) }
                (page.token_field())
                input type="hidden" name="action" value="ask";
                label for="ask-text" { (words.t("web-ask-label")) }
                textarea #ask-text name="text" rows="3" { @if typed.action == "ask" { (typed.text) } }
                p.hint { (words.t("web-ask-hint")) }
                button type="submit" { (words.t("web-send-question")) }
            }
        }
        @if permits(Action::CloseUnanswered) {
            form.action #close-unanswered method="post" action=(action_path) data-confirm=(words.t("web-confirm-close-unanswered")) {
                h3 { (words.t("web-close-unanswered")) }
                (page.token_field())
                input type="hidden" name="action" value="close_unanswered";
                p.hint { (words.t("web-close-unanswered-hint")) }
                button.danger type="submit" { (words.t("web-close-unanswered")) }
            }
        }
        form.action #note method="post" action=(action_path) {
            h3 { (words.t("web-note")) }
            (page.token_field())
            input type="hidden" name="action" value="note";
            label for="note-text" { (words.t("web-note-label")) }
            textarea #note-text name="text" rows="3" { @if typed.action == "note" { (typed.text) } }
            button type="submit" { (words.t("web-add-note")) }
        }
        @if permits(Action::Resolve { reason: String::new() }) {
            form.action #resolve method="post" action=(action_path) {
                h3 { (words.t("web-resolve")) }
                (page.token_field())
                input type="hidden" name="action" value="resolve";
                label for="resolve-reason" { (words.t("web-resolve-label")) }
                textarea #resolve-reason name="reason" rows="3" { (reason_for("resolve")) }
                button type="submit" { (words.t("web-resolve")) }
            }
            form.action #reject method="post" action=(action_path) data-confirm=(words.t("web-confirm-reject")) {
                h3 { (words.t("web-reject")) }
                (page.token_field())
                input type="hidden" name="action" value="reject";
                label for="reject-reason" { (words.t("web-reject-label")) }
                textarea #reject-reason name="reason" rows="3" { (reason_for("reject")) }
                button.danger type="submit" { (words.t("web-reject")) }
            }
            form.action #transfer method="post" action=(action_path) data-confirm=(words.t("web-confirm-transfer")) {
                h3 { (words.t("web-transfer")) }
                (page.token_field())
                input type="hidden" name="action" value="transfer";
                label for="transfer-to" { (words.t("web-transfer-to")) }
                select #transfer-to name="institution_id" required {
                    option value="" { (words.t("web-choose")) }
                    (choices::options(words, &others, Some(typed.institution_id.as_str())))
                }
                label for="transfer-reason" { (words.t("web-transfer-reason")) }
                textarea #transfer-reason name="reason" rows="3" { (reason_for("transfer")) }
                button type="submit" { (words.t("web-transfer")) }
            }
        }
        @if handles { form.action #assign method="post" action=(action_path) {
            h3 { (words.t("web-assign")) }
            (page.token_field())
            input type="hidden" name="action" value="assign";
            label for="assign-to" { (words.t("web-assign-to")) }
            select #assign-to name="staff_id" {
                option value="" { (words.t("web-assigned-none")) }
                @for colleague in &context.colleagues {
                    option value=(colleague.id) selected[item.assigned_to == Some(colleague.id)] { (colleague.display_name) }
                }
            }
            button type="submit" { (words.t("web-assign")) }
        } }
    }
}
