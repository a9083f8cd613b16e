//! Unit tests of the library on temporary files. The texts are written for
//! these tests.

use super::*;
use crate::article::Article;
use crate::extract::ActorKind;

fn article(id: &str, lang: &str, date: &str, headline: &str, body: &[&str]) -> Article {
    Article {
        id: id.into(),
        headline: headline.into(),
        in_language: lang.into(),
        date_published: Some(date.into()),
        publisher: Some("Test Wire".into()),
        paragraphs: body.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    }
    .finish()
}

fn sample() -> Vec<Article> {
    vec![
        article(
            "fr-1",
            "fr",
            "2024-03-02",
            "Sommet à Abuja : la CEDEAO reçoit le Mali",
            &[
                "La CEDEAO a réuni ses membres à Abuja le 2 mars 2024. Le ministre malien Abdoulaye Diop a parlé des États-Unis.",
                "Le Mali a quitté la CEDEAO en janvier.",
            ],
        ),
        article(
            "en-1",
            "en",
            "2024-03-05",
            "ECOWAS leaders meet in Abuja",
            &[
                "ECOWAS leaders met in Abuja on 4 March 2024 to talk about trade with the United States.",
                "Abdoulaye Diop, the foreign minister of Mali, did not attend.",
            ],
        ),
        article(
            "en-2",
            "en",
            "2024-04-10",
            "Harvest news from Kenya",
            &["Farmers in Kenya expect a good harvest in 2025, the ministry said in Nairobi."],
        ),
    ]
}

fn open_with(articles: &[Article]) -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open(&dir.path().join("sub").join("library.sqlite")).unwrap();
    add_articles(&mut lib, articles).unwrap();
    (dir, lib)
}

#[test]
fn migrations_from_every_earlier_version() {
    for from in 0..schema::LATEST {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.sqlite");
        {
            let mut conn = rusqlite::Connection::open(&path).unwrap();
            schema::migrate_to(&mut conn, from).unwrap();
            if from >= 1 {
                conn.execute(
                    "INSERT INTO article (id, headline, body, day, language, digest, added, updated, read)
                     VALUES ('old-1', 'Le Mali et la CEDEAO', 'La CEDEAO parle au Mali.', '2023-01-01', 'fr', 'x', 1, 1, 1)",
                    [],
                )
                .unwrap();
            }
        }
        let mut lib = Library::open(&path).unwrap();
        assert_eq!(lib.schema_version().unwrap(), schema::LATEST, "from {from}");
        if from == 0 {
            continue;
        }
        // Kept through the migration, with its state; analysed lazily.
        assert_eq!(lib.stale_count().unwrap(), 1, "from {from}");
        let e = lib.list(&Filter::default(), None, 10).unwrap();
        assert_eq!((e[0].id.as_str(), e[0].read), ("old-1", true));
        assert_eq!(
            lib.search("cedeao", &Filter::default(), 5, 0)
                .unwrap()
                .len(),
            1
        );
        assert_eq!(reanalyse(&mut lib, 1, &mut |_, _| {}).unwrap(), 1);
        assert_eq!(lib.stale_count().unwrap(), 0);
        let mali = lib.find_actors("Mali").unwrap();
        assert_eq!(mali[0].key, "iso:ML", "from {from}");
        assert!(lib.check().unwrap().is_empty());
    }
}

#[test]
fn import_is_idempotent_and_updates_in_place() {
    let mut articles = sample();
    let (_d, mut lib) = open_with(&articles);
    let before = lib.actors(&ActorQuery::default()).unwrap();
    assert_eq!(
        add_articles(&mut lib, &articles).unwrap(),
        [Status::Unchanged; 3]
    );
    assert_eq!(lib.actors(&ActorQuery::default()).unwrap(), before);
    assert_eq!(lib.count(&Filter::default()).unwrap().total, 3);
    // An update keeps the read mark and replaces the analysis.
    assert!(lib.set_read("en-2", true).unwrap());
    articles[2].paragraphs[0] =
        "Farmers in Uganda expect a good harvest, the ministry said in Kampala.".into();
    let got = add_articles(&mut lib, &articles[2..]).unwrap();
    assert_eq!(got, [Status::Updated]);
    assert_eq!(lib.count(&Filter::default()).unwrap().total, 3);
    assert!(
        lib.list(&Filter::default(), None, 10)
            .unwrap()
            .iter()
            .any(|e| e.id == "en-2" && e.read)
    );
    assert!(lib.find_actors("Nairobi").unwrap().is_empty());
    assert_eq!(lib.find_actors("Kampala").unwrap().len(), 1);
    assert!(
        lib.search("nairobi", &Filter::default(), 5, 0)
            .unwrap()
            .is_empty()
    );
    assert!(lib.check().unwrap().is_empty(), "{:?}", lib.check());
}

#[test]
fn actors_merge_across_languages_with_counts() {
    let (_d, lib) = open_with(&sample());
    let fr = lib.find_actors("CEDEAO").unwrap();
    let en = lib.find_actors("ecowas").unwrap();
    assert_eq!(fr.len(), 1);
    assert_eq!(fr, en);
    let ecowas = &fr[0];
    assert_eq!(ecowas.kind, ActorKind::Organization);
    assert_eq!((ecowas.articles, ecowas.mentions), (2, 5));
    assert_eq!(ecowas.first_seen.as_deref(), Some("2024-03-02"));
    assert_eq!(ecowas.last_seen.as_deref(), Some("2024-03-05"));
    assert_eq!(
        lib.actor_days(ecowas.id).unwrap(),
        [("2024-03-02".to_string(), 3), ("2024-03-05".to_string(), 2)]
    );
    let diop = lib.find_actors("abdoulaye diop").unwrap();
    assert_eq!(diop.len(), 1);
    assert_eq!(diop[0].articles, 2);
    let arts = lib.actor_articles(diop[0].id, None, 10).unwrap();
    let ids: Vec<&str> = arts.iter().map(|a| a.entry.id.as_str()).collect();
    assert_eq!(ids, ["en-1", "fr-1"], "newest first");
    let passages = lib.mention_passages(diop[0].id, "fr-1").unwrap();
    assert_eq!(passages.len(), 1);
    let p = &passages[0];
    assert_eq!(&p.text[p.marks[0].clone()], "Abdoulaye Diop");
    assert!(p.text.starts_with("Le ministre malien"), "{}", p.text);
    // The index since a day counts only the days from then.
    let since = ActorQuery {
        since: Some("2024-03-03".into()),
        ..Default::default()
    };
    let later = lib.actors(&since).unwrap();
    let e = later.iter().find(|a| a.key == ecowas.key).unwrap();
    assert_eq!((e.articles, e.mentions), (1, 2));
    assert!(!later.iter().any(|a| a.name == "Sommet"));
}

#[test]
fn search_folds_accents_ranks_and_marks() {
    let (_d, lib) = open_with(&sample());
    let f = Filter::default();
    let ids = |q: &str| -> Vec<String> {
        lib.search(q, &f, 10, 0)
            .unwrap()
            .into_iter()
            .map(|h| h.entry.id)
            .collect()
    };
    assert_eq!(ids("etats unis"), ["fr-1"]);
    assert_eq!(ids("ÉTATS-UNIS"), ["fr-1"]);
    assert_eq!(ids("harv*"), ["en-2"]);
    assert_eq!(ids("\"foreign minister\""), ["en-1"]);
    assert!(ids("\"minister foreign\"").is_empty());
    assert_eq!(ids("kenya OR cedeao").len(), 2);
    assert_eq!(ids("abuja -ecowas"), ["fr-1"]);
    // In the headline ranks above the body only.
    assert_eq!(ids("abuja").len(), 2);
    let hits = lib.search("mali", &f, 10, 0).unwrap();
    assert_eq!(hits[0].entry.id, "fr-1");
    let p = &hits[0].passage;
    assert!(
        p.marks
            .iter()
            .any(|m| p.text[m.clone()].eq_ignore_ascii_case("mali")),
        "{p:?}"
    );
    // Filters and paging.
    let en = Filter {
        language: Some("en".into()),
        ..Default::default()
    };
    assert_eq!(lib.search("abuja", &en, 10, 0).unwrap().len(), 1);
    assert_eq!(lib.search("abuja", &f, 1, 1).unwrap().len(), 1);
}

#[test]
fn hostile_queries_give_results_or_a_message() {
    let (_d, lib) = open_with(&sample());
    let f = Filter::default();
    for q in [
        "\"",
        "*",
        "NEAR(",
        "NEAR(mali abuja",
        "-",
        "OR",
        "(",
        ")",
        "mali)",
        "a\"b",
        "AND mali",
        "mali NOT",
        "headline:mali",
        "^mali",
        "{headline}: x",
        "mali\u{0}",
        "'; DROP TABLE article; --",
        "\"mali",
        "mali*\"",
        "**",
        "NOT mali",
        "--mali",
        "+mali",
        "mali OR OR kenya",
    ] {
        match lib.search(q, &f, 10, 0) {
            Ok(_) | Err(SearchError::Empty) => {}
            Err(e) => panic!("{q:?}: {e}"),
        }
    }
    assert_eq!(lib.count(&f).unwrap().total, 3);
    assert_eq!(lib.search("headline:mali", &f, 10, 0).unwrap().len(), 0);
}

#[test]
fn list_pages_newest_first_and_marks() {
    let articles: Vec<Article> = (0..25)
        .map(|i| {
            article(
                &format!("a{i}"),
                "en",
                &format!("2024-01-{:02}", 1 + i % 20),
                &format!("Story {i}"),
                &["Nothing much happened."],
            )
        })
        .collect();
    let (_d, lib) = open_with(&articles);
    let f = Filter::default();
    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let page = lib.list(&f, after.as_ref(), 10).unwrap();
        if page.is_empty() {
            break;
        }
        after = page.last().map(Entry::cursor);
        seen.extend(page);
    }
    assert_eq!(seen.len(), 25);
    assert!(seen.windows(2).all(|w| w[0].day >= w[1].day));
    let mut ids: Vec<&str> = seen.iter().map(|e| e.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 25);
    assert_eq!(lib.toggle_read("a3").unwrap(), Some(true));
    assert_eq!(lib.toggle_starred("a4").unwrap(), Some(true));
    assert_eq!(lib.toggle_starred("a4").unwrap(), Some(false));
    assert!(lib.set_starred("a5", true).unwrap());
    assert_eq!(lib.toggle_read("nope").unwrap(), None);
    let c = lib.count(&f).unwrap();
    assert_eq!((c.total, c.unread, c.starred), (25, 24, 1));
    let unread = Filter {
        unread_only: true,
        since: Some("2024-01-02".into()),
        until: Some("2024-01-04".into()),
        ..Default::default()
    };
    // Days 2, 3, 4 hold a1, a2, a3, a21, a22, a23; a3 is read.
    assert_eq!(lib.count(&unread).unwrap().total, 5);
}

#[test]
fn stored_article_and_analysis_round_trip() {
    let articles = sample();
    let (_d, lib) = open_with(&articles);
    for a in &articles {
        assert_eq!(lib.article(&a.id).unwrap().as_ref(), Some(a));
        let want = crate::extract::extract(a);
        let got = lib.analysis(&a.id).unwrap().unwrap();
        assert_eq!(got.mentions, want.mentions, "{}", a.id);
        assert_eq!(got.dates, want.dates, "{}", a.id);
        let keys = |an: &crate::extract::Analysis| {
            an.actors
                .iter()
                .map(|x| (x.key.clone(), x.mentions.clone(), x.role.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(keys(&got), keys(&want), "{}", a.id);
    }
    assert_eq!(lib.article("missing").unwrap(), None);
    let (publishers, languages) = lib.facets().unwrap();
    assert_eq!(publishers, [("Test Wire".to_string(), 3)]);
    assert_eq!(languages, [("en".to_string(), 2), ("fr".to_string(), 1)]);
}

#[test]
fn timeline_lists_dates_in_order_with_their_sentence() {
    let (_d, lib) = open_with(&sample());
    let all = lib.timeline(None, None, 100).unwrap();
    let values: Vec<&str> = all.iter().map(|t| t.value.as_str()).collect();
    let mut sorted = values.clone();
    sorted.sort_unstable();
    assert_eq!(values, sorted);
    assert!(
        values.contains(&"2024-03-02") && values.contains(&"2025"),
        "{values:?}"
    );
    let kenya = lib.find_actors("Kenya").unwrap();
    let t = lib.timeline(Some(kenya[0].id), None, 100).unwrap();
    assert!(t.iter().all(|t| t.article.id == "en-2"));
    let p = &t.iter().find(|t| t.value == "2025").unwrap().passage;
    assert_eq!(&p.text[p.marks[0].clone()], "2025");
    let searched = lib.timeline(None, Some("abuja"), 100).unwrap();
    assert!(searched.iter().all(|t| t.article.id != "en-2"));
    assert!(matches!(
        lib.timeline(None, Some("("), 10),
        Err(SearchError::Empty)
    ));
}

#[test]
fn refuses_files_it_does_not_own_and_leaves_them_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.sqlite");
    let bytes = b"this is a text file, not a database, and it is long enough to have a header...."
        .repeat(20);
    std::fs::write(&junk, &bytes).unwrap();
    let e = Library::open(&junk).unwrap_err();
    assert!(matches!(e, LibraryError::NotSqlite(_)), "{e}");
    assert!(e.to_string().contains("junk.sqlite"), "{e}");
    assert_eq!(std::fs::read(&junk).unwrap(), bytes);

    let other = dir.path().join("other.sqlite");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    let e = Library::open(&other).unwrap_err();
    assert!(matches!(e, LibraryError::Foreign(_)), "{e}");

    let newer = dir.path().join("newer.sqlite");
    drop(Library::open(&newer).unwrap());
    rusqlite::Connection::open(&newer)
        .unwrap()
        .execute_batch(&format!("PRAGMA user_version = {}", schema::LATEST + 1))
        .unwrap();
    let e = Library::open(&newer).unwrap_err();
    assert!(
        matches!(e, LibraryError::Newer { found, .. } if found == schema::LATEST + 1),
        "{e}"
    );
    assert!(e.to_string().contains("newer lede"), "{e}");

    let missing = dir.path().join("none.sqlite");
    assert!(matches!(
        Library::open_existing(&missing),
        Err(LibraryError::Missing(_))
    ));
    assert!(!missing.exists());
    assert!(matches!(
        Library::open(dir.path()),
        Err(LibraryError::IsFolder(_))
    ));
}

#[test]
fn read_only_and_busy_libraries_say_so() {
    let (dir, mut lib) = open_with(&sample());
    let path = lib.path().to_path_buf();
    let ro = Library::open_read_only(&path).unwrap();
    assert_eq!(ro.count(&Filter::default()).unwrap().total, 3);
    let e = ro.set_read("fr-1", true).unwrap_err();
    assert!(matches!(e, LibraryError::ReadOnly(_)), "{e}");
    assert!(e.to_string().contains("library.sqlite"), "{e}");
    // Another connection holds the write lock: a writer gives up with Busy.
    let holder = rusqlite::Connection::open(&path).unwrap();
    holder
        .execute_batch("BEGIN IMMEDIATE; UPDATE article SET read = 1;")
        .unwrap();
    lib.set_busy_timeout(std::time::Duration::from_millis(50))
        .unwrap();
    let e = add_articles(&mut lib, &sample()[..1]).unwrap_err();
    assert!(matches!(e, LibraryError::Busy(_)), "{e}");
    // Readers still read meanwhile (WAL), and see the last commit.
    assert_eq!(ro.count(&Filter::default()).unwrap().unread, 3);
    holder.execute_batch("COMMIT").unwrap();
    assert_eq!(ro.count(&Filter::default()).unwrap().unread, 0);
    drop(dir);
}

#[test]
fn damaged_file_is_reported_not_reset() {
    let articles: Vec<Article> = (0..200)
        .map(|i| {
            article(
                &format!("d{i}"),
                "en",
                "2024-02-02",
                &format!("Item {i} from Kenya"),
                &["Words about Nairobi and the harvest season this year."],
            )
        })
        .collect();
    let (dir, lib) = open_with(&articles);
    let path = lib.path().to_path_buf();
    drop(lib);
    // Scribble over the head of every page but the first (the file header).
    let mut bytes = std::fs::read(&path).unwrap();
    let len = bytes.len();
    let page = 65536;
    assert!(len > 2 * page, "{len}");
    for start in (page..len).step_by(page) {
        for b in &mut bytes[start..start + 64] {
            *b = 0x5a;
        }
    }
    std::fs::write(&path, &bytes).unwrap();
    let problems = Library::open(&path).and_then(|l| l.check());
    match problems {
        Ok(p) => assert!(!p.is_empty(), "damage found"),
        Err(e) => assert!(
            matches!(e, LibraryError::Damaged { .. } | LibraryError::NotSqlite(_)),
            "{e}"
        ),
    }
    assert_eq!(std::fs::read(&path).unwrap().len(), len, "nothing reset");
    drop(dir);
}

#[test]
fn another_extractor_version_is_analysed_again() {
    let (_d, mut lib) = open_with(&sample());
    let before = lib.actors(&ActorQuery::default()).unwrap();
    lib.conn
        .execute("UPDATE article SET analysed = 'an older extractor'", [])
        .unwrap();
    assert_eq!(lib.stale_count().unwrap(), 3);
    assert_eq!(
        lib.analysis("fr-1").unwrap(),
        None,
        "a stale analysis is not served"
    );
    let mut calls = Vec::new();
    assert_eq!(
        reanalyse(&mut lib, 2, &mut |done, total| calls.push((done, total))).unwrap(),
        3
    );
    assert_eq!(calls, [(3, 3)]);
    assert_eq!(lib.stale_count().unwrap(), 0);
    assert_eq!(lib.actors(&ActorQuery::default()).unwrap(), before);
    assert!(lib.analysis("fr-1").unwrap().is_some());
    assert!(lib.check().unwrap().is_empty());
}

#[test]
fn a_big_file_goes_in_chunks_and_counts_once() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("many.jsonl");
    let lines: Vec<String> = (0..150)
        .map(|i| {
            serde_json::json!({
                "url": format!("https://example.org/{i}"),
                "headline": format!("Rains in Kenya, day {i}"),
                "articleBody": "Heavy rains fell on Nairobi this week.",
                "inLanguage": "en",
            })
            .to_string()
        })
        .collect();
    std::fs::write(&file, lines.join("\n") + "\n{\"headline\": \n").unwrap();
    let mut lib = Library::open(&dir.path().join("l.sqlite")).unwrap();
    let mut events = Vec::new();
    let summary = import(&mut lib, &[file], &ImportOptions::default(), &mut |e| {
        if let ImportEvent::Stored {
            articles,
            problems,
            file_done,
            ..
        } = e
        {
            events.push((articles.len(), problems.len(), file_done));
        }
    })
    .unwrap();
    assert_eq!(events.iter().map(|e| e.0).sum::<usize>(), 150);
    assert_eq!(events.iter().filter(|e| e.2).count(), 1, "{events:?}");
    assert!(events.len() >= 3, "{events:?}");
    assert!(
        events.iter().map(|e| e.1).sum::<usize>() >= 1,
        "the bad line is reported"
    );
    assert_eq!(
        (summary.files, summary.added, summary.failed_files),
        (1, 150, 1)
    );
    assert_eq!(lib.find_actors("Kenya").unwrap()[0].articles, 150);
    assert!(lib.check().unwrap().is_empty());
}
