//! Feeds to articles: every format, HTML bodies, hostile text, legacy
//! charsets, broken and malicious XML, a feed of 10,000 items.

mod loopback;

use lede::article::sanitize::is_clean;
use lede::ingest::feed::{self, ParsedFeed};
use loopback::fixture;

fn parse(name: &str) -> ParsedFeed {
    feed::parse_bytes(
        &format!("http://127.0.0.1/{name}"),
        &fixture(&format!("feeds/{name}")),
        None,
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn rss2_with_html_summaries_and_content_encoded() {
    let f = parse("rss2_fr.xml");
    assert_eq!(f.title.as_deref(), Some("Le Courrier du Lac"));
    assert_eq!(f.items.len(), 2);
    let a = &f.items[0].article;
    assert_eq!(a.headline, "La mairie d\u{2019}Annecy vote le budget");
    assert_eq!(a.authors, ["Camille Perrin"]);
    assert_eq!(a.in_language, "fr");
    assert_eq!(
        a.date_published.as_deref(),
        Some("2026-12-07T07:30:00+00:00")
    );
    assert_eq!(
        a.paragraphs,
        [
            "Le conseil municipal a adopté lundi soir le budget de l\u{2019}an prochain.",
            "L\u{2019}opposition a voté contre & annonce un recours."
        ]
    );
    // A bare guid is qualified by the feed; the URL stays the item's link.
    assert_eq!(a.id, "http://127.0.0.1/rss2_fr.xml#courrier-2026-001");
    assert_eq!(a.url.as_deref(), Some("http://127.0.0.1/courrier/budget"));
    assert_eq!(a.publisher.as_deref(), Some("Le Courrier du Lac"));
    // content:encoded wins over the summary; the script is gone.
    let b = &f.items[1].article;
    assert_eq!(
        b.paragraphs,
        [
            "Un chantier de deux ans",
            "Les travaux du pont commenceront en mars, a indiqué la préfecture.",
            "La circulation sera déviée par Rumilly pendant l'été."
        ]
    );
    assert_eq!(b.id, "http://127.0.0.1/courrier/pont");
}

#[test]
fn atom_html_titles_and_summaries() {
    let f = parse("atom_en.xml");
    assert_eq!(f.title.as_deref(), Some("Harbour Gazette"));
    assert_eq!(f.site_url.as_deref(), Some("http://127.0.0.1/gazette/"));
    let a = &f.items[0].article;
    assert_eq!(a.headline, "Ferry strike ends after talks");
    assert_eq!(a.authors, ["Morgan Ellis"]);
    assert_eq!(a.id, "tag:127.0.0.1,2026:ferry");
    assert_eq!(
        a.paragraphs,
        [
            "Crews returned to the harbour on Monday, the union said.",
            "Services to the islands resume on Tuesday."
        ]
    );
    assert_eq!(
        a.date_published.as_deref(),
        Some("2026-12-07T07:45:00+00:00")
    );
    let b = &f.items[1].article;
    assert_eq!(
        b.paragraphs,
        ["The new wall will protect the old town from winter storms."]
    );
    assert_eq!(
        b.date_published.as_deref(),
        Some("2026-12-06T12:00:00+00:00"),
        "updated when not published"
    );
}

#[test]
fn json_feed_and_rss1() {
    let f = parse("feed.json");
    assert_eq!(f.title.as_deref(), Some("Valley Notes"));
    assert_eq!(
        f.items[0].article.paragraphs,
        [
            "Growers picked more apples than in any year since 1990.",
            "Prices fell by a tenth."
        ]
    );
    assert_eq!(f.items[0].article.authors, ["Priya Natarajan"]);
    assert_eq!(
        f.items[1].article.paragraphs,
        [
            "The town library will open on Sunday afternoons.",
            "Volunteers staff the desk."
        ]
    );
    let r = parse("rss1_rdf.xml");
    assert_eq!(r.title.as_deref(), Some("Bulletin des Alpes"));
    let a = &r.items[0].article;
    assert_eq!(a.headline, "Premières neiges sur le col");
    assert_eq!(
        a.paragraphs,
        ["Le col du Galibier est fermé depuis samedi."]
    );
    assert_eq!(a.url.as_deref(), Some("http://127.0.0.1/bulletin/neige"));
}

#[test]
fn escapes_and_bidi_overrides_removed() {
    let f = parse("hostile.xml");
    let title = f.title.clone().unwrap();
    assert!(
        is_clean(&title) && title.contains("Hostile") && !title.contains("owned\u{7}"),
        "{title:?}"
    );
    let a = &f.items[0].article;
    for s in std::iter::once(&a.headline).chain(&a.paragraphs) {
        assert!(is_clean(s), "{s:?}");
        for c in ['\u{1b}', '\u{202e}', '\u{202c}', '\u{2067}', '\u{2069}'] {
            assert!(!s.contains(c), "{c:?} in {s:?}");
        }
    }
    assert!(
        a.paragraphs[0].contains("rouge") && a.paragraphs[0].contains("isolé"),
        "{:?}",
        a.paragraphs
    );
}

#[test]
fn windows_1252_feed() {
    let bytes = b"<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<rss version=\"2.0\"><channel><title>Caf\xe9 \x96 \xe9dition</title>\n<item><title>\x93No\xebl\x94 \xe0 l\x92\xe9cole</title><description>Cr\xe8me br\xfbl\xe9e \x80 5</description></item></channel></rss>";
    let f = feed::parse_bytes("http://127.0.0.1/cp1252.xml", bytes, None).unwrap();
    assert_eq!(f.title.as_deref(), Some("Café – édition"));
    assert_eq!(
        f.items[0].article.headline,
        "\u{201c}Noël\u{201d} à l\u{2019}école"
    );
    assert_eq!(f.items[0].article.paragraphs, ["Crème brûlée € 5"]);
    // The Content-Type charset is used when the document names none.
    let bytes = b"<rss version=\"2.0\"><channel><title>\xc9t\xe9</title></channel></rss>";
    let f = feed::parse_bytes("http://127.0.0.1/latin1.xml", bytes, Some("ISO-8859-1")).unwrap();
    assert_eq!(f.title.as_deref(), Some("Été"));
}

#[test]
fn malformed_and_bomb_give_errors_naming_the_feed() {
    for (file, words) in [
        ("malformed.xml", "not a valid feed"),
        ("bomb.xml", "ENTITY"),
    ] {
        let name = format!("http://127.0.0.1/{file}");
        let e = feed::parse_bytes(&name, &fixture(&format!("feeds/{file}")), None).unwrap_err();
        let msg = e.to_string();
        assert!(msg.starts_with(&format!("feed {name}: ")), "{msg}");
        assert!(msg.contains(words), "{msg}");
    }
    let e = feed::parse(
        "http://127.0.0.1/page",
        "<html><body>not a feed</body></html>",
    )
    .unwrap_err();
    assert!(e.message.contains("not a valid feed"), "{e}");
    assert!(
        feed::parse("x", "   ")
            .unwrap_err()
            .message
            .contains("empty")
    );
}

#[test]
fn ten_thousand_items() {
    let mut xml =
        String::from("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Big</title>");
    for i in 0..10_000 {
        xml.push_str(&format!(
            "<item><title>Item {i}</title><guid>g{i}</guid><description>&lt;p&gt;Body of item {i}, fairly short.&lt;/p&gt;</description></item>"
        ));
    }
    xml.push_str("</channel></rss>");
    let f = feed::parse("http://127.0.0.1/big.xml", &xml).unwrap();
    assert_eq!(f.items.len(), 10_000);
    assert_eq!(f.items[9_999].article.headline, "Item 9999");
    assert_eq!(
        f.items[9_999].article.paragraphs,
        ["Body of item 9999, fairly short."]
    );
    let ids: std::collections::HashSet<_> = f.items.iter().map(|i| &i.article.id).collect();
    assert_eq!(ids.len(), 10_000);
}
