//! Role scoring: for each gold role, is it on the right actor, and is its
//! text exactly or leniently the gold's?
//!
//! A gold role is `actor name -> role text`; a trailing parenthesis in the
//! gold text names an affiliation the text implies ("président (Mali)") and
//! is not part of the role's words. The system actor of a gold actor is the
//! one sharing a folded name or form with it. Exact: the same text once
//! whitespace is collapsed. Lenient: after case and accent folding, the words
//! of one are a contiguous run of the words of the other ("chief executive"
//! for "chief executive of rival AMD"). A system role that leniently matches
//! another actor's gold role and not its own actor's is on the wrong person;
//! a role on an actor with no gold role that matches nobody's is extra.
//! Mistakes: `missed`, `text` (right actor, no match), `inexact` (lenient
//! only), `wrong_person`, `spurious` (extra).

use super::names::fold;
use super::score::Mistake;
use super::{Document, GoldActor};
use crate::extract::{Actor, Analysis};
use std::collections::BTreeMap;

/// A role the gold gives an actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldRole {
    /// The gold actor's name.
    pub actor: String,
    pub text: String,
}

/// Role counts for one document or summed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RoleCounts {
    /// Gold roles.
    pub gold: usize,
    /// Gold roles whose actor was found with a role of exactly the gold text.
    pub exact: usize,
    /// Gold roles whose actor was found with a leniently matching role.
    pub lenient: usize,
    /// System roles on an actor whose gold role is another actor's.
    pub wrong_person: usize,
    /// System roles on actors the gold gives no role and matching no gold role.
    pub extra: usize,
}

impl RoleCounts {
    pub fn add(&mut self, o: RoleCounts) {
        self.gold += o.gold;
        self.exact += o.exact;
        self.lenient += o.lenient;
        self.wrong_person += o.wrong_person;
        self.extra += o.extra;
    }
    /// Share of gold roles on the right actor with the exact text.
    pub fn exact_accuracy(&self) -> Option<f64> {
        (self.gold > 0).then(|| self.exact as f64 / self.gold as f64)
    }
    /// Share of gold roles on the right actor with a leniently matching text.
    pub fn lenient_accuracy(&self) -> Option<f64> {
        (self.gold > 0).then(|| self.lenient as f64 / self.gold as f64)
    }
}

/// The gold role text without its affiliation note, whitespace collapsed.
fn gold_text(role: &str) -> String {
    let t = role.trim();
    let t = match t.rfind(" (") {
        Some(i) if t.ends_with(')') => &t[..i],
        _ => t,
    };
    collapse(t)
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Folded words, split at anything that is not a letter or digit.
fn words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether the folded words of `a` and `b` are one a contiguous run of the other.
pub fn lenient_match(a: &str, b: &str) -> bool {
    let (a, b) = (words(a), words(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    long.windows(short.len()).any(|w| w == short.as_slice())
}

/// Whether a system actor is the gold actor (a shared folded name or form).
fn same_actor(sys: &Actor, gold: &GoldActor) -> bool {
    let g: Vec<String> = std::iter::once(&gold.name)
        .chain(&gold.forms)
        .map(|s| fold(s))
        .collect();
    std::iter::once(&sys.name)
        .chain(&sys.forms)
        .any(|s| g.contains(&fold(s)))
}

/// Score the roles of one document; `None` when its gold gives no roles.
pub fn score(doc: &Document, analysis: &Analysis) -> Option<(RoleCounts, Vec<Mistake>)> {
    let gold_roles = doc.roles.as_ref()?;
    let empty = Vec::new();
    let gold_actors = doc.actors.as_ref().unwrap_or(&empty);
    let find_gold = |name: &str| gold_actors.iter().find(|g| g.name == name);
    let role_of: BTreeMap<&str, String> = gold_roles
        .iter()
        .map(|r| (r.actor.as_str(), gold_text(&r.text)))
        .collect();
    let mut counts = RoleCounts {
        gold: gold_roles.len(),
        ..RoleCounts::default()
    };
    let mut mistakes = Vec::new();
    let mistake = |error: &'static str, text: &str, detail: Option<String>| Mistake {
        document: doc.id.clone(),
        layer: "role",
        error,
        label: "role".into(),
        text: text.to_string(),
        start: None,
        end: None,
        detail,
    };
    for r in gold_roles {
        let want = gold_text(&r.text);
        let found = find_gold(&r.actor).and_then(|g| {
            let named = GoldActor {
                name: r.actor.clone(),
                forms: g.forms.clone(),
            };
            analysis.actors.iter().find(|a| same_actor(a, &named))
        });
        let got = found.and_then(|a| a.role.as_deref());
        match got {
            Some(got) if collapse(got) == want => {
                counts.exact += 1;
                counts.lenient += 1;
            }
            Some(got) if lenient_match(got, &want) => {
                counts.lenient += 1;
                mistakes.push(mistake(
                    "inexact",
                    &format!("{}: {got}", r.actor),
                    Some(format!("gold: {want}")),
                ));
            }
            Some(got) => mistakes.push(mistake(
                "text",
                &format!("{}: {got}", r.actor),
                Some(format!("gold: {want}")),
            )),
            None => mistakes.push(mistake(
                "missed",
                &format!("{}: {want}", r.actor),
                found.is_none().then(|| "actor not found".to_string()),
            )),
        }
    }
    for a in &analysis.actors {
        let Some(role) = a.role.as_deref() else {
            continue;
        };
        let own = gold_actors.iter().find(|g| same_actor(a, g));
        let own_role = own.and_then(|g| role_of.get(g.name.as_str()));
        if own_role.is_some_and(|w| lenient_match(role, w)) {
            continue;
        }
        let other = role_of
            .iter()
            .find(|(who, w)| own.is_none_or(|g| g.name != **who) && lenient_match(role, w));
        if let Some((who, _)) = other {
            counts.wrong_person += 1;
            mistakes.push(mistake(
                "wrong_person",
                &format!("{}: {role}", a.name),
                Some(format!("gold gives it to {who}")),
            ));
        } else if own_role.is_none() {
            counts.extra += 1;
            mistakes.push(mistake("spurious", &format!("{}: {role}", a.name), None));
        }
    }
    Some((counts, mistakes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::ActorKind;

    #[test]
    fn lenient_is_a_contiguous_run_of_folded_words() {
        let cases = [
            ("chief executive", "chief executive of rival AMD", true),
            ("Président de la FNSEA", "président de la fnsea", true),
            ("président", "président de la FNSEA", true),
            ("executive of", "chief executive of rival AMD", true),
            ("rival chief", "chief executive of rival AMD", false),
            ("maire", "ministre", false),
            ("général", "général, ancien chef d'état-major", true),
            ("", "maire", false),
        ];
        for (a, b, want) in cases {
            assert_eq!(lenient_match(a, b), want, "{a:?} / {b:?}");
            assert_eq!(lenient_match(b, a), want, "{b:?} / {a:?}");
        }
    }

    #[test]
    fn gold_text_drops_the_affiliation_note() {
        assert_eq!(gold_text("président (Mali)"), "président");
        assert_eq!(gold_text(" Mayor  of Paris "), "Mayor of Paris");
        assert_eq!(gold_text("fondateur de LFI"), "fondateur de LFI");
    }

    fn actor(name: &str, role: Option<&str>) -> Actor {
        Actor {
            key: format!("per:{name}"),
            name: name.into(),
            kind: ActorKind::Person,
            role: role.map(str::to_string),
            affiliation: None,
            forms: vec![name.into()],
            mentions: vec![],
        }
    }

    fn doc(roles: &[(&str, &str)], actors: &[&str]) -> Document {
        Document {
            id: "t".into(),
            actors: Some(
                actors
                    .iter()
                    .map(|n| GoldActor {
                        name: n.to_string(),
                        forms: vec![n.to_string()],
                    })
                    .collect(),
            ),
            roles: Some(
                roles
                    .iter()
                    .map(|(a, t)| GoldRole {
                        actor: a.to_string(),
                        text: t.to_string(),
                    })
                    .collect(),
            ),
            ..Document::default()
        }
    }

    #[test]
    fn counts_exact_lenient_wrong_person_and_extra() {
        let d = doc(
            &[
                ("Béatrice Zavarro", "avocate de Dominique Pelicot"),
                ("Lisa Su", "chief executive of rival AMD"),
                ("Assimi Goïta", "président (Mali)"),
            ],
            &[
                "Béatrice Zavarro",
                "Dominique Pelicot",
                "Lisa Su",
                "Assimi Goïta",
                "Ann Lee",
            ],
        );
        let analysis = Analysis {
            actors: vec![
                actor("Dominique Pelicot", Some("avocate de Dominique")),
                actor("Béatrice Zavarro", None),
                actor("Lisa Su", Some("chief executive")),
                actor("Assimi Goita", Some("président")),
                actor("Ann Lee", Some("gardener")),
            ],
            ..Analysis::default()
        };
        let (c, mistakes) = score(&d, &analysis).expect("roles");
        assert_eq!(
            c,
            RoleCounts {
                gold: 3,
                exact: 1,
                lenient: 2,
                wrong_person: 1,
                extra: 1
            }
        );
        let errors: Vec<&str> = mistakes.iter().map(|m| m.error).collect();
        assert_eq!(errors, ["missed", "inexact", "wrong_person", "spurious"]);
    }

    #[test]
    fn no_gold_roles_no_score() {
        let d = Document::default();
        assert!(score(&d, &Analysis::default()).is_none());
    }
}
