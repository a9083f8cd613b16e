//! The extraction passes, in order: tokens, gazetteer, structures, roles,
//! acronym definitions, people, acronym uses, surnames, dates; then actors.

use super::actors::{self, Groups};
use super::cand::{Cand, Occupancy, Src};
use super::doc::{Doc, Lang, align_known};
use super::{
    Analysis, Context, Kind, Mention, dates, known, lexicon, names, orgs, places, roles, tagger,
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

pub fn run(text: &str, ctx: &Context) -> Analysis {
    let lang = Lang::from_tag(&ctx.lang);
    let doc = Doc::new(text, lang);
    let n = doc.len();
    let mut cands: Vec<Cand> = Vec::new();

    // 1. Gazetteer matches, aligned to tokens; ambiguous ones need support.
    let known = align_known(&doc, known::find(text, &ctx.lang));
    let unambiguous_keys: lexicon::FastSet<&str> = known
        .iter()
        .filter(|(k, _, _)| !k.ambiguous)
        .map(|(k, _, _)| k.key.as_str())
        .collect();
    // An ambiguous form is trusted where a place word precedes it, and then
    // everywhere in the text.
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
        // "Treaty of Rome", "Treaty on European Union": a place inside the
        // name of a treaty, event or programme is not a mention.
        if a >= 2
            && matches!(doc.lower(a - 1), "of" | "on" | "de" | "du" | "d'")
            && doc.toks[a - 2].cap
            && lexicon::is_misc_head(doc.lower(a - 2))
        {
            continue;
        }
        // "Northern Ireland Protocol": the place names a document.
        if doc.toks.get(b).is_some_and(|t| t.cap) && lexicon::is_document_head(doc.lower(b)) {
            continue;
        }
        // Also skip any acronym of a treaty ("(TCA)" after its name).
        if k.acronym && blocked_by_misc(&doc, a) {
            continue;
        }
        let mut c = Cand::new(a, b, k.span, k.kind, Src::Known);
        c.key = Some(k.key.clone());
        c.name = Some(k.name.clone());
        cands.push(c);
    }
    let mut known_at: Vec<Option<usize>> = vec![None; n];
    for (ci, c) in cands.iter().enumerate() {
        for slot in known_at.iter_mut().take(c.b).skip(c.a) {
            *slot = Some(ci);
        }
    }

    // 2. Structures (unknown organisations and places) may swallow gazetteer spans.
    let mut alive: Vec<bool> = vec![true; cands.len()];
    for s in orgs::find_structures(&doc, &known_at, &cands) {
        // A structure that is exactly one gazetteer span adds nothing.
        let mut inside: Vec<usize> = (s.a..s.b)
            .filter_map(|k| known_at[k])
            .filter(|&ci| alive[ci] && cands[ci].a >= s.a && cands[ci].b <= s.b)
            .collect();
        inside.dedup();
        if inside.len() == 1 && cands[inside[0]].a == s.a && cands[inside[0]].b == s.b {
            continue;
        }
        for ci in inside {
            alive[ci] = false;
        }
        cands.push(s);
        alive.push(true);
    }
    let mut occ = Occupancy::new(n);
    for (ci, c) in cands.iter().enumerate() {
        if alive[ci] {
            occ.take(c.a, c.b, ci);
        }
    }

    // 2a. "Northern Ireland", "Afrique du Nord": a new place around a known one.
    for (ci, a, b) in places::directional(&doc, &cands, &alive) {
        let (oa, ob) = (cands[ci].a, cands[ci].b);
        if !(occ.free(a, oa) && occ.free(ob, b)) {
            continue;
        }
        let c = &mut cands[ci];
        c.a = a;
        c.b = b;
        c.span = doc.span(a, b);
        c.key = None;
        c.name = None;
        c.src = Src::Structure;
        occ.take(a, b, ci);
    }

    // 2b. Names spelled out by an acronym in parentheses.
    let mut blocked: Vec<String> = Vec::new();
    for s in orgs::find_expansions(&doc, &cands, &occ, &mut blocked) {
        if !(s.a..s.b).all(|k| {
            occ.at(k)
                .is_none_or(|ci| cands[ci].a >= s.a && cands[ci].b <= s.b)
        }) {
            continue;
        }
        for k in s.a..s.b {
            if let Some(ci) = occ.at(k) {
                alive[ci] = false;
            }
        }
        occ.release(s.a, s.b);
        occ.take(s.a, s.b, cands.len());
        cands.push(s);
        alive.push(true);
    }

    // 3. Roles, and the tokens they cover (no person or organisation there).
    let mut roles = roles::find_roles(&doc, &occ, &cands);
    let mut role_mask = vec![false; n];
    for r in &roles {
        for (k, m) in role_mask.iter_mut().enumerate().take(r.b).skip(r.a) {
            if occ.at(k).is_none() {
                *m = true;
            }
        }
    }

    // 3b. Places from a place noun next to them.
    let by_context = places::find_by_context(&doc, &occ, &cands);
    push_all(&mut cands, &mut alive, &mut occ, by_context);
    let by_context = orgs::find_by_context(&doc, &occ);
    push_all(&mut cands, &mut alive, &mut occ, by_context);

    // 4. Acronym definitions and aliases next to what is known so far.
    let mut groups_pairs: Vec<(usize, usize)> = Vec::new();
    let defs = orgs::find_definitions(&doc, &cands, &alive, &occ);
    push_all(&mut cands, &mut alive, &mut occ, defs);
    link_known_acronyms(&doc, &cands, &alive, &mut groups_pairs);

    // 5. People (and "Name de Place" places, which swallow their place).
    let people = names::find_people(&doc, &occ, &cands, &roles, &role_mask);
    for c in people {
        if c.kind == Kind::Place {
            for k in c.a..c.b {
                if let Some(ci) = occ.at(k) {
                    alive[ci] = false;
                }
            }
            occ.release(c.a, c.b);
        }
        push_all(&mut cands, &mut alive, &mut occ, vec![c]);
    }
    let aliases = caseless_aliases(&doc, &cands, &alive, &occ);
    push_all(&mut cands, &mut alive, &mut occ, aliases);

    // 6. Acronyms used later, and guessed ones; surnames.
    let uses = orgs::find_acronym_uses(&doc, &cands, &occ, &blocked);
    push_all(&mut cands, &mut alive, &mut occ, uses);
    let surnames = names::find_surnames(&doc, &occ, &cands);
    push_all(&mut cands, &mut alive, &mut occ, surnames);
    let locative = places::find_after_locative(&doc, &occ);
    push_all(&mut cands, &mut alive, &mut occ, locative);
    // 6b. Names the statistical tagger finds where no rule put anything.
    tagger::drop_caps_guesses(&doc, &cands, &mut alive, &mut occ);
    let tagged = tagger::propose(&doc, &known, &occ, &role_mask);
    push_all(&mut cands, &mut alive, &mut occ, tagged);
    link_parenthesised(&doc, &cands, &alive, &mut groups_pairs);
    roles::infer_affiliations(&doc, &mut roles, &cands, &alive);

    // 7. Mentions: entities, then dates where they do not collide.
    let mut order: Vec<usize> = (0..cands.len()).filter(|&i| alive[i]).collect();
    order.sort_by_key(|&i| (cands[i].span.start, cands[i].span.end));
    let dates = dates::find_dates(text, ctx);
    let mut mentions: Vec<Mention> = Vec::with_capacity(order.len() + dates.len());
    let mut mention_of: Vec<Option<usize>> = vec![None; cands.len()];
    let mut di = 0;
    let mut last_end = 0;
    let push_dates_until = |limit: usize,
                            di: &mut usize,
                            last_end: &mut usize,
                            mentions: &mut Vec<Mention>,
                            next_start: usize| {
        while *di < dates.len() && dates[*di].span.start < limit {
            let s = dates[*di].span;
            if s.start >= *last_end && s.end <= next_start {
                mentions.push(Mention {
                    span: s,
                    kind: Kind::Date,
                    actor: None,
                    date: Some(*di),
                });
                *last_end = s.end;
            }
            *di += 1;
        }
    };
    for &ci in &order {
        let c = &cands[ci];
        push_dates_until(
            c.span.start,
            &mut di,
            &mut last_end,
            &mut mentions,
            c.span.start,
        );
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
    push_dates_until(
        usize::MAX,
        &mut di,
        &mut last_end,
        &mut mentions,
        usize::MAX,
    );

    // 8. Actors.
    let mut groups = Groups::new(cands.len());
    for (i, c) in cands.iter().enumerate() {
        if let Some(t) = c.link {
            groups.union(i, t);
        }
    }
    for (x, y) in groups_pairs {
        groups.union(x, y);
    }
    actors::merge_people(&doc, &cands, &alive, &mut groups);
    let actors = actors::build(
        &doc,
        &cands,
        &mention_of,
        &mut groups,
        &roles,
        &mut mentions,
    );
    Analysis {
        mentions,
        actors,
        dates,
    }
}

fn push_all(cands: &mut Vec<Cand>, alive: &mut Vec<bool>, occ: &mut Occupancy, new: Vec<Cand>) {
    for c in new {
        if !occ.free(c.a, c.b) {
            continue;
        }
        occ.take(c.a, c.b, cands.len());
        cands.push(c);
        alive.push(true);
    }
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
