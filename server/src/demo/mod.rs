//! Demo data for `--demo`: staff logins for each role and a few hundred complaints across
//! Kosovo, written as citizens write them, in Albanian, Serbian and English, at every stage of
//! their life (some overdue, some transferred, some resolved and rated, some reopened).
//! Generated from a fixed seed, so every demo starts the same. Everything goes through the
//! services, as a citizen's phone and the staff's actions would: filing, staff actions, ratings
//! and reopenings.

mod life;
mod texts;

use crate::db::Conn;
use chrono::{DateTime, Duration, Utc};
use protocol::api::{ApiLanguage, Contact, Location, NewComplaint};

pub use texts::{MUNICIPALITY_WEIGHTS, citizen_text};

use crate::auth::{self, Role, StaffMember};
use crate::services::accounts::{NewAccount, insert_account};
use crate::services::{ServiceError, catalog, complaints, inbox};
use crate::state::AppState;
use texts::{NAMES, PLACES, TEMPLATES, Template};

/// The password of every demo account (printed at start-up; demo databases only).
pub const DEMO_PASSWORD: &str = "zeri-demo-2026";

/// SplitMix64: small, fast, and the same sequence on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// The demo accounts: (username, display name, role, institution).
pub const ACCOUNTS: &[(&str, &str, Role, Option<&str>)] = &[
    ("admin", "Arbër Krasniqi (ZKM)", Role::Administrator, None),
    (
        "prishtina.manager",
        "Vjosa Berisha",
        Role::Manager,
        Some("prishtine:mun_public_services"),
    ),
    (
        "prishtina.staff",
        "Driton Gashi",
        Role::Staff,
        Some("prishtine:mun_public_services"),
    ),
    (
        "prishtina.mayor",
        "Teuta Hoxha",
        Role::Manager,
        Some("prishtine:mun_mayor"),
    ),
    (
        "gjilan.staff",
        "Milica Stojanović",
        Role::Staff,
        Some("gjilan:mun_public_services"),
    ),
    (
        "prizren.staff",
        "Emre Yilmaz",
        Role::Staff,
        Some("prizren:mun_public_services"),
    ),
    (
        "kru.prishtina",
        "Blerta Morina",
        Role::Staff,
        Some("kru_prishtina"),
    ),
    ("msh.staff", "Nora Shala", Role::Staff, Some("msh")),
    (
        "prishtina.supervisor",
        "Fatmire Kelmendi",
        Role::Supervisor,
        Some("prishtine:mun_mayor"),
    ),
];

/// How many complaints the demo has, and how many of them arrived in the last hours.
const COMPLAINTS: u64 = 320;
const FRESH: u64 = 16;

/// What the fresh ones are about: each municipality's public services directorate handles these.
const FRESH_CATEGORIES: &[&str] = &["roads_local", "street_lighting", "parks_public_spaces"];

fn pick_municipality(rng: &mut Rng) -> &'static str {
    let total: u64 = MUNICIPALITY_WEIGHTS.iter().map(|(_, w)| w).sum();
    let mut n = rng.below(total);
    for (id, weight) in MUNICIPALITY_WEIGHTS {
        if n < *weight {
            return id;
        }
        n -= weight;
    }
    "prishtine"
}

/// Writes the accounts and complaints if the database has no complaints yet, and prints the
/// logins either way.
pub async fn seed_if_empty(state: &AppState) -> Result<(), String> {
    let locator = state.locator.clone();
    let hash = tokio::task::spawn_blocking(|| auth::hash_password(DEMO_PASSWORD))
        .await
        .map_err(|e| e.to_string())?
        .map_err(|e| e.to_string())?;
    let seeded = state
        .db
        .call(move |c| {
            if !crate::db::is_empty(c, "complaints")? {
                return Ok(false);
            }
            seed(c, &locator, &hash, Utc::now()).map_err(ServiceError::Internal)?;
            Ok::<_, ServiceError>(true)
        })
        .await
        .map_err(|e| e.to_string())?;
    if seeded {
        tracing::info!("demo data written");
    }
    println!("\nZëri demo logins (password for all: {DEMO_PASSWORD}):");
    for (username, name, role, institution) in ACCOUNTS {
        println!(
            "  {username:<20} {:<14} {name}{}",
            role.as_str(),
            institution.map(|i| format!(", {i}")).unwrap_or_default()
        );
    }
    println!(
        "\nTrainers: log in as admin, then open /staff/training (sandboxes) and /staff/campaigns."
    );
    println!(
        "The demo and its training sandboxes ask nobody for a second factor; a real deployment asks managers and administrators.\n"
    );
    Ok(())
}

/// Whoever works the complaints of `institution`: its first demo account, or else the
/// administrator (who may act on any institution's complaints).
fn worker_for(c: &Conn, institution: &str, admin: &StaffMember) -> StaffMember {
    inbox::first_member(c, institution)
        .ok()
        .flatten()
        .unwrap_or_else(|| admin.clone())
}

pub fn seed(
    c: &Conn,
    locator: &crate::locate::Locator,
    password_hash: &str,
    now: DateTime<Utc>,
) -> Result<(), String> {
    let error = |e: ServiceError| e.to_string();
    for (username, name, role, institution) in ACCOUNTS {
        let account = NewAccount {
            username: (*username).into(),
            display_name: (*name).into(),
            password: String::new(),
            role: *role,
            institution_id: institution.map(str::to_owned),
        };
        insert_account(c, &account, password_hash).map_err(|e| e.to_string())?;
    }
    let admin = StaffMember {
        id: 1,
        username: "admin".into(),
        display_name: ACCOUNTS[0].1.into(),
        role: Role::Administrator,
        institution_id: None,
    };
    let centroids: Vec<(String, f64, f64)> = {
        let rows = catalog::boundaries(c).map_err(|e| e.to_string())?;
        rows.into_iter()
            .filter_map(|(id, geometry)| {
                use geo::Centroid;
                let shape = crate::locate::parse_geometry(&geometry)?;
                let point = shape.centroid()?;
                Some((id, point.y(), point.x()))
            })
            .collect()
    };

    let mut rng = Rng::new(2026);
    // The last few arrived this morning, for the demo accounts' directorates: there is always
    // something new to acknowledge.
    let fresh_templates: Vec<&Template> = TEMPLATES
        .iter()
        .filter(|t| FRESH_CATEGORIES.contains(&t.category))
        .collect();
    for n in 0..COMPLAINTS {
        let fresh = n >= COMPLAINTS - FRESH;
        let template = if fresh {
            *rng.pick(&fresh_templates)
        } else {
            rng.pick(TEMPLATES)
        };
        // Every municipality once, then as many as their size suggests.
        let municipality = match MUNICIPALITY_WEIGHTS.get(n as usize) {
            Some((id, _)) => id,
            None if fresh => *rng.pick(&["prishtine", "prishtine", "gjilan", "prizren"]),
            None => pick_municipality(&mut rng),
        };
        let (place_sq, place_sr, place_en) = *rng.pick(PLACES);
        let (language, text, place) = match rng.below(100) {
            0..=69 => (ApiLanguage::Sq, template.sq, place_sq),
            70..=84 => (ApiLanguage::Sr, template.sr, place_sr),
            _ => (ApiLanguage::En, template.en, place_en),
        };
        let location = match centroids.iter().find(|(id, _, _)| id == municipality) {
            Some((_, lat, lon)) if rng.chance(65) => {
                let jitter = |rng: &mut Rng| (rng.below(2000) as f64 - 1000.0) / 250_000.0;
                let (lat, lon) = (lat + jitter(&mut rng), lon + jitter(&mut rng));
                if locator.municipality_at(lat, lon) == Some(municipality) {
                    Location::Gps { lat, lon }
                } else {
                    Location::Municipality {
                        id: municipality.into(),
                    }
                }
            }
            _ => Location::Municipality {
                id: municipality.into(),
            },
        };
        let contact = rng.chance(55).then(|| Contact {
            name: Some((*rng.pick(NAMES)).into()),
            phone: Some(format!(
                "+383 4{} {:03} {:03}",
                4 + rng.below(6),
                rng.below(1000),
                rng.below(1000)
            )),
            email: None,
        });
        let submitted = if fresh {
            now - Duration::minutes(rng.below(5 * 60) as i64 + 20)
        } else {
            now - Duration::minutes(rng.below(60 * 24 * 60) as i64 + 30)
        };
        let request = NewComplaint {
            id: uuid::Uuid::from_u64_pair(0x2026_0000_0000_0000 | n, rng.next_u64()),
            category: template.category.into(),
            description: text.replace("{place}", place),
            location,
            contact,
            photo_count: 0,
            language,
            campaign: None,
        };
        let device = auth::sha256_hex(format!("demo-device-{n}").as_bytes());
        let hash = complaints::request_hash(&request);
        let (receipt, _) =
            complaints::file(c, locator, &device, &request, &hash, submitted).map_err(error)?;
        let institution = receipt.institution.id.clone();
        let worker = worker_for(c, &institution, &admin);
        let filed = life::Filed {
            n,
            id: receipt.id.to_string(),
            device,
            category: template.category,
            institution,
            language,
            submitted,
        };
        life::live(c, &mut rng, &filed, &worker, now)?;
    }
    Ok(())
}
