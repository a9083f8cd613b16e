//! Role accuracy on the articles written for the role tests
//! (tests/fixtures/roles/gold) and the sample: the figures the README
//! reports must hold. The unseen articles (tests/fixtures/roles/unseen) are
//! measured with `lede eval` but not asserted, to stay unseen.

use lede::eval::load_corpus;
use lede::eval::report::run_corpus;
use lede::eval::roles::RoleCounts;
use std::path::Path;

fn roles_of(path: &str) -> RoleCounts {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (corpus, errors) = load_corpus(&root.join(path));
    assert!(errors.is_empty(), "{errors:?}");
    assert!(!corpus.documents.is_empty(), "no documents in {path}");
    run_corpus(&corpus).scores.roles.expect("role gold")
}

#[test]
fn roles_on_the_role_fixtures_are_right() {
    let r = roles_of("tests/fixtures/roles/gold");
    assert!(r.gold >= 40, "{r:?}");
    assert!(r.lenient_accuracy().unwrap_or(0.0) >= 0.90, "{r:?}");
    assert_eq!(r.wrong_person, 0, "{r:?}");
}

#[test]
fn gold_roles_are_read_and_scored_on_every_fixture() {
    let r = roles_of("tests/fixtures/gold");
    assert!(
        r.gold > 0 && r.lenient <= r.gold && r.exact <= r.lenient,
        "{r:?}"
    );
    assert_eq!(r.wrong_person, 0, "{r:?}");
}
