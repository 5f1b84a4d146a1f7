//! What the demo's citizens write, in Albanian, Serbian and English, where they are, and who
//! they are: the material the demo's complaints are made of.

use protocol::api::ApiLanguage;

pub struct Template {
    pub category: &'static str,
    pub sq: &'static str,
    pub sr: &'static str,
    pub en: &'static str,
}

/// Where, as each language says it: (Albanian, Serbian, English).
pub const PLACES: &[(&str, &str, &str)] = &[
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

pub const TEMPLATES: &[Template] = &[
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

pub const NAMES: &[&str] = &[
    "Arta Krasniqi",
    "Besnik Hoxha",
    "Dragan Petrović",
    "Fatmire Rexhepi",
    "Jelena Marković",
    "Leonora Bytyqi",
    "Mehmet Kaya",
    "Shpend Ahmeti",
];
