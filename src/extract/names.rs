//! People: capitalised sequences with particles and initials, in any script,
//! with cues (honorifics, roles, apposition, verbs of saying) for single
//! words; later surname-only mentions of people already found.

use super::Kind;
use super::cand::{Cand, Occupancy, Src};
use super::doc::Doc;
use super::lexicon::FastMap as HashMap;
use super::lexicon::{self, fold};
use super::roles::{Role, role_after, role_before};
use super::tokenize::TokKind;

/// Longest person name in words.
const MAX_WORDS: usize = 5;

/// Sentence openers of a byline ("Édité par : X", "By X"): the names there
/// are the article's metadata, not actors of the story.
fn byline_opener(lower: &str) -> bool {
    matches!(
        lower,
        "édité"
            | "edité"
            | "rédigé"
            | "écrit"
            | "publié"
            | "par"
            | "by"
            | "written"
            | "edited"
            | "reported"
            | "reporting"
            | "auteur"
            | "auteurs"
            | "author"
            | "authors"
            | "photo"
            | "crédit"
            | "credit"
            | "source"
            | "texte"
            | "propos"
            | "avec"
            | "with"
    )
}

pub(crate) fn in_byline(doc: &Doc, i: usize) -> bool {
    let sent = doc.toks[i].sent;
    let mut s = i;
    while s > 0 && doc.toks[s - 1].sent == sent {
        s -= 1;
        if i - s > 12 {
            return false;
        }
    }
    if !byline_opener(doc.lower(s)) {
        return false;
    }
    // Short line without a sentence ending ("Par ailleurs, X a dit." is prose).
    let mut e = i;
    while e + 1 < doc.len() && doc.toks[e + 1].sent == sent {
        e += 1;
        if e - s > 14 {
            return false;
        }
    }
    !matches!(doc.word(e), "." | "!" | "?" | "…")
}

/// Is token `i` an initial ("J" followed by ".")?
fn initial_at(doc: &Doc, i: usize) -> bool {
    doc.toks[i].is_letter_initial(doc.text)
        && doc.is_punct(i + 1, ".")
        && doc.toks[i + 1].span.start == doc.toks[i].span.end
        && !lexicon::is_honorific(doc.lower(i))
}

/// Honorific right before token `i` ("M. Diop", "Mme Sangaré", "Dr Who").
fn honorific_before(doc: &Doc, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let mut p = i - 1;
    if doc.is_punct(p, ".") && p > 0 {
        p -= 1;
    }
    doc.is_word(p) && lexicon::is_honorific(doc.lower(p)) && doc.toks[p].cap
}

/// A verb of saying right after token `b - 1` ("X said", "X a déclaré").
fn saying_after(doc: &Doc, b: usize) -> bool {
    let l = doc.lower(b);
    if lexicon::is_saying_verb(l) {
        return true;
    }
    if matches!(l, "a" | "avait" | "aurait" | "has" | "had" | "have") {
        let mut k = b + 1;
        // "a également salué", "a notamment déclaré"
        if doc.lower(k).ends_with("ment") {
            k += 1;
        }
        return lexicon::is_saying_participle(doc.lower(k));
    }
    false
}

/// Right after a name ending at `b`: "de"/"du"/"of" and a gazetteer place
/// that ends the capitalised run. Returns the place's end.
fn place_after(doc: &Doc, b: usize, occ: &Occupancy, cands: &[Cand]) -> Option<usize> {
    let l = doc.lower(b);
    if !matches!(l, "de" | "du" | "d'") {
        return None;
    }
    let c = &cands[occ.at(b + 1)?];
    if c.a != b + 1 || c.kind != Kind::Place || c.src != Src::Known {
        return None;
    }
    if doc.is_name_word(c.b) && doc.same_sentence(c.a, c.b) {
        return None;
    }
    doc.same_sentence(b, c.a).then_some(c.b)
}

/// Words naming a group of people ("Unionists", "Républicains").
fn plural_group(w: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ists", "istes", "ians", "iens", "ives", "ites", "ards", "ains",
    ];
    let l = w.to_lowercase();
    ENDINGS.iter().any(|e| l.ends_with(e))
}

/// A verb of saying right before a name (inversion after a quote: "»,
/// a déclaré Traoré", "\", said Okafor").
fn saying_before(doc: &Doc, a: usize) -> bool {
    if a == 0 || !doc.same_sentence(a - 1, a) {
        return false;
    }
    let p = doc.lower(a - 1);
    matches!(
        p,
        "said" | "says" | "added" | "told" | "asked" | "wrote" | "explained"
    ) || matches!(
        p,
        "déclare"
            | "affirme"
            | "ajoute"
            | "explique"
            | "précise"
            | "estime"
            | "souligne"
            | "indique"
    ) || (lexicon::is_saying_participle(p)
        && a >= 2
        && matches!(doc.lower(a - 2), "a" | "avait" | "has" | "had"))
}

/// Find people on free tokens. Returns candidates (with their role linked).
pub fn find_people(
    doc: &Doc,
    occ: &Occupancy,
    cands: &[Cand],
    roles: &[Role],
    role_mask: &[bool],
) -> Vec<Cand> {
    let mut out = Vec::new();
    let n = doc.len();
    let free = |k: usize| occ.at(k).is_none() && !role_mask.get(k).copied().unwrap_or(false);
    let mut i = 0;
    while i < n {
        let t = doc.toks[i];
        if t.kind != TokKind::Word || !t.cap || !free(i) {
            i += 1;
            continue;
        }
        // Collect the run.
        let sent = t.sent;
        let same = |k: usize| doc.toks.get(k).is_some_and(|x| x.sent == sent);
        let mut j = i;
        let mut words: Vec<usize> = Vec::new();
        while j < n && same(j) && free(j) {
            let tj = doc.toks[j];
            if tj.kind != TokKind::Word {
                break;
            }
            if initial_at(doc, j) {
                words.push(j);
                j += 2;
                continue;
            }
            // A surname in capitals after a first name ("Emmanuel MACRON"), a
            // regnal number ("Mohammed VI").
            let caps_after_name = tj.upper
                && !words.is_empty()
                && !doc.toks[*words.last().unwrap_or(&j)].upper
                && (doc.word(j).chars().count() >= 3 || super::orgs::is_roman(doc.word(j)));
            let shaped = super::doc::name_shaped(doc.word(j)) && (!tj.upper || caps_after_name);
            let l = doc.lower(j);
            // A month or weekday may end a name ("Theresa May"), never start one.
            // Only months that are also names: never weekdays ("Black Friday").
            let calendar_ok = !words.is_empty()
                && matches!(
                    l,
                    "april" | "may" | "june" | "august" | "avril" | "mai" | "juin"
                )
                && doc
                    .toks
                    .get(j + 1)
                    .is_none_or(|x| x.kind != TokKind::Number);
            if shaped && (!lexicon::is_stopword(l) || calendar_ok) {
                words.push(j);
                j += 1;
                continue;
            }
            // "Marine Le Pen": a capitalised particle inside a name.
            if !words.is_empty() && super::orgs::inner_article(doc, j) && free(j + 1) {
                j += 1;
                continue;
            }
            if !words.is_empty() && !tj.cap && lexicon::is_name_particle(l) {
                // One or two particles ("de", "von der"), then a capitalised word.
                let mut k = j + 1;
                if k < n && !doc.toks[k].cap && lexicon::is_name_particle(doc.lower(k)) {
                    k += 1;
                }
                if k < n && same(k) && free(k) && doc.toks[k].cap && doc.is_word(k) {
                    j = k;
                    continue;
                }
            }
            break;
        }
        if words.is_empty() {
            i += 1;
            continue;
        }
        let end = j;
        // Trim leading honorifics, titles and words capitalised by position only.
        let mut w0 = 0;
        while w0 < words.len() {
            let k = words[w0];
            let l = doc.lower(k);
            let drop = lexicon::is_honorific(l)
                || lexicon::is_role_head(l)
                || lexicon::is_role_premodifier(l)
                || lexicon::is_org_head(l)
                || (doc.toks[k].start && !doc.is_name_word(k));
            if !drop {
                break;
            }
            w0 += 1;
        }
        let kept = &words[w0..];
        let next = end.max(i + 1);
        if kept.is_empty() || kept.len() > MAX_WORDS || in_byline(doc, kept[0]) {
            i = next;
            continue;
        }
        let mut a = kept[0];
        let last = *kept.last().unwrap_or(&a);
        // "Mme Le Pen": the capitalised particle skipped after a dropped
        // courtesy title opens the name.
        if w0 > 0 && words[w0 - 1] + 1 < a && super::orgs::inner_article(doc, a - 1) {
            a -= 1;
        }
        let b = if initial_at(doc, last) {
            last + 2
        } else {
            last + 1
        };
        // Every kept word must be name-like; an org head inside means an organisation.
        if kept.iter().any(|&k| {
            let l = doc.lower(k);
            lexicon::is_org_head(l) || lexicon::is_role_head(l) || lexicon::is_misc_head(l)
        }) {
            i = next;
            continue;
        }
        let role = role_before(doc, roles, a).or_else(|| role_after(doc, roles, b));
        let real_words = kept.iter().filter(|&&k| !initial_at(doc, k)).count();
        let honorific = honorific_before(doc, a);
        let said = saying_after(doc, b) || saying_before(doc, a);
        let cue = role.is_some() || honorific || said;
        // Common words capitalised ("Vote Leave"): every word also seen in lower case.
        if !cue && kept.iter().all(|&k| doc.seen_lower(doc.lower(k))) {
            i = next;
            continue;
        }
        // "Vote Leave", "Black Lives Matter": with no other cue, a run that opens
        // with no known given name and ends on a word the text also writes in
        // lower case is a slogan or a group, not a person.
        if !cue
            && kept.len() >= 2
            && !initial_at(doc, a)
            && !lexicon::is_first_name(doc.lower(a))
            && doc.seen_lower(doc.lower(last))
        {
            i = next;
            continue;
        }
        // "Notre-Dame de Paris": a name, then "de"/"of" and a known place, is a place.
        if !cue
            && real_words <= 2
            && let Some(p) = place_after(doc, b, occ, cands)
        {
            out.push(Cand::new(a, p, doc.span(a, p), Kind::Place, Src::Structure));
            i = p;
            continue;
        }
        // "North Yorkshire", "Portsmouth North", "Hartlepool Central": a
        // compass word opening or closing the run names a place (a county,
        // a constituency), not a person; not a people ("North Africans"),
        // nor a team in a results line ("East Fife 2").
        if !cue
            && kept.len() >= 2
            && (compass(doc.lower(a))
                || compass(doc.lower(last)) && !lexicon::is_first_name(doc.lower(a)))
            && !lexicon::demonym_shaped(doc.lower(last))
            && doc.toks.get(b).is_none_or(|t| t.kind != TokKind::Number)
        {
            out.push(Cand::new(a, b, doc.span(a, b), Kind::Place, Src::Structure));
            i = next;
            continue;
        }
        // "Unionists argued": a group, not a person.
        if real_words == 1
            && kept.len() == 1
            && !honorific
            && role.is_none()
            && plural_group(doc.word(a))
        {
            i = next;
            continue;
        }
        let accept = if doc.title_like(a) {
            cue && real_words >= 1
        } else if real_words >= 2 || (real_words == 1 && kept.len() >= 2) {
            true
        } else {
            cue && real_words == 1 && doc.word(a).chars().count() >= 2
        };
        if accept {
            let mut c = Cand::new(a, b, doc.span(a, b), Kind::Person, Src::Person);
            c.role = role;
            out.push(c);
        }
        i = next;
    }
    out
}

/// Later mentions of a person by surname (or by the last words of the
/// name): "Lavrov" after "Sergueï Lavrov", at any position.
pub fn find_surnames(doc: &Doc, occ: &Occupancy, cands: &[Cand]) -> Vec<Cand> {
    let mut surnames: HashMap<String, usize> = HashMap::default();
    for (ci, c) in cands.iter().enumerate() {
        if c.kind != Kind::Person || c.b - c.a < 2 {
            continue;
        }
        let last = c.b - 1;
        if !doc.is_word(last) || doc.word(last).chars().count() < 3 {
            continue;
        }
        // A surname that is also a common word of this text is not safe alone.
        if doc.seen_lower(doc.lower(last)) && !lexicon::is_calendar_word(doc.lower(last)) {
            continue;
        }
        let f = fold(doc.word(last));
        if lexicon::is_stopword(&f) && !lexicon::is_calendar_word(doc.lower(last)) {
            continue;
        }
        surnames.entry(f).or_insert(ci);
    }
    if surnames.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for i in 0..doc.len() {
        let t = doc.toks[i];
        if t.kind != TokKind::Word || !t.cap || occ.at(i).is_some() {
            continue;
        }
        // Not glued to a longer capitalised run ("Lavrov Foundation").
        if doc.is_name_word(i + 1) && doc.same_sentence(i, i + 1) {
            continue;
        }
        if lexicon::is_calendar_word(doc.lower(i)) && !calendar_surname_ok(doc, i) {
            continue;
        }
        if let Some(&target) = surnames.get(&fold(doc.word(i))) {
            let mut c = Cand::new(i, i + 1, t.span, Kind::Person, Src::Surname);
            c.link = Some(target);
            out.push(c);
        }
    }
    out
}

/// A month or weekday that is also a known surname counts as the person only
/// away from date context ("in May", "May 5", "début mai").
fn calendar_surname_ok(doc: &Doc, i: usize) -> bool {
    if doc
        .toks
        .get(i + 1)
        .is_some_and(|t| t.kind == TokKind::Number)
    {
        return false;
    }
    if i == 0 {
        return true;
    }
    !matches!(
        doc.lower(i - 1),
        "in" | "on"
            | "since"
            | "by"
            | "until"
            | "from"
            | "to"
            | "of"
            | "early"
            | "late"
            | "mid"
            | "en"
            | "depuis"
            | "le"
            | "début"
            | "fin"
            | "mi"
            | "de"
            | "d'"
            | "au"
            | "this"
            | "next"
            | "last"
            | "each"
            | "every"
            | "before"
            | "after"
    ) && doc.toks[i - 1].kind != TokKind::Number
}

/// Compass words that open or close the names of counties and electoral
/// constituencies (English).
fn compass(lower: &str) -> bool {
    matches!(
        lower,
        "north"
            | "south"
            | "east"
            | "west"
            | "central"
            | "northeast"
            | "northwest"
            | "southeast"
            | "southwest"
            | "north-east"
            | "north-west"
            | "south-east"
            | "south-west"
    )
}
