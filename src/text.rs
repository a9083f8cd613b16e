//! Text knowledge shared by extraction, evaluation, the notes and the reader:
//! case and accent folding ([`Fold`]) and byte <-> code-point offsets
//! ([`byte_to_char`], [`char_to_byte`], [`OffsetMap`]). The one place for them.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// How to fold text for comparing it. Every fold decomposes (NFD), drops the
/// combining marks and lower-cases; the options say what else it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fold {
    /// Typographic apostrophes (’ ʼ) become `'` and non-breaking hyphens `-`:
    /// the keys of the word lists.
    pub plain_punctuation: bool,
    /// For names: also ‘ ` ´ become `'`; hyphens and dashes are spaces; runs
    /// of whitespace are one space; punctuation at either end is trimmed.
    pub name: bool,
    /// For the reader's search and filter: every typographic apostrophe
    /// (’ ‘ ʼ) is `'` and every typographic double quote (« » “ ” „) is `"`,
    /// one character for one, so that a match still maps back to the text.
    pub quotes: bool,
}

impl Fold {
    /// Case and accents only, character by character (the reader's search and
    /// filter: a match maps back to the original text).
    pub const SEARCH: Fold = Fold {
        plain_punctuation: false,
        name: false,
        quotes: true,
    };
    /// The word lists' keys (`extract::lexicon::fold`).
    pub const LEXICON: Fold = Fold {
        plain_punctuation: true,
        name: false,
        quotes: false,
    };
    /// Names compared by the evaluation (`eval::names::fold`): "Assimi Goïta"
    /// and "assimi  GOITA" fold equal, so do "Saint-Louis" and "Saint Louis".
    pub const NAME: Fold = Fold {
        plain_punctuation: true,
        name: true,
        quotes: false,
    };

    /// What a base character (no combining mark) becomes, before lower-casing.
    fn punctuation(self, c: char) -> char {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02bc}' if self.quotes => '\'',
            '«' | '»' | '\u{201c}' | '\u{201d}' | '\u{201e}' if self.quotes => '"',
            '\u{2019}' | '\u{02bc}' if self.plain_punctuation => '\'',
            '\u{2018}' | '`' | '\u{b4}' if self.name => '\'',
            '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' if self.name => ' ',
            '\u{2010}' | '\u{2011}' if self.plain_punctuation => '-',
            c => c,
        }
    }

    /// Push the folded form of one character of the original text.
    pub fn push_char(self, c: char, out: &mut String) {
        if c.is_ascii() && !self.name {
            out.push(c.to_ascii_lowercase());
            return;
        }
        for d in std::iter::once(c).nfd() {
            if is_combining_mark(d) {
                continue;
            }
            out.extend(self.punctuation(d).to_lowercase());
        }
    }

    /// The folded text.
    pub fn apply(self, s: &str) -> String {
        if self.name {
            return self.apply_name(s);
        }
        if s.is_ascii() {
            return s.to_ascii_lowercase();
        }
        // one decomposition of the whole text (cheaper than one a character)
        let mut out = String::with_capacity(s.len());
        for d in s.nfd() {
            if !is_combining_mark(d) {
                out.extend(self.punctuation(d).to_lowercase());
            }
        }
        out
    }

    fn apply_name(self, name: &str) -> String {
        let mut out = String::with_capacity(name.len());
        let mut pending_space = false;
        for c in name.nfd() {
            if is_combining_mark(c) {
                continue;
            }
            let c = self.punctuation(c);
            if c.is_whitespace() {
                pending_space = !out.is_empty();
                continue;
            }
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.extend(c.to_lowercase());
        }
        let trimmed = out.trim_matches(|c: char| !c.is_alphanumeric());
        if trimmed.len() == out.len() {
            out
        } else {
            trimmed.to_string()
        }
    }
}

/// Byte offset to code-point offset in `text`. `byte` must be a char boundary
/// (it is clamped to the text length).
pub fn byte_to_char(text: &str, byte: usize) -> usize {
    let byte = byte.min(text.len());
    text[..byte].chars().count()
}

/// Code-point offset to byte offset in `text` (clamped to the text length).
pub fn char_to_byte(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map(|(b, _)| b)
        .unwrap_or(text.len())
}

/// Byte <-> code-point offsets for many spans of one text, built in one pass
/// (memory proportional to the number of non-ASCII characters), each lookup
/// O(log n). Agrees with [`byte_to_char`] / [`char_to_byte`].
#[derive(Debug, Clone)]
pub struct OffsetMap {
    len_bytes: usize,
    len_chars: usize,
    /// For each multi-byte character: its byte offset, its code-point offset,
    /// and the extra bytes (beyond one per character) up to and including it.
    wide: Vec<(usize, usize, usize)>,
}

impl OffsetMap {
    pub fn new(text: &str) -> OffsetMap {
        let mut wide = Vec::new();
        let mut extra = 0;
        let mut chars = 0;
        for (b, c) in text.char_indices() {
            let n = c.len_utf8();
            if n > 1 {
                extra += n - 1;
                wide.push((b, chars, extra));
            }
            chars += 1;
        }
        OffsetMap {
            len_bytes: text.len(),
            len_chars: chars,
            wide,
        }
    }

    /// Number of code points in the text.
    pub fn len_chars(&self) -> usize {
        self.len_chars
    }

    /// Code-point offset of a byte offset (clamped to the text; an offset
    /// inside a character counts as that character's start).
    pub fn to_char(&self, byte: usize) -> usize {
        let byte = byte.min(self.len_bytes);
        // Multi-byte characters that start strictly before `byte`.
        let i = self.wide.partition_point(|&(b, _, _)| b < byte);
        if i == 0 {
            return byte;
        }
        let (b, c, extra) = self.wide[i - 1];
        let end = b + (extra - if i >= 2 { self.wide[i - 2].2 } else { 0 }) + 1;
        if byte < end { c } else { byte - extra }
    }

    /// Byte offset of a code-point offset, or `None` past the end of the text.
    pub fn to_byte(&self, ch: usize) -> Option<usize> {
        if ch > self.len_chars {
            return None;
        }
        // Multi-byte characters that start strictly before code point `ch`.
        let i = self.wide.partition_point(|&(_, c, _)| c < ch);
        Some(if i == 0 { ch } else { ch + self.wide[i - 1].2 })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_folds_keep_their_callers_behaviour() {
        // (text, search, lexicon, name)
        let cases: &[(&str, &str, &str, &str)] = &[
            ("Goïta", "goita", "goita", "goita"),
            ("Goi\u{308}ta", "goita", "goita", "goita"),
            ("ÉTAT", "etat", "etat", "etat"),
            ("d’État", "d'etat", "d'etat", "d'etat"),
            ("lʼÉlysée", "l'elysee", "l'elysee", "l'elysee"),
            ("Татьяна", "татьяна", "татьяна", "татьяна"),
            (
                "Saint\u{2011}Louis",
                "saint\u{2011}louis",
                "saint-louis",
                "saint louis",
            ),
            (
                "  ÉTATS-Unis ",
                "  etats-unis ",
                "  etats-unis ",
                "etats unis",
            ),
            ("«Sahel»", "\"sahel\"", "«sahel»", "sahel"),
            ("“Sahel”", "\"sahel\"", "“sahel”", "sahel"),
            ("l‘Afrique", "l'afrique", "l‘afrique", "l'afrique"),
            ("İstanbul", "istanbul", "istanbul", "istanbul"),
            ("東京", "東京", "東京", "東京"),
            ("", "", "", ""),
        ];
        for &(text, search, lexicon, name) in cases {
            assert_eq!(Fold::SEARCH.apply(text), search, "search {text:?}");
            assert_eq!(Fold::LEXICON.apply(text), lexicon, "lexicon {text:?}");
            assert_eq!(Fold::NAME.apply(text), name, "name {text:?}");
        }
    }

    #[test]
    fn char_by_char_folding_equals_the_whole_fold() {
        for text in [
            "Sergueï Lavrov, Гуринович",
            "Zoe\u{301} à 京都",
            "d’État‑major",
        ] {
            for fold in [Fold::SEARCH, Fold::LEXICON] {
                let mut out = String::new();
                for c in text.chars() {
                    fold.push_char(c, &mut out);
                }
                assert_eq!(out, fold.apply(text), "{text:?}");
            }
        }
    }

    #[test]
    fn offset_map_agrees_with_the_plain_functions() {
        for text in [
            "",
            "plain ascii",
            "Édité par : Татьяна Гуринович",
            "日本 é x\u{301} 🇫🇷 z",
            "ééé",
        ] {
            let map = OffsetMap::new(text);
            assert_eq!(map.len_chars(), text.chars().count());
            for (b, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let c = byte_to_char(text, b);
                assert_eq!(map.to_char(b), c, "{text:?} byte {b}");
                assert_eq!(map.to_byte(c), Some(char_to_byte(text, c)), "{text:?}");
                assert_eq!(char_to_byte(text, c), b);
            }
            assert_eq!(map.to_byte(map.len_chars() + 1), None);
        }
        let map = OffsetMap::new("aé");
        assert_eq!(map.to_char(2), 1);
        assert_eq!(map.to_char(99), 2);
    }
}
