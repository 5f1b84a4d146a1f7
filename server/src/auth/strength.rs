//! What a staff password must be: at least [`MIN_CHARS`] characters, at most [`MAX_CHARS`] (the
//! hashing's work stays bounded), and not guessable: zxcvbn, which knows tens of thousands of
//! common passwords, names, words, keyboard walks, dates, repeats and l33t spellings, must rate
//! it at least "safely unguessable" (score 3 of 4, about 10^10 guesses), counting the account's
//! own username and name, and the words of this service, as known to a guesser.

use zxcvbn::Score;

pub const MIN_CHARS: usize = 12;
pub const MAX_CHARS: usize = 128;

/// Words anyone guessing a Zëri password would try first.
const SERVICE_WORDS: [&str; 8] = [
    "zeri",
    "zëri",
    "kosovo",
    "kosova",
    "prishtina",
    "prishtine",
    "komuna",
    "institucioni",
];

/// Why `password` will not do for the account of `username` named `display_name`: the code of
/// the refusal, or `None` if it is strong enough.
pub fn refusal(password: &str, username: &str, display_name: &str) -> Option<&'static str> {
    let length = password.chars().count();
    if length < MIN_CHARS {
        return Some("password_too_short");
    }
    if length > MAX_CHARS {
        return Some("password_too_long");
    }
    let mut known: Vec<&str> = SERVICE_WORDS.to_vec();
    known.extend([username, display_name]);
    known.extend(display_name.split_whitespace());
    known.extend(username.split(['.', '-', '_']));
    let rated = zxcvbn::zxcvbn(password, &known);
    (rated.score() < Score::Three).then_some("password_too_guessable")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_common_or_personal_passwords_are_refused_and_passphrases_pass() {
        assert_eq!(refusal("short", "a.b", "A B"), Some("password_too_short"));
        assert_eq!(
            refusal(&"x".repeat(129), "a.b", "A B"),
            Some("password_too_long")
        );
        for weak in [
            "password1234",
            "qwertyuiop123",
            "111111111111",
            "Prishtina2026",
            "drita.berisha1",
            "drita.berisha2026",
            "qwertyuiop[]",
        ] {
            assert_eq!(
                refusal(weak, "drita.berisha", "Drita Berisha"),
                Some("password_too_guessable"),
                "{weak}"
            );
        }
        for strong in [
            "tram violet kettle spoon",
            "Gjilan-lumi-7-dardha-e-kuqe",
            "correct horse battery staple",
        ] {
            assert_eq!(
                refusal(strong, "drita.berisha", "Drita Berisha"),
                None,
                "{strong}"
            );
        }
    }
}
