//! `zeri-cli`: file complaints and follow them from a terminal, as the phone app would.

mod print;
mod rights;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};
use cli::{Phone, SqliteStore};
use print::{print_detail, print_list, print_notice, print_notifications, print_outbox};
use shared::links::DeepLink;
use shared::view_model::{Screen, ViewModel};
use shared::{
    DraftEvent, Language, LifecycleEvent, LinkEvent, MyComplaintsEvent, NavigationEvent,
    SettingsEvent,
};

#[derive(Parser)]
#[command(
    name = "zeri-cli",
    about = "A phone without a screen: the Zëri citizen app in a terminal"
)]
struct Cli {
    /// The phone's storage (created if missing); it keeps drafts, the outbox and your complaints.
    #[arg(long, env = "ZERI_STORE", default_value = "zeri-phone.sqlite3")]
    store: PathBuf,
    /// The server's address.
    #[arg(long, env = "ZERI_SERVER", default_value = "http://127.0.0.1:8080")]
    server: String,
    /// How long to keep trying to reach the server, in seconds.
    #[arg(long, default_value_t = 30)]
    wait: u64,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write and send a complaint (it is queued on the phone first, so nothing is lost offline).
    Submit {
        #[arg(long)]
        category: String,
        #[arg(long)]
        description: String,
        /// A municipality id, e.g. gjilan.
        #[arg(long, conflicts_with = "gps")]
        municipality: Option<String>,
        /// Latitude,longitude, e.g. 42.6629,21.1655.
        #[arg(long)]
        gps: Option<String>,
        /// A JPEG photo (up to three).
        #[arg(long)]
        photo: Vec<PathBuf>,
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        phone: Option<String>,
        #[arg(long)]
        email: Option<String>,
        /// Queue it and do not try to send it now.
        #[arg(long)]
        offline: bool,
    },
    /// Send what waits in the outbox and fetch what changed.
    Sync,
    /// My complaints.
    List,
    /// One complaint, with its history.
    Show { tracking_code: String },
    /// Rate a closed complaint from 1 to 5 stars.
    Rate {
        tracking_code: String,
        stars: u8,
        #[arg(long, default_value = "")]
        comment: String,
    },
    /// Reopen a complaint that was closed but not fixed.
    Reopen {
        tracking_code: String,
        #[arg(long)]
        reason: String,
    },
    /// Write to the institution about an open complaint: the answer to its question, or
    /// something to add (it goes through the outbox, like a complaint).
    Write {
        tracking_code: String,
        #[arg(long)]
        text: String,
        /// A JPEG photo (up to three).
        #[arg(long)]
        photo: Vec<PathBuf>,
    },
    /// Open a link as the phone would: a campaign's (zeri://campaign/<code>, or the web link its
    /// QR code carries, …/c/<code>; complaints sent in the next 30 days carry the code), a
    /// complaint's (zeri://complaint/<id>), or a training server's (zeri://server?url=<address>,
    /// which the phone only offers: `--accept` accepts it, as the citizen would).
    Open {
        link: String,
        #[arg(long)]
        accept: bool,
    },
    /// What the server holds about this phone's complaints; take it back or erase it.
    Data {
        #[command(subcommand)]
        action: rights::DataAction,
    },
    /// Choose the language: sq, sr-Latn, sr-Cyrl or en.
    Language { tag: String },
    /// The complaint categories, optionally matching a search.
    Categories {
        #[arg(long, default_value = "")]
        search: String,
    },
}

fn language(tag: &str) -> Option<Language> {
    Language::ALL
        .into_iter()
        .find(|l| l.tag().eq_ignore_ascii_case(tag))
}

pub(crate) fn find_id(view: &ViewModel, tracking_code: &str) -> Option<String> {
    view.my_complaints
        .items
        .iter()
        .find(|c| c.tracking_code.eq_ignore_ascii_case(tracking_code))
        .map(|c| c.id.clone())
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let store = match SqliteStore::open(&cli.store) {
        Ok(store) => store,
        Err(e) => {
            eprintln!("zeri-cli: cannot open {}: {e}", cli.store.display());
            return ExitCode::FAILURE;
        }
    };
    let wait = Duration::from_secs(cli.wait);
    let mut phone = Phone::new(store, reqwest::Client::new());
    phone.send(LifecycleEvent::Started {
        api_base_url: cli.server.clone(),
        // A developer's tool: a server link may point it at any server, as in a debug build.
        debug_build: true,
    });
    phone
        .run_until(wait, |v| !matches!(v.screen, Screen::Loading))
        .await;
    match phone.view().screen {
        Screen::LoadFailed => {
            eprintln!(
                "{}",
                phone
                    .view()
                    .load_failed
                    .map(|l| l.message)
                    .unwrap_or_default()
            );
            return ExitCode::FAILURE;
        }
        Screen::Welcome => phone.send(SettingsEvent::WelcomeFinished),
        _ => {}
    }

    match cli.command {
        Command::Submit {
            category,
            description,
            municipality,
            gps,
            photo,
            name,
            phone: number,
            email,
            offline,
        } => {
            phone.send(NavigationEvent::NavigateTo {
                screen: Screen::NewComplaint,
            });
            phone.send(DraftEvent::CategorySelected { id: category });
            phone.send(DraftEvent::DescriptionChanged { text: description });
            match (municipality, gps) {
                (Some(id), _) => phone.send(DraftEvent::MunicipalitySelected { id }),
                (None, Some(gps)) => {
                    let parsed = gps.split_once(',').and_then(|(lat, lon)| {
                        Some((lat.trim().parse().ok()?, lon.trim().parse().ok()?))
                    });
                    match parsed {
                        Some((lat, lon)) => phone.send(DraftEvent::GpsLocated { lat, lon }),
                        None => {
                            eprintln!("--gps takes latitude,longitude, e.g. 42.6629,21.1655");
                            return ExitCode::from(2);
                        }
                    }
                }
                (None, None) => {}
            }
            for path in photo {
                match std::fs::read(&path) {
                    Ok(jpeg) => phone.send(DraftEvent::PhotoAdded { jpeg }),
                    Err(e) => {
                        eprintln!("cannot read {}: {e}", path.display());
                        return ExitCode::from(2);
                    }
                }
            }
            let anonymous = name.is_none() && number.is_none() && email.is_none();
            phone.send(DraftEvent::AnonymousToggled { anonymous });
            if let Some(text) = name {
                phone.send(DraftEvent::ContactNameChanged { text });
            }
            if let Some(text) = number {
                phone.send(DraftEvent::ContactPhoneChanged { text });
            }
            if let Some(text) = email {
                phone.send(DraftEvent::ContactEmailChanged { text });
            }
            phone.run_until(wait, |_| true).await;
            phone.send(DraftEvent::SubmitTapped);
            phone.run_until(wait, |v| !v.draft.submitting).await;
            let view = phone.view();
            if view.screen == Screen::NewComplaint {
                let draft = &view.draft;
                for error in [
                    &draft.category.error,
                    &draft.description.error,
                    &draft.location.error,
                    &draft.contact_name.error,
                    &draft.contact_phone.error,
                    &draft.contact_email.error,
                    &draft.contact_error,
                ]
                .into_iter()
                .flatten()
                {
                    eprintln!("{error}");
                }
                print_notice(&view);
                return ExitCode::from(2);
            }
            if !offline {
                phone.send(LifecycleEvent::NetworkOnline);
                phone.sync(wait).await;
            }
            let view = phone.view();
            print_notice(&view);
            print_outbox(&view);
        }
        Command::Open { link, accept } => {
            // The core reads the link, as it does for the phones; its reading says what it did.
            let Some(meaning) = DeepLink::parse(&link) else {
                eprintln!(
                    "{link}: not a link of the app (zeri://complaint/<id>, zeri://campaign/<code>, \
                     …/c/<code> or zeri://server?url=<address>)"
                );
                return ExitCode::from(2);
            };
            phone.send(LinkEvent::Opened { url: link });
            phone.send(LifecycleEvent::NetworkOnline);
            phone.run_until(wait, |_| true).await;
            match meaning {
                DeepLink::Campaign { code } => println!("campaign {code}"),
                DeepLink::Complaint { .. } => print_detail(&phone.view()),
                DeepLink::Server { .. } => {
                    let view = phone.view();
                    let Some(offer) = view.server_offer else {
                        print_notice(&view);
                        return ExitCode::from(2);
                    };
                    println!("{}\n{}", offer.title, offer.message);
                    if !accept {
                        println!("({}: --accept)", offer.accept_label);
                        return ExitCode::SUCCESS;
                    }
                    phone.send(SettingsEvent::ServerOfferAccepted);
                    phone.run_until(wait, |_| true).await;
                    print_notice(&phone.view());
                }
            }
        }
        Command::Sync => {
            phone.send(LifecycleEvent::NetworkOnline);
            let done = phone.sync(wait).await;
            phone.send(MyComplaintsEvent::RefreshRequested);
            phone.run_until(wait, |v| !v.my_complaints.refreshing).await;
            print_notifications(&phone.take_notifications());
            print_list(&phone.view());
            if !done {
                return ExitCode::from(3);
            }
        }
        Command::List => {
            phone.run_until(wait, |v| !v.my_complaints.refreshing).await;
            print_notifications(&phone.take_notifications());
            print_list(&phone.view());
        }
        Command::Show { tracking_code } => {
            phone.run_until(wait, |v| !v.my_complaints.refreshing).await;
            print_notifications(&phone.take_notifications());
            let Some(id) = find_id(&phone.view(), &tracking_code) else {
                eprintln!("{tracking_code}: not among this phone's complaints");
                return ExitCode::from(2);
            };
            phone.send(NavigationEvent::ComplaintOpened { id });
            print_detail(&phone.view());
        }
        Command::Rate {
            tracking_code,
            stars,
            comment,
        } => {
            phone.run_until(wait, |v| !v.my_complaints.refreshing).await;
            let Some(id) = find_id(&phone.view(), &tracking_code) else {
                eprintln!("{tracking_code}: not among this phone's complaints");
                return ExitCode::from(2);
            };
            phone.send(NavigationEvent::ComplaintOpened { id: id.clone() });
            phone.send(MyComplaintsEvent::RatingSubmitted { id, stars, comment });
            phone.sync(wait).await;
            print_notice(&phone.view());
            print_detail(&phone.view());
        }
        Command::Reopen {
            tracking_code,
            reason,
        } => {
            phone.run_until(wait, |v| !v.my_complaints.refreshing).await;
            let Some(id) = find_id(&phone.view(), &tracking_code) else {
                eprintln!("{tracking_code}: not among this phone's complaints");
                return ExitCode::from(2);
            };
            phone.send(NavigationEvent::ComplaintOpened { id: id.clone() });
            phone.send(MyComplaintsEvent::ReopenSubmitted { id, reason });
            phone.sync(wait).await;
            print_notice(&phone.view());
            print_detail(&phone.view());
        }
        Command::Write {
            tracking_code,
            text,
            photo,
        } => {
            phone.run_until(wait, |v| !v.my_complaints.refreshing).await;
            let Some(id) = find_id(&phone.view(), &tracking_code) else {
                eprintln!("{tracking_code}: not among this phone's complaints");
                return ExitCode::from(2);
            };
            phone.send(NavigationEvent::ComplaintOpened { id: id.clone() });
            if phone.view().detail.is_some_and(|d| d.message.is_none()) {
                print_detail(&phone.view());
                return ExitCode::from(2);
            }
            for path in photo {
                match std::fs::read(&path) {
                    Ok(jpeg) => phone.send(MyComplaintsEvent::MessagePhotoAdded {
                        id: id.clone(),
                        jpeg,
                    }),
                    Err(e) => {
                        eprintln!("cannot read {}: {e}", path.display());
                        return ExitCode::from(2);
                    }
                }
            }
            phone.run_until(wait, |_| true).await;
            phone.send(MyComplaintsEvent::MessageSubmitted { id, text });
            phone.send(LifecycleEvent::NetworkOnline);
            let done = phone.sync(wait).await;
            print_notice(&phone.view());
            print_detail(&phone.view());
            if !done {
                return ExitCode::from(3);
            }
        }
        Command::Data { action } => return rights::run(&mut phone, action, wait).await,
        Command::Language { tag } => {
            let Some(language) = language(&tag) else {
                eprintln!("languages: sq, sr-Latn, sr-Cyrl, en");
                return ExitCode::from(2);
            };
            phone.send(SettingsEvent::LanguageSelected { language });
            phone.run_until(wait, |_| true).await;
            println!("{}", phone.view().home.title);
        }
        Command::Categories { search } => {
            phone.send(DraftEvent::CategorySearchChanged { query: search });
            for option in phone.view().draft.category.options {
                println!("  {:<28} {} ({})", option.id, option.label, option.detail);
            }
        }
    }
    ExitCode::SUCCESS
}
