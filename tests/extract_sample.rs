//! The annotation guide's points on the sample article: every gold actor
//! found with the four roles, no false actor, the known traps avoided.

use lede::extract::{ActorKind, Analysis, Context, Kind, extract_text};
use serde_json::Value;
use std::path::Path;

const SAMPLE: &str = "assets/articles/000_72e7f41f74cb261a.txt";
/// The project's gold annotation of the sample, kept in the repository.
const GOLD: &str = "tests/fixtures/seed/seed.gold.json";

fn sample() -> (String, Analysis) {
    let text = std::fs::read_to_string(SAMPLE).expect("sample article");
    let a = extract_text(
        &text,
        &Context {
            lang: "fr".into(),
            published: None,
        },
    );
    (text, a)
}

fn actor_of<'a>(a: &'a Analysis, text: &str, form: &str) -> Option<&'a lede::extract::Actor> {
    a.mentions
        .iter()
        .find(|m| m.span.text(text) == form && m.kind != Kind::Date)
        .and_then(|m| m.actor)
        .map(|i| &a.actors[i])
}

#[test]
fn forms_of_one_actor_are_merged() {
    let (text, a) = sample();
    let ru = actor_of(&a, &text, "Russie").expect("Russie");
    for f in ["russe", "russes"] {
        assert_eq!(actor_of(&a, &text, f).map(|x| &x.key), Some(&ru.key), "{f}");
    }
    let ml = actor_of(&a, &text, "Mali").expect("Mali");
    for f in ["malienne", "malien"] {
        assert_eq!(actor_of(&a, &text, f).map(|x| &x.key), Some(&ml.key), "{f}");
    }
    let cedeao = actor_of(&a, &text, "CEDEAO").expect("CEDEAO");
    assert!(
        cedeao
            .forms
            .iter()
            .any(|f| f.starts_with("Communauté économique des États"))
    );
    let aes = actor_of(&a, &text, "AES").expect("AES");
    assert!(aes.forms.iter().any(|f| f == "Alliance des États du Sahel"));
    assert_eq!(aes.kind, ActorKind::Organization);
}

#[test]
fn the_four_roles() {
    let (_, a) = sample();
    let role = |name: &str| {
        a.actors
            .iter()
            .find(|x| x.name == name)
            .unwrap_or_else(|| panic!("{name}: {:?}", a.actors))
            .role
            .clone()
    };
    assert_eq!(
        role("Sergueï Lavrov").as_deref(),
        Some("ministre russe des Affaires étrangères")
    );
    assert_eq!(
        role("Abdoulaye Diop").as_deref(),
        Some("ministre malien des Affaires étrangères")
    );
    assert_eq!(role("Assimi Goita").as_deref(), Some("président"));
    assert_eq!(
        role("Bakary Yaou Sangare").as_deref(),
        Some("ministre des Affaires étrangères du Niger")
    );
    // Affiliations: the nationality word, the complement, and the sentence.
    let aff = |name: &str| {
        a.actors
            .iter()
            .find(|x| x.name == name)
            .and_then(|x| x.affiliation.clone())
    };
    let mali = a
        .actors
        .iter()
        .find(|x| x.forms.iter().any(|f| f == "Mali"))
        .map(|x| x.key.clone());
    assert!(mali.is_some());
    assert_eq!(aff("Abdoulaye Diop"), mali);
    assert_eq!(aff("Assimi Goita"), mali);
    let ru = a
        .actors
        .iter()
        .find(|x| x.forms.iter().any(|f| f == "Russie"))
        .map(|x| x.key.clone());
    assert_eq!(aff("Sergueï Lavrov"), ru);
}

#[test]
fn traps_are_avoided() {
    let (text, a) = sample();
    for m in &a.mentions {
        let s = m.span.text(&text);
        assert!(!s.contains('\n'), "spans a line break: {s:?}");
        assert!(
            !matches!(
                s,
                "Avez" | "Avez-vous" | "État" | "Édité" | "Cette" | "Suite" | "Ces"
            ),
            "{s:?} is not an entity"
        );
        assert!(
            !s.contains("Affaires étrangères"),
            "a job title is not an ORG: {s:?}"
        );
        assert!(
            !s.starts_with("la ") && !s.starts_with("le ") && !s.starts_with("l'"),
            "{s:?}"
        );
    }
    // The editor in the byline is not an actor of the story.
    assert!(!a.actors.iter().any(|x| x.name.contains("Гуринович")));
    // AES is an organisation.
    assert!(
        a.mentions
            .iter()
            .any(|m| m.span.text(&text) == "AES" && m.kind == Kind::Organization)
    );
}

/// Gold comparison: every gold actor found, no false actor, mention F1.
#[test]
fn against_the_gold_file() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let raw = std::fs::read_to_string(root.join(GOLD)).expect("the sample's gold file");
    let gold: Value = serde_json::from_str(&raw).expect("gold JSON");
    let (text, a) = sample();
    let editor = gold["editor"].as_str().unwrap_or("");
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let to_byte = |cp: u64| chars.get(cp as usize).map_or(text.len(), |c| c.0);
    let mut gold_set = std::collections::HashSet::new();
    for e in gold["entities"].as_array().expect("entities") {
        if e["text"].as_str() == Some(editor) {
            continue;
        }
        let (s, t) = (
            e["start"].as_u64().unwrap_or(0),
            e["end"].as_u64().unwrap_or(0),
        );
        gold_set.insert((
            to_byte(s),
            to_byte(t),
            e["type"].as_str().unwrap_or("").to_string(),
        ));
    }
    let ours: std::collections::HashSet<_> = a
        .mentions
        .iter()
        .filter(|m| m.kind != Kind::Date)
        .map(|m| (m.span.start, m.span.end, m.kind.label().to_string()))
        .collect();
    let tp = gold_set.intersection(&ours).count() as f64;
    let p = tp / ours.len().max(1) as f64;
    let r = tp / gold_set.len().max(1) as f64;
    let f1 = 2.0 * p * r / (p + r).max(1e-9);
    assert!(f1 >= 0.95, "mention F1 {f1:.3} (P {p:.3} R {r:.3})");
    // Actors: as many as gold lists (14), none of them the editor.
    let n_gold = gold["actors"].as_array().map_or(0, Vec::len);
    assert_eq!(
        a.actors.len(),
        n_gold,
        "{:#?}",
        a.actors.iter().map(|x| &x.name).collect::<Vec<_>>()
    );
}
