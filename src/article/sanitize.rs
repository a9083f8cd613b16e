//! Removal of everything that could drive a terminal: C0 controls (except
//! newline and tab), DEL, C1 controls, escape sequences (CSI, OSC, DCS, SOS,
//! PM, APC, and two-character escapes, in both their 7-bit and 8-bit forms),
//! bidirectional embedding/override/isolate characters and the byte-order mark.
//! Carriage returns become newlines. A string sequence left unterminated
//! ends with its line.

/// What a removed sequence was, for warnings and tests.
const ESC: char = '\u{1b}';
const BEL: char = '\u{07}';
const ST_8BIT: char = '\u{9c}';

/// True for characters that are dropped wherever they appear.
fn is_forbidden(c: char) -> bool {
    matches!(c,
        '\u{00}'..='\u{08}' | '\u{0b}' | '\u{0c}' | '\u{0e}'..='\u{1f}' | '\u{7f}'
        | '\u{80}'..='\u{9f}'
        // bidi embeddings, overrides and isolates
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        // byte-order mark / zero-width no-break space, interlinear annotation
        | '\u{feff}' | '\u{fff9}'..='\u{fffb}')
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Text,
    /// Just saw ESC.
    Escape,
    /// Inside ESC [ ... (or 8-bit CSI): parameters until a final byte 0x40..=0x7e.
    Csi,
    /// Inside a string sequence (OSC, DCS, SOS, PM, APC) until BEL or ST.
    Str,
    /// Inside a string sequence, just saw ESC (possibly the start of ST).
    StrEscape,
    /// ESC followed by intermediate bytes (0x20..=0x2f) until a final byte.
    EscIntermediate,
}

/// Remove controls and escape sequences, keeping newlines and tabs.
/// `\r\n` and lone `\r` become `\n`.
pub fn clean_text(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut state = State::Text;
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        state = match state {
            State::Text => text_char(c, chars.peek(), &mut out),
            State::Escape => match c {
                '[' => State::Csi,
                ']' | 'P' | 'X' | '^' | '_' => State::Str,
                '\u{20}'..='\u{2f}' => State::EscIntermediate,
                // Any other printable ASCII character completes a
                // two-character escape (ESC c, ESC 7, ESC =, ...).
                '\u{30}'..='\u{7e}' => State::Text,
                // Anything else aborts the escape and is read as text (a
                // newline stays a newline, another ESC starts over).
                c => text_char(c, chars.peek(), &mut out),
            },
            State::Csi => match c {
                '\u{40}'..='\u{7e}' => State::Text,
                '\u{20}'..='\u{3f}' => State::Csi,
                // Anything else aborts the sequence and is read as text.
                c => text_char(c, chars.peek(), &mut out),
            },
            State::EscIntermediate => match c {
                '\u{20}'..='\u{2f}' => State::EscIntermediate,
                '\u{30}'..='\u{7e}' => State::Text,
                c => text_char(c, chars.peek(), &mut out),
            },
            State::Str => match c {
                BEL | ST_8BIT => State::Text,
                ESC => State::StrEscape,
                // An unterminated string ends with its line, so that one
                // stray introducer cannot swallow the rest of an article.
                '\n' | '\r' => text_char(c, chars.peek(), &mut out),
                _ => State::Str,
            },
            State::StrEscape => match c {
                '\\' => State::Text,
                ESC => State::StrEscape,
                '\n' | '\r' => text_char(c, chars.peek(), &mut out),
                _ => State::Str,
            },
        };
    }
    out
}

/// One character of ordinary text (or one that aborted a sequence): the
/// state it leads to, with what it leaves in `out`. `next` is the character
/// after it, to fold `\r\n` into one newline.
fn text_char(c: char, next: Option<&char>, out: &mut String) -> State {
    match c {
        ESC => State::Escape,
        '\u{9b}' => State::Csi,
        '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => State::Str,
        '\r' => {
            if next != Some(&'\n') {
                out.push('\n');
            }
            State::Text
        }
        '\n' | '\t' => {
            out.push(c);
            State::Text
        }
        c if is_forbidden(c) => State::Text,
        c => {
            out.push(c);
            State::Text
        }
    }
}

/// Clean a single-line field: as [`clean_text`], then every run of whitespace
/// (newlines and tabs included) becomes one space, and the ends are trimmed.
pub fn clean_inline(input: &str) -> String {
    let cleaned = clean_text(input);
    let mut out = String::with_capacity(cleaned.len());
    for word in cleaned.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// True when `s` holds nothing that [`clean_text`] would remove or change.
pub fn is_clean(s: &str) -> bool {
    !s.chars()
        .any(|c| c == ESC || c == '\r' || (c != '\n' && c != '\t' && is_forbidden(c)))
}

/// Show `s` with every character [`clean_text`] would remove (and newlines,
/// tabs and carriage returns) written as a visible `\u{..}` escape: for text
/// that must be shown exactly but safely, such as a file name.
pub fn escape_controls(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == ESC || c == '\r' || c == '\n' || c == '\t' || is_forbidden(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_sequences_and_controls() {
        let cases: &[(&str, &str)] = &[
            ("plain text", "plain text"),
            ("a\u{1b}[2Jb", "ab"),
            ("a\u{1b}[38;5;196mred\u{1b}[0m", "ared"),
            ("x\u{1b}]52;c;aGVsbG8=\u{07}y", "xy"),
            ("x\u{1b}]0;title\u{1b}\\y", "xy"),
            (
                "\u{1b}]8;;http://e.org\u{1b}\\link\u{1b}]8;;\u{1b}\\",
                "link",
            ),
            ("d\u{1b}Pq#0;2;0;0;0\u{1b}\\e", "de"),
            ("c1\u{9b}31mred\u{9d}0;t\u{9c}!", "c1red!"),
            ("nul\u{0}bel\u{7}del\u{7f}", "nulbeldel"),
            ("\u{202e}evil\u{202c} \u{2066}iso\u{2069}", "evil iso"),
            ("\u{feff}bom", "bom"),
            ("crlf\r\nline\rcr", "crlf\nline\ncr"),
            ("tab\tkept\nnewline", "tab\tkept\nnewline"),
            ("reset\u{1b}cdone", "resetdone"),
            ("charset\u{1b}(Bdone", "charsetdone"),
            ("unterminated\u{1b}]52;c;AAAA", "unterminated"),
            (
                "a\u{1b}]0;never closed\r\nnext\u{9d}x\nlast",
                "a\nnext\nlast",
            ),
            ("Сергей é 日本 z\u{200d}w", "Сергей é 日本 z\u{200d}w"),
            // Found by fuzzing: a carriage return that aborts a CSI stayed raw.
            ("\u{9b}\r", "\n"),
            ("a\u{1b}[\r\nb", "a\nb"),
            ("a\u{1b}(\nb", "a\nb"),
            ("a\u{1b}\u{9b}2Jb", "ab"),
        ];
        for (input, want) in cases {
            let got = clean_text(input);
            assert_eq!(&got, want, "input {input:?}");
            assert!(is_clean(&got), "{got:?} still dirty");
        }
    }

    #[test]
    fn escape_controls_shows_what_it_hides() {
        assert_eq!(escape_controls("plain é 日本.txt"), "plain é 日本.txt");
        assert_eq!(
            escape_controls("a\u{1b}]0;t\u{7}\u{9b}\u{202e}b\n"),
            "a\\u{1b}]0;t\\u{7}\\u{9b}\\u{202e}b\\u{a}"
        );
        assert!(is_clean(&escape_controls("\u{0}\u{85}\u{2066}\r")));
    }

    #[test]
    fn inline_collapses_whitespace() {
        assert_eq!(clean_inline("  a\n\tb \u{1b}[1m c  "), "a b c");
    }
}
