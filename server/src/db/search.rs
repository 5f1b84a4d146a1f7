//! The words a search finds, cut and folded as SQLite's full-text tokenizer (`unicode61
//! remove_diacritics 2`) cuts and folds them, so that PostgreSQL, which indexes the same words
//! (`postgres/search.sql`, whose lists are these tables; `search_tests.rs` holds all three to
//! each other), finds what SQLite finds. Upper case folds to lower, and Latin letters lose
//! their diacritics (ë → e, ç → c, č ć → c, š → s, ž → z), but đ, ł, ß and the Cyrillic letters
//! stay themselves, as in SQLite. Runs of characters other than letters and digits separate
//! words. These tables are SQLite's behaviour for every character up to U+052F (Latin, Greek,
//! Cyrillic); above that, the punctuation, symbol and emoji blocks separate words and every
//! other character is a letter as it is.

/// Upper case and accented letters, each with the letter SQLite folds it to, pair by pair.
const FOLDS: [(&str, &str); 24] = [
    ("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"),
    ("µÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙ", "μaaaaaaæceeeeiiiiðnoooooøu"),
    ("ÚÛÜÝÞàáâãäåçèéêëìíîïñòóôõö", "uuuyþaaaaaaceeeeiiiinooooo"),
    ("ùúûüýÿ", "uuuuyy"),
    ("ĀāĂăĄąĆćĈĉĊċČčĎďĐĒēĔĕĖėĘęĚ", "aaaaaaccccccccddđeeeeeeeee"),
    ("ěĜĝĞğĠġĢģĤĥĦĨĩĪīĬĭĮįİĲĴĵĶķ", "egggggggghhħiiiiiiiiiĳjjkk"),
    ("ĹĺĻļĽľĿŁŃńŅņŇňŊŌōŎŏŐőŒŔŕŖŗ", "llllllŀłnnnnnnŋooooooœrrrr"),
    ("ŘřŚśŜŝŞşŠšŢţŤťŦŨũŪūŬŭŮůŰűŲ", "rrssssssssttttŧuuuuuuuuuuu"),
    ("ųŴŵŶŷŸŹźŻżŽžſ", "uwwyyyzzzzzzs"),
    ("ƁƂƄƆƇƉƊƋƎƏƐƑƓƔƖƗƘƜƝƟƠơƢƤƦƧ", "ɓƃƅɔƈɖɗƌǝəɛƒɠɣɩɨƙɯɲɵooƣƥʀƨ"),
    ("ƩƬƮƯưƱƲƳƵƷƸƼǄǅǇǈǊǋǍǎǏǐǑǒǓǔ", "ʃƭʈuuʊʋƴƶʒƹƽǆǆǉǉǌǌaaiioouu"),
    ("ǕǖǗǘǙǚǛǜǞǟǠǢǤǦǧǨǩǪǫǬǭǮǰǱǲǴ", "uuuuuuuuaaǡǣǥggkkooooǯjǳǳg"),
    ("ǵǶǷǸǹǺǻǼǾȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐ", "gƕƿnnaaǽǿaaaaeeeeiiiioooor"),
    ("ȑȒȓȔȕȖȗȘșȚțȜȞȟȠȢȤȦȧȨȩȪȫȬȭȮ", "rrruuuussttȝhhƞȣȥaaeeooooo"),
    ("ȯȰȱȲȳȺȻȽȾɁɃɄɅɆɈɊɌɎ", "oooyyⱥȼƚⱦɂƀʉʌɇɉɋɍɏ"),
    ("ͰͲͶΆΈΉΊΌΎΏΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠ", "ͱͳͷάέήίόύώαβγδεζηθικλμνξοπ"),
    ("ΡΣΤΥΦΧΨΩΪΫςϏϐϑϕϖϘϚϜϞϠϢϤϦϨϪ", "ρστυφχψωϊϋσϗβθφπϙϛϝϟϡϣϥϧϩϫ"),
    ("ϬϮϰϱϴϵϷϹϺϽϾϿ", "ϭϯκρθεϸϲϻͻͼͽ"),
    ("ЀЁЂЃЄЅІЇЈЉЊЋЌЍЎЏАБВГДЕЖЗИЙ", "ѐёђѓєѕіїјљњћќѝўџабвгдежзий"),
    ("КЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯѠѢѤѦ", "клмнопрстуфхцчшщъыьэюяѡѣѥѧ"),
    ("ѨѪѬѮѰѲѴѶѸѺѼѾҀҊҌҎҐҒҔҖҘҚҜҞҠҢ", "ѩѫѭѯѱѳѵѷѹѻѽѿҁҋҍҏґғҕҗҙқҝҟҡң"),
    ("ҤҦҨҪҬҮҰҲҴҶҸҺҼҾӀӁӃӅӇӉӋӍӐӒӔӖ", "ҥҧҩҫҭүұҳҵҷҹһҽҿӏӂӄӆӈӊӌӎӑӓӕӗ"),
    ("ӘӚӜӞӠӢӤӦӨӪӬӮӰӲӴӶӸӺӼӾ", "әӛӝӟӡӣӥӧөӫӭӯӱӳӵӷӹӻӽӿ"),
    ("ԀԂԄԆԈԊԌԎԐԒԔԖԘԚԜԞԠԢԤԦ", "ԁԃԅԇԉԋԍԏԑԓԕԗԙԛԝԟԡԣԥԧ"),
];

/// Combining diacritical marks (text written decomposed, e + ◌̈): dropped, the word goes on.
const DROPPED: [(u32, u32); 8] = [
    (0x0300, 0x0304),
    (0x0306, 0x030C),
    (0x030F, 0x030F),
    (0x0311, 0x0311),
    (0x031B, 0x031B),
    (0x0323, 0x0328),
    (0x032D, 0x032E),
    (0x0330, 0x0331),
];

/// What separates words: SQLite's separators up to U+052F, then whole blocks (general
/// punctuation, currency signs, arrows to miscellaneous symbols, CJK punctuation, variation
/// selectors, emoji and pictographs).
const SEPARATORS: [(u32, u32); 28] = [
    (0x0001, 0x002F),
    (0x003A, 0x0040),
    (0x005B, 0x0060),
    (0x007B, 0x00A9),
    (0x00AB, 0x00B1),
    (0x00B4, 0x00B4),
    (0x00B6, 0x00B8),
    (0x00BB, 0x00BB),
    (0x00BF, 0x00BF),
    (0x00D7, 0x00D7),
    (0x00F7, 0x00F7),
    (0x02C2, 0x02C5),
    (0x02D2, 0x02DF),
    (0x02E5, 0x02EB),
    (0x02ED, 0x02ED),
    (0x02EF, 0x036F),
    (0x0375, 0x0375),
    (0x037E, 0x037E),
    (0x0384, 0x0385),
    (0x0387, 0x0387),
    (0x03F6, 0x03F6),
    (0x0482, 0x0489),
    (0x2000, 0x206F),
    (0x20A0, 0x20CF),
    (0x2190, 0x2BFF),
    (0x3000, 0x303F),
    (0xFE00, 0xFE0F),
    (0x1F000, 0x1FAFF),
];

fn within(ranges: &[(u32, u32)], c: char) -> bool {
    ranges
        .iter()
        .any(|&(first, last)| (first..=last).contains(&u32::from(c)))
}

/// The letter `c` folds to.
fn fold(c: char) -> char {
    FOLDS
        .iter()
        .find_map(|(from, to)| {
            let at = from.chars().position(|f| f == c)?;
            to.chars().nth(at)
        })
        .unwrap_or(c)
}

/// The words of `text`, in order, folded.
pub fn terms(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if within(&DROPPED, c) {
            continue;
        }
        if within(&SEPARATORS, c) {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
        } else {
            word.push(fold(c));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_as_sqlite_folds_them() {
        assert_eq!(
            terms("Ujë i PIJSHËM, çezma!"),
            ["uje", "i", "pijshem", "cezma"]
        );
        assert_eq!(
            terms("Čačak, Ćuprija; ŠABAC-Žabalj"),
            ["cacak", "cuprija", "sabac", "zabalj"]
        );
        assert_eq!(terms("Đakovica đak"), ["đakovica", "đak"]);
        assert_eq!(terms("ВОДА у Ђаковици"), ["вода", "у", "ђаковици"]);
        assert_eq!(terms("ZR-2026-AB12"), ["zr", "2026", "ab12"]);
        assert_eq!(terms("uje\u{0308} – “rruga” 👍🏽"), ["uje", "rruga"]);
        assert!(terms(" -- … ").is_empty());
    }

    #[test]
    fn every_fold_pairs_one_letter_with_one_letter() {
        for (from, to) in FOLDS {
            assert_eq!(from.chars().count(), to.chars().count(), "{from}");
            for c in from.chars().chain(to.chars()) {
                assert!(!within(&SEPARATORS, c) && !within(&DROPPED, c), "{c}");
            }
        }
    }
}
