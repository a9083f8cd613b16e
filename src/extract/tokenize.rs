//! A single-pass tokenizer for news text in French and English.
//!
//! Words are runs of letters, digits and combining marks; inner hyphens join
//! (`Jean-Pierre`, `Avez-vous`), dotted acronyms join (`U.S.`), French
//! elision splits (`l'Afrique` -> `l'` + `Afrique`, with `'` or `’`), an
//! English possessive splits (`Putin's` -> `Putin` + `'s`). Every token knows
//! whether its capital letter may come from its position (sentence start, after
//! an opening quote or a colon) and which sentence it belongs to; a line break
//! always starts a new sentence, so nothing built on tokens spans one.

use super::Span;
use unicode_normalization::char::is_combining_mark;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (and maybe digits, hyphens, apostrophes).
    Word,
    /// Digits, maybe with inner `.`, `,`, `:` or spaces of thousands excluded.
    Number,
    /// An elided French article or pronoun with its apostrophe: `l'`, `d'`, `qu'`.
    Elision,
    /// Any other non-space character (one token per character, except `'s`).
    Punct,
}

/// One token of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokKind,
    /// The first letter is upper- or title-case.
    pub cap: bool,
    /// At least two letters, all upper-case (`AES`, `U.S.`).
    pub upper: bool,
    /// The capital letter may come from the position: first word of a
    /// sentence or a line, after an opening quote, a dash or a colon.
    pub start: bool,
    /// A line break lies between the previous token and this one.
    pub nl_before: bool,
    /// Whitespace lies between the previous token and this one.
    pub space_before: bool,
    /// Index of the sentence (a line break always starts a new one).
    pub sent: u32,
}

impl Token {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.text(text)
    }
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
    /// A single upper-case letter (an initial when a `.` follows).
    pub fn is_letter_initial(&self, text: &str) -> bool {
        let mut cs = self.text(text).chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// French elided forms that end before an apostrophe.
const ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
];

fn is_elision(word: &str) -> bool {
    word.len() <= 6 && ELISIONS.iter().any(|e| e.eq_ignore_ascii_case(word))
}

/// Words that end with a `.` without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "M", "MM", "Mme", "Mmes", "Mlle", "Mr", "Mrs", "Ms", "Dr", "Pr", "Prof", "Me", "Mgr", "St",
    "Ste", "Jr", "Sr", "Gen", "Gén", "Col", "Lt", "Sgt", "Capt", "Cpt", "Sen", "Rep", "Gov", "Adm",
    "Maj", "Rev", "etc", "vs", "cf", "av", "apr", "env", "No", "n°", "art", "p", "hon", "Hon",
    "Mt", "Ft", "Inc", "Ltd", "Co", "Corp", "janv", "févr", "avr", "juil", "sept", "oct", "nov",
    "déc", "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// True when `word` followed by `.` does not end a sentence.
pub fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.contains(&word)
}

fn first_is_upper(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase())
}

fn all_upper(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 2
}

/// Split `text` into tokens, in text order.
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.len();
    let mut out: Vec<Token> = Vec::with_capacity(bytes / 5 + 4);
    let mut sent: u32 = 0;
    // State carried to the next token.
    let mut next_start = true;
    let mut nl = false;
    let mut space = false;
    let mut new_sentence = false;
    let mut i = 0;
    while i < bytes {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let clen = c.len_utf8();
        if c.is_whitespace() {
            if c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}' {
                nl = true;
                next_start = true;
                new_sentence = true;
            }
            space = true;
            i += clen;
            continue;
        }
        let (end, kind) = if c.is_numeric() {
            (scan_number(text, i), TokKind::Number)
        } else if is_word_char(c) {
            scan_word(text, i)
        } else if is_apostrophe(c) && possessive_at(text, i) {
            (i + clen + 1, TokKind::Punct)
        } else {
            (i + clen, TokKind::Punct)
        };
        if new_sentence && !out.is_empty() {
            sent += 1;
        }
        new_sentence = false;
        let span = Span::new(i, end);
        let s = &text[i..end];
        let word = kind == TokKind::Word;
        let tok = Token {
            span,
            kind,
            cap: word && first_is_upper(s),
            upper: word && all_upper(s),
            start: next_start,
            nl_before: nl,
            space_before: space || out.is_empty(),
            sent,
        };
        // What this token does to the next one.
        match kind {
            TokKind::Word | TokKind::Number => next_start = false,
            TokKind::Elision => {}
            TokKind::Punct => match c {
                '.' | '!' | '?' | '…' => {
                    let prev_word = out
                        .last()
                        .filter(|t| t.kind == TokKind::Word && t.span.end == i);
                    let abbrev = c == '.'
                        && prev_word.is_some_and(|t| {
                            let w = t.text(text);
                            is_abbreviation(w) || t.is_letter_initial(text)
                        });
                    if !abbrev {
                        next_start = true;
                        new_sentence = true;
                    }
                }
                '«' | '“' | '"' | '(' | '[' | '—' | '–' | ':' | '‹' | '„' | '•' | '*' => {
                    next_start = true
                }
                '-' if nl || out.is_empty() => next_start = true,
                _ => {}
            },
        }
        out.push(tok);
        nl = false;
        space = false;
        i = end;
    }
    out
}

/// `'s` of an English possessive: an apostrophe, `s`, then no letter.
fn possessive_at(text: &str, i: usize) -> bool {
    let Some(prev) = text[..i].chars().next_back() else {
        return false;
    };
    if !is_word_char(prev) {
        return false;
    }
    let mut rest = text[i..].chars();
    rest.next();
    matches!(rest.next(), Some('s')) && !rest.next().is_some_and(is_word_char)
}

fn scan_number(text: &str, start: usize) -> usize {
    let b = text.as_bytes();
    let mut i = start;
    loop {
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        // Inner separators: 2,5 / 1.000 / 10:30 / 10h30.
        if i + 1 < b.len() && matches!(b[i], b'.' | b',' | b':') && b[i + 1].is_ascii_digit() {
            i += 1;
            continue;
        }
        break;
    }
    if i == start {
        // A non-ASCII numeric character.
        let c = text[start..].chars().next().map_or(1, char::len_utf8);
        return start + c;
    }
    // Trailing letters glued to digits ("1er", "21st", "10h30") stay in.
    while let Some(c) = text[i..].chars().next() {
        if is_word_char(c) {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// A word from `start`; returns its end and kind (`Elision` for `l'` and friends).
fn scan_word(text: &str, start: usize) -> (usize, TokKind) {
    let mut i = start;
    let mut chars = text[start..].char_indices().peekable();
    let mut seg_start = start;
    while let Some(&(off, c)) = chars.peek() {
        let at = start + off;
        if is_word_char(c) {
            chars.next();
            i = at + c.len_utf8();
            continue;
        }
        let after = text[at + c.len_utf8()..].chars().next();
        let after_is_word = after.is_some_and(is_word_char);
        if is_hyphen(c) && after_is_word && i == at {
            chars.next();
            seg_start = at + c.len_utf8();
            continue;
        }
        if is_apostrophe(c) && after.is_some_and(char::is_alphabetic) && i == at {
            if is_elision(&text[seg_start..at]) && seg_start == start {
                return (at + c.len_utf8(), TokKind::Elision);
            }
            if possessive_at(text, at) {
                break;
            }
            chars.next();
            continue;
        }
        if c == '.' && i == at {
            // Dotted acronym: U.S. / U.K. / J.-C. style, each piece one letter.
            let piece = &text[seg_start..at];
            if piece.chars().count() == 1
                && after.is_some_and(|a| a.is_alphabetic())
                && dotted_continues(text, at + 1)
            {
                chars.next();
                seg_start = at + 1;
                continue;
            }
            if piece.chars().count() == 1 && text[start..at].contains('.') {
                // Closing dot of a dotted acronym.
                i = at + 1;
            }
        }
        break;
    }
    (i, TokKind::Word)
}

/// After a dot at `from - 1`: one letter then a dot.
fn dotted_continues(text: &str, from: usize) -> bool {
    let mut cs = text[from..].chars();
    matches!((cs.next(), cs.next()), (Some(a), Some('.')) if a.is_alphabetic())
}

/// Index of the first token at or after byte `pos`.
pub fn token_at(tokens: &[Token], pos: usize) -> usize {
    tokens.partition_point(|t| t.span.start < pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn splits_as_expected() {
        let cases: &[(&str, &[&str])] = &[
            (
                "l'Afrique de l'Ouest",
                &["l'", "Afrique", "de", "l'", "Ouest"],
            ),
            ("coups d’État", &["coups", "d’", "État"]),
            ("jusqu'à Paris", &["jusqu'", "à", "Paris"]),
            ("Avez-vous trouvé ?", &["Avez-vous", "trouvé", "?"]),
            ("Jean-Pierre Mbemba", &["Jean-Pierre", "Mbemba"]),
            ("Putin's war", &["Putin", "'s", "war"]),
            ("O'Brien said", &["O'Brien", "said"]),
            ("aujourd'hui", &["aujourd'hui"]),
            ("the U.S. said", &["the", "U.S.", "said"]),
            ("2,5 % en 2023.", &["2,5", "%", "en", "2023", "."]),
            ("Татьяна Гуринович", &["Татьяна", "Гуринович"]),
            ("le 1er mai", &["le", "1er", "mai"]),
        ];
        for (text, want) in cases {
            assert_eq!(&words(text), want, "{text}");
        }
    }

    #[test]
    fn kinds_and_flags() {
        let text = "La Russie. M. Diop a dit « Non ».\n\nAES";
        let t = tokenize(text);
        let by = |w: &str| t.iter().find(|x| x.text(text) == w).copied().unwrap();
        assert!(by("La").start);
        assert!(!by("Russie").start);
        assert!(by("M").start);
        // "M." is an abbreviation: Diop is not at a sentence start.
        assert!(!by("Diop").start);
        assert_eq!(by("Diop").sent, by("M").sent);
        assert!(by("Non").start);
        assert!(by("AES").upper && by("AES").nl_before && by("AES").start);
        assert_ne!(by("AES").sent, by("Non").sent);
        assert_ne!(by("M").sent, by("Russie").sent);
    }

    #[test]
    fn elision_kind() {
        let text = "d'État";
        let t = tokenize(text);
        assert_eq!(t[0].kind, TokKind::Elision);
        assert!(t[1].cap && t[1].is_word());
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in [
            "",
            "'",
            "-",
            "l'",
            "A.",
            "é\u{301}",
            "1.",
            "a-",
            "x'y'",
            "U.S",
            "’s",
        ] {
            let _ = tokenize(text);
        }
    }
}
