//! Serbian Latin to Serbian Cyrillic, letter for letter.
//!
//! Serbian's two scripts map one to one (with the digraphs lj, nj and dž as single letters), so
//! the Cyrillic interface, category names and institution names are derived from the Latin
//! text instead of being translated twice. Letters that Serbian does not use are kept.

/// Transliterates Serbian Latin text to Cyrillic.
pub fn to_cyrillic(latin: &str) -> String {
    let chars: Vec<char> = latin.chars().collect();
    let mut out = String::with_capacity(latin.len() * 2);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if let Some(cyr) = next.and_then(|n| digraph(c, n)) {
            out.push(cyr);
            i += 2;
            continue;
        }
        out.push(letter(c).unwrap_or(c));
        i += 1;
    }
    out
}

fn digraph(first: char, second: char) -> Option<char> {
    let upper = first.is_uppercase();
    let cyr = match (first.to_ascii_lowercase(), second.to_lowercase().next()?) {
        ('l', 'j') => 'љ',
        ('n', 'j') => 'њ',
        ('d', 'ž') => 'џ',
        _ => {
            // `Dž` / `DŽ`: the first letter is ASCII, the second is not
            if matches!(first, 'd' | 'D') && matches!(second, 'ž' | 'Ž') {
                'џ'
            } else {
                return None;
            }
        }
    };
    Some(if upper { to_upper(cyr) } else { cyr })
}

fn to_upper(c: char) -> char {
    c.to_uppercase().next().unwrap_or(c)
}

fn letter(c: char) -> Option<char> {
    let lower = c.to_lowercase().next()?;
    let cyr = match lower {
        'a' => 'а',
        'b' => 'б',
        'c' => 'ц',
        'č' => 'ч',
        'ć' => 'ћ',
        'd' => 'д',
        'đ' => 'ђ',
        'e' => 'е',
        'f' => 'ф',
        'g' => 'г',
        'h' => 'х',
        'i' => 'и',
        'j' => 'ј',
        'k' => 'к',
        'l' => 'л',
        'm' => 'м',
        'n' => 'н',
        'o' => 'о',
        'p' => 'п',
        'r' => 'р',
        's' => 'с',
        'š' => 'ш',
        't' => 'т',
        'u' => 'у',
        'v' => 'в',
        'z' => 'з',
        'ž' => 'ж',
        _ => return None,
    };
    Some(if c.is_uppercase() { to_upper(cyr) } else { cyr })
}

/// Transliterates the text of a Fluent resource written in Serbian Latin, leaving its syntax
/// alone: comments, message and term identifiers, attribute names, variant keys, and everything
/// inside `{ }` (variables, selectors, term references) stay as written.
pub fn fluent_source_to_cyrillic(source: &str) -> String {
    let mut out = String::with_capacity(source.len() * 2);
    for line in source.split_inclusive('\n') {
        if line.trim_start().starts_with('#') {
            out.push_str(line);
            continue;
        }
        let prefix_len = syntax_prefix_len(line);
        out.push_str(&line[..prefix_len]);
        transliterate_outside_placeables(&line[prefix_len..], &mut out);
    }
    out
}

/// The length of the part of a line that is Fluent syntax rather than text:
/// `id =`, `-term =`, `    .attr =`, or `    *[key]`.
fn syntax_prefix_len(line: &str) -> usize {
    let indent = line.len() - line.trim_start().len();
    let rest = &line[indent..];
    let is_ident_char = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    if let Some(after_star) = rest.strip_prefix('*').or(Some(rest))
        && after_star.starts_with('[')
        && let Some(close) = after_star.find(']')
    {
        return indent + (rest.len() - after_star.len()) + close + 1;
    }
    let body = rest
        .strip_prefix('.')
        .or_else(|| rest.strip_prefix('-'))
        .unwrap_or(rest);
    let ident_len = body.chars().take_while(|c| is_ident_char(*c)).count();
    if ident_len > 0 {
        let after = body[ident_len..].trim_start_matches(' ');
        if after.starts_with('=') {
            let eq = line.len() - after.len();
            return eq + 1;
        }
    }
    indent
}

fn transliterate_outside_placeables(text: &str, out: &mut String) {
    let mut depth = 0usize;
    let mut plain = String::new();
    for c in text.chars() {
        match c {
            '{' => {
                out.push_str(&to_cyrillic(&plain));
                plain.clear();
                depth += 1;
                out.push(c);
            }
            '}' => {
                out.push_str(&to_cyrillic(&plain));
                plain.clear();
                depth = depth.saturating_sub(1);
                out.push(c);
            }
            _ if depth > 0 => out.push(c),
            _ => plain.push(c),
        }
    }
    out.push_str(&to_cyrillic(&plain));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digraphs_and_case() {
        assert_eq!(to_cyrillic("Ljubljana"), "Љубљана");
        assert_eq!(to_cyrillic("Njegoš"), "Његош");
        assert_eq!(to_cyrillic("džep Džamija"), "џеп Џамија");
        assert_eq!(to_cyrillic("Đakovica"), "Ђаковица");
        assert_eq!(to_cyrillic("Čišćenje snega i leda"), "Чишћење снега и леда");
        assert_eq!(to_cyrillic("ZR-7K3M, 15.12.2026"), "ЗР-7К3М, 15.12.2026");
    }

    #[test]
    fn fluent_syntax_is_left_alone() {
        let src = "# komentar\nhome-title = Moje žalbe\n    .label = Pošalji\nitems = { $count ->\n    [one] { $count } žalba\n   *[other] { $count } žalbi\n}\nbrand = { -app-name } je tu\n";
        let cyr = fluent_source_to_cyrillic(src);
        assert_eq!(
            cyr,
            "# komentar\nhome-title = Моје жалбе\n    .label = Пошаљи\nitems = { $count ->\n    [one] { $count } жалба\n   *[other] { $count } жалби\n}\nbrand = { -app-name } је ту\n"
        );
    }
}
