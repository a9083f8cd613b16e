//! Acronyms defined in parentheses ("Long Name (ACR)", "ACR (Long Name)"),
//! names spelled out by their acronym, and standalone all-caps tokens.

use super::Kind;
use super::cand::{Cand, Occupancy, Src};
use super::doc::Doc;
use super::lexicon;
use super::lexicon::FastMap as HashMap;
use super::orgs::head_kind;
use super::tokenize::TokKind;

/// Acronyms in parentheses right after a candidate ("Long Name (ACR)") or
/// a candidate in parentheses right after an acronym ("ACR (Long Name)"),
/// and aliases (a person's name in another script in parentheses).
/// Returns new candidates linked to the ones they name.
pub fn find_definitions(doc: &Doc, cands: &[Cand], alive: &[bool], occ: &Occupancy) -> Vec<Cand> {
    let mut out = Vec::new();
    for (ci, c) in cands.iter().enumerate() {
        if !alive[ci] {
            continue;
        }
        // "Long Name (ACR)"
        let (o, x, cl) = (c.b, c.b + 1, c.b + 2);
        if doc.is_punct(o, "(") && doc.is_punct(cl, ")") && is_acronym(doc, x) && occ.free(x, x + 1)
        {
            let mut d = Cand::new(x, x + 1, doc.toks[x].span, c.kind, Src::Alias);
            d.link = Some(ci);
            out.push(d);
            continue;
        }
        // "ACR (Long Name)"
        if c.a >= 2 && doc.is_punct(c.a - 1, "(") && doc.is_punct(c.b, ")") {
            let x = c.a - 2;
            if is_acronym(doc, x) && occ.free(x, x + 1) {
                let mut d = Cand::new(x, x + 1, doc.toks[x].span, c.kind, Src::Alias);
                d.link = Some(ci);
                out.push(d);
            }
        }
    }
    out
}

/// An all-caps word of 2 to 8 letters (digits allowed after the first).
pub fn is_acronym(doc: &Doc, i: usize) -> bool {
    let Some(t) = doc.toks.get(i) else {
        return false;
    };
    if t.kind != TokKind::Word || !t.upper {
        return false;
    }
    let w = doc.word(i);
    let n = w.chars().filter(|c| c.is_alphanumeric()).count();
    (2..=8).contains(&n) && !w.contains('-')
}

/// Later standalone uses of defined acronyms, and undefined all-caps tokens
/// that look like organisation acronyms.
pub fn find_acronym_uses(
    doc: &Doc,
    cands: &[Cand],
    occ: &Occupancy,
    blocked: &[String],
) -> Vec<Cand> {
    let mut defined: HashMap<&str, usize> = HashMap::default();
    for (ci, c) in cands.iter().enumerate() {
        if c.src == Src::Alias && c.b == c.a + 1 && doc.toks[c.a].upper {
            defined.entry(doc.word(c.a)).or_insert(c.link.unwrap_or(ci));
        }
    }
    let mut out = Vec::new();
    for i in 0..doc.len() {
        if !is_acronym(doc, i) || occ.at(i).is_some() {
            continue;
        }
        let w = doc.word(i);
        if blocked.iter().any(|b| b == w) {
            continue;
        }
        if let Some(&target) = defined.get(w) {
            let mut d = Cand::new(i, i + 1, doc.toks[i].span, cands[target].kind, Src::Alias);
            d.link = Some(target);
            out.push(d);
            continue;
        }
        // "DAKAR —": a known place in capitals (a dateline).
        if let Some(k) = super::known::lookup_title_case(w, &doc_lang(doc)) {
            let mut d = Cand::new(i, i + 1, doc.toks[i].span, k.kind, Src::Known);
            d.key = Some(k.key);
            d.name = Some(k.name);
            out.push(d);
            continue;
        }
        let dateline = doc.toks[i].start
            && (doc.is_punct(i + 1, "—") || doc.is_punct(i + 1, "-") || doc.is_punct(i + 1, "–"));
        if dateline {
            out.push(Cand::new(
                i,
                i + 1,
                doc.toks[i].span,
                Kind::Place,
                Src::GuessAcronym,
            ));
            continue;
        }
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        if (3..=5).contains(&letters)
            && !w.contains('.')
            && !lexicon::is_non_org_acronym(w)
            && !doc.title_like(i)
            && !is_roman(w)
        {
            out.push(Cand::new(
                i,
                i + 1,
                doc.toks[i].span,
                Kind::Organization,
                Src::GuessAcronym,
            ));
        }
    }
    out
}

fn doc_lang(doc: &Doc) -> String {
    match doc.lang {
        super::doc::Lang::Fr => "fr".into(),
        _ => "en".into(),
    }
}

pub fn is_roman(w: &str) -> bool {
    w.chars()
        .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'))
}

/// "Centre national d'études spatiales (CNES)": when an acronym in
/// parentheses spells the initials of the words before it (link words may be
/// skipped or spelled), the whole stretch from a capitalised first word is a
/// name. Returns structure candidates; the caller drops what they contain.
pub fn find_expansions(
    doc: &Doc,
    cands: &[Cand],
    occ: &Occupancy,
    blocked: &mut Vec<String>,
) -> Vec<Cand> {
    let mut out = Vec::new();
    for x in 2..doc.len() {
        if !(doc.is_punct(x - 1, "(") && doc.is_punct(x + 1, ")") && is_acronym(doc, x)) {
            continue;
        }
        let letters: Vec<char> = super::lexicon::fold(doc.word(x))
            .chars()
            .filter(|c| c.is_alphabetic())
            .collect();
        if letters.len() < 2 {
            continue;
        }
        let end = x - 1; // the "("
        let sent = doc.toks[end].sent;
        // Try starts from far to near; keep the farthest that spells the acronym.
        let lo = end.saturating_sub(letters.len() * 3 + 2);
        let mut best: Option<usize> = None;
        for s in lo..end {
            if doc.toks[s].sent != sent || !doc.toks[s].cap || !doc.is_word(s) {
                continue;
            }
            let first = doc.lower(s);
            if lexicon::is_stopword(first) || lexicon::is_org_link(first) {
                continue;
            }
            if (s + 1..end).any(|k| doc.toks[k].nl_before || doc.toks[k].sent != sent) {
                continue;
            }
            if spells(doc, s, end, &letters) {
                best = Some(s);
                break;
            }
        }
        let Some(s) = best else { continue };
        if doc.lower(s).chars().count() < 2 || super::lexicon::is_stopword(doc.lower(s)) {
            continue;
        }
        // Already exactly a candidate? Nothing to add.
        if let Some(ci) = occ.at(s)
            && cands[ci].a == s
            && cands[ci].b == end
        {
            continue;
        }
        // Treaties, programmes and events are not entities, nor their acronyms.
        if (s..end).any(|k| doc.toks[k].cap && lexicon::is_misc_head(doc.lower(k))) {
            blocked.push(doc.word(x).to_string());
            continue;
        }
        // A person inside means it is not an organisation's name.
        if (s..end).any(|k| occ.at(k).is_some_and(|ci| cands[ci].kind == Kind::Person)) {
            continue;
        }
        let kind = (s..end)
            .find_map(|k| head_kind(doc.lower(k)))
            .unwrap_or(Kind::Organization);
        out.push(Cand::new(s, end, doc.span(s, end), kind, Src::Structure));
    }
    out
}

/// Do the words in `[s, e)` spell `letters` by their initials, link words
/// being optional and punctuation other than elision absent?
fn spells(doc: &Doc, s: usize, e: usize, letters: &[char]) -> bool {
    // Small DP over (word, letter) positions: words are few.
    let words: Vec<(char, bool)> = (s..e)
        .filter_map(|k| {
            let t = doc.toks[k];
            match t.kind {
                TokKind::Word | TokKind::Elision => {
                    let l = doc.lower(k);
                    let f = super::lexicon::fold(doc.word(k));
                    let init = f.chars().next()?;
                    let optional = t.kind == TokKind::Elision || lexicon::is_org_link(l);
                    Some((init, optional))
                }
                _ => Some(('\0', false)),
            }
        })
        .collect();
    if words.iter().any(|w| w.0 == '\0') {
        return false;
    }
    let (nw, nl) = (words.len(), letters.len());
    // reach[i][j]: first i words can spell first j letters.
    let mut reach = vec![vec![false; nl + 1]; nw + 1];
    reach[0][0] = true;
    for i in 0..nw {
        for j in 0..=nl {
            if !reach[i][j] {
                continue;
            }
            let (init, optional) = words[i];
            if optional {
                reach[i + 1][j] = true;
            }
            if j < nl && init == letters[j] {
                reach[i + 1][j + 1] = true;
            }
        }
    }
    reach[nw][nl]
}
