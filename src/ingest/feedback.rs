//! The publisher's closing "report an error" boilerplate, in French and
//! English: a prompt ("Avez-vous trouvé une erreur ?", "Found an error?",
//! "Signaler une erreur", "Report an error") and often a promise after it
//! ("Nous étudierons vos commentaires ...", "We will review your feedback").
//!
//! Only the last few paragraphs are examined, and a paragraph counts only
//! when it is short and addressed to the reader, so that a sentence about an
//! error in the story itself stays in the body.

use crate::article::Feedback;

/// How many closing paragraphs may hold the boilerplate.
const TAIL: usize = 4;
/// Longest paragraph (in characters) that can be a prompt or a promise.
const MAX_LEN: usize = 240;

/// Words naming an error.
const ERROR_WORDS: &[&str] = &[
    "erreur",
    "erreurs",
    "inexactitude",
    "inexactitudes",
    "coquille",
    "coquilles",
    "faute",
    "fautes",
    "imprécision",
    "imprecision",
    "erroné",
    "erronée",
    "erronés",
    "erronées",
    "inexact",
    "inexacte",
    "inexacts",
    "inexactes",
    "incorrect",
    "incorrecte",
    "error",
    "errors",
    "mistake",
    "mistakes",
    "inaccuracy",
    "inaccuracies",
    "inaccurate",
    "typo",
    "typos",
    "wrong",
    "correction",
    "corrections",
    "errata",
    "erratum",
];

/// Words that make a prompt out of a question about an error.
const QUESTION_CUES: &[&str] = &[
    "vous",
    "votre",
    "vos",
    "you",
    "your",
    "trouvé",
    "trouve",
    "repéré",
    "repere",
    "remarqué",
    "remarque",
    "constaté",
    "constate",
    "relevé",
    "releve",
    "found",
    "spotted",
    "spot",
    "noticed",
    "notice",
    "see",
    "seen",
    "saw",
    "cet article",
    "cette page",
    "ce texte",
    "cette dépêche",
    "this article",
    "this story",
    "this page",
    "this report",
    "un problème",
    "a problem",
    "did we",
];

/// Imperatives that make a prompt out of a phrase about an error.
const REPORT_VERBS: &[&str] = &[
    "signaler",
    "signalez",
    "report",
    "flag",
    "suggest",
    "submit",
    "send",
    "envoyez",
    "proposer",
    "proposez",
    "contact",
    "contactez",
    "tell us",
    "let us know",
    "dites nous",
    "faites nous",
    "request a correction",
    "demander une correction",
];

/// Words that show a short paragraph after the prompt is the publisher speaking.
const PROMISE_CUES: &[&str] = &[
    "nous",
    "notre",
    "nos",
    "merci",
    "n'hésitez",
    "n’hésitez",
    "we",
    "we'll",
    "we’ll",
    "our",
    "us",
    "thank",
    "thanks",
    "contact",
    "contactez",
    "écrivez",
    "write",
    "e-mail",
    "email",
    "courriel",
];

/// Find the boilerplate among the last paragraphs, remove it from
/// `paragraphs`, and return it.
pub fn extract(paragraphs: &mut Vec<String>) -> Option<Feedback> {
    let start = paragraphs.len().saturating_sub(TAIL);
    let at = (start..paragraphs.len()).find(|&i| prompt_split(&paragraphs[i]).is_some())?;
    let (prompt, mut promise) = prompt_split(&paragraphs[at])?;
    let mut remove = at..at + 1;
    if promise.is_none()
        && let Some(next) = paragraphs.get(at + 1)
        && is_promise(next)
    {
        promise = Some(next.trim().to_string());
        remove = at..at + 2;
    }
    let endpoint = std::iter::once(prompt.as_str())
        .chain(promise.as_deref())
        .find_map(find_endpoint);
    paragraphs.drain(remove);
    Some(Feedback {
        prompt,
        promise,
        endpoint,
    })
}

/// When `paragraph` starts with a prompt, the prompt and what follows it in
/// the same paragraph (a promise).
fn prompt_split(paragraph: &str) -> Option<(String, Option<String>)> {
    let p = paragraph.trim();
    if p.is_empty() || p.chars().count() > MAX_LEN {
        return None;
    }
    let (first, rest) = first_sentence(p);
    if !is_prompt(first) {
        return None;
    }
    let rest = rest.trim();
    let promise = if rest.is_empty() {
        None
    } else if is_promise(rest) || is_prompt(rest) {
        Some(rest.to_string())
    } else {
        return None;
    };
    Some((first.trim().to_string(), promise))
}

/// The first sentence (up to and including `?`, `!` or `.`) and the rest.
fn first_sentence(p: &str) -> (&str, &str) {
    let mut chars = p.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(c, '?' | '!' | '.') && chars.peek().is_none_or(|(_, n)| n.is_whitespace()) {
            let end = i + c.len_utf8();
            return (&p[..end], &p[end..]);
        }
    }
    (p, "")
}

fn lower_words(s: &str) -> String {
    // Pad with spaces so that cues can be matched as whole words.
    let mut out = String::from(" ");
    for w in s
        .to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '@')))
        .filter(|w| !w.is_empty())
    {
        out.push_str(w);
        out.push(' ');
    }
    out
}

fn has_word(words: &str, cue: &str) -> bool {
    words.contains(&format!(" {} ", cue.trim()))
}

fn is_prompt(sentence: &str) -> bool {
    let s = sentence.trim();
    if s.is_empty() || s.chars().count() > 160 {
        return false;
    }
    let words = lower_words(s);
    // "Avez-vous" splits as one word; look at its parts too.
    let words = format!("{words}{}", words.replace('-', " "));
    if !ERROR_WORDS.iter().any(|w| has_word(&words, w)) {
        return false;
    }
    let question = s.ends_with('?');
    let all_words: Vec<String> = lower_words(s)
        .replace('-', " ")
        .split_whitespace()
        .map(String::from)
        .collect();
    // "Signaler une erreur", "Report an error", "Click here to report an error".
    let opening = format!(
        " {} ",
        all_words
            .iter()
            .take(4)
            .cloned()
            .collect::<Vec<_>>()
            .join(" ")
    );
    let imperative = all_words.len() <= 12 && REPORT_VERBS.iter().any(|v| has_word(&opening, v));
    let addressed = QUESTION_CUES.iter().any(|c| has_word(&words, c));
    (question && addressed) || imperative
}

fn is_promise(p: &str) -> bool {
    let p = p.trim();
    if p.is_empty() || p.chars().count() > MAX_LEN || p.split_whitespace().count() > 40 {
        return false;
    }
    let words = lower_words(p);
    let words = format!("{words}{}", words.replace('-', " "));
    p.contains('@') || PROMISE_CUES.iter().any(|c| has_word(&words, c))
}

/// An URL or an e-mail address in `s` (an address becomes a `mailto:` URL).
fn find_endpoint(s: &str) -> Option<String> {
    s.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| matches!(c, '.' | ',' | ';' | ')' | '(' | '<' | '>' | '"'))
        })
        .find_map(|w| {
            if w.starts_with("https://") || w.starts_with("http://") || w.starts_with("mailto:") {
                Some(w.to_string())
            } else if w.contains('@')
                && w.split('@').count() == 2
                && w.rsplit('@').next().is_some_and(|d| d.contains('.'))
            {
                Some(format!("mailto:{w}"))
            } else {
                None
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(paras: &[&str]) -> (Option<Feedback>, Vec<String>) {
        let mut v: Vec<String> = paras.iter().map(|s| s.to_string()).collect();
        let f = extract(&mut v);
        (f, v)
    }

    #[test]
    fn recognises_prompts_and_promises() {
        let cases: &[(&[&str], &str, Option<&str>)] = &[
            (
                &[
                    "Corps.",
                    "Avez-vous trouvé une erreur ou une inexactitude ?",
                    "Nous étudierons vos commentaires dans les plus brefs délais.",
                ],
                "Avez-vous trouvé une erreur ou une inexactitude ?",
                Some("Nous étudierons vos commentaires dans les plus brefs délais."),
            ),
            (
                &["Corps.", "Vous avez repéré une erreur ?"],
                "Vous avez repéré une erreur ?",
                None,
            ),
            (
                &[
                    "Corps.",
                    "Une erreur dans cet article ? Écrivez-nous à corrections@example.org.",
                ],
                "Une erreur dans cet article ?",
                Some("Écrivez-nous à corrections@example.org."),
            ),
            (
                &["Corps.", "Signaler une erreur"],
                "Signaler une erreur",
                None,
            ),
            (
                &["Body.", "Found an error? Let us know and we will fix it."],
                "Found an error?",
                Some("Let us know and we will fix it."),
            ),
            (
                &[
                    "Body.",
                    "Spotted a mistake?",
                    "We will review your feedback as soon as possible.",
                ],
                "Spotted a mistake?",
                Some("We will review your feedback as soon as possible."),
            ),
            (
                &["Body.", "See an error in this story?"],
                "See an error in this story?",
                None,
            ),
            (
                &[
                    "Body.",
                    "Report an error",
                    "Thank you for helping us keep our reporting accurate.",
                ],
                "Report an error",
                Some("Thank you for helping us keep our reporting accurate."),
            ),
            (
                &[
                    "Body.",
                    "Did we get something wrong?",
                    "Tell our standards editor.",
                ],
                "Did we get something wrong?",
                Some("Tell our standards editor."),
            ),
            (
                &["Corps.", "Cliquez ici pour signaler une erreur"],
                "Cliquez ici pour signaler une erreur",
                None,
            ),
            (
                &["Corps.", "Vous avez relevé une information erronée ?"],
                "Vous avez relevé une information erronée ?",
                None,
            ),
        ];
        for (paras, prompt, promise) in cases {
            let (f, rest) = run(paras);
            let f = f.unwrap_or_else(|| panic!("no prompt in {paras:?}"));
            assert_eq!(f.prompt, *prompt);
            assert_eq!(f.promise.as_deref(), *promise);
            assert_eq!(rest.len(), 1, "{rest:?}");
        }
        let (f, _) = run(&[
            "Body.",
            "Une erreur dans cet article ? Écrivez-nous à corrections@example.org.",
        ]);
        assert_eq!(
            f.and_then(|f| f.endpoint).as_deref(),
            Some("mailto:corrections@example.org")
        );
    }

    #[test]
    fn leaves_story_text_alone() {
        for paras in [
            &[
                "Le ministre a-t-il commis une erreur ?",
                "Un.",
                "Deux.",
                "Trois.",
                "Quatre.",
            ][..],
            &["Was it a mistake?"][..],
            &[
                "The court found an error in the ruling and sent the case back to the lower court, which must now decide again.",
            ][..],
            &["Une erreur de calcul a retardé le lancement de la fusée de trois jours."][..],
            &[
                "Report errors cost the agency millions of dollars last year, according to the audit office.",
            ][..],
            &[
                "Avez-vous trouvé une erreur ?",
                "Premier paragraphe.",
                "Deuxième.",
                "Troisième.",
                "Quatrième.",
            ][..],
        ] {
            let (f, rest) = run(paras);
            assert_eq!(f, None, "{paras:?}");
            assert_eq!(rest.len(), paras.len());
        }
        // "campus " holds "us " but is no promise.
        let (f, rest) = run(&["Found an error?", "The campus bus left at noon."]);
        assert_eq!(f.map(|f| f.promise), Some(None));
        assert_eq!(rest, ["The campus bus left at noon."]);
    }
}
