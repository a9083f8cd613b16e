//! Merge accepted candidates into actors: one per real-world thing, keyed by
//! its gazetteer id or by kind and folded name; forms, mentions, roles and
//! affiliations filled; ordered by importance.

use super::cand::{Cand, Src};
use super::doc::Doc;
use super::lexicon::FastMap as HashMap;
use super::lexicon::fold;
use super::roles::Role;
use super::{Actor, ActorKind, Kind, Mention};

/// Union-find over candidate indices.
pub struct Groups {
    parent: Vec<usize>,
}

impl Groups {
    pub fn new(n: usize) -> Groups {
        Groups {
            parent: (0..n).collect(),
        }
    }
    pub fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }
    pub fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // Keep the smaller index as root (the earlier-found candidate).
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[hi] = lo;
        }
    }
}

fn actor_kind(k: Kind) -> ActorKind {
    match k {
        Kind::Person => ActorKind::Person,
        Kind::Organization => ActorKind::Organization,
        _ => ActorKind::Place,
    }
}

fn key_prefix(k: ActorKind) -> &'static str {
    match k {
        ActorKind::Person => "per:",
        ActorKind::Organization => "org:",
        ActorKind::Place => "loc:",
    }
}

/// Join people whose name is the tail of a longer name ("Lavrov",
/// "Yaou Sangare" and "Bakary Yaou Sangare"), and identical folded names.
pub fn merge_people(doc: &Doc, cands: &[Cand], alive: &[bool], groups: &mut Groups) {
    let mut people: Vec<(usize, Vec<String>)> = cands
        .iter()
        .enumerate()
        .filter(|(i, c)| alive[*i] && c.kind == Kind::Person)
        .map(|(i, c)| {
            let words: Vec<String> = (c.a..c.b)
                .filter(|&k| doc.is_word(k))
                .map(|k| fold(doc.word(k)))
                .collect();
            (i, words)
        })
        .collect();
    // Longest names first: each shorter name joins the first longer one it ends.
    people.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    let mut by_tail: HashMap<Vec<String>, usize> = HashMap::default();
    for (ci, words) in &people {
        if let Some(&target) = by_tail.get(words) {
            groups.union(*ci, target);
            continue;
        }
        for s in 0..words.len() {
            by_tail.entry(words[s..].to_vec()).or_insert(*ci);
        }
    }
}

/// Build the actors and fill `mention.actor`. `cands[i]` became
/// `mentions[mention_of[i]]` when accepted.
pub fn build(
    doc: &Doc,
    cands: &[Cand],
    mention_of: &[Option<usize>],
    groups: &mut Groups,
    roles: &[Role],
    mentions: &mut [Mention],
) -> Vec<Actor> {
    let text = doc.text;
    // Group members in text order.
    let mut members: HashMap<usize, Vec<usize>> = HashMap::default();
    let mut order: Vec<usize> = (0..cands.len())
        .filter(|&i| mention_of[i].is_some())
        .collect();
    order.sort_by_key(|&i| cands[i].span.start);
    for &i in &order {
        let r = groups.find(i);
        members.entry(r).or_default().push(i);
    }
    // One draft per group, merged further by key.
    struct Draft {
        key: String,
        name: String,
        kind: ActorKind,
        role: Option<usize>,
        forms: Vec<String>,
        mentions: Vec<usize>,
        first: usize,
        named_len: usize,
    }
    let mut drafts: Vec<Draft> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::default();
    let mut group_actor: HashMap<usize, usize> = HashMap::default();
    let mut by_start: Vec<(usize, usize)> = members
        .iter()
        .map(|(&r, ms)| (ms.first().map_or(0, |&i| cands[i].span.start), r))
        .collect();
    by_start.sort_unstable();
    let roots: Vec<usize> = by_start.into_iter().map(|(_, r)| r).collect();
    for root in roots {
        let ms = &members[&root];
        // Key and name: a gazetteer entry wins; else the longest form.
        let known = ms.iter().find(|&&i| cands[i].key.is_some());
        let kind_src = known.copied().unwrap_or_else(|| {
            *ms.iter()
                .find(|&&i| cands[i].src != Src::Alias)
                .unwrap_or(&ms[0])
        });
        let mut kind = actor_kind(cands[kind_src].kind);
        if cands[kind_src].kind == Kind::Nationality {
            kind = ActorKind::Place;
        }
        let longest = ms
            .iter()
            .copied()
            .filter(|&i| cands[i].kind != Kind::Nationality)
            .max_by_key(|&i| {
                let s = cands[i].span.text(text);
                (
                    s.split_whitespace().count(),
                    usize::MAX - cands[i].span.start,
                )
            })
            .unwrap_or(ms[0]);
        let (key, name) = match known {
            Some(&k) => (
                cands[k].key.clone().unwrap_or_default(),
                cands[k].name.clone().unwrap_or_default(),
            ),
            None => {
                let n = cands[longest].span.text(text).to_string();
                (format!("{}{}", key_prefix(kind), fold(&n)), n)
            }
        };
        // The fullest role the text gives (most words; the first on ties).
        let role = ms
            .iter()
            .filter_map(|&i| cands[i].role)
            .min_by_key(|&r| (usize::MAX - (roles[r].b - roles[r].a), roles[r].a));
        let d = match by_key.get(&key) {
            Some(&d) => d,
            None => {
                by_key.insert(key.clone(), drafts.len());
                drafts.push(Draft {
                    key,
                    name: name.clone(),
                    kind,
                    role: None,
                    forms: Vec::new(),
                    mentions: Vec::new(),
                    first: usize::MAX,
                    named_len: 0,
                });
                drafts.len() - 1
            }
        };
        let dr = &mut drafts[d];
        let name_len = name.split_whitespace().count();
        if known.is_none() && name_len > dr.named_len {
            dr.named_len = name_len;
            dr.name = name;
        }
        let longer = |r: usize, than: Option<usize>| {
            than.is_none_or(|t| roles[r].b - roles[r].a > roles[t].b - roles[t].a)
        };
        if let Some(r) = role
            && longer(r, dr.role)
        {
            dr.role = Some(r);
        }
        for &i in ms {
            let f = cands[i].span.text(text).to_string();
            if !dr.forms.contains(&f) {
                dr.forms.push(f);
            }
            if let Some(m) = mention_of[i] {
                dr.mentions.push(m);
                dr.first = dr.first.min(m);
            }
        }
        group_actor.insert(root, d);
    }
    // Importance: mention count, then first mention.
    let mut idx: Vec<usize> = (0..drafts.len()).collect();
    idx.sort_by(|&x, &y| {
        drafts[y]
            .mentions
            .len()
            .cmp(&drafts[x].mentions.len())
            .then(drafts[x].first.cmp(&drafts[y].first))
    });
    let mut new_pos = vec![0; drafts.len()];
    for (pos, &d) in idx.iter().enumerate() {
        new_pos[d] = pos;
    }
    // Candidate -> actor key for affiliations.
    let cand_key = |groups: &mut Groups, ci: usize| -> Option<String> {
        let r = groups.find(ci);
        group_actor.get(&r).map(|&d| drafts[d].key.clone())
    };
    let mut actors: Vec<Actor> = Vec::with_capacity(drafts.len());
    for &d in &idx {
        let dr = &drafts[d];
        let mut ms = dr.mentions.clone();
        ms.sort_unstable();
        let (role, affiliation) = match dr.role {
            Some(r) => {
                let role = roles[r].span.text(text).to_string();
                let aff = roles[r].affiliation.and_then(|ci| cand_key(groups, ci));
                (Some(role), aff)
            }
            None => (None, None),
        };
        actors.push(Actor {
            key: dr.key.clone(),
            name: dr.name.clone(),
            kind: dr.kind,
            role,
            affiliation: affiliation.filter(|a| *a != dr.key),
            forms: dr.forms.clone(),
            mentions: ms,
        });
    }
    for (root, d) in &group_actor {
        for &i in &members[root] {
            if let Some(m) = mention_of[i] {
                mentions[m].actor = Some(new_pos[*d]);
            }
        }
    }
    actors
}
