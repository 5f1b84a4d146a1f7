//! Full-text search alike on both engines: the Rust tokenizer cuts and folds as SQLite's FTS5
//! tokenizer does, PostgreSQL's `search_terms` as the Rust one does, and the same words typed
//! into the inbox find the same complaints in SQLite's index and in PostgreSQL's.

use super::fixtures::{Complaint, on_both_schemas, reference_rows};
use super::postgres::{PgSession, fresh_database};
use super::search::terms;
use super::{Conn, Dialect};
use crate::input::{search_expression, search_tsquery, search_words};

/// Common characters above U+052F that separate words in SQLite too.
const COMMON: &str = "\u{a0}–—‘’“”„…•€✓👍😀、";

/// One document per character, between two letters: each shows whether the character folds,
/// is dropped or separates.
fn documents(extra: impl Iterator<Item = char>) -> Vec<String> {
    (1..=0x052F)
        .filter_map(char::from_u32)
        .chain(COMMON.chars())
        .chain(extra)
        .map(|c| format!("x{c}y"))
        .chain([
            "Uje\u{0308}\u{0301}, ÇA-\u{0301}Ë".to_owned(),
            "  ".to_owned(),
        ])
        .collect()
}

#[test]
fn the_rust_words_are_sqlites_for_latin_greek_and_cyrillic() {
    let sqlite = rusqlite::Connection::open_in_memory().unwrap();
    sqlite
        .execute_batch(
            "CREATE VIRTUAL TABLE t USING fts5(d, tokenize = 'unicode61 remove_diacritics 2');
             CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance');",
        )
        .unwrap();
    let documents = documents(std::iter::empty());
    let mut insert = sqlite
        .prepare("INSERT INTO t (rowid, d) VALUES (?1, ?2)")
        .unwrap();
    for (i, document) in documents.iter().enumerate() {
        insert
            .execute(rusqlite::params![i as i64, document])
            .unwrap();
    }
    let mut found = vec![Vec::new(); documents.len()];
    let mut terms_of = sqlite
        .prepare("SELECT doc, term FROM v ORDER BY doc, \"offset\"")
        .unwrap();
    let rows = terms_of
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
        .unwrap();
    for row in rows {
        let (doc, term) = row.unwrap();
        found[doc as usize].push(term);
    }
    for (document, sqlite_terms) in documents.iter().zip(&found) {
        assert_eq!(&terms(document), sqlite_terms, "{document:?}");
    }
    assert_eq!(found[documents.len() - 2], ["uje", "ca", "e"]);
}

#[test]
fn postgres_cuts_and_folds_as_the_rust_tokenizer_does() {
    let session = PgSession::connect(&fresh_database()).unwrap();
    super::postgres::migrate(&session).unwrap();
    let c = Conn::postgres(&session);
    // Beyond U+052F, a sample of every plane in use: other scripts, the separating blocks.
    let sample = (0x0530..0x2FFFF).step_by(89).filter_map(char::from_u32);
    for document in documents(sample) {
        let postgres: String = c
            .query_row(
                "SELECT array_to_string(search_terms(?1), ' ')",
                [&document],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(postgres, terms(&document).join(" "), "{document:?}");
    }
}

const DESCRIPTIONS: [(&str, &str); 7] = [
    ("a", "Nuk ka ujë të pijshëm në lagjen tonë që tri ditë."),
    (
        "b",
        "Rruga për në shkollë është plot gropa; UJI rrjedh nëpër rrugë.",
    ),
    ("c", "Нема воде у Грачаници већ три дана."),
    (
        "d",
        "Ulica u Čaglavici je puna rupa, đaci ne mogu do škole.",
    ),
    (
        "e",
        "Kanalizimi i hapur pranë çerdhes – rrezik për fëmijët!",
    ),
    ("f", "Dak i vjetër: ndriçimi publik nuk punon 💡"),
    ("g", "Uje\u{0308} i ndotur ne\u{0308} lagje"),
];

/// What the inbox's search for `text` finds, by the index of the engine `c` speaks.
fn found(c: &Conn, text: &str) -> Vec<String> {
    let words = search_words(text).unwrap().unwrap();
    let (sql, query) = match c.dialect() {
        Dialect::Sqlite => (
            "SELECT c.id FROM complaints c WHERE c.rowid IN
                (SELECT rowid FROM complaints_search WHERE complaints_search MATCH ?1)
             ORDER BY c.id",
            search_expression(&words),
        ),
        Dialect::Postgres => (
            "SELECT c.id FROM complaints c WHERE c.search @@ CAST(?1 AS TEXT)::tsquery
             ORDER BY c.id",
            search_tsquery(&words),
        ),
    };
    c.query_map(sql, [query], |r| r.get(0)).unwrap()
}

#[test]
fn the_same_words_find_the_same_complaints_on_both_engines() {
    let searches = [
        "uje",
        "ujë",
        "UJË",
        "uj",
        "uji",
        "pijshem",
        "rrug",
        "RRUGË",
        "воде",
        "вод",
        "ВОД",
        "caglavic",
        "čaglavica",
        "đaci",
        "daci",
        "đ",
        "çerdhe",
        "cerdh",
        "shkoll",
        "skol",
        "fëmijët rrezik",
        "rrezik fëmij",
        "nuk punon",
        "punon nuk",
        "ndriçim",
        "ndric",
        "dak",
        "zr-a",
        "ZR",
        "zr-",
        "ditë-zr",
        "lagjen-tone",
        "tonë-që",
        "💡",
        "–",
        "- uje",
        "uje -",
        "ne\u{0308}",
        "nje",
        "i-hapur-prane",
        "a",
        "ka",
    ];
    let results = on_both_schemas(|c| {
        reference_rows(c);
        for (id, description) in DESCRIPTIONS {
            let mut complaint = Complaint::new(id);
            complaint.description = description.to_owned();
            complaint.insert(c);
        }
        searches
            .iter()
            .map(|text| (*text, found(c, text)))
            .collect::<Vec<_>>()
    });
    let finds =
        |text: &str| -> Vec<String> { results.iter().find(|(t, _)| *t == text).unwrap().1.clone() };
    assert_eq!(finds("uje"), ["a", "g"]);
    assert_eq!(finds("uj"), ["a", "b", "g"]);
    assert_eq!(finds("ВОД"), ["c"]);
    assert_eq!(finds("đaci"), ["d"]);
    assert!(finds("daci").is_empty(), "đ is a letter of its own");
    assert_eq!(finds("rrezik fëmij"), ["e"]);
    assert_eq!(finds("zr-a"), ["a"]);
    assert!(
        finds("ditë-zr").is_empty(),
        "a phrase stays within its column"
    );
    assert_eq!(finds("tonë-që"), ["a"]);
    assert!(finds("–").is_empty());
    assert_eq!(finds("- uje"), ["a", "g"]);
}
