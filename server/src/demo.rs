//! Demo data for `--demo`: staff logins for each role and a few hundred complaints across
//! Kosovo, written as citizens write them, in Albanian, Serbian and English, at every stage of
//! their life (some overdue, some transferred, some resolved and rated, some reopened).
//! Generated from a fixed seed, so every demo starts the same.

use chrono::{DateTime, Duration, Utc};
use protocol::api::{ApiLanguage, Contact, Location, NewComplaint};
use rusqlite::{Connection, params};
use serde_json::json;

use crate::app::AppState;
use crate::auth::{self, Role, StaffMember};
use crate::complaints::{self, Actor, AuditEntry, audit};
use crate::services::accounts::{NewAccount, insert_account};
use crate::workflow::{self, Action};

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
];

struct Template {
    category: &'static str,
    sq: &'static str,
    sr: &'static str,
    en: &'static str,
}

/// Where, as each language says it: (Albanian, Serbian, English).
const PLACES: &[(&str, &str, &str)] = &[
    (
        "në lagjen Dardania",
        "u naselju Dardanija",
        "in the Dardania neighbourhood",
    ),
    (
        "afër shkollës fillore",
        "kod osnovne škole",
        "near the primary school",
    ),
    (
        "te stacioni i autobusëve",
        "kod autobuske stanice",
        "at the bus station",
    ),
    ("afër tregut", "kod pijace", "near the market"),
    ("te ura e vjetër", "kod starog mosta", "by the old bridge"),
    (
        "në rrugën kryesore",
        "u glavnoj ulici",
        "on the main street",
    ),
    (
        "pranë qendrës shëndetësore",
        "kod doma zdravlja",
        "near the health centre",
    ),
    ("në lagjen tonë", "u našem naselju", "in our neighbourhood"),
];

const TEMPLATES: &[Template] = &[
    Template {
        category: "roads_local",
        sq: "Ka një gropë të madhe në rrugë, {place}. Makinat e shmangin dhe dalin në korsinë tjetër, dikush do të lëndohet.",
        sr: "Velika rupa na putu, {place}. Automobili je zaobilaze i prelaze u drugu traku, neko će se povrediti.",
        en: "There is a big pothole on the road, {place}. Cars swerve into the other lane to avoid it; someone will get hurt.",
    },
    Template {
        category: "roads_local",
        sq: "Trotuari është i shkatërruar {place}, me karrige me rrota nuk mund të kalosh fare.",
        sr: "Trotoar je uništen {place}, invalidskim kolicima je nemoguće proći.",
        en: "The sidewalk is broken {place}; you cannot get through with a wheelchair at all.",
    },
    Template {
        category: "waste_collection",
        sq: "Mbeturinat nuk janë mbledhur prej dy javësh {place}. Kontejnerët janë plot dhe qentë i shpërndajnë.",
        sr: "Smeće nije odneseno već dve nedelje {place}. Kontejneri su puni i psi ih razvlače.",
        en: "Rubbish has not been collected for two weeks {place}. The containers are full and dogs are scattering it.",
    },
    Template {
        category: "illegal_dumping",
        sq: "Dikush hedh mbeturina ndërtimi çdo natë {place}, pranë lumit.",
        sr: "Neko svake noći baca građevinski otpad {place}, pored reke.",
        en: "Someone dumps building rubble every night {place}, next to the river.",
    },
    Template {
        category: "water_supply",
        sq: "Nuk kemi ujë që nga mëngjesi {place}. Askush nuk na ka njoftuar për ndonjë ndërprerje.",
        sr: "Nemamo vodu od jutros {place}. Niko nas nije obavestio o prekidu.",
        en: "We have had no water since this morning {place}. Nobody told us about any interruption.",
    },
    Template {
        category: "water_supply",
        sq: "Uji që vjen nga rubineti është i turbullt dhe ka erë të keqe {place}.",
        sr: "Voda iz slavine je mutna i ima neprijatan miris {place}.",
        en: "The tap water is cloudy and smells bad {place}.",
    },
    Template {
        category: "street_lighting",
        sq: "Ndriçimi publik nuk punon prej një muaji {place}. Natën është errësirë e plotë dhe fëmijët kthehen nga shkolla.",
        sr: "Javna rasveta ne radi već mesec dana {place}. Noću je potpuni mrak, a deca se vraćaju iz škole.",
        en: "The street lights have been off for a month {place}. It is completely dark at night when children walk home.",
    },
    Template {
        category: "sewage_drainage",
        sq: "Kanalizimi del në rrugë sa herë që bie shi {place}. Era është e padurueshme.",
        sr: "Kanalizacija izlazi na ulicu svaki put kad pada kiša {place}. Smrad je nepodnošljiv.",
        en: "Sewage comes up into the street every time it rains {place}. The smell is unbearable.",
    },
    Template {
        category: "stray_animals",
        sq: "Një tufë qensh endacakë sulmon kalimtarët {place}, sidomos në mëngjes herët.",
        sr: "Čopor pasa lutalica napada prolaznike {place}, naročito rano ujutru.",
        en: "A pack of stray dogs attacks passers-by {place}, especially early in the morning.",
    },
    Template {
        category: "parks_public_spaces",
        sq: "Këndi i lojërave për fëmijë {place} ka lëkundëse të thyera dhe gozhdë që dalin jashtë.",
        sr: "Dečje igralište {place} ima polomljene ljuljaške i eksere koji vire.",
        en: "The children's playground {place} has broken swings and nails sticking out.",
    },
    Template {
        category: "primary_health",
        sq: "Në QKMF pritëm katër orë dhe në fund na thanë të vijmë nesër. Nuk ka mjek familjar të mjaftueshëm.",
        sr: "U domu zdravlja smo čekali četiri sata i na kraju su nam rekli da dođemo sutra. Nema dovoljno lekara.",
        en: "We waited four hours at the family health centre and were told to come back tomorrow. There are not enough doctors.",
    },
    Template {
        category: "civil_documents",
        sq: "Aplikova për certifikatë lindjeje para tri javësh dhe ende nuk është gati. Më duhet për regjistrimin në shkollë.",
        sr: "Podneo sam zahtev za izvod iz matične knjige rođenih pre tri nedelje i još nije gotov. Treba mi za upis u školu.",
        en: "I applied for a birth certificate three weeks ago and it is still not ready. I need it to enrol my child in school.",
    },
    Template {
        category: "noise",
        sq: "Kafeneja {place} lëshon muzikë me zë të lartë deri në orën 3 të mëngjesit çdo fundjavë.",
        sr: "Kafić {place} pušta glasnu muziku do 3 ujutru svakog vikenda.",
        en: "The café {place} plays loud music until 3 in the morning every weekend.",
    },
    Template {
        category: "schools",
        sq: "Ngrohja në shkollë nuk punon, fëmijët ulen me xhaketa në klasë.",
        sr: "Grejanje u školi ne radi, deca sede u jaknama u učionici.",
        en: "The heating at the school does not work; children sit in class wearing their coats.",
    },
    Template {
        category: "public_transport_local",
        sq: "Autobusi i linjës 4 nuk vjen sipas orarit, në mëngjes pritet deri në 40 minuta {place}.",
        sr: "Autobus linije 4 ne dolazi po redu vožnje, ujutru se čeka i do 40 minuta {place}.",
        en: "The number 4 bus does not keep to the timetable; in the morning people wait up to 40 minutes {place}.",
    },
    Template {
        category: "hospital_care",
        sq: "Në spital na thanë se aparati i skanerit është i prishur prej dy muajsh dhe duhet të shkojmë në klinikë private.",
        sr: "U bolnici su nam rekli da je skener pokvaren dva meseca i da moramo u privatnu kliniku.",
        en: "The hospital told us the scanner has been broken for two months and we have to go to a private clinic.",
    },
];

/// What a citizen might write about `category`, in `language`, if the demo has such a text.
pub fn citizen_text(category: &str, language: ApiLanguage) -> Option<String> {
    let template = TEMPLATES.iter().find(|t| t.category == category)?;
    let (sq, sr, en) = PLACES[3];
    Some(match language {
        ApiLanguage::Sq => template.sq.replace("{place}", sq),
        ApiLanguage::Sr => template.sr.replace("{place}", sr),
        ApiLanguage::En => template.en.replace("{place}", en),
    })
}

/// How many complaints the demo has, and how many of them arrived in the last hours.
const COMPLAINTS: u64 = 320;
const FRESH: u64 = 16;

/// What the fresh ones are about: each municipality's public services directorate handles these.
const FRESH_CATEGORIES: &[&str] = &["roads_local", "street_lighting", "parks_public_spaces"];

/// Municipalities weighted roughly by population, so the demo looks like the country.
pub const MUNICIPALITY_WEIGHTS: &[(&str, u64)] = &[
    ("prishtine", 22),
    ("prizren", 14),
    ("ferizaj", 8),
    ("gjilan", 7),
    ("peje", 7),
    ("gjakove", 7),
    ("mitrovice", 6),
    ("podujeve", 5),
    ("vushtrri", 4),
    ("suhareke", 4),
    ("lipjan", 4),
    ("fushe_kosove", 4),
    ("rahovec", 3),
    ("malisheve", 3),
    ("drenas", 3),
    ("skenderaj", 3),
    ("viti", 3),
    ("kamenice", 2),
    ("gracanice", 2),
    ("istog", 2),
    ("kline", 2),
    ("decan", 2),
    ("obiliq", 2),
    ("dragash", 2),
    ("kacanik", 2),
    ("shtime", 1),
    ("mitrovice_e_veriut", 1),
    ("zvecan", 1),
    ("leposaviq", 1),
    ("zubin_potok", 1),
    ("shterpce", 1),
    ("novoberde", 1),
    ("junik", 1),
    ("mamushe", 1),
    ("hani_i_elezit", 1),
    ("ranillug", 1),
    ("partesh", 1),
    ("kllokot", 1),
];

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

const NAMES: &[&str] = &[
    "Arta Krasniqi",
    "Besnik Hoxha",
    "Dragan Petrović",
    "Fatmire Rexhepi",
    "Jelena Marković",
    "Leonora Bytyqi",
    "Mehmet Kaya",
    "Shpend Ahmeti",
];

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
            seed(c, &locator, &hash, Utc::now()).map_err(crate::error::ApiError::Internal)?;
            Ok(true)
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
        "\nTrainers: log in as admin, then open /staff/training (sandboxes) and /staff/campaigns.\n"
    );
    Ok(())
}

fn staff_of(c: &Connection, institution: &str) -> Option<StaffMember> {
    c.query_row(
        "SELECT id, username, display_name, role FROM staff WHERE institution_id = ?1 AND active = 1 ORDER BY id LIMIT 1",
        [institution],
        |r| {
            Ok(StaffMember {
                id: r.get(0)?,
                username: r.get(1)?,
                display_name: r.get(2)?,
                role: Role::parse(&r.get::<_, String>(3)?).unwrap_or(Role::Staff),
                institution_id: Some(institution.to_owned()),
            })
        },
    )
    .ok()
}

/// A stand-in for whoever works the complaint when the institution has no demo account: the
/// administrator (who may act on any institution's complaints).
fn actor_for(c: &Connection, institution: &str, admin: &StaffMember) -> StaffMember {
    staff_of(c, institution).unwrap_or_else(|| admin.clone())
}

pub fn seed(
    c: &mut Connection,
    locator: &crate::locate::Locator,
    password_hash: &str,
    now: DateTime<Utc>,
) -> Result<(), String> {
    let error = |e: crate::error::ApiError| e.to_string();
    for (username, name, role, institution) in ACCOUNTS {
        let account = NewAccount {
            username: (*username).into(),
            display_name: (*name).into(),
            password: String::new(),
            role: *role,
            institution_id: institution.map(str::to_owned),
        };
        insert_account(c, &account, password_hash).map_err(error)?;
    }
    let admin = StaffMember {
        id: 1,
        username: "admin".into(),
        display_name: ACCOUNTS[0].1.into(),
        role: Role::Administrator,
        institution_id: None,
    };
    let centroids: Vec<(String, f64, f64)> = {
        let mut s = c
            .prepare("SELECT id, geometry FROM municipalities")
            .map_err(|e| e.to_string())?;
        let rows = s
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .map_err(|e| e.to_string())?
            .filter_map(Result::ok)
            .collect::<Vec<_>>();
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
        let id = receipt.id.to_string();
        let institution = receipt.institution.id.clone();
        let worker = actor_for(c, &institution, &admin);
        let age_hours = (now - submitted).num_hours();
        let mut at = submitted;
        let mut step = |rng: &mut Rng, max_hours: u64| {
            at += Duration::minutes(30 + rng.below(max_hours * 60) as i64);
            at.min(now - Duration::minutes(5))
        };
        // Roughly: a tenth untouched (many overdue), the rest acknowledged, most answered.
        let fate = rng.below(100);
        if fate < 10 || age_hours < 6 {
            continue;
        }
        let apply = |c: &mut Connection, action: Action, at: DateTime<Utc>, who: &StaffMember| {
            workflow::apply(c, who, &id, action, at).map_err(error)
        };
        if fate < 16 {
            // Misrouted: the municipality passes it to the water company or the ministry.
            let to = if template.category == "water_supply" {
                "kru_prishtina"
            } else {
                "msh"
            };
            if to != institution {
                let reason = "Kjo nuk është në kompetencë të kësaj drejtorie; po e dërgojmë te institucioni përgjegjës.";
                apply(
                    c,
                    Action::Transfer {
                        institution_id: to.into(),
                        reason: reason.into(),
                    },
                    step(&mut rng, 30),
                    &worker,
                )?;
                continue;
            }
        }
        apply(c, Action::Acknowledge, step(&mut rng, 30), &worker)?;
        if fate < 30 {
            continue;
        }
        apply(c, Action::Start, step(&mut rng, 48), &worker)?;
        if fate < 45 {
            let reply = match language {
                ApiLanguage::Sq => {
                    "Faleminderit për njoftimin. Ekipi ynë do ta vizitojë vendin këtë javë."
                }
                ApiLanguage::Sr => "Hvala na prijavi. Naša ekipa će izaći na teren ove nedelje.",
                ApiLanguage::En => {
                    "Thank you for reporting this. Our team will visit the site this week."
                }
            };
            apply(
                c,
                Action::Reply { text: reply.into() },
                step(&mut rng, 48),
                &worker,
            )?;
            continue;
        }
        let closed_at = step(&mut rng, 120);
        if fate < 88 {
            let reason = match language {
                ApiLanguage::Sq => {
                    "Problemi u rregullua nga ekipi ynë. Ju faleminderit për durimin."
                }
                ApiLanguage::Sr => "Naša ekipa je otklonila problem. Hvala na strpljenju.",
                ApiLanguage::En => "Our team has fixed the problem. Thank you for your patience.",
            };
            apply(
                c,
                Action::Resolve {
                    reason: reason.into(),
                },
                closed_at,
                &worker,
            )?;
        } else {
            let reason = match language {
                ApiLanguage::Sq => "Pas verifikimit në terren nuk u gjet problemi i përshkruar.",
                ApiLanguage::Sr => "Nakon provere na terenu opisani problem nije pronađen.",
                ApiLanguage::En => "An inspection on site did not find the problem described.",
            };
            apply(
                c,
                Action::Reject {
                    reason: reason.into(),
                },
                closed_at,
                &worker,
            )?;
        }
        if rng.chance(45) {
            let stars = if fate < 88 {
                3 + rng.below(3)
            } else {
                1 + rng.below(2)
            } as u8;
            let tx = c.savepoint().map_err(|e| e.to_string())?;
            tx.execute(
                "UPDATE complaints SET rating_stars = ?1 WHERE id = ?2",
                params![stars, id],
            )
            .map_err(|e| e.to_string())?;
            let rated_at = (closed_at + Duration::hours(5)).min(now);
            audit(
                &tx,
                rated_at,
                AuditEntry {
                    actor: Actor::Citizen,
                    action: "rated",
                    complaint: Some(&id),
                    citizen_visible: true,
                    before: None,
                    after: Some(json!({ "stars": stars })),
                    text: None,
                },
            )
            .map_err(error)?;
            tx.commit().map_err(|e| e.to_string())?;
        }
        // Some citizens find the problem is still there and reopen; the institution has taken
        // some of those up again.
        let reopen_at = closed_at + Duration::hours(6 + rng.below(60) as i64);
        let unhappy = if fate >= 88 { 30 } else { 7 };
        if rng.chance(unhappy) && reopen_at < now - Duration::minutes(30) {
            let reason = match language {
                ApiLanguage::Sq => {
                    "Problemi nuk është zgjidhur, gjendja është e njëjtë si më parë."
                }
                ApiLanguage::Sr => "Problem nije rešen, stanje je isto kao ranije.",
                ApiLanguage::En => "The problem has not been fixed; it is the same as before.",
            };
            let status = if fate < 88 {
                protocol::api::Status::Resolved
            } else {
                protocol::api::Status::Rejected
            };
            let request = uuid::Uuid::from_u64_pair(0x2026_0000_0000_0000 | n, 1).to_string();
            complaints::reopen(c, &id, status, reason, &request, reopen_at).map_err(error)?;
            if rng.chance(50) {
                let again = (reopen_at + Duration::hours(2 + rng.below(20) as i64))
                    .min(now - Duration::minutes(5));
                apply(c, Action::Acknowledge, again, &worker)?;
            }
        }
    }
    Ok(())
}
