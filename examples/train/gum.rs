//! GUM (CoNLL-U with `Entity=` brackets in MISC): person, place and
//! organization mentions cut to their proper nouns. GUM marks every mention
//! ("the US President"); the tagger wants names: in each mention, the run of
//! PROPN tokens (with connectors between them, "Bank of America") that holds
//! its last proper noun, less leading titles ("President"). Longer names win
//! over the names inside them ("Air France" over "France").

use super::{Sent, TrainDoc};
use lede::extract::lexicon;
use lede::extract::tagger::tag_index;
use std::path::Path;

struct Token {
    word: String,
    propn: bool,
}

/// An open or closed mention: id, type, first token, last token (inclusive).
struct Mention {
    ty: &'static str,
    a: usize,
    b: usize,
}

fn kind_of(ty: &str) -> Option<&'static str> {
    match ty {
        "person" => Some("PER"),
        "place" => Some("LOC"),
        "organization" => Some("ORG"),
        _ => None,
    }
}

/// Parse one `Entity=` value at token `i`: opens push on `open`, closes pop into `done`.
fn brackets(
    v: &str,
    i: usize,
    open: &mut Vec<(String, &'static str, usize)>,
    done: &mut Vec<Mention>,
) {
    let cs: Vec<char> = v.chars().collect();
    let mut k = 0;
    while k < cs.len() {
        if cs[k] == '(' {
            let mut j = k + 1;
            while j < cs.len() && cs[j] != '(' && cs[j] != ')' {
                j += 1;
            }
            let body: String = cs[k + 1..j].iter().collect();
            let mut parts = body.split('-');
            let id = parts.next().unwrap_or("").to_string();
            let ty = kind_of(parts.next().unwrap_or("")).unwrap_or("");
            if j < cs.len() && cs[j] == ')' {
                if !ty.is_empty() {
                    done.push(Mention { ty, a: i, b: i });
                }
                j += 1;
            } else {
                open.push((id, ty, i));
            }
            k = j;
        } else if cs[k].is_ascii_digit() {
            let mut j = k;
            while j < cs.len() && cs[j].is_ascii_digit() {
                j += 1;
            }
            let id: String = cs[k..j].iter().collect();
            if j < cs.len() && cs[j] == ')' {
                if let Some(pos) = open.iter().rposition(|(o, _, _)| *o == id) {
                    let (_, ty, a) = open.remove(pos);
                    if !ty.is_empty() {
                        done.push(Mention { ty, a, b: i });
                    }
                }
                j += 1;
            }
            k = j;
        } else {
            k += 1;
        }
    }
}

fn is_connector(w: &str) -> bool {
    matches!(w, "of" | "the" | "and" | "&" | "de" | "du" | "for" | "on")
}

/// The name inside a mention, as a token range `[a, b)`.
fn name_run(toks: &[Token], m: &Mention) -> Option<(usize, usize)> {
    if m.a > m.b || m.b >= toks.len() {
        return None;
    }
    let last = (m.a..=m.b).rev().find(|&i| toks[i].propn)?;
    let mut a = last;
    while a > m.a {
        if toks[a - 1].propn {
            a -= 1;
        } else if a >= m.a + 2 && is_connector(&toks[a - 1].word) && toks[a - 2].propn {
            a -= 2;
        } else {
            break;
        }
    }
    while a < last && {
        let l = toks[a].word.to_lowercase();
        lexicon::is_role_head(&l) || lexicon::is_honorific(&l)
    } {
        a += 1;
    }
    Some((a, last + 1))
}

fn sentence(toks: Vec<Token>, mentions: &[Mention]) -> Sent {
    let mut runs: Vec<(usize, usize, &str)> = mentions
        .iter()
        .filter_map(|m| name_run(&toks, m).map(|(a, b)| (a, b, m.ty)))
        .collect();
    runs.sort_by_key(|&(a, b, _)| (std::cmp::Reverse(b - a), a));
    let mut tags = vec![0usize; toks.len()];
    for (a, b, ty) in runs {
        if tags[a..b].iter().all(|&t| t == 0) {
            tags[a] = tag_index(&format!("B-{ty}"));
            for t in &mut tags[a + 1..b] {
                *t = tag_index(&format!("I-{ty}"));
            }
        }
    }
    Sent {
        words: toks.into_iter().map(|t| t.word).collect(),
        tags,
    }
}

fn read_file(path: &Path) -> TrainDoc {
    let text = super::read(path);
    let mut doc = TrainDoc {
        lang: "en",
        sents: vec![],
    };
    let mut toks = Vec::new();
    let mut open = Vec::new();
    let mut done = Vec::new();
    for line in text.lines() {
        if line.is_empty() {
            if !toks.is_empty() {
                doc.sents.push(sentence(std::mem::take(&mut toks), &done));
            }
            done.clear();
            open.clear();
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 || !cols[0].chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let i = toks.len();
        toks.push(Token {
            word: cols[1].to_string(),
            propn: cols[3] == "PROPN",
        });
        for item in cols[9].split('|') {
            if let Some(v) = item.strip_prefix("Entity=") {
                brackets(v, i, &mut open, &mut done);
            }
        }
    }
    if !toks.is_empty() {
        doc.sents.push(sentence(toks, &done));
    }
    doc
}

/// Every `.conllu` file of the folder, in name order.
pub fn read_dir(dir: &Path) -> Vec<TrainDoc> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
        .collect();
    files.sort();
    files.iter().map(|p| read_file(p)).collect()
}
