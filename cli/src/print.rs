//! What `zeri-cli` prints: the words the core put in the view model, laid out for a terminal.

use shared::notifications::Notification;
use shared::view_model::ViewModel;

/// What a phone would show in its notification tray, with the link a tap would open.
pub fn print_notifications(notifications: &[Notification]) {
    for notification in notifications {
        println!("* {}", notification.title);
        println!("  {}", notification.body);
        println!("  {}", notification.link);
    }
}

pub fn print_notice(view: &ViewModel) {
    if let Some(notice) = &view.notice {
        println!("{}", notice.text);
    }
}

pub fn print_outbox(view: &ViewModel) {
    if view.my_complaints.pending.is_empty() {
        return;
    }
    println!("{}:", view.my_complaints.pending_title);
    for item in &view.my_complaints.pending {
        println!("  [{}] {}: {}", item.state_label, item.title, item.summary);
        if let Some(error) = &item.error {
            println!("      {error}");
        }
    }
}

pub fn print_list(view: &ViewModel) {
    let list = &view.my_complaints;
    println!("{}", list.title);
    if let Some(empty) = &list.empty_text {
        println!("  {empty}");
    }
    for card in &list.items {
        let overdue = if card.overdue { " !" } else { "" };
        println!(
            "  {}  {:<12} {} | {} | {}{overdue}",
            card.tracking_code, card.status_label, card.category, card.institution, card.due_label
        );
    }
    print_outbox(view);
}

pub fn print_detail(view: &ViewModel) {
    let Some(detail) = &view.detail else { return };
    println!("{}: {}", detail.tracking_code_label, detail.tracking_code);
    println!("{} ({})", detail.category, detail.status_label);
    println!("{}: {}", detail.institution_label, detail.institution);
    println!("{}", detail.explanation);
    println!("{}", detail.due_label);
    println!("{}", detail.contact.text);
    detail.contact.pending.iter().for_each(|p| println!("{p}"));
    println!("{}:", detail.timeline_title);
    for entry in &detail.timeline {
        println!("  {}  {}", entry.time_label, entry.title);
        if let Some(text) = &entry.text {
            println!("      {text}");
        }
    }
    if let Some(message) = &detail.message {
        if let Some(question) = &message.question {
            println!("{}\n  {question}", message.prompt);
        }
        for pending in &message.pending {
            println!("{pending}");
        }
    }
    for error in [
        detail.rating.as_ref().and_then(|r| r.error.clone()),
        detail.reopen.as_ref().and_then(|r| r.error.clone()),
        detail.message.as_ref().and_then(|m| m.error.clone()),
    ]
    .into_iter()
    .flatten()
    {
        println!("{error}");
    }
}
