//! The extraction passes over one candidate [`Arena`], in order (see
//! [`PASSES`]): gazetteer, structures, directional places, expansions, roles,
//! context cues, acronym definitions, people, later forms, tagged names,
//! parenthesised forms, echoes, affiliations; then
//! dates are laid out with the entities as mentions, and actors are built.
//!
//! A pass is a named function `fn(&mut State)`: it reads what the earlier
//! passes left in the [`State`] and adds to it. A new pass is one function
//! and one line in [`PASSES`].

use super::actors::{self, Groups};
use super::cand::{Arena, Cand, Occupancy, Src};
use super::doc::{Doc, Lang, align_known};
use super::roles::Role;
use super::{
    Analysis, Context, Kind, Mention, TimeExpr, dates, known, lexicon, names, orgs, places, roles,
    tagger,
};

/// Words before a place name that support an ambiguous gazetteer match.
fn place_context(lower: &str) -> bool {
    matches!(
        lower,
        "à" | "au"
            | "aux"
            | "en"
            | "de"
            | "du"
            | "des"
            | "d'"
            | "l'"
            | "le"
            | "la"
            | "les"
            | "vers"
            | "dans"
            | "sur"
            | "depuis"
            | "par"
            | "in"
            | "to"
            | "from"
            | "at"
            | "of"
            | "the"
            | "near"
            | "across"
            | "into"
            | "via"
            | "toward"
            | "towards"
            | "between"
            | "entre"
            | "and"
            | "et"
            | ","
    )
}

/// What the passes share: the document, the candidate arena and what the
/// passes learn besides candidates.
pub struct State<'d, 'a> {
    pub doc: &'d Doc<'a>,
    /// BCP 47 tag of the text's language (for the gazetteer).
    pub lang: &'d str,
    pub arena: Arena,
    /// The gazetteer's matches aligned to tokens (set by [`gazetteer`]).
    pub known: Vec<(known::Known, usize, usize)>,
    /// Per token: the gazetteer candidate on it (set by [`gazetteer`]).
    pub known_at: Vec<Option<usize>>,
    /// Acronyms whose expansion names a treaty or programme: never organisations.
    pub blocked: Vec<String>,
    pub roles: Vec<Role>,
    /// Tokens inside a role phrase and outside any candidate.
    pub role_mask: Vec<bool>,
    /// Pairs of candidates that are forms of one actor.
    pub pairs: Vec<(usize, usize)>,
}

impl<'d, 'a> State<'d, 'a> {
    pub fn new(doc: &'d Doc<'a>, lang: &'d str) -> State<'d, 'a> {
        let n = doc.len();
        State {
            doc,
            lang,
            arena: Arena::new(n),
            known: Vec::new(),
            known_at: vec![None; n],
            blocked: Vec::new(),
            roles: Vec::new(),
            role_mask: vec![false; n],
            pairs: Vec::new(),
        }
    }
}

/// A pass over the shared state.
pub type Pass = fn(&mut State);

/// The candidate passes, in the order they run.
pub const PASSES: &[(&str, Pass)] = &[
    ("gazetteer", gazetteer),
    ("structures", structures),
    ("directional", directional),
    ("institutions", institutions),
    ("expansions", expansions),
    ("roles", role_phrases),
    ("context", context_cues),
    ("definitions", definitions),
    ("people", people),
    ("later_forms", later_forms),
    ("tagged", tagged),
    ("parenthesised", parenthesised),
    ("echoes", echoes),
    ("affiliations", affiliations),
];

pub fn run(text: &str, ctx: &Context) -> Analysis {
    let doc = Doc::new(text, Lang::from_tag(&ctx.lang));
    let mut st = State::new(&doc, &ctx.lang);
    for (_, pass) in PASSES {
        pass(&mut st);
    }
    let dates = dates::find_dates(text, ctx);
    let (mut mentions, mention_of) = lay_out(&st.arena, &dates);
    let actors = build_actors(&mut st, &mention_of, &mut mentions);
    Analysis {
        mentions,
        actors,
        dates,
    }
}

/// Gazetteer matches, aligned to tokens; an ambiguous form is trusted where a
/// place word precedes it, and then everywhere in the text.
fn gazetteer(st: &mut State) {
    let doc = st.doc;
    let known = align_known(doc, known::find(doc.text, st.lang));
    let unambiguous_keys: lexicon::FastSet<&str> = known
        .iter()
        .filter(|(k, _, _)| !k.ambiguous)
        .map(|(k, _, _)| k.key.as_str())
        .collect();
    let supported_keys: lexicon::FastSet<&str> = known
        .iter()
        .filter(|(k, _, _)| k.ambiguous)
        .filter(|&&(_, a, b)| {
            a > 0
                && a < b
                && doc.same_sentence(a - 1, a)
                && place_context(doc.lower(a - 1))
                && !(doc.is_name_word(b) && doc.same_sentence(a, b))
        })
        .map(|(k, _, _)| k.key.as_str())
        .collect();
    for (k, a, b) in &known {
        let (a, b) = (*a, *b);
        if a >= b {
            continue;
        }
        if k.ambiguous && !unambiguous_keys.contains(k.key.as_str()) {
            let glued_name = doc.is_name_word(b) && doc.same_sentence(a, b);
            let supported = supported_keys.contains(k.key.as_str());
            if !supported || glued_name || k.kind == Kind::Nationality && doc.toks[a].cap {
                continue;
            }
        }
        if inside_misc_name(doc, a, b) || k.acronym && blocked_by_misc(doc, a) {
            continue;
        }
        let mut c = Cand::new(a, b, k.span, k.kind, Src::Known);
        c.key = Some(k.key.clone());
        c.name = Some(k.name.clone());
        st.arena.push_unclaimed(c);
    }
    for (ci, c) in st.arena.cands.iter().enumerate() {
        for slot in st.known_at.iter_mut().take(c.b).skip(c.a) {
            *slot = Some(ci);
        }
    }
    st.known = known;
}

/// "Treaty of Rome", "Treaty on European Union": a place inside the name of a
/// treaty, event or programme is not a mention; nor is one naming a document
/// ("Northern Ireland Protocol").
fn inside_misc_name(doc: &Doc, a: usize, b: usize) -> bool {
    (a >= 2
        && matches!(doc.lower(a - 1), "of" | "on" | "de" | "du" | "d'")
        && doc.toks[a - 2].cap
        && lexicon::is_misc_head(doc.lower(a - 2)))
        || doc.toks.get(b).is_some_and(|t| t.cap) && lexicon::is_document_head(doc.lower(b))
}

/// Structures (unknown organisations and places) may swallow gazetteer spans;
/// then every live candidate claims its tokens.
fn structures(st: &mut State) {
    let found = orgs::find_structures(st.doc, &st.known_at, &st.arena.cands);
    let arena = &mut st.arena;
    for s in found {
        let mut inside: Vec<usize> = (s.a..s.b)
            .filter_map(|k| st.known_at[k])
            .filter(|&ci| arena.alive[ci] && arena.cands[ci].a >= s.a && arena.cands[ci].b <= s.b)
            .collect();
        inside.dedup();
        // A structure that is exactly one gazetteer span adds nothing.
        if inside.len() == 1 && arena.cands[inside[0]].a == s.a && arena.cands[inside[0]].b == s.b {
            continue;
        }
        for ci in inside {
            arena.alive[ci] = false;
        }
        arena.push_unclaimed(s);
    }
    arena.occupy_alive();
}

/// "Northern Ireland", "Afrique du Nord": a new place around a known one.
fn directional(st: &mut State) {
    let doc = st.doc;
    let arena = &mut st.arena;
    for (ci, a, b) in places::directional(doc, &arena.cands, &arena.alive) {
        let (oa, ob) = (arena.cands[ci].a, arena.cands[ci].b);
        if !(arena.occ.free(a, oa) && arena.occ.free(ob, b)) {
            continue;
        }
        let c = &mut arena.cands[ci];
        c.a = a;
        c.b = b;
        c.span = doc.span(a, b);
        c.key = None;
        c.name = None;
        c.src = Src::Structure;
        arena.occ.take(a, b, ci);
    }
}

/// Names with a lower-case head ("tribunal correctionnel de Lyon", "rue de
/// Varenne"), which replace the candidates they contain.
fn institutions(st: &mut State) {
    let found = super::institutions::find(st.doc, &st.arena.occ, &st.arena.cands);
    replace_inside(&mut st.arena, found);
}

/// Add each new candidate whose tokens are free or held by candidates lying
/// wholly inside it, which it replaces.
fn replace_inside(arena: &mut Arena, found: Vec<Cand>) {
    for s in found {
        let (a, b) = (s.a, s.b);
        if !(a..b).all(|k| {
            arena
                .occ
                .at(k)
                .is_none_or(|ci| arena.cands[ci].a >= a && arena.cands[ci].b <= b)
        }) {
            continue;
        }
        arena.evict(a, b);
        let at = arena.push_unclaimed(s);
        arena.occ.take(a, b, at);
    }
}

/// Names spelled out by an acronym in parentheses, which replace the
/// candidates they contain.
fn expansions(st: &mut State) {
    let found = orgs::find_expansions(st.doc, &st.arena.cands, &st.arena.occ, &mut st.blocked);
    replace_inside(&mut st.arena, found);
}

/// Role phrases, and the tokens they cover outside any candidate (no person
/// or organisation starts there).
fn role_phrases(st: &mut State) {
    st.roles = roles::find_roles(st.doc, &st.arena.occ, &st.arena.cands);
    for r in &st.roles {
        for k in r.a..r.b.min(st.role_mask.len()) {
            if st.arena.occ.at(k).is_none() {
                st.role_mask[k] = true;
            }
        }
    }
}

/// Places and organisations from a cue word next to them.
fn context_cues(st: &mut State) {
    let found = places::find_by_context(st.doc, &st.arena.occ, &st.arena.cands);
    st.arena.push_all(found);
    let found = orgs::find_by_context(st.doc, &st.arena.occ);
    st.arena.push_all(found);
}

/// Acronym definitions and aliases next to what is known so far.
fn definitions(st: &mut State) {
    let arena = &st.arena;
    let defs = orgs::find_definitions(st.doc, &arena.cands, &arena.alive, &arena.occ);
    st.arena.push_all(defs);
    link_known_acronyms(st.doc, &st.arena.cands, &st.arena.alive, &mut st.pairs);
}

/// People (and "Name de Place" places, which swallow their place), then
/// their forms in a caseless script in parentheses.
fn people(st: &mut State) {
    let arena = &st.arena;
    let found = names::find_people(st.doc, &arena.occ, &arena.cands, &st.roles, &st.role_mask);
    for c in found {
        if c.kind == Kind::Place {
            st.arena.evict(c.a, c.b);
        }
        st.arena.push(c);
    }
    let arena = &st.arena;
    let aliases = caseless_aliases(st.doc, &arena.cands, &arena.alive, &arena.occ);
    st.arena.push_all(aliases);
}

/// Acronyms used later and guessed ones, surnames alone, places after a
/// locative.
fn later_forms(st: &mut State) {
    let doc = st.doc;
    let uses = orgs::find_acronym_uses(doc, &st.arena.cands, &st.arena.occ, &st.blocked);
    st.arena.push_all(uses);
    let surnames = names::find_surnames(doc, &st.arena.occ, &st.arena.cands);
    st.arena.push_all(surnames);
    let locative = places::find_after_locative(doc, &st.arena.occ);
    st.arena.push_all(locative);
}

/// Names the statistical tagger finds where no rule put anything (in lines
/// written in capitals, the rules' guesses from capitals alone give way).
fn tagged(st: &mut State) {
    let arena = &mut st.arena;
    tagger::drop_caps_guesses(st.doc, &arena.cands, &mut arena.alive, &mut arena.occ);
    let found = tagger::propose(st.doc, &st.known, &st.arena.occ, &st.role_mask);
    st.arena.push_all(found);
}

/// "Name (Имя)" pairs: one actor.
fn parenthesised(st: &mut State) {
    link_parenthesised(st.doc, &st.arena.cands, &st.arena.alive, &mut st.pairs);
}

/// Later forms of organisations named in full (see [`orgs::find_echoes`]).
fn echoes(st: &mut State) {
    let arena = &st.arena;
    let found = orgs::find_echoes(st.doc, &arena.cands, &arena.alive, &arena.occ);
    st.arena.push_all(found);
}

/// The nationality, place or organisation each role ties its holder to.
fn affiliations(st: &mut State) {
    roles::affiliations_inside(&mut st.roles, &st.arena.cands, &st.arena.alive);
    roles::infer_affiliations(st.doc, &mut st.roles, &st.arena.cands, &st.arena.alive);
}

/// Mentions: the live candidates in text order, then dates where they do not
/// collide. Returns the mentions and, per candidate, its mention.
fn lay_out(arena: &Arena, dates: &[TimeExpr]) -> (Vec<Mention>, Vec<Option<usize>>) {
    let cands = &arena.cands;
    let mut order: Vec<usize> = arena.live().collect();
    order.sort_by_key(|&i| (cands[i].span.start, cands[i].span.end));
    let mut mentions: Vec<Mention> = Vec::with_capacity(order.len() + dates.len());
    let mut mention_of: Vec<Option<usize>> = vec![None; cands.len()];
    let mut di = 0;
    let mut last_end = 0;
    let mut push_dates_until = |limit: usize, mentions: &mut Vec<Mention>, last_end: &mut usize| {
        while di < dates.len() && dates[di].span.start < limit {
            let s = dates[di].span;
            if s.start >= *last_end && s.end <= limit {
                mentions.push(Mention {
                    span: s,
                    kind: Kind::Date,
                    actor: None,
                    date: Some(di),
                });
                *last_end = s.end;
            }
            di += 1;
        }
    };
    for &ci in &order {
        let c = &cands[ci];
        push_dates_until(c.span.start, &mut mentions, &mut last_end);
        if c.span.start < last_end {
            continue;
        }
        mention_of[ci] = Some(mentions.len());
        mentions.push(Mention {
            span: c.span,
            kind: c.kind,
            actor: None,
            date: None,
        });
        last_end = c.span.end;
    }
    push_dates_until(usize::MAX, &mut mentions, &mut last_end);
    (mentions, mention_of)
}

/// Actors: candidates linked by the passes, people merged by name, then one
/// actor per group with its role.
fn build_actors(
    st: &mut State,
    mention_of: &[Option<usize>],
    mentions: &mut [Mention],
) -> Vec<super::Actor> {
    let arena = &st.arena;
    let mut groups = Groups::new(arena.cands.len());
    for (i, c) in arena.cands.iter().enumerate() {
        if let Some(t) = c.link {
            groups.union(i, t);
        }
    }
    for &(x, y) in &st.pairs {
        groups.union(x, y);
    }
    actors::merge_people(st.doc, &arena.cands, &arena.alive, &mut groups);
    actors::build(
        st.doc,
        &arena.cands,
        mention_of,
        &mut groups,
        &st.roles,
        mentions,
    )
}

/// "Long Name (ACR)" where both are known or the acronym is known: one actor.
fn link_known_acronyms(doc: &Doc, cands: &[Cand], alive: &[bool], pairs: &mut Vec<(usize, usize)>) {
    let mut starts: lexicon::FastMap<usize, usize> = lexicon::FastMap::default();
    for (i, c) in cands.iter().enumerate() {
        if alive[i] {
            starts.insert(c.a, i);
        }
    }
    for (i, c) in cands.iter().enumerate() {
        if !alive[i] || c.src == Src::Alias {
            continue;
        }
        if doc.is_punct(c.b, "(")
            && doc.is_punct(c.b + 2, ")")
            && let Some(&j) = starts.get(&(c.b + 1))
            && cands[j].kind == c.kind
            && orgs::is_acronym(doc, c.b + 1)
        {
            pairs.push((i, j));
        }
    }
}

/// "Name (Имя)": a same-kind candidate alone in parentheses right after
/// another is another form of it.
fn link_parenthesised(doc: &Doc, cands: &[Cand], alive: &[bool], pairs: &mut Vec<(usize, usize)>) {
    let mut starts: lexicon::FastMap<usize, usize> = lexicon::FastMap::default();
    for (i, c) in cands.iter().enumerate() {
        if alive[i] {
            starts.insert(c.a, i);
        }
    }
    for (i, c) in cands.iter().enumerate() {
        if !alive[i] || !doc.is_punct(c.b, "(") {
            continue;
        }
        if let Some(&j) = starts.get(&(c.b + 1))
            && doc.is_punct(cands[j].b, ")")
            && cands[j].kind == c.kind
            && c.kind == Kind::Person
        {
            pairs.push((i, j));
        }
    }
}

/// "Xi Jinping (习近平)": words of a script without case, alone in
/// parentheses right after a person, are another form of the name.
fn caseless_aliases(doc: &Doc, cands: &[Cand], alive: &[bool], occ: &Occupancy) -> Vec<Cand> {
    let mut out = Vec::new();
    for (i, c) in cands.iter().enumerate() {
        if !alive[i] || c.kind != Kind::Person || c.src != Src::Person || !doc.is_punct(c.b, "(") {
            continue;
        }
        let mut k = c.b + 1;
        while k < doc.len() && doc.is_word(k) && caseless(doc.word(k)) && k - c.b <= 4 {
            k += 1;
        }
        if k > c.b + 1 && doc.is_punct(k, ")") && occ.free(c.b + 1, k) {
            let mut d = Cand::new(c.b + 1, k, doc.span(c.b + 1, k), Kind::Person, Src::Alias);
            d.link = Some(i);
            out.push(d);
        }
    }
    out
}

fn caseless(w: &str) -> bool {
    w.chars()
        .all(|c| c.is_alphabetic() && !c.is_uppercase() && !c.is_lowercase())
}

/// An acronym in parentheses right after a name of a treaty or programme.
fn blocked_by_misc(doc: &Doc, a: usize) -> bool {
    a >= 2
        && doc.is_punct(a - 1, "(")
        && doc.toks[a - 2].cap
        && lexicon::is_misc_head(doc.lower(a - 2))
}

#[cfg(test)]
#[path = "pipeline_tests.rs"]
mod tests;
