//! Unit tests of each extraction pass (see `pipeline.rs`).

use super::*;

/// Run the passes up to and including `last` on `text`, then look.
fn after<T>(text: &str, lang: &str, last: &str, look: impl FnOnce(&State) -> T) -> T {
    assert!(PASSES.iter().any(|(n, _)| *n == last), "no pass {last}");
    let doc = Doc::new(text, Lang::from_tag(lang));
    let mut st = State::new(&doc, lang);
    for (name, pass) in PASSES {
        pass(&mut st);
        if *name == last {
            break;
        }
    }
    look(&st)
}

/// The live candidates as (text, kind, source).
fn live(st: &State) -> Vec<(String, &'static str, Src)> {
    let mut v: Vec<_> = st.arena.live().map(|i| &st.arena.cands[i]).collect();
    v.sort_by_key(|c| c.span.start);
    v.iter()
        .map(|c| (c.span.text(st.doc.text).to_string(), c.kind.label(), c.src))
        .collect()
}

fn has(st: &State, text: &str, kind: &str) -> bool {
    live(st).iter().any(|(t, k, _)| t == text && *k == kind)
}

#[test]
fn pass_names_are_unique() {
    let mut names: Vec<&str> = PASSES.iter().map(|(n, _)| *n).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), PASSES.len());
}

#[test]
fn gazetteer_finds_known_places_but_not_inside_treaty_names() {
    let t = "Le ministre est arrivé à Moscou.";
    assert!(after(t, "fr", "gazetteer", |st| has(st, "Moscou", "LOC")));
    let t = "They signed the Treaty of Rome in Paris.";
    after(t, "en", "gazetteer", |st| {
        assert!(has(st, "Paris", "LOC"));
        assert!(!has(st, "Rome", "LOC"), "{:?}", live(st));
    });
}

#[test]
fn gazetteer_leaves_tokens_unclaimed_and_fills_known_at() {
    after("Il vit à Moscou.", "fr", "gazetteer", |st| {
        let k = st
            .doc
            .toks
            .iter()
            .position(|t| t.span.text(st.doc.text) == "Moscou");
        let k = k.expect("token");
        assert!(st.known_at[k].is_some());
        assert!(st.arena.occ.free(0, st.doc.len()));
    });
}

#[test]
fn structures_swallow_the_known_place_inside_and_claim_tokens() {
    let t = "Elle enseigne à l'Université de Lyon depuis dix ans.";
    after(t, "fr", "structures", |st| {
        assert!(has(st, "Université de Lyon", "ORG"), "{:?}", live(st));
        assert!(!has(st, "Lyon", "LOC"));
        assert!(!st.arena.occ.free(0, st.doc.len()));
    });
}

#[test]
fn directional_widens_a_known_place() {
    let t = "The talks in Northern Ireland resumed.";
    after(t, "en", "directional", |st| {
        assert!(has(st, "Northern Ireland", "LOC"), "{:?}", live(st));
    });
}

#[test]
fn expansions_replace_what_they_contain() {
    let t = "La Coordination nationale des éleveurs de brebis (CNEB) manifeste à Rodez.";
    after(t, "fr", "expansions", |st| {
        let found = live(st);
        assert!(
            found
                .iter()
                .any(|(t, k, _)| t.starts_with("Coordination") && *k == "ORG"),
            "{found:?}"
        );
    });
}

#[test]
fn role_phrases_mask_their_free_tokens() {
    let t = "Le ministre malien des Affaires étrangères, Abdoulaye Diop, a parlé.";
    after(t, "fr", "roles", |st| {
        let texts: Vec<&str> = st.roles.iter().map(|r| r.span.text(st.doc.text)).collect();
        assert_eq!(texts, ["ministre malien des Affaires étrangères"]);
        let r = &st.roles[0];
        assert!((r.a..r.b).any(|k| st.role_mask[k]));
        assert!(!st.role_mask[r.b..].iter().any(|&m| m));
    });
}

#[test]
fn context_cues_find_places_next_to_a_place_noun() {
    let t = "Les habitants de la commune de Saint-Girons ont voté.";
    after(t, "fr", "context", |st| {
        assert!(has(st, "Saint-Girons", "LOC"), "{:?}", live(st));
    });
}

#[test]
fn definitions_add_the_acronym_as_an_alias() {
    let t = "L'Alliance des États du Sahel (AES) réunit trois pays.";
    after(t, "fr", "definitions", |st| {
        assert!(has(st, "AES", "ORG"), "{:?}", live(st));
    });
}

#[test]
fn people_come_from_capitalised_runs_without_their_title() {
    let t = "Le président Assimi Goita a reçu la délégation.";
    after(t, "fr", "people", |st| {
        assert!(has(st, "Assimi Goita", "PER"), "{:?}", live(st));
        assert!(!live(st).iter().any(|(t, _, _)| t.contains("président")));
    });
}

#[test]
fn later_forms_find_a_surname_alone() {
    let t = "Le président Assimi Goita a parlé. Goita a ensuite quitté Bamako.";
    after(t, "fr", "later_forms", |st| {
        assert!(
            live(st)
                .iter()
                .any(|(t, k, s)| t == "Goita" && *k == "PER" && *s == Src::Surname),
            "{:?}",
            live(st)
        );
    });
}

#[test]
fn affiliations_tie_a_role_to_its_nationality() {
    let t = "Le ministre malien des Affaires étrangères, Abdoulaye Diop, a parlé.";
    after(t, "fr", "affiliations", |st| {
        let aff = st.roles[0].affiliation.expect("affiliation");
        assert_eq!(st.arena.cands[aff].span.text(st.doc.text), "malien");
    });
}

#[test]
fn lay_out_keeps_entities_and_drops_colliding_dates() {
    let mut arena = Arena::new(10);
    let c = Cand::new(0, 1, super::super::Span::new(0, 5), Kind::Place, Src::Known);
    arena.push(c);
    let date = |s, e| TimeExpr {
        span: super::super::Span::new(s, e),
        value: "2024".parse().expect("a date value"),
        range_with: None,
        relative: false,
    };
    let (mentions, of) = lay_out(&arena, &[date(3, 8), date(10, 14)]);
    let kinds: Vec<Kind> = mentions.iter().map(|m| m.kind).collect();
    assert_eq!(kinds, [Kind::Place, Kind::Date]);
    assert_eq!(mentions[1].date, Some(1));
    assert_eq!(of, [Some(0)]);
}

#[test]
fn institutions_swallow_the_place_they_name() {
    let t = "Le procès s'ouvre devant le tribunal correctionnel de Lyon lundi.";
    after(t, "fr", "institutions", |st| {
        assert!(
            has(st, "tribunal correctionnel de Lyon", "ORG"),
            "{:?}",
            live(st)
        );
        assert!(!has(st, "Lyon", "LOC"));
    });
}

#[test]
fn echoes_are_forms_of_the_organisation_named_in_full() {
    let t = "Shares in Nordvik Semiconductor fell. Analysts expect Nordvik to recover.";
    after(t, "en", "echoes", |st| {
        let echo = st.arena.live().find(|&i| {
            let c = &st.arena.cands[i];
            c.span.text(st.doc.text) == "Nordvik" && c.kind == Kind::Organization
        });
        let echo = echo.expect("an echo");
        let full = st.arena.cands[echo].link.expect("linked");
        assert_eq!(
            st.arena.cands[full].span.text(st.doc.text),
            "Nordvik Semiconductor"
        );
    });
}
