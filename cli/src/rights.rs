//! `zeri-cli data`: the citizen's rights from a terminal, through the core as on the phones:
//! reading what the server holds (and saving it as the file the app would offer), taking the
//! contact details back from a complaint, and erasing everything.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Subcommand;
use cli::{Phone, SqliteStore};
use shared::{LifecycleEvent, MyDataEvent, NavigationEvent};

use crate::find_id;
use crate::print::{print_detail, print_notice};

#[derive(Subcommand)]
pub enum DataAction {
    /// Everything the server holds about this phone's complaints.
    Show {
        /// Also save it, as the app's "save a copy" does, to this file.
        #[arg(long)]
        save: Option<PathBuf>,
    },
    /// Take your contact details back from one complaint.
    RemoveContact { tracking_code: String },
    /// Erase your contact details and photos from every complaint of this phone.
    Erase {
        /// Erase without asking (the app asks first).
        #[arg(long)]
        yes: bool,
    },
}

pub async fn run(phone: &mut Phone<SqliteStore>, action: DataAction, wait: Duration) -> ExitCode {
    match action {
        DataAction::Show { save } => {
            phone.send(MyDataEvent::Opened);
            phone.run_until(wait, |v| !v.my_data.loading).await;
            let view = phone.view().my_data;
            if let Some(status) = &view.status {
                eprintln!("{status}");
                return ExitCode::from(3);
            }
            println!("{}\n", view.intro);
            for complaint in &view.complaints {
                println!("{}", complaint.title);
                for row in &complaint.rows {
                    println!("  {}: {}", row.label, row.value);
                }
            }
            view.empty
                .iter()
                .chain(&view.push_line)
                .for_each(|line| println!("{line}"));
            if let Some(path) = save {
                phone.send(MyDataEvent::ExportTapped);
                let Some(file) = phone.take_exports().pop() else {
                    return ExitCode::from(3);
                };
                if let Err(e) = std::fs::write(&path, file.text) {
                    eprintln!("cannot write {}: {e}", path.display());
                    return ExitCode::from(2);
                }
                println!("{} → {}", file.file_name, path.display());
            }
        }
        DataAction::RemoveContact { tracking_code } => {
            phone.run_until(wait, |v| !v.my_complaints.refreshing).await;
            let Some(id) = find_id(&phone.view(), &tracking_code) else {
                eprintln!("{tracking_code}: not among this phone's complaints");
                return ExitCode::from(2);
            };
            phone.send(NavigationEvent::ComplaintOpened { id: id.clone() });
            phone.send(MyDataEvent::RemoveContactTapped { id });
            phone.send(LifecycleEvent::NetworkOnline);
            let done = phone.sync(wait).await;
            print_notice(&phone.view());
            print_detail(&phone.view());
            if !done {
                return ExitCode::from(3);
            }
        }
        DataAction::Erase { yes } => {
            phone.send(MyDataEvent::Opened);
            phone.send(MyDataEvent::EraseTapped);
            let erase = phone.view().my_data.erase;
            let Some(confirm) = erase.confirm else {
                erase.pending.iter().for_each(|p| println!("{p}"));
                return ExitCode::SUCCESS;
            };
            if !yes {
                println!(
                    "{}\n{}\n({}: --yes)",
                    erase.explanation, confirm.question, confirm.confirm_label
                );
                return ExitCode::SUCCESS;
            }
            phone.send(MyDataEvent::EraseConfirmed);
            phone.send(LifecycleEvent::NetworkOnline);
            let done = phone.sync(wait).await;
            print_notice(&phone.view());
            if !done {
                return ExitCode::from(3);
            }
        }
    }
    ExitCode::SUCCESS
}
