//! French for what the reader shows: the notes core's reasons put in French
//! ([`reason`]) and French typography's spaces before `? ! : ;`
//! ([`typeset`]). Both only change what is drawn, never the stored article
//! text or notes.

use crate::ui::i18n::{Lang, Words};

/// The notes core's reasons (outbox, HTTP client, Hypothesis), as English
/// template and French template (see the `reason_*` entries of the table).
const REASONS: &[fn(Words) -> &'static str] = &[
    Words::reason_after_attempts,
    Words::reason_server_wait,
    Words::reason_stays_queued,
    Words::reason_token,
    Words::reason_moved,
    Words::reason_cannot_send,
    Words::reason_not_http,
    Words::reason_not_annotation,
    Words::reason_no_id,
    Words::reason_search_unreadable,
    Words::reason_api_not_http,
    Words::reason_unreadable,
    Words::reason_http_400,
    Words::reason_http_401,
    Words::reason_http_403,
    Words::reason_http_404,
    Words::reason_http_408,
    Words::reason_http_409,
    Words::reason_http_413,
    Words::reason_http_422,
    Words::reason_http_429,
    Words::reason_http_500,
    Words::reason_http_502,
    Words::reason_http_503,
    Words::reason_http_504,
    Words::reason_store_io,
    Words::reason_no_note,
    Words::reason_encode,
];

/// What the notes store could not do (the `{action}` of `reason_store_io`).
const ACTIONS: &[fn(Words) -> &'static str] = &[
    Words::action_create_folder,
    Words::action_create_file,
    Words::action_create_notes_folder,
    Words::action_cut_torn,
    Words::action_end_line,
    Words::action_inspect,
    Words::action_lock,
    Words::action_open,
    Words::action_open_file,
    Words::action_read,
    Words::action_replace,
    Words::action_save,
    Words::action_sync,
    Words::action_write,
];

/// `en` in French when it is one of `table`'s entries, else as it is.
fn lookup(table: &[fn(Words) -> &'static str], en: &str) -> String {
    table
        .iter()
        .find(|e| e(Words::new(Lang::En)) == en)
        .map_or(en, |e| e(Words::new(Lang::Fr)))
        .to_string()
}

/// A reason from the notes core in `w`'s language: in French, each of the
/// core's own phrases is put in French (nested ones too); what the server
/// or the network library said stays as it is.
pub fn reason(w: Words, text: &str) -> String {
    if !w.is_fr() {
        return text.to_string();
    }
    for entry in REASONS {
        let (en, fr) = (entry(Words::new(Lang::En)), entry(Words::new(Lang::Fr)));
        if let Some(values) = match_template(en, text) {
            let mut out = fr.to_string();
            for (name, value) in values {
                let value = match name.as_str() {
                    "message" => reason(w, value),
                    "action" => lookup(ACTIONS, value),
                    _ => value.to_string(),
                };
                out = out.replace(&format!("{{{name}}}"), &value);
            }
            return out;
        }
    }
    text.to_string()
}

/// The `{name}` values that make `template` equal to `text`: each literal
/// piece is found at its first place after the previous one; the first is a
/// prefix, the last a suffix.
fn match_template<'t>(template: &str, text: &'t str) -> Option<Vec<(String, &'t str)>> {
    let mut pieces = Vec::new();
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let close = rest[open..].find('}')? + open;
        pieces.push(&rest[..open]);
        names.push(rest[open + 1..close].to_string());
        rest = &rest[close + 1..];
    }
    pieces.push(rest);
    let mut at = text.strip_prefix(pieces[0]).map(|_| pieces[0].len())?;
    let mut values = Vec::new();
    let last = pieces.len() - 1;
    for (i, name) in names.into_iter().enumerate() {
        let piece = pieces[i + 1];
        let end = if i + 1 == last {
            if !text[at..].ends_with(piece) || text.len() - piece.len() < at {
                return None;
            }
            text.len() - piece.len()
        } else {
            at + text[at..].find(piece)?
        };
        values.push((name, &text[at..end]));
        at = end + piece.len();
    }
    (at == text.len()).then_some(values)
}

/// French text as French typography sets it: the space before `?`, `!` and
/// `;` becomes a narrow no-break space (U+202F), the one before `:` a
/// no-break space (U+00A0), so the sign never starts a line when the text
/// is wrapped. Other text is returned as it is.
pub fn typeset(w: Words, text: &str) -> String {
    if !w.is_fr() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' {
            match chars.peek() {
                Some('?' | '!' | ';') => out.push('\u{202F}'),
                Some(':') => out.push('\u{A0}'),
                _ => out.push(c),
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const FR: Words = Words { lang: Lang::Fr };
    const EN: Words = Words { lang: Lang::En };

    #[test]
    fn the_cores_reasons_are_put_in_french_nested_ones_too() {
        let table = [
            (
                "HTTP 503 Service Unavailable: busy (after 5 attempts; it stays queued)",
                "HTTP 503 service indisponible: busy (après 5 essais ; elle reste en attente)",
            ),
            (
                "cannot send to http://127.0.0.1:9/x: bad uri (the server asks to wait 900s; it stays queued)",
                "envoi impossible vers http://127.0.0.1:9/x : bad uri (le serveur demande d'attendre 900 s ; elle reste en attente)",
            ),
            (
                "the endpoint \"ftp://x\" is not an http(s) URL",
                "l'adresse d'envoi \"ftp://x\" n'est pas une URL http(s)",
            ),
            ("HTTP 500", "HTTP 500"),
            (
                "/tmp/n.jsonl: cannot lock the notes file: Permission denied",
                "/tmp/n.jsonl : impossible de verrouiller le fichier des notes : Permission denied",
            ),
            ("something else", "something else"),
        ];
        for (en, fr) in table {
            assert_eq!(reason(FR, en), fr, "{en}");
            assert_eq!(reason(EN, en), en);
        }
    }

    #[test]
    fn templates_match_only_the_whole_text() {
        assert!(match_template("a {x} b", "a 1 b c").is_none());
        assert!(match_template("a {x} b", "z a 1 b").is_none());
        let v = match_template("{m}: moved to {l}", "x: y: moved to z").unwrap();
        assert_eq!(v[0].1, "x: y");
        assert_eq!(v[1].1, "z");
    }

    #[test]
    fn french_signs_keep_their_word_and_urls_are_left_alone() {
        assert_eq!(
            typeset(FR, "Une erreur ? Oui ! Note : ceci ; cela http://a:b"),
            "Une erreur\u{202F}? Oui\u{202F}! Note\u{A0}: ceci\u{202F}; cela http://a:b"
        );
        assert_eq!(typeset(EN, "Why ?"), "Why ?");
    }
}
