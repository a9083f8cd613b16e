//! A small tokenizer for the date grammar: words, numbers, punctuation and
//! paragraph breaks, with byte spans into the text.

use super::lexicon::{Entry, lexicon};
use unicode_normalization::UnicodeNormalization;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tk {
    /// A run of letters. `entries` is what the lexicon knows about it.
    Word,
    /// A run of ASCII digits: value (saturating) and digit count.
    Num { v: u32, digits: u8 },
    /// Digits followed by an ordinal suffix ("1er", "3rd", "21st", "20e").
    Ordinal { v: u32 },
    /// Four digits ending in 0 followed by "s" ("1990s"), or two ("90s").
    Decade { v: u32, digits: u8 },
    /// Letters and digits mixed ("A380", "2020x"): never part of a date.
    Other,
    /// One punctuation or symbol character.
    Punct(char),
    /// A blank line: no date crosses it.
    Break,
}

/// How a word is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    Lower,
    /// First letter upper case, at least one lower case letter after it.
    Title,
    Upper,
    Mixed,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Tk,
    pub case: Case,
    /// Lexicon entries for a word (empty for anything else).
    pub entries: &'static [Entry],
    /// The word lower-cased (and composed), as a range into [`Tokens::lower`];
    /// empty for anything else and for words over 24 bytes.
    pub lo: (u32, u32),
    /// Whitespace between the previous token and this one.
    pub space_before: bool,
    /// The whitespace before this token holds a line break.
    pub newline_before: bool,
}

impl Tok {
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Tk::Punct(c)
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// The tokens of a text, and their lower-cased forms.
pub(crate) struct Tokens {
    pub toks: Vec<Tok>,
    /// Every word's lower-cased form, back to back.
    pub lower: String,
}

/// Split `text` into tokens. Blank lines become [`Tk::Break`].
pub(crate) fn tokenize(text: &str) -> Tokens {
    let lex = lexicon();
    let mut toks = Vec::with_capacity(text.len() / 5 + 1);
    let mut all_lower = String::with_capacity(text.len() / 2);
    let mut lower = String::with_capacity(16);
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut space_before = false;
    let mut newlines = 0u32;
    while i < bytes.len() {
        let b = bytes[i];
        // Fast path for ASCII whitespace.
        if b == b' ' || b == b'\t' || b == b'\r' {
            space_before = true;
            i += 1;
            continue;
        }
        if b == b'\n' {
            space_before = true;
            newlines += 1;
            if newlines == 2 {
                toks.push(Tok {
                    start: i,
                    end: i,
                    kind: Tk::Break,
                    case: Case::Lower,
                    entries: &[],
                    lo: (0, 0),
                    space_before: true,
                    newline_before: true,
                });
            }
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if c.is_whitespace() {
            space_before = true;
            if matches!(c, '\u{2028}' | '\u{2029}') {
                newlines += 2;
            }
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut tok = Tok {
            start,
            end: start,
            kind: Tk::Other,
            case: Case::Lower,
            entries: &[],
            lo: (0, 0),
            space_before,
            newline_before: newlines > 0,
        };
        if c.is_alphanumeric() {
            // A run of letters, digits and combining marks.
            let mut letters = 0usize;
            let mut digits = 0usize;
            let mut upper = 0usize;
            let mut first_upper = false;
            // ASCII letters and digits byte by byte; the first other byte
            // hands over to the char loop (which sees the same classes).
            let mut j = i;
            while j < bytes.len() {
                let b = bytes[j];
                if b.is_ascii_digit() {
                    digits += 1;
                } else if b.is_ascii_alphabetic() {
                    if b.is_ascii_uppercase() {
                        upper += 1;
                        if letters == 0 {
                            first_upper = true;
                        }
                    }
                    letters += 1;
                } else {
                    break;
                }
                j += 1;
            }
            let mut end = j;
            let rest = if j < bytes.len() && bytes[j] >= 0x80 {
                &text[j..]
            } else {
                ""
            };
            for (off, ch) in rest.char_indices() {
                if ch.is_ascii_digit() {
                    digits += 1;
                } else if ch.is_alphabetic() {
                    if ch.is_uppercase() {
                        upper += 1;
                        if letters == 0 {
                            first_upper = true;
                        }
                    }
                    letters += 1;
                } else if !(is_mark(ch) || ch.is_alphanumeric()) {
                    break;
                }
                end = j + off + ch.len_utf8();
            }
            tok.end = end;
            tok.case = if upper == 0 {
                Case::Lower
            } else if upper == letters && letters > 1 {
                Case::Upper
            } else if first_upper && upper == 1 {
                Case::Title
            } else {
                Case::Mixed
            };
            if letters == 0 && digits > 0 {
                tok.kind = num_kind(&text[start..end]);
            } else if digits == 0 {
                tok.kind = Tk::Word;
                if end - start <= 24 {
                    lower.clear();
                    let word = &text[start..end];
                    if word.is_ascii() {
                        lower.push_str(word);
                        lower.make_ascii_lowercase();
                    } else {
                        for ch in word.chars() {
                            lower.extend(ch.to_lowercase());
                        }
                    }
                    if !lower.is_ascii() && lower.chars().any(is_mark) {
                        // Decomposed accents ("e" + U+0301): look up the composed form.
                        lower = lower.nfc().collect();
                    }
                    tok.entries = lex.get(&lower);
                    let a = all_lower.len();
                    all_lower.push_str(&lower);
                    tok.lo = (a as u32, all_lower.len() as u32);
                }
            } else {
                let run = &text[start..end];
                let split = run.find(|c: char| !c.is_ascii_digit()).unwrap_or(run.len());
                if split > 0 && !run[split..].bytes().any(|b| b.is_ascii_digit()) {
                    tok.kind = suffixed_number(&run[..split], &run[split..]);
                }
            }
        } else {
            tok.kind = Tk::Punct(if is_apostrophe(c) { '\'' } else { c });
            tok.end = i + c.len_utf8();
        }
        i = tok.end.max(i + 1);
        toks.push(tok);
        space_before = false;
        newlines = 0;
    }
    Tokens {
        toks,
        lower: all_lower,
    }
}

pub(crate) fn is_mark(c: char) -> bool {
    // Combining diacritical marks and their supplements.
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn num_kind(s: &str) -> Tk {
    let digits = s.len().min(255) as u8;
    let mut v: u32 = 0;
    for b in s.bytes() {
        v = v.saturating_mul(10).saturating_add(u32::from(b - b'0'));
    }
    Tk::Num { v, digits }
}

fn suffixed_number(num: &str, suffix: &str) -> Tk {
    let Tk::Num { v, digits } = num_kind(num) else {
        return Tk::Other;
    };
    let suf = suffix.to_lowercase();
    match suf.as_str() {
        "st" | "nd" | "rd" | "th" | "er" | "re" | "e" | "è" | "ème" | "eme" | "ᵉ" | "ᵉʳ"
            if digits <= 2 =>
        {
            Tk::Ordinal { v }
        }
        "s" if (digits == 4 || digits == 2) && v % 10 == 0 => Tk::Decade { v, digits },
        _ => Tk::Other,
    }
}
