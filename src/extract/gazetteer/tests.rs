use super::*;

fn gaz() -> &'static Gazetteer {
    Gazetteer::get()
}

/// `(surface text, entry id, kind)` for every match in `text`.
fn hits(text: &str) -> Vec<(String, String, MatchKind)> {
    let g = gaz();
    g.find(text)
        .into_iter()
        .map(|m| {
            (
                m.span.text(text).to_owned(),
                g.entry(m.entry).id.clone(),
                m.kind,
            )
        })
        .collect()
}

#[test]
fn every_row_parses_and_ids_are_unique() {
    let g = Gazetteer::try_build().expect("embedded tables parse");
    let mut seen = std::collections::HashSet::new();
    for e in g.entries() {
        assert!(seen.insert(e.id.clone()), "duplicate id {}", e.id);
        assert!(!e.name_en.is_empty() && !e.name_fr.is_empty(), "{}", e.id);
        if e.kind == EntryKind::City {
            let parent = e.parent.as_deref().expect("a city has a parent");
            let p = g.by_id(parent).expect("parent exists");
            assert_eq!(g.entry(p).kind, EntryKind::Country, "{}", e.id);
        }
    }
    // every demonym row refers to a country
    let dems = parse::parse_demonyms(DEMONYMS_FILE, DEMONYMS_TSV).expect("demonyms parse");
    assert!(dems.len() > 300, "{} demonym rows", dems.len());
    for d in dems {
        let idx = g.by_id(&d.id).expect("demonym id exists");
        assert_eq!(g.entry(idx).kind, EntryKind::Country, "{}", d.id);
        assert!(d.lang == "fr" || d.lang == "en", "{}", d.lang);
    }
    assert!(g.len() > 700, "{} entries", g.len());
}

#[test]
fn malformed_tables_are_reported_with_file_and_line() {
    let ents = "# c\nid\tkind\tparent\tname_en\tname_fr\tforms\tacronyms\tambiguous_forms\n\
                iso:ML\tcountry\t\tMali\tMali\t\t\t\n\
                iso:ML\tcountry\t\tMali\tMali\t\t\t\n";
    let dems = "id\tlang\tforms\tshared_forms\n";
    let err = Gazetteer::from_tables(ents, dems).unwrap_err();
    assert_eq!(err.line, 4);
    assert!(err.to_string().contains("entities.tsv:4"), "{err}");

    let bad_kind = "id\tkind\tparent\tname_en\tname_fr\tforms\tacronyms\tambiguous_forms\n\
                    x:1\tplanet\t\tMars\tMars\t\t\t\n";
    let err = Gazetteer::from_tables(bad_kind, dems).unwrap_err();
    assert!(err.message.contains("planet"), "{err}");

    let short = "id\tkind\tparent\tname_en\tname_fr\tforms\tacronyms\tambiguous_forms\nx\tcity\n";
    assert!(Gazetteer::from_tables(short, dems).is_err());

    let ok = "id\tkind\tparent\tname_en\tname_fr\tforms\tacronyms\tambiguous_forms\n\
              iso:ML\tcountry\t\tMali\tMali\t\t\t\n";
    let unknown = "id\tlang\tforms\tshared_forms\niso:XX\tfr\tx\t\n";
    let err = Gazetteer::from_tables(ok, unknown).unwrap_err();
    assert!(err.to_string().contains("demonyms.tsv:2"), "{err}");
}

/// `(text, [(surface, id)])`: the whole expected match list, in order.
type Case = (&'static str, &'static [(&'static str, &'static str)]);

fn check(cases: &[Case]) {
    for (text, want) in cases {
        let got: Vec<(String, String)> = hits(text).into_iter().map(|h| (h.0, h.1)).collect();
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(s, id)| (s.to_string(), id.to_string()))
            .collect();
        assert_eq!(got, want, "in {text:?}");
    }
}

#[test]
fn french_sentences() {
    check(&[
        (
            "La Russie renforce ses liens avec le Mali et le Niger.",
            &[
                ("Russie", "iso:RU"),
                ("Mali", "iso:ML"),
                ("Niger", "iso:NE"),
            ],
        ),
        (
            "Les ministres se sont retrouvés à Moscou puis à Bamako.",
            &[("Moscou", "wikidata:Q649"), ("Bamako", "city:ML:bamako")],
        ),
        // elision, with both apostrophes
        (
            "l'Afrique, d’Irak et l’Europe",
            &[
                ("Afrique", "cldr:002"),
                ("Irak", "iso:IQ"),
                ("Europe", "cldr:150"),
            ],
        ),
        // multi-word names and their acronyms
        (
            "Ils ont quitté la Communauté économique des États de l'Afrique de l'Ouest (CEDEAO).",
            &[
                (
                    "Communauté économique des États de l'Afrique de l'Ouest",
                    "wikidata:Q161549",
                ),
                ("CEDEAO", "wikidata:Q161549"),
            ],
        ),
        (
            "Ils ont formé l’Alliance des États du Sahel (AES) au Sahel.",
            &[
                ("Alliance des États du Sahel", "org:aes"),
                ("AES", "org:aes"),
                ("Sahel", "region:sahel"),
            ],
        ),
        // leftmost-longest: the longer country wins over its prefix
        (
            "La Guinée-Bissau n'est pas la Guinée.",
            &[("Guinée-Bissau", "iso:GW"), ("Guinée", "iso:GN")],
        ),
        (
            "Le Burkina Faso et le Nigeria.",
            &[("Burkina Faso", "iso:BF"), ("Nigeria", "iso:NG")],
        ),
        // nationality adjectives: m/f, singular/plural, noun forms
        (
            "des soldats russes, l'armée malienne, un diplomate russe, les Maliens, une influence française",
            &[
                ("russes", "iso:RU"),
                ("malienne", "iso:ML"),
                ("russe", "iso:RU"),
                ("Maliens", "iso:ML"),
                ("française", "iso:FR"),
            ],
        ),
        (
            "Les Françaises et les Russes.",
            &[("Françaises", "iso:FR"), ("Russes", "iso:RU")],
        ),
        (
            "des experts nigériens et maliennes",
            &[("nigériens", "iso:NE"), ("maliennes", "iso:ML")],
        ),
        (
            "la France et les États-Unis",
            &[("France", "iso:FR"), ("États-Unis", "iso:US")],
        ),
        (
            "Ouagadougou, Niamey, Tombouctou",
            &[
                ("Ouagadougou", "city:BF:ouagadougou"),
                ("Niamey", "city:NE:niamey"),
                ("Tombouctou", "city:ML:timbuktu"),
            ],
        ),
        (
            "L'ONU et l'OTAN, l'UE et l'UA.",
            &[
                ("ONU", "wikidata:Q1065"),
                ("OTAN", "wikidata:Q7184"),
                ("UE", "wikidata:Q458"),
                ("UA", "wikidata:Q7159"),
            ],
        ),
        (
            "au Moyen-Orient et dans le Maghreb",
            &[
                ("Moyen-Orient", "region:middle-east"),
                ("Maghreb", "region:maghreb"),
            ],
        ),
    ]);
}

#[test]
fn english_sentences() {
    check(&[
        (
            "Russia's foreign minister met Malian and Nigerien officials in Moscow.",
            &[
                ("Russia", "iso:RU"),
                ("Malian", "iso:ML"),
                ("Nigerien", "iso:NE"),
                ("Moscow", "wikidata:Q649"),
            ],
        ),
        (
            "The Economic Community of West African States (ECOWAS) and the African Union.",
            &[
                (
                    "Economic Community of West African States",
                    "wikidata:Q161549",
                ),
                ("ECOWAS", "wikidata:Q161549"),
                ("African Union", "wikidata:Q7159"),
            ],
        ),
        (
            "Russians and the French in West Africa",
            &[
                ("Russians", "iso:RU"),
                ("French", "iso:FR"),
                ("West Africa", "cldr:011"),
            ],
        ),
        (
            "the United States and the United Kingdom",
            &[("United States", "iso:US"), ("United Kingdom", "iso:GB")],
        ),
        (
            "NATO, the IMF and the World Bank",
            &[
                ("NATO", "wikidata:Q7184"),
                ("IMF", "wikidata:Q7804"),
                ("World Bank", "wikidata:Q7164"),
            ],
        ),
    ]);
}

#[test]
fn cyrillic_and_other_scripts_around() {
    check(&[
        (
            "Татьяна Гуринович, Москва; Russie.",
            &[("Russie", "iso:RU")],
        ),
        ("Мали", &[]),
        ("日本とFranceと中国", &[("France", "iso:FR")]),
        // a combining mark glued to a name makes it another word
        ("Mali\u{301} Mali", &[("Mali", "iso:ML")]),
    ]);
}

#[test]
fn traps_never_match() {
    check(&[
        ("Avez-vous trouvé une erreur ou une inexactitude ?", &[]),
        ("Suite aux coups d'État entre 2020 et 2023.", &[]),
        ("Un État fort. L'État.", &[]),
        ("niger, mali, russie, france, état", &[]),
        ("Malisation, Francesca, Russiea, Indianapolitain", &[]),
        ("AESX, XAES, CEDEAOS", &[]),
        ("chiffrement AES-256 et G20-2025", &[]),
        // the newspaper, not a place called "Monde"
        ("Le Monde a publié", &[("Le Monde", "org:le-monde")]),
        // the tail of a capitalised compound is not the country
        ("le Haut-Mali et la Basse-Guinée", &[]),
    ]);
}

#[test]
fn hyphens() {
    check(&[
        (
            "l'axe Moscou-Bamako",
            &[("Moscou", "wikidata:Q649"), ("Bamako", "city:ML:bamako")],
        ),
        ("des milices pro-russes", &[("russes", "iso:RU")]),
        ("le Sud-Soudanais", &[("Sud-Soudanais", "iso:SS")]),
        (
            "la frontière Mali-Niger",
            &[("Mali", "iso:ML"), ("Niger", "iso:NE")],
        ),
    ]);
}

#[test]
fn match_kinds_and_ambiguity() {
    let g = gaz();
    let text = "CEDEAO, Mali, maliens, Chad, Jordan, Georgia, Turkey, Nice, Congo, congolais";
    let ms = g.find(text);
    let get = |s: &str| {
        ms.iter()
            .find(|m| m.span.text(text) == s)
            .unwrap_or_else(|| panic!("{s} not found in {ms:?}"))
    };
    assert_eq!(get("CEDEAO").kind, MatchKind::Acronym);
    assert_eq!(get("Mali").kind, MatchKind::Name);
    assert_eq!(get("maliens").kind, MatchKind::Demonym);
    assert!(!get("Mali").ambiguous);
    for s in [
        "Chad",
        "Jordan",
        "Georgia",
        "Turkey",
        "Nice",
        "Congo",
        "congolais",
    ] {
        assert!(get(s).ambiguous, "{s} should be flagged ambiguous");
        assert!(
            g.entry(get(s).entry).ambiguous,
            "{s}'s entry should be flagged"
        );
    }
    assert_eq!(g.entry(get("Nice").entry).kind, EntryKind::City);
    assert_eq!(g.entry(get("Chad").entry).id, "iso:TD");
}

#[test]
fn common_words_are_not_cities() {
    let g = gaz();
    for w in [
        "Mobile", "Reading", "Bath", "Split", "Orange", "Troll", "Resolute", "Midway", "Monde",
    ] {
        assert_eq!(g.by_form(w), None, "{w} should not be a gazetteer form");
    }
}

#[test]
fn lookups() {
    let g = gaz();
    let ml = g.by_id("iso:ML").expect("Mali");
    assert_eq!(g.display_name(ml, "fr"), "Mali");
    let ru = g.by_id("iso:RU").expect("Russia");
    assert_eq!(g.display_name(ru, "fr-FR"), "Russie");
    assert_eq!(g.display_name(ru, "en"), "Russia");
    assert_eq!(g.display_name(ru, ""), "Russia");
    assert_eq!(g.by_form("russes"), Some(ru));
    assert_eq!(g.by_form("Russie"), Some(ru));
    assert_eq!(g.form_kind("russe"), Some((ru, MatchKind::Demonym)));
    let ecowas = g.by_id("wikidata:Q161549").expect("ECOWAS");
    assert_eq!(g.by_form("CEDEAO"), Some(ecowas));
    assert_eq!(g.by_form("ECOWAS"), Some(ecowas));
    assert_eq!(
        g.display_name(ecowas, "fr"),
        "Communauté économique des États de l'Afrique de l'Ouest"
    );
    // either apostrophe
    assert_eq!(g.by_form("Côte d’Ivoire"), g.by_form("Côte d'Ivoire"));
    assert!(g.by_form("Côte d'Ivoire").is_some());
    assert_eq!(g.by_form("russie"), None);
    assert_eq!(g.by_form("Burkina\nFaso"), g.by_id("iso:BF"));
    assert!(
        g.forms_of(ru)
            .iter()
            .any(|(f, k)| *f == "Russes" && *k == MatchKind::Demonym)
    );
    let moscow = g.by_id("wikidata:Q649").expect("Moscow");
    assert_eq!(g.entry(moscow).parent.as_deref(), Some("iso:RU"));
}

#[test]
fn french_demonyms_cover_gender_and_number() {
    let g = gaz();
    let fr = g.by_id("iso:FR").expect("France");
    for f in [
        "français",
        "française",
        "françaises",
        "Français",
        "Française",
        "Françaises",
    ] {
        assert_eq!(g.form_kind(f), Some((fr, MatchKind::Demonym)), "{f}");
    }
    let ml = g.by_id("iso:ML").expect("Mali");
    for f in [
        "malien",
        "malienne",
        "maliens",
        "maliennes",
        "Malien",
        "Maliens",
    ] {
        assert_eq!(g.by_form(f), Some(ml), "{f}");
    }
    for f in ["Malian", "Malians"] {
        assert_eq!(g.by_form(f), Some(ml), "{f}");
    }
}

#[test]
fn matches_are_sorted_and_disjoint() {
    let text = "La Russie, la France, l'Afrique du Sud et l'Afrique; la CEDEAO à Abuja et Lagos.";
    let ms = gaz().find(text);
    assert!(ms.len() >= 6, "{ms:?}");
    for w in ms.windows(2) {
        assert!(w[0].span.end <= w[1].span.start, "{w:?}");
    }
    assert!(ms.iter().any(|m| m.span.text(text) == "Afrique du Sud"));
}

#[test]
fn all_caps_headlines_make_acronyms_ambiguous() {
    let g = gaz();
    let text = "UN ACCORD SUR L'EAU. L'ONU et les EAU signent avec l'UE.";
    let ms = g.find(text);
    let amb: Vec<(&str, bool)> = ms
        .iter()
        .map(|m| (m.span.text(text), m.ambiguous))
        .collect();
    assert_eq!(
        amb,
        vec![
            ("UN", true),
            ("EAU", true),
            ("ONU", false),
            ("EAU", true),
            ("UE", false)
        ],
        "EAU is flagged in the table, UN only by its shouting neighbours"
    );
}

#[test]
fn city_states_and_federations() {
    check(&[
        (
            "Djibouti et Luxembourg",
            &[("Djibouti", "iso:DJ"), ("Luxembourg", "iso:LU")],
        ),
        (
            "New Mexico and Mexico",
            &[("New Mexico", "iso:US-NM"), ("Mexico", "iso:MX")],
        ),
        (
            "New Jersey, not Jersey",
            &[("New Jersey", "iso:US-NJ"), ("Jersey", "iso:JE")],
        ),
    ]);
    let g = gaz();
    let m = g.find("Luxembourg");
    assert!(!m[0].ambiguous, "a city-state's name is not ambiguous");
    let m = g.find("Georgia");
    assert!(m[0].ambiguous, "Georgia: country or US state");
}

#[test]
fn mention_and_actor_kinds() {
    let g = gaz();
    let text = "La CEDEAO, le Mali et les Maliens.";
    let kinds: Vec<(&str, Kind)> = g
        .find(text)
        .iter()
        .map(|m| (m.span.text(text), g.mention_kind(m)))
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("CEDEAO", Kind::Organization),
            ("Mali", Kind::Place),
            ("Maliens", Kind::Nationality)
        ]
    );
    let ecowas = g.by_form("CEDEAO").expect("CEDEAO");
    assert_eq!(g.actor_kind(ecowas), ActorKind::Organization);
    let ml = g.by_form("Maliens").expect("Maliens");
    assert_eq!(g.actor_kind(ml), ActorKind::Place);
}

#[test]
fn line_breaks() {
    check(&[
        (
            "le Burkina\nFaso et le Mali",
            &[("Burkina\nFaso", "iso:BF"), ("Mali", "iso:ML")],
        ),
        // never across a blank line: only the parts that are names by themselves
        ("Afrique du\n\nSud", &[("Afrique", "cldr:002")]),
        ("Burkina\r\n\r\nFaso", &[("Burkina", "iso:BF")]),
    ]);
}

#[test]
fn parties_parliaments_agencies_and_uk_nations() {
    check(&[
        (
            "Labour and the Conservatives lost seats in Scotland and Wales to the SNP.",
            &[
                ("Labour", "wikidata:Q9630"),
                ("Conservatives", "wikidata:Q9626"),
                ("Scotland", "iso:GB-SCT"),
                ("Wales", "iso:GB-WLS"),
                ("SNP", "org:snp"),
            ],
        ),
        (
            "Le Rassemblement national et La France insoumise à l'Assemblée nationale, selon l'AFP.",
            &[
                ("Rassemblement national", "org:rn-fr"),
                ("La France insoumise", "org:lfi-fr"),
                ("Assemblée nationale", "org:assemblee-nationale-fr"),
                ("AFP", "org:afp"),
            ],
        ),
        (
            "La Verkhovna Rada a voté ; la Douma et le Bundestag aussi, selon Reuters.",
            &[
                ("Verkhovna Rada", "org:verkhovna-rada"),
                ("Douma", "org:state-duma"),
                ("Bundestag", "org:bundestag"),
                ("Reuters", "wikidata:Q130879"),
            ],
        ),
        (
            "L'Écosse, le pays de Galles et l'Irlande du Nord, à Poltava.",
            &[
                ("Écosse", "iso:GB-SCT"),
                ("pays de Galles", "iso:GB-WLS"),
                ("Irlande du Nord", "iso:GB-NIR"),
                ("Poltava", "city:UA:poltava"),
            ],
        ),
        (
            "A Soviet probe; la sonde soviétique; the Soviet Union and the Seine.",
            &[
                ("Soviet", "wikidata:Q15180"),
                ("soviétique", "wikidata:Q15180"),
                ("Soviet Union", "wikidata:Q15180"),
                ("Seine", "region:seine"),
            ],
        ),
        (
            "England beat Wales.",
            &[("England", "iso:GB-ENG"), ("Wales", "iso:GB-WLS")],
        ),
    ]);
}

#[test]
fn media_and_companies() {
    check(&[
        (
            "Selon Mediapart et BFMTV, EDF et Stellantis ont signé.",
            &[
                ("Mediapart", "org:mediapart"),
                ("BFMTV", "org:bfmtv"),
                ("EDF", "org:edf"),
                ("Stellantis", "org:stellantis"),
            ],
        ),
        (
            "Sky News and NPR said Goldman Sachs and BlackRock agreed.",
            &[
                ("Sky News", "org:sky-news"),
                ("NPR", "org:npr"),
                ("Goldman Sachs", "org:goldman-sachs"),
                ("BlackRock", "org:blackrock"),
            ],
        ),
        // the radio station, not the continent
        (
            "Invité sur Europe 1 ce matin.",
            &[("Europe 1", "org:europe-1")],
        ),
    ]);
}
