//! Closed-class word lists and cue words for French and English, as rules in
//! code: determiners, pronouns, prepositions and frequent sentence starters
//! (never a name on their own), honorifics, job titles, organisation head
//! words, name particles and verbs of saying.
//!
//! Every set is keyed by the lower-case form and built once.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// Case- and accent-folded form: NFD, combining marks dropped, lower case,
/// typographic apostrophes and dashes made plain.
pub fn fold(s: &str) -> String {
    crate::text::Fold::LEXICON.apply(s)
}

/// A small, fast, non-cryptographic hasher (FNV-1a over 8-byte words) for
/// the short keys of the word sets; the keys are not attacker-chosen in a
/// way that matters (a slow lookup at worst).
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h = (h ^ u64::from_le_bytes(w))
                .wrapping_mul(0x0100_0000_01b3)
                .rotate_left(29);
        }
        for &b in chunks.remainder() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub type FastSet<T> = HashSet<T, BuildHasherDefault<FastHasher>>;
pub type FastMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<FastHasher>>;

fn set(words: &'static [&'static str]) -> FastSet<&'static str> {
    words.iter().copied().collect()
}

macro_rules! word_set {
    ($(#[$m:meta])* $name:ident, $words:expr) => {
        $(#[$m])*
        pub fn $name(lower: &str) -> bool {
            static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
            SET.get_or_init(|| set($words)).contains(lower)
        }
    };
}

word_set!(
    /// Words that are never a name on their own, even capitalised: French and
    /// English determiners, pronouns, prepositions, conjunctions, adverbs that
    /// open sentences, and calendar words.
    is_stopword,
    &[
        // French
        "le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "ce", "cet", "cette",
        "ces", "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "notre", "nos",
        "votre", "vos", "leur", "leurs", "quel", "quelle", "quels", "quelles", "tout", "toute",
        "tous", "toutes", "chaque", "plusieurs", "aucun", "aucune", "certains", "certaines",
        "il", "elle", "ils", "elles", "on", "nous", "vous", "je", "tu", "cela", "ceci", "ça",
        "celui", "celle", "ceux", "celles", "qui", "que", "quoi", "dont", "où", "lui", "eux",
        "moi", "toi", "soi", "y", "en", "à", "a", "au", "aux", "dans", "par", "pour", "sur",
        "sous", "avec", "sans", "selon", "depuis", "pendant", "après", "avant", "malgré",
        "contre", "entre", "vers", "chez", "et", "ou", "mais", "donc", "or", "ni", "car", "si",
        "comme", "lorsque", "quand", "puisque", "alors", "ainsi", "enfin", "pourtant",
        "cependant", "toutefois", "néanmoins", "aussi", "encore", "déjà", "désormais", "puis",
        "ensuite", "suite", "face", "outre", "parmi", "lors", "afin", "grâce", "dès", "hier",
        "aujourd'hui", "demain", "oui", "non", "voici", "voilà", "bien", "plus", "moins",
        "très", "trop", "peu", "beaucoup", "seul", "seule", "même", "autre", "autres", "rien",
        "personne", "chacun", "chacune", "ici", "là", "maintenant", "parfois", "souvent",
        "toujours", "jamais", "surtout", "notamment", "également", "finalement", "actuellement",
        "récemment", "auparavant", "d'abord", "d'ailleurs", "par ailleurs", "c'est", "il y a",
        "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lundi", "mardi", "janvier",
        "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
        "novembre", "décembre", "édité", "rédigé", "écrit", "publié", "mis", "mise", "source",
        "photo", "lire", "voir", "cliquez", "abonnez", "partager", "selon",
        // English
        "the", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our",
        "my", "your", "he", "she", "it", "they", "we", "i", "you", "him", "them", "us", "me",
        "in", "at", "by", "for", "from", "with", "without", "after", "before", "during",
        "since", "under", "over", "into", "about", "against", "between", "among", "despite",
        "and", "but", "so", "yet", "if", "when", "while", "although", "though", "as",
        "because", "however", "meanwhile", "also", "still", "then", "there", "here", "some",
        "many", "most", "all", "both", "each", "every", "no", "not", "yes", "last", "next",
        "according", "following", "speaking", "asked", "what", "who", "whom", "whose", "which",
        "where", "why", "how", "today", "yesterday", "tomorrow", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "of", "to", "on", "up", "out", "off", "one", "two", "three", "other",
        "such", "more", "less", "much", "few", "several", "another", "any", "none", "nor",
        "once", "until", "unless", "whether", "now", "even", "just", "only", "again", "instead",
        "read", "see", "click", "subscribe", "share", "edited", "written", "posted",
        "published", "updated", "reporting", "additional", "photo", "image", "source", "via",
        "said", "says", "dear", "thanks", "thank", "please", "hello", "mr", "mrs", "ms",
    ]
);

word_set!(
    /// Courtesy titles: a cue for a person, not a role.
    is_honorific,
    &[
        "m", "m.", "mm", "mm.", "mme", "mmes", "mlle", "mlles", "dr", "dr.", "pr", "me", "mgr",
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "sir", "dame", "lord", "lady", "monsieur",
        "madame", "mademoiselle", "maître", "docteur", "professeur", "prof",
    ]
);

word_set!(
    /// Head words of roles and titles (lower case, one word; multi-word titles
    /// are built from these and the modifiers below).
    is_role_head_word,
    &[
        // French
        "président", "présidente", "vice-président", "vice-présidente", "ministre",
        "chancelier", "chancelière", "secrétaire", "porte-parole", "chef", "cheffe",
        "directeur", "directrice", "pdg", "ambassadeur", "ambassadrice", "général", "générale",
        "colonel", "capitaine", "commandant", "lieutenant", "maréchal", "amiral", "roi", "reine",
        "prince", "princesse", "pape", "sénateur", "sénatrice", "député", "députée", "maire",
        "gouverneur", "gouverneure", "juge", "procureur", "procureure", "avocat", "avocate",
        "commissaire", "conseiller", "conseillère", "représentant", "représentante", "envoyé",
        "envoyée", "émissaire", "dirigeant", "dirigeante", "leader", "patron", "patronne",
        "fondateur", "fondatrice", "médiateur", "médiatrice", "chercheur", "chercheuse",
        "professeur", "professeure", "économiste", "analyste", "journaliste", "correspondant",
        "correspondante", "opposant", "opposante", "militant", "militante", "candidat",
        "candidate", "émir", "imam", "archevêque", "évêque", "cardinal", "sultan", "monarque",
        "coordinateur", "coordinatrice", "administrateur", "administratrice", "haut-commissaire",
        "président-directeur", "homologue", "vice-ministre", "chanteur", "chanteuse", "acteur",
        "actrice", "écrivain", "écrivaine", "auteur", "autrice", "artiste", "athlète", "joueur",
        "joueuse", "entraîneur", "sélectionneur", "champion", "championne", "astronaute",
        "diplomate", "négociateur", "négociatrice", "rapporteur", "rapporteuse", "architecte",
        "mathématicien", "mathématicienne", "historien", "historienne", "scientifique",
        "ingénieur", "ingénieure", "philosophe", "poète", "poétesse", "peintre", "compositeur",
        "compositrice", "romancier", "romancière", "photographe", "réalisateur", "réalisatrice",
        "cinéaste", "sociologue", "politologue", "physicien", "physicienne", "biologiste",
        "préfet", "préfète", "recteur", "rectrice", "conservateur", "conservatrice", "adjoint",
        "adjointe", "magistrat", "magistrate", "bâtonnier", "bâtonnière", "notaire", "délégué",
        "déléguée", "trésorier", "trésorière", "présidente-directrice",
        // English
        "president", "vice-president", "minister", "chancellor", "secretary",
        "secretary-general", "spokesperson", "spokesman", "spokeswoman", "chief", "director",
        "ambassador", "general", "captain", "commander", "admiral", "king", "queen", "princess",
        "pope", "senator", "congressman", "congresswoman", "mayor", "governor", "judge",
        "prosecutor", "lawyer", "attorney", "commissioner", "adviser", "advisor", "envoy",
        "chairman", "chairwoman", "chair", "ceo", "founder", "head", "economist", "researcher",
        "professor", "correspondent", "candidate", "lawmaker", "mp", "deputy", "emir",
        "archbishop", "bishop", "counterpart", "dictator", "singer", "actor", "actress",
        "writer", "author", "artist", "athlete", "player", "coach", "sprinter", "swimmer",
        "gymnast", "champion", "astronaut", "diplomat", "negotiator", "vaulter", "judoka",
        "striker", "manager", "officer", "official", "architect", "mathematician", "historian",
        "scientist", "engineer", "philosopher", "poet", "painter", "composer", "novelist",
        "photographer", "filmmaker", "sociologist", "physicist", "biologist", "taoiseach",
        "executive", "administrator", "supervisor", "treasurer", "councillor", "councilor",
        "chairperson", "superintendent", "analyst",
    ]
);

word_set!(
    /// Words that may stand between a determiner and a role head, or before a
    /// head in English ("foreign minister", "ancien président").
    is_role_premodifier,
    &[
        "ancien", "ancienne", "ex", "nouveau", "nouvel", "nouvelle", "actuel", "actuelle",
        "haut", "haute", "vice", "premier", "première", "vice-premier", "futur", "future", "défunt", "défunte", "feu", "foreign",
        "defence", "defense", "interior", "home", "finance", "economy", "health", "justice",
        "trade", "education", "energy", "environment", "agriculture", "culture", "labour",
        "labor", "transport", "deputy", "vice", "acting", "former", "then", "prime", "senior",
        "top", "state", "opposition", "army", "military", "government", "party", "interim",
        "outgoing", "incoming", "first", "late", "junta", "rebel", "new", "current", "cabinet",
        "executive", "managing", "special", "chief", "white", "house", "press", "supreme",
        "high", "financial", "operating", "technology", "technical", "medical", "scientific",
        "legal", "commercial", "marketing", "information", "investment", "communications",
        "artistic", "editorial",
    ]
);

word_set!(
    /// Words that may follow a French role head ("secrétaire général", "ministre délégué").
    is_role_postmodifier,
    &[
        "général", "générale", "délégué", "déléguée", "adjoint", "adjointe", "intérimaire",
        "sortant", "sortante", "déchu", "déchue", "élu", "élue", "fédéral", "fédérale",
        "spécial", "spéciale", "permanent", "permanente", "exécutif", "exécutive", "principal",
        "principale", "régional", "régionale", "national", "nationale", "ministre", "d'état",
        "d'état-major", "général-adjoint", "honoraire", "associé", "associée", "provisoire",
        "fondateur", "exécutif", "general", "minister", "secretary", "ministre-conseiller",
    ]
);

word_set!(
    /// Head words of organisation names (French and English).
    is_org_head,
    &[
        // French
        "alliance", "union", "communauté", "organisation", "conseil", "banque", "parti",
        "front", "agence", "commission", "comité", "ministère", "université", "fondation",
        "association", "institut", "fédération", "confédération", "ligue", "mouvement",
        "rassemblement", "assemblée", "cour", "tribunal", "fonds", "office", "autorité",
        "bureau", "syndicat", "société", "groupe", "compagnie", "armée", "forces", "coalition",
        "congrès", "parlement", "église", "conférence", "haut-commissariat",
        "centre", "école", "observatoire", "académie", "chambre", "direction", "secrétariat",
        "brigade", "brigades", "régiment", "garde", "gendarmerie", "police", "agence",
        "collectif", "convention", "cellule", "état-major", "cabinet", "fonds",
        // English
        "bank", "council", "agency", "party", "group", "university", "company", "corporation",
        "corp", "corp.", "inc", "inc.", "ltd", "ltd.", "llc", "plc", "organization",
        "foundation", "institute", "committee", "ministry", "department", "court", "fund",
        "movement", "army", "federation", "league", "network", "authority", "board",
        "assembly", "parliament", "senate", "congress", "church", "society", "center",
        "college", "school", "hospital", "commission", "coalition", "command", "corps",
        "association", "administration", "guard", "service", "services", "directorate",
        "airlines", "airways", "times", "post", "tribune", "herald", "journal", "gazette",
        "press", "news", "agency", "institution", "forum", "trust", "house", "cabinet", "police",
        "reserve", "treasury", "exchange", "bourse", "railways", "railway",
        // Company-name endings (French and English legal forms, industries)
        "semiconductor", "semiconductors", "motors", "cars", "holdings", "technologies",
        "pharmaceuticals", "capital", "partners", "securities", "insurance", "lines",
        "logistics", "airline",
    ]
);

word_set!(
    /// Lower-case words allowed between the capitalised words of a name.
    is_name_particle,
    &[
        "de", "du", "des", "da", "di", "do", "dos", "das", "del", "della", "van", "von", "der",
        "den", "ter", "ten", "la", "le", "bin", "ben", "ibn", "bint", "abu", "ould", "ag", "al",
        "el", "y", "zu", "af", "mac", "st.",
    ]
);

word_set!(
    /// Lower-case words that may link the capitalised parts of an organisation
    /// name ("Alliance des États du Sahel", "Bank of England").
    is_org_link,
    &[
        "de", "du", "des", "d'", "l'", "la", "le", "les", "pour", "sur", "et", "of", "for",
        "the", "and", "&", "on",
    ]
);

word_set!(
    /// Verbs and phrases of saying that, right after a name, mark a person.
    is_saying_verb,
    &[
        "said", "says", "told", "added", "stated", "announced", "explained", "wrote", "argued",
        "insisted", "warned", "claimed", "noted", "stressed", "declared", "tweeted", "replied",
        "confirmed", "denied", "urged", "asked", "acknowledged", "admitted", "believes",
        "thinks", "met", "visited", "declared", "déclare", "dit", "affirme", "annonce",
        "indique", "estime", "souligne", "ajoute", "explique", "précise", "assure", "martèle",
        "dénonce", "rappelle", "insiste", "confie", "reconnaît", "répond", "écrit", "juge",
        "salue", "déplore", "regrette", "prévient", "avertit",
    ]
);

word_set!(
    /// Participles that follow an auxiliary ("a déclaré") as a verb of saying.
    is_saying_participle,
    &[
        "déclaré", "dit", "affirmé", "annoncé", "indiqué", "estimé", "souligné", "ajouté",
        "expliqué", "précisé", "assuré", "martelé", "dénoncé", "rappelé", "insisté", "confié",
        "reconnu", "répondu", "écrit", "jugé", "salué", "déploré", "regretté", "prévenu",
        "averti", "réagi", "promis", "menacé", "demandé", "appelé", "exhorté", "rencontré",
        "signé", "rejeté", "accusé", "nié", "confirmé", "démenti", "annoncé", "lancé",
    ]
);

word_set!(
    /// Head words of events, works and periods: a capitalised run holding
    /// one is not a person ("Summer Games", "Coupe du monde", "Moyen Âge").
    is_misc_head,
    &[
        "games", "olympics", "cup", "championship", "championships", "festival", "summit",
        "war", "prize", "award", "awards", "open", "expo", "exhibition", "olympiad", "league",
        "series", "system", "age", "era", "act", "treaty", "accord", "accords", "agreement",
        "plan", "day", "week", "jeux", "coupe", "championnat", "sommet", "guerre", "prix",
        "traité", "accord", "âge", "époque", "loi", "plan", "journée", "semaine", "mondial",
        "olympiques", "paralympiques", "olympic", "paralympic", "christmas", "noël", "pâques",
        "easter", "ramadan", "révolution", "revolution", "empire", "république", "republic",
        "kingdom", "royaume", "framework", "protocol", "protocole", "directive", "regulation",
        "règlement", "strategy", "stratégie", "initiative", "pact", "pacte", "charter",
        "charte", "declaration", "déclaration", "doctrine", "deal", "référendum",
        "referendum", "mission", "programme", "program", "project", "projet", "operation",
        "opération", "campaign", "campagne", "summit", "telescope", "télescope", "lander",
        "rover", "probe", "sonde", "satellite", "spacecraft", "rocket", "fusée", "capsule",
        "orbiter", "moon", "lune", "earth", "terre", "sun", "soleil", "sniper", "christian",
        "muslim", "jewish", "orthodox", "catholic", "protestant", "buddhist", "hindu",
        "chrétien", "chrétienne", "musulman", "musulmane", "juif", "juive", "orthodoxe",
        "catholique", "protestante", "bouddhiste", "hindou", "award", "trophy", "trophée", "tour",
        "rallye", "marathon", "grand-prix", "giro", "vuelta",
    ]
);

/// Head words of documents (treaties, laws, agreements): a place right
/// before one names the document, not the place ("Northern Ireland Protocol").
pub fn is_document_head(lower: &str) -> bool {
    matches!(
        lower,
        "treaty"
            | "protocol"
            | "framework"
            | "agreement"
            | "accord"
            | "accords"
            | "act"
            | "charter"
            | "pact"
            | "declaration"
            | "convention"
            | "directive"
            | "bill"
            | "traité"
            | "protocole"
            | "accord-cadre"
            | "pacte"
            | "charte"
            | "déclaration"
            | "loi"
    )
}

/// A role head, also with a prefix: "ex-président", "co-fondateur", "vice-chancelier".
pub fn is_role_head(lower: &str) -> bool {
    if is_role_head_word(lower) {
        return true;
    }
    ["ex-", "co-", "vice-", "sous-", "deputy-", "former-"]
        .iter()
        .any(|p| lower.strip_prefix(p).is_some_and(is_role_head_word))
}

/// Month and weekday names (French and English), which are also names
/// ("Theresa May", "Mars").
pub fn is_calendar_word(lower: &str) -> bool {
    matches!(
        lower,
        "lundi"
            | "mardi"
            | "mercredi"
            | "jeudi"
            | "vendredi"
            | "samedi"
            | "dimanche"
            | "janvier"
            | "février"
            | "mars"
            | "avril"
            | "mai"
            | "juin"
            | "juillet"
            | "août"
            | "septembre"
            | "octobre"
            | "novembre"
            | "décembre"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    )
}

/// Adjective endings (French and English) that let a lower-case word sit
/// inside an organisation or role name ("Communauté économique", "Affaires
/// étrangères").
pub fn looks_adjectival(lower: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ique", "iques", "ale", "ales", "al", "aux", "enne", "ennes", "ien", "iens", "aire", "el",
        "els", "aires", "elle", "elles", "ain", "aine", "ains", "aines", "ais", "aise", "aises",
        "iste", "istes", "ère", "ères", "ées", "ée", "if", "ive", "ifs", "ives", "eur", "eurs",
        "ent", "ente", "ents", "entes", "ant", "ante",
    ];
    lower.chars().count() >= 4 && !is_stopword(lower) && ENDINGS.iter().any(|e| lower.ends_with(e))
}

/// Common all-caps abbreviations that are not organisations.
pub fn is_non_org_acronym(upper: &str) -> bool {
    const LIST: &[&str] = &[
        "CEO", "PDG", "PIB", "GDP", "TVA", "VAT", "USD", "EUR", "CFA", "PDF", "TV", "OK", "AM",
        "PM", "UTC", "GMT", "COVID", "SIDA", "AIDS", "HIV", "VIH", "ADN", "DNA", "IT", "AI", "IA",
        "FAQ", "URL", "HTML", "API", "CV", "RSS", "SMS", "GPS", "PC", "ID", "DJ", "MP", "NB", "PS",
        "CET", "CEST", "EST", "PST", "BST", "KM", "KG", "MW", "GW", "II", "III", "IV", "VI", "VII",
        "VIII", "IX", "XI", "XII", "XX", "XXI", "XIX", "XVIII", "US", "USA", "UK", "LGBT", "LGBTQ",
        "SUV", "VIP", "QG", "HQ", "JT", "TNT", "EU",
    ];
    LIST.contains(&upper)
}

/// Given names (Moby Word II, public domain), one lower-cased name a line:
/// generated by `scripts/lexicon/build_first_names.py`.
const FIRST_NAMES_TSV: &str = include_str!("../../assets/lexicon/first_names.tsv");

/// `lower` (a lower-cased word) is a known given name, or a hyphenated one
/// whose first part is ("jean-luc"). A cue, not proof: many names are missing.
pub fn is_first_name(lower: &str) -> bool {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    let set = SET.get_or_init(|| {
        let mut set = FastSet::with_capacity_and_hasher(9_000, Default::default());
        set.extend(
            FIRST_NAMES_TSV
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#')),
        );
        set
    });
    set.contains(lower) || lower.split_once('-').is_some_and(|(a, _)| set.contains(a))
}

/// A word shaped like a demonym or language ("Asian", "Africans", "Chinese",
/// "Scottish", "European"): an adjective of a people, not a name.
pub fn demonym_shaped(lower: &str) -> bool {
    ["an", "ans", "ese", "ish", "ians"]
        .iter()
        .any(|e| lower.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Goïta"), "goita");
        assert_eq!(fold("ÉTAT"), "etat");
        assert_eq!(fold("Sangaré"), fold("Sangare"));
        assert_eq!(fold("d’État"), "d'etat");
        assert_eq!(fold("Татьяна"), "татьяна");
    }

    #[test]
    fn sets() {
        assert!(is_stopword("cette") && is_stopword("the") && !is_stopword("diop"));
        assert!(is_role_head("ministre") && is_role_head("spokesperson"));
        assert!(is_org_head("alliance") && is_org_head("bank"));
        assert!(is_honorific("mme") && is_honorific("mr"));
        assert!(looks_adjectival("économique") && looks_adjectival("étrangères"));
        assert!(!looks_adjectival("pour"));
    }
}
