//! Words the date grammar knows.
//!
//! Month and weekday names come from Unicode CLDR through
//! `assets/lexicon/calendar.tsv` (built by `scripts/lexicon/build_calendar.py`);
//! the grammar words around them (prepositions, seasons, relative words,
//! number words, quantity nouns) are closed classes written here by hand.

use crate::extract::lexicon::FastMap;
use std::sync::OnceLock;

const CALENDAR_TSV: &str = include_str!("../../../assets/lexicon/calendar.tsv");

/// A language the grammar has rules for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Lang {
    Fr,
    En,
}

/// Which languages' words are active for a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Langs {
    pub fr: bool,
    pub en: bool,
}

impl Langs {
    /// `fr...` -> French only, `en...` -> English only, anything else -> both.
    pub fn for_tag(tag: &str) -> Langs {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Langs {
                fr: true,
                en: false,
            },
            "en" => Langs {
                fr: false,
                en: true,
            },
            _ => Langs { fr: true, en: true },
        }
    }
    pub fn has(self, lang: Lang) -> bool {
        match lang {
            Lang::Fr => self.fr,
            Lang::En => self.en,
        }
    }
    /// The language whose conventions decide ambiguous numeric dates.
    pub fn prefers_en(self) -> bool {
        self.en && !self.fr
    }
}

/// A season.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

/// A unit of relative time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// Direction words: "dernier", "last", "prochain", "next", "suivant", "following".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shift {
    /// Before the publication date ("dernier", "last", "passé").
    Last,
    /// After the publication date ("prochain", "next").
    Next,
    /// The current one ("ce", "cette", "this").
    This,
    /// After a date mentioned earlier ("suivant", "following").
    Following,
    /// Before a date mentioned earlier ("précédent", "previous").
    Previous,
}

/// What one word can be for the date grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum W {
    /// Month 1-12; `abbr` when the form is CLDR's abbreviated one and differs from the wide one.
    Month {
        m: u8,
        abbr: bool,
    },
    /// ISO weekday 1 (Monday) - 7 (Sunday).
    Weekday {
        d: u8,
        abbr: bool,
    },
    Season(Season),
    Unit(Unit),
    Shift(Shift),
    /// "un", "deux", "three", ...
    NumberWord(u32),
    /// Day offsets that stand alone: "hier" -1, "demain" +1, "today" 0.
    DayWord(i32),
    /// A preposition or determiner after which a bare month, season or year is a date.
    TimePrep,
    /// A word after which a number is a count, not a year ("environ", "about", "article").
    CountCue,
    /// A noun that a number counts ("soldats", "people", "euros").
    CountNoun,
    /// A street word that makes "2020 Market Street" an address.
    Street,
    /// Function words ending in -s/-x that may follow a year in French ("les", "dans").
    FrFunction,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    pub lang: Lang,
    pub w: W,
}

pub(crate) struct Lexicon {
    words: FastMap<String, Vec<Entry>>,
    /// Wide month names (format context) per language, index 0 = January.
    month_names: [[String; 12]; 2],
    /// Wide weekday names per language, index 0 = Monday.
    weekday_names: [[String; 7]; 2],
}

static LEXICON: OnceLock<Lexicon> = OnceLock::new();

/// The lexicon, built on first use (a few microseconds).
pub(crate) fn lexicon() -> &'static Lexicon {
    LEXICON.get_or_init(Lexicon::build)
}

fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::Fr => 0,
        Lang::En => 1,
    }
}

impl Lexicon {
    fn build() -> Lexicon {
        let mut lex = Lexicon {
            words: FastMap::default(),
            month_names: Default::default(),
            weekday_names: Default::default(),
        };
        lex.load_calendar();
        for &(lang, list) in &[(Lang::Fr, FR_WORDS), (Lang::En, EN_WORDS)] {
            for &(word, w) in list {
                lex.add(word, lang, w);
            }
        }
        lex
    }

    fn load_calendar(&mut self) {
        // Wide forms first so that an abbreviation equal to a wide form
        // ("mars", "mai", "juin") is recorded as wide.
        let mut abbreviations = Vec::new();
        for line in CALENDAR_TSV.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let [lang, kind, num, form, sources] = cols[..] else {
                continue;
            };
            let lang = match lang {
                "fr" => Lang::Fr,
                "en" => Lang::En,
                _ => continue,
            };
            let Ok(n) = num.parse::<u8>() else { continue };
            let wide = sources.contains("wide");
            let key = form.trim_end_matches('.').to_lowercase();
            let w = match (kind, wide) {
                ("month", _) if (1..=12).contains(&n) => W::Month { m: n, abbr: !wide },
                ("weekday", _) if (1..=7).contains(&n) => W::Weekday { d: n, abbr: !wide },
                _ => continue,
            };
            if wide && sources.contains("format/wide") {
                let li = lang_index(lang);
                match w {
                    W::Month { m, .. } => {
                        self.month_names[li][usize::from(m - 1)] = form.to_string()
                    }
                    W::Weekday { d, .. } => {
                        self.weekday_names[li][usize::from(d - 1)] = form.to_string()
                    }
                    _ => {}
                }
            }
            if wide {
                self.add(&key, lang, w);
            } else {
                abbreviations.push((key, lang, w));
            }
        }
        for (key, lang, w) in abbreviations {
            let known = self
                .words
                .get(&key)
                .is_some_and(|es| es.iter().any(|e| e.lang == lang && same_name(e.w, w)));
            if !known {
                self.add(&key, lang, w);
            }
        }
    }

    fn add(&mut self, key: &str, lang: Lang, w: W) {
        self.words
            .entry(key.to_string())
            .or_default()
            .push(Entry { lang, w });
    }

    /// Everything `lower` (already lower-cased, no trailing dot) can be.
    pub fn get(&self, lower: &str) -> &[Entry] {
        self.words.get(lower).map(Vec::as_slice).unwrap_or(&[])
    }

    /// CLDR's wide (format) month name, 1-12.
    pub fn month_name(&self, lang: Lang, m: u8) -> &str {
        self.month_names[lang_index(lang)]
            .get(usize::from(m.wrapping_sub(1)))
            .map(String::as_str)
            .unwrap_or("")
    }

    /// CLDR's wide (format) weekday name, 1 (Monday) - 7.
    pub fn weekday_name(&self, lang: Lang, d: u8) -> &str {
        self.weekday_names[lang_index(lang)]
            .get(usize::from(d.wrapping_sub(1)))
            .map(String::as_str)
            .unwrap_or("")
    }
}

fn same_name(a: W, b: W) -> bool {
    match (a, b) {
        (W::Month { m: x, .. }, W::Month { m: y, .. }) => x == y,
        (W::Weekday { d: x, .. }, W::Weekday { d: y, .. }) => x == y,
        _ => false,
    }
}

use Shift::*;
use Unit::*;

/// French grammar words (lower case, without elided articles).
const FR_WORDS: &[(&str, W)] = &[
    ("printemps", W::Season(Season::Spring)),
    ("été", W::Season(Season::Summer)),
    ("automne", W::Season(Season::Autumn)),
    ("hiver", W::Season(Season::Winter)),
    ("jour", W::Unit(Day)),
    ("jours", W::Unit(Day)),
    ("journée", W::Unit(Day)),
    ("semaine", W::Unit(Week)),
    ("semaines", W::Unit(Week)),
    ("mois", W::Unit(Month)),
    ("an", W::Unit(Year)),
    ("ans", W::Unit(Year)),
    ("année", W::Unit(Year)),
    ("années", W::Unit(Year)),
    ("dernier", W::Shift(Last)),
    ("dernière", W::Shift(Last)),
    ("passé", W::Shift(Last)),
    ("passée", W::Shift(Last)),
    ("prochain", W::Shift(Next)),
    ("prochaine", W::Shift(Next)),
    ("suivant", W::Shift(Following)),
    ("suivante", W::Shift(Following)),
    ("précédent", W::Shift(Previous)),
    ("précédente", W::Shift(Previous)),
    ("ce", W::Shift(This)),
    ("cet", W::Shift(This)),
    ("cette", W::Shift(This)),
    ("un", W::NumberWord(1)),
    ("une", W::NumberWord(1)),
    ("deux", W::NumberWord(2)),
    ("trois", W::NumberWord(3)),
    ("quatre", W::NumberWord(4)),
    ("cinq", W::NumberWord(5)),
    ("six", W::NumberWord(6)),
    ("sept", W::NumberWord(7)),
    ("huit", W::NumberWord(8)),
    ("neuf", W::NumberWord(9)),
    ("dix", W::NumberWord(10)),
    ("onze", W::NumberWord(11)),
    ("douze", W::NumberWord(12)),
    ("quinze", W::NumberWord(15)),
    ("vingt", W::NumberWord(20)),
    ("trente", W::NumberWord(30)),
    ("quarante", W::NumberWord(40)),
    ("cinquante", W::NumberWord(50)),
    ("soixante", W::NumberWord(60)),
    ("cent", W::NumberWord(100)),
    ("hier", W::DayWord(-1)),
    ("demain", W::DayWord(1)),
    ("en", W::TimePrep),
    ("depuis", W::TimePrep),
    ("dès", W::TimePrep),
    ("avant", W::TimePrep),
    ("après", W::TimePrep),
    ("pendant", W::TimePrep),
    ("durant", W::TimePrep),
    ("fin", W::TimePrep),
    ("début", W::TimePrep),
    ("mi", W::TimePrep),
    ("courant", W::TimePrep),
    ("jusqu", W::TimePrep),
    ("environ", W::CountCue),
    ("quelque", W::CountCue),
    ("quelques", W::CountCue),
    ("plus", W::CountCue),
    ("moins", W::CountCue),
    ("près", W::CountCue),
    ("article", W::CountCue),
    ("art", W::CountCue),
    ("page", W::CountCue),
    ("p", W::CountCue),
    ("n", W::CountCue),
    ("n°", W::CountCue),
    ("no", W::CountCue),
    ("numéro", W::CountCue),
    ("chapitre", W::CountCue),
    ("ligne", W::CountCue),
    ("vol", W::CountCue),
    ("route", W::CountCue),
    ("soldats", W::CountNoun),
    ("personnes", W::CountNoun),
    ("habitants", W::CountNoun),
    ("morts", W::CountNoun),
    ("victimes", W::CountNoun),
    ("blessés", W::CountNoun),
    ("hommes", W::CountNoun),
    ("femmes", W::CountNoun),
    ("enfants", W::CountNoun),
    ("euros", W::CountNoun),
    ("dollars", W::CountNoun),
    ("francs", W::CountNoun),
    ("km", W::CountNoun),
    ("kilomètres", W::CountNoun),
    ("mètres", W::CountNoun),
    ("m", W::CountNoun),
    ("kg", W::CountNoun),
    ("tonnes", W::CountNoun),
    ("litres", W::CountNoun),
    ("voix", W::CountNoun),
    ("emplois", W::CountNoun),
    ("postes", W::CountNoun),
    ("cas", W::CountNoun),
    ("pages", W::CountNoun),
    ("exemplaires", W::CountNoun),
    ("mots", W::CountNoun),
    ("signes", W::CountNoun),
    ("heures", W::CountNoun),
    ("minutes", W::CountNoun),
    ("points", W::CountNoun),
    ("fois", W::CountNoun),
    ("milliards", W::CountNoun),
    ("millions", W::CountNoun),
    ("rue", W::CountNoun),
    ("avenue", W::CountNoun),
    ("boulevard", W::CountNoun),
    ("bd", W::CountNoun),
    ("allée", W::CountNoun),
    ("chemin", W::CountNoun),
    ("impasse", W::CountNoun),
    ("quai", W::CountNoun),
    ("les", W::FrFunction),
    ("des", W::FrFunction),
    ("ces", W::FrFunction),
    ("ses", W::FrFunction),
    ("mes", W::FrFunction),
    ("tes", W::FrFunction),
    ("nos", W::FrFunction),
    ("vos", W::FrFunction),
    ("leurs", W::FrFunction),
    ("aux", W::FrFunction),
    ("dans", W::FrFunction),
    ("sous", W::FrFunction),
    ("sans", W::FrFunction),
    ("vers", W::FrFunction),
    ("puis", W::FrFunction),
    ("alors", W::FrFunction),
    ("nous", W::FrFunction),
    ("vous", W::FrFunction),
    ("tous", W::FrFunction),
    ("très", W::FrFunction),
    ("pas", W::FrFunction),
    ("jamais", W::FrFunction),
    ("toujours", W::FrFunction),
    ("mais", W::FrFunction),
    ("lors", W::FrFunction),
    ("parmi", W::FrFunction),
    ("chez", W::FrFunction),
];

/// English grammar words (lower case).
const EN_WORDS: &[(&str, W)] = &[
    // Common abbreviations CLDR does not list.
    ("sept", W::Month { m: 9, abbr: true }),
    ("tues", W::Weekday { d: 2, abbr: true }),
    ("thur", W::Weekday { d: 4, abbr: true }),
    ("thurs", W::Weekday { d: 4, abbr: true }),
    ("spring", W::Season(Season::Spring)),
    ("summer", W::Season(Season::Summer)),
    ("autumn", W::Season(Season::Autumn)),
    ("fall", W::Season(Season::Autumn)),
    ("winter", W::Season(Season::Winter)),
    ("day", W::Unit(Day)),
    ("days", W::Unit(Day)),
    ("week", W::Unit(Week)),
    ("weeks", W::Unit(Week)),
    ("month", W::Unit(Month)),
    ("months", W::Unit(Month)),
    ("year", W::Unit(Year)),
    ("years", W::Unit(Year)),
    ("last", W::Shift(Last)),
    ("next", W::Shift(Next)),
    ("this", W::Shift(This)),
    ("following", W::Shift(Following)),
    ("previous", W::Shift(Previous)),
    ("preceding", W::Shift(Previous)),
    ("a", W::NumberWord(1)),
    ("an", W::NumberWord(1)),
    ("one", W::NumberWord(1)),
    ("two", W::NumberWord(2)),
    ("three", W::NumberWord(3)),
    ("four", W::NumberWord(4)),
    ("five", W::NumberWord(5)),
    ("six", W::NumberWord(6)),
    ("seven", W::NumberWord(7)),
    ("eight", W::NumberWord(8)),
    ("nine", W::NumberWord(9)),
    ("ten", W::NumberWord(10)),
    ("eleven", W::NumberWord(11)),
    ("twelve", W::NumberWord(12)),
    ("fifteen", W::NumberWord(15)),
    ("twenty", W::NumberWord(20)),
    ("thirty", W::NumberWord(30)),
    ("forty", W::NumberWord(40)),
    ("fifty", W::NumberWord(50)),
    ("sixty", W::NumberWord(60)),
    ("hundred", W::NumberWord(100)),
    ("yesterday", W::DayWord(-1)),
    ("today", W::DayWord(0)),
    ("tomorrow", W::DayWord(1)),
    ("in", W::TimePrep),
    ("of", W::TimePrep),
    ("since", W::TimePrep),
    ("until", W::TimePrep),
    ("till", W::TimePrep),
    ("by", W::TimePrep),
    ("during", W::TimePrep),
    ("early", W::TimePrep),
    ("late", W::TimePrep),
    ("mid", W::TimePrep),
    ("before", W::TimePrep),
    ("after", W::TimePrep),
    ("through", W::TimePrep),
    ("throughout", W::TimePrep),
    ("around", W::CountCue),
    ("about", W::CountCue),
    ("nearly", W::CountCue),
    ("almost", W::CountCue),
    ("over", W::CountCue),
    ("more", W::CountCue),
    ("less", W::CountCue),
    ("fewer", W::CountCue),
    ("some", W::CountCue),
    ("approximately", W::CountCue),
    ("roughly", W::CountCue),
    ("least", W::CountCue),
    ("number", W::CountCue),
    ("no", W::CountCue),
    ("article", W::CountCue),
    ("page", W::CountCue),
    ("p", W::CountCue),
    ("chapter", W::CountCue),
    ("route", W::CountCue),
    ("flight", W::CountCue),
    ("room", W::CountCue),
    ("people", W::CountNoun),
    ("persons", W::CountNoun),
    ("soldiers", W::CountNoun),
    ("troops", W::CountNoun),
    ("residents", W::CountNoun),
    ("deaths", W::CountNoun),
    ("dead", W::CountNoun),
    ("victims", W::CountNoun),
    ("men", W::CountNoun),
    ("women", W::CountNoun),
    ("children", W::CountNoun),
    ("dollars", W::CountNoun),
    ("euros", W::CountNoun),
    ("pounds", W::CountNoun),
    ("km", W::CountNoun),
    ("kilometres", W::CountNoun),
    ("kilometers", W::CountNoun),
    ("miles", W::CountNoun),
    ("metres", W::CountNoun),
    ("meters", W::CountNoun),
    ("feet", W::CountNoun),
    ("m", W::CountNoun),
    ("kg", W::CountNoun),
    ("tons", W::CountNoun),
    ("tonnes", W::CountNoun),
    ("votes", W::CountNoun),
    ("jobs", W::CountNoun),
    ("cases", W::CountNoun),
    ("pages", W::CountNoun),
    ("copies", W::CountNoun),
    ("words", W::CountNoun),
    ("hours", W::CountNoun),
    ("minutes", W::CountNoun),
    ("points", W::CountNoun),
    ("times", W::CountNoun),
    ("units", W::CountNoun),
    ("employees", W::CountNoun),
    ("workers", W::CountNoun),
    ("students", W::CountNoun),
    ("billion", W::CountNoun),
    ("street", W::Street),
    ("st", W::Street),
    ("avenue", W::Street),
    ("ave", W::Street),
    ("road", W::Street),
    ("rd", W::Street),
    ("boulevard", W::Street),
    ("blvd", W::Street),
    ("lane", W::Street),
    ("drive", W::Street),
    ("square", W::Street),
    ("million", W::CountNoun),
];
