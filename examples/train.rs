//! Train the name tagger and write `assets/tagger/model.bin`.
//!
//! `cargo run --release --example train [-- CORPORA_DIR [OUT]]`; the corpora
//! default to `../shared/eval/corpora/train` (see its README), the output to
//! `assets/tagger/model.bin`. Reads ONLY the training corpora: europeana-fr,
//! gum-en (person/place/organization mentions cut to their proper nouns),
//! btc-en, uner-en-ewt, wikigold-en. One sentence in 20 is held out and
//! scored (entity F1, exact spans) before the model is written. Deterministic.

use lede::extract::known;
use lede::extract::lexicon;
use lede::extract::tagger::features::{DocView, Tok};
use lede::extract::tagger::model::to_bytes;
use lede::extract::tagger::train::{TrainSent, predict, train};
use lede::extract::tagger::{spans, tag_index};
use lede::extract::{Kind, tagger};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

const BITS: u32 = 19;
const EPOCHS: usize = 8;

/// A sentence: tokens and IOB2 tag indices.
struct Sent {
    words: Vec<String>,
    tags: Vec<usize>,
}

/// A document: its language and sentences.
struct TrainDoc {
    lang: &'static str,
    sents: Vec<Sent>,
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// IOB1 or IOB2 labels to IOB2 tag indices (MISC and others to `O`).
fn to_iob2(labels: &[String]) -> Vec<usize> {
    let mut out = Vec::with_capacity(labels.len());
    let mut prev_ty = String::new();
    for l in labels {
        let (prefix, ty) = l.split_once('-').unwrap_or(("O", ""));
        let ty = match ty {
            "PER" | "PERSON" => "PER",
            "ORG" | "ORGANIZATION" => "ORG",
            "LOC" | "GPE" | "LOCATION" => "LOC",
            _ => "",
        };
        if ty.is_empty() {
            out.push(0);
            prev_ty.clear();
            continue;
        }
        let begin = prefix == "B" || prev_ty != ty;
        out.push(tag_index(&format!(
            "{}-{ty}",
            if begin { "B" } else { "I" }
        )));
        prev_ty = ty.to_string();
    }
    out
}

/// Blank-line separated sentences of `token ... tag` lines; `-DOCSTART-`
/// (or, with `doc_per_sentence`, every sentence) starts a document.
fn read_columns(
    path: &Path,
    token_col: usize,
    lang: &'static str,
    doc_per_sentence: bool,
) -> Vec<TrainDoc> {
    let mut docs = vec![TrainDoc {
        lang,
        sents: vec![],
    }];
    let (mut words, mut labels) = (Vec::new(), Vec::new());
    let flush = |docs: &mut Vec<TrainDoc>, words: &mut Vec<String>, labels: &mut Vec<String>| {
        if !words.is_empty() {
            let tags = to_iob2(labels);
            let sent = Sent {
                words: std::mem::take(words),
                tags,
            };
            labels.clear();
            if doc_per_sentence {
                docs.push(TrainDoc {
                    lang,
                    sents: vec![sent],
                });
            } else if let Some(d) = docs.last_mut() {
                d.sents.push(sent);
            }
        }
    };
    for line in read(path).lines() {
        let cols: Vec<&str> = line.split(['\t', ' ']).filter(|c| !c.is_empty()).collect();
        if line.starts_with('#') && !line.starts_with("#\t") {
            continue;
        }
        if cols.is_empty() {
            flush(&mut docs, &mut words, &mut labels);
            continue;
        }
        if cols[0] == "-DOCSTART-" {
            flush(&mut docs, &mut words, &mut labels);
            docs.push(TrainDoc {
                lang,
                sents: vec![],
            });
            continue;
        }
        if cols.len() <= token_col {
            continue;
        }
        words.push(cols[token_col].to_string());
        labels.push(cols[cols.len().min(token_col + 2) - 1].to_string());
    }
    flush(&mut docs, &mut words, &mut labels);
    docs.retain(|d| !d.sents.is_empty());
    docs
}

/// French elided words glued to the next one ("l'Autriche"): lede's
/// tokenizer splits them, so the training text does too.
fn split_elision(word: &str) -> Option<(&str, &str)> {
    let at = word.find(['\'', '’'])?;
    let head = &word[..at];
    let apos = word[at..].chars().next().map_or(1, char::len_utf8);
    let rest = &word[at + apos..];
    let elided = [
        "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu",
    ];
    (elided.iter().any(|e| e.eq_ignore_ascii_case(head)) && !rest.is_empty())
        .then(|| (&word[..at + apos], rest))
}

/// Europeana: no sentence breaks; cut after `.`, `!`, `?` before a capital
/// (or every 60 tokens), and group 40 sentences into a document.
fn read_europeana(path: &Path) -> Vec<TrainDoc> {
    let (mut words, mut labels) = (Vec::new(), Vec::new());
    for line in read(path).lines() {
        if let Some((w, l)) = line.rsplit_once(' ') {
            match split_elision(w) {
                Some((e, rest)) => {
                    words.extend([e.to_string(), rest.to_string()]);
                    labels.extend(["O".to_string(), l.to_string()]);
                }
                None => {
                    words.push(w.to_string());
                    labels.push(l.to_string());
                }
            }
        }
    }
    let tags = to_iob2(&labels);
    let mut docs = Vec::new();
    let mut sents = Vec::new();
    let mut start = 0;
    for i in 0..words.len() {
        let stop = matches!(words[i].as_str(), "." | "!" | "?")
            && words
                .get(i + 1)
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
            && tags.get(i + 1).is_none_or(|&t| t == 0 || t % 2 == 1);
        if stop
            || i + 1 - start >= 60 && tags.get(i + 1).is_none_or(|&t| t % 2 == 1 || t == 0)
            || i + 1 == words.len()
        {
            sents.push(Sent {
                words: words[start..=i].to_vec(),
                tags: tags[start..=i].to_vec(),
            });
            start = i + 1;
            if sents.len() == 40 {
                docs.push(TrainDoc {
                    lang: "fr",
                    sents: std::mem::take(&mut sents),
                });
            }
        }
    }
    if !sents.is_empty() {
        docs.push(TrainDoc { lang: "fr", sents });
    }
    docs
}

#[path = "train/gum.rs"]
mod gum;

/// What a training document says about its words (as `Doc` does at run time).
struct Facts {
    lower: HashSet<String>,
    capitalised: HashSet<String>,
}

impl DocView for Facts {
    fn seen_lower(&self, lower: &str) -> bool {
        self.lower.contains(lower)
    }
    fn seen_capitalised(&self, lower: &str) -> bool {
        self.capitalised.contains(lower)
    }
}

fn is_start_cue(prev: &str) -> bool {
    matches!(
        prev,
        ":" | "\"" | "«" | "“" | "‘" | "-" | "–" | "—" | "." | "!" | "?" | "("
    )
}

fn all_caps(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

fn facts(doc: &TrainDoc) -> Facts {
    let mut f = Facts {
        lower: HashSet::new(),
        capitalised: HashSet::new(),
    };
    for s in &doc.sents {
        for (i, w) in s.words.iter().enumerate() {
            let first = w.chars().next();
            if first.is_some_and(char::is_lowercase) {
                f.lower.insert(w.clone());
            } else if first.is_some_and(char::is_uppercase)
                && i > 0
                && !is_start_cue(&s.words[i - 1])
                && !all_caps(w)
            {
                f.capitalised.insert(w.to_lowercase());
            }
        }
    }
    f
}

/// Gazetteer marks for a sentence, from its tokens joined by spaces.
fn gazetteer(words: &[String], lang: &str) -> Vec<u8> {
    let mut text = String::new();
    let mut starts = HashMap::new();
    let mut ends = HashMap::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            text.push(' ');
        }
        starts.insert(text.len(), i);
        text.push_str(w);
        ends.insert(text.len(), i + 1);
    }
    let found = known::find(&text, lang);
    let matches = found.iter().filter_map(|k| {
        let a = *starts.get(&k.span.start)?;
        let b = *ends.get(&k.span.end)?;
        Some((k.kind, k.ambiguous, a, b))
    });
    tagger::gaz_marks(words.len(), matches)
}

fn featurise(doc: &TrainDoc, s: &Sent, f: &Facts, upper: bool) -> TrainSent {
    let words: Vec<String> = if upper {
        s.words.iter().map(|w| w.to_uppercase()).collect()
    } else {
        s.words.clone()
    };
    let marks = gazetteer(&words, doc.lang);
    let toks: Vec<Tok> = words
        .iter()
        .enumerate()
        .map(|(i, w)| Tok {
            word: w,
            start: i == 0 || is_start_cue(&words[i - 1]),
            gaz: marks[i],
        })
        .collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
    TrainSent::new(&toks, &lower, &s.tags, f, BITS)
}

fn load_all(dir: &Path) -> Vec<(&'static str, Vec<TrainDoc>)> {
    let mut uner = read_columns(&dir.join("uner-en-ewt/en_ewt-ud-dev.iob2"), 1, "en", false);
    uner.extend(read_columns(
        &dir.join("uner-en-ewt/en_ewt-ud-test.iob2"),
        1,
        "en",
        false,
    ));
    let mut btc = Vec::new();
    for part in ["btc.train", "btc.dev", "btc.test"] {
        btc.extend(read_columns(&dir.join("btc-en").join(part), 0, "en", true));
    }
    vec![
        (
            "europeana-fr",
            read_europeana(&dir.join("europeana-fr/enp_FR.bnf.bio")),
        ),
        ("gum-en", gum::read_dir(&dir.join("gum-en"))),
        ("btc-en", btc),
        ("uner-en-ewt", uner),
        (
            "wikigold-en",
            read_columns(&dir.join("wikigold-en/wikigold.conll.txt"), 0, "en", false),
        ),
    ]
}

/// Exact-span entity counts (tp, predicted, gold).
fn count(gold: &[usize], pred: &[usize]) -> (usize, usize, usize) {
    let g: HashSet<(usize, usize, Kind)> = spans(gold).into_iter().collect();
    let p: HashSet<(usize, usize, Kind)> = spans(pred).into_iter().collect();
    (g.intersection(&p).count(), p.len(), g.len())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = PathBuf::from(
        args.first()
            .map_or("../shared/eval/corpora/train", String::as_str),
    );
    let out = PathBuf::from(
        args.get(1)
            .map_or("assets/tagger/model.bin", String::as_str),
    );
    let mut train_set = Vec::new();
    let mut held = Vec::new();
    let mut n = 0usize;
    for (name, docs) in load_all(&dir) {
        let (mut sents, mut toks) = (0, 0);
        for doc in &docs {
            let f = facts(doc);
            for s in &doc.sents {
                n += 1;
                sents += 1;
                toks += s.words.len();
                let ts = featurise(doc, s, &f, false);
                if n.is_multiple_of(20) {
                    held.push(ts);
                    continue;
                }
                train_set.push(ts);
                // One sentence in 8 again in capitals, for headlines.
                if n % 8 == 3 {
                    train_set.push(featurise(doc, s, &f, true));
                }
            }
        }
        eprintln!(
            "{name}: {} documents, {sents} sentences, {toks} tokens",
            docs.len()
        );
    }
    eprintln!(
        "training on {} sentences, {} held out",
        train_set.len(),
        held.len()
    );
    let w = train(&train_set, BITS, EPOCHS, |e, wrong| {
        eprintln!("epoch {e}: {wrong} sentences wrong")
    });
    let (mut tp, mut p, mut g) = (0, 0, 0);
    for s in &held {
        let (a, b, c) = count(&s.gold, &predict(&w, s));
        tp += a;
        p += b;
        g += c;
    }
    let (pr, re) = (tp as f64 / p.max(1) as f64, tp as f64 / g.max(1) as f64);
    eprintln!(
        "held out: P {pr:.3} R {re:.3} F1 {:.3} ({tp} of {g} gold, {p} found)",
        2.0 * pr * re / (pr + re).max(1e-9)
    );
    let bytes = to_bytes(BITS, &w.trans, &w.weights);
    std::fs::write(&out, &bytes).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    eprintln!("wrote {} ({} bytes)", out.display(), bytes.len());
    let _ = lexicon::is_first_name("");
}
