//! The gazetteer through the public API, on two short news-style texts written
//! for this test (one French, one English).

use lede::extract::Kind;
use lede::extract::gazetteer::{Gazetteer, MatchKind};

const FR: &str = "Le chef de la diplomatie sénégalaise s'est rendu jeudi à Niamey, \
puis à N'Djamena, pour évoquer la sécurité au Sahel avec ses homologues nigérien et tchadien.\n\
Selon l'Organisation des Nations unies (ONU), plus de deux millions de Soudanais ont fui vers \
le Tchad depuis 2023. La Banque mondiale et le Fonds monétaire international (FMI) promettent \
une aide, tandis que l'Union européenne hésite.\n\n\
Avez-vous une question ? Écrivez-nous. Après les coups d'État, l'État malien a quitté la CEDEAO.";

const EN: &str = "Kenyan and Ethiopian envoys met in Nairobi on Monday as the African Union \
pressed for a ceasefire in Sudan. The United Nations refugee agency said Chad had received \
more Sudanese refugees than any other neighbour, while the World Health Organization warned of \
cholera in Darfur. Officials in Washington and Brussels welcomed the talks.";

/// `(surface, id, mention kind)` for every match.
fn matches(text: &str) -> Vec<(String, String, Kind)> {
    let g = Gazetteer::get();
    g.find(text)
        .iter()
        .map(|m| {
            (
                m.span.text(text).to_owned(),
                g.entry(m.entry).id.clone(),
                g.mention_kind(m),
            )
        })
        .collect()
}

fn owned(v: &[(&str, &str, Kind)]) -> Vec<(String, String, Kind)> {
    v.iter()
        .map(|(s, id, k)| (s.to_string(), id.to_string(), *k))
        .collect()
}

#[test]
fn french_fixture() {
    use Kind::*;
    assert_eq!(
        matches(FR),
        owned(&[
            ("sénégalaise", "iso:SN", Nationality),
            ("Niamey", "city:NE:niamey", Place),
            ("N'Djamena", "city:TD:n-djamena", Place),
            ("Sahel", "region:sahel", Place),
            ("nigérien", "iso:NE", Nationality),
            ("tchadien", "iso:TD", Nationality),
            (
                "Organisation des Nations unies",
                "wikidata:Q1065",
                Organization
            ),
            ("ONU", "wikidata:Q1065", Organization),
            ("Soudanais", "iso:SD", Nationality),
            ("Tchad", "iso:TD", Place),
            ("Banque mondiale", "wikidata:Q7164", Organization),
            (
                "Fonds monétaire international",
                "wikidata:Q7804",
                Organization
            ),
            ("FMI", "wikidata:Q7804", Organization),
            ("Union européenne", "wikidata:Q458", Organization),
            ("malien", "iso:ML", Nationality),
            ("CEDEAO", "wikidata:Q161549", Organization),
        ])
    );
}

#[test]
fn english_fixture() {
    use Kind::*;
    let got = matches(EN);
    assert_eq!(
        got,
        owned(&[
            ("Kenyan", "iso:KE", Nationality),
            ("Ethiopian", "iso:ET", Nationality),
            ("Nairobi", "city:KE:nairobi", Place),
            ("African Union", "wikidata:Q7159", Organization),
            ("Sudan", "iso:SD", Place),
            ("United Nations", "wikidata:Q1065", Organization),
            ("Chad", "iso:TD", Place),
            ("Sudanese", "iso:SD", Nationality),
            ("World Health Organization", "wikidata:Q7817", Organization),
            ("Darfur", "region:darfur", Place),
            ("Washington", "wikidata:Q61", Place),
            ("Brussels", "city:BE:brussels", Place),
        ])
    );
    // "Chad" and "Washington" are flagged for the caller to weigh the context
    let g = Gazetteer::get();
    let flagged: Vec<&str> = g
        .find(EN)
        .iter()
        .filter(|m| m.ambiguous)
        .map(|m| m.span.text(EN))
        .collect();
    assert_eq!(flagged, vec!["Chad", "Washington"]);
}

#[test]
fn one_actor_for_all_forms_across_languages() {
    let g = Gazetteer::get();
    let ecowas = g.by_id("wikidata:Q161549").expect("ECOWAS");
    for form in [
        "CEDEAO",
        "ECOWAS",
        "Economic Community of West African States",
        "Communauté économique des États de l’Afrique de l’Ouest",
    ] {
        assert_eq!(g.by_form(form), Some(ecowas), "{form}");
    }
    assert_eq!(g.form_kind("CEDEAO"), Some((ecowas, MatchKind::Acronym)));
    let td = g.by_id("iso:TD").expect("Chad");
    for form in [
        "Tchad",
        "Chad",
        "tchadien",
        "tchadiennes",
        "Tchadiens",
        "Chadian",
        "Chadians",
    ] {
        assert_eq!(g.by_form(form), Some(td), "{form}");
    }
    assert_eq!(g.display_name(td, "fr"), "Tchad");
    assert_eq!(g.display_name(td, "en-GB"), "Chad");
}
