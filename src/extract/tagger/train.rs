//! Training the tagger: an averaged structured perceptron (Collins 2002)
//! over precomputed hashed features. Deterministic: the sentence order of
//! each epoch comes from a fixed-seed generator.

use super::features::{Allowed, DocView, SentView, Tok, token_features};
use super::{N_TAGS, viterbi};

/// One training sentence: constraints, feature buckets and gold tags.
#[derive(Debug, Clone)]
pub struct TrainSent {
    pub allowed: Vec<Allowed>,
    /// Bucket indices per token (empty where the token can only be `O`).
    pub feats: Vec<Vec<u32>>,
    pub gold: Vec<usize>,
}

impl TrainSent {
    /// Featurise a sentence; gold tags that the constraints forbid (a
    /// lower-case word inside a gold name) become `O` and the names around
    /// them are cut there.
    pub fn new(
        toks: &[Tok],
        lower: &[&str],
        gold: &[usize],
        doc: &dyn DocView,
        bits: u32,
    ) -> TrainSent {
        let view = SentView::new(toks, lower);
        let mask = (1u64 << bits) - 1;
        let mut feats = Vec::with_capacity(toks.len());
        let mut buf = Vec::with_capacity(32);
        for i in 0..toks.len() {
            buf.clear();
            if view.allowed[i] != Allowed::OnlyO {
                token_features(&view, i, doc, &mut buf);
            }
            feats.push(buf.iter().map(|h| (h & mask) as u32).collect());
        }
        let mut fixed = Vec::with_capacity(gold.len());
        for (i, &g) in gold.iter().enumerate() {
            let prev = i.checked_sub(1).map(|p| fixed[p]);
            let g = if super::tag_allowed(view.allowed[i], g) && super::transition_ok(prev, g) {
                g
            } else if g != 0 && super::tag_allowed(view.allowed[i], g - 1) && g.is_multiple_of(2) {
                // An I- that can no longer continue opens a name (B-).
                g - 1
            } else {
                0
            };
            fixed.push(g);
        }
        TrainSent {
            allowed: view.allowed,
            feats,
            gold: fixed,
        }
    }
}

/// Averaged weights: `trans` `(N_TAGS + 1) * N_TAGS`, `weights` `2^bits * N_TAGS`.
pub struct Weights {
    pub trans: Vec<f32>,
    pub weights: Vec<f32>,
}

struct Perceptron {
    w: Vec<f32>,
    u: Vec<f32>,
    tw: Vec<f32>,
    tu: Vec<f32>,
    c: f32,
}

impl Perceptron {
    fn emissions(&self, s: &TrainSent) -> Vec<f32> {
        let mut emit = vec![0f32; s.gold.len() * N_TAGS];
        for (i, fs) in s.feats.iter().enumerate() {
            for &f in fs {
                let at = f as usize * N_TAGS;
                for t in 0..N_TAGS {
                    emit[i * N_TAGS + t] += self.w[at + t];
                }
            }
        }
        emit
    }

    fn bump(&mut self, s: &TrainSent, tags: &[usize], delta: f32) {
        let cd = self.c * delta;
        for (i, &t) in tags.iter().enumerate() {
            for &f in &s.feats[i] {
                let at = f as usize * N_TAGS + t;
                self.w[at] += delta;
                self.u[at] += cd;
            }
            let prev = if i == 0 { N_TAGS } else { tags[i - 1] };
            let at = prev * N_TAGS + t;
            self.tw[at] += delta;
            self.tu[at] += cd;
        }
    }
}

/// A small deterministic generator (SplitMix64).
fn next(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Train for `epochs` passes; `progress` hears (epoch, sentences with a mistake).
pub fn train(
    sents: &[TrainSent],
    bits: u32,
    epochs: usize,
    mut progress: impl FnMut(usize, usize),
) -> Weights {
    let size = (1usize << bits) * N_TAGS;
    let nt = (N_TAGS + 1) * N_TAGS;
    let mut p = Perceptron {
        w: vec![0.0; size],
        u: vec![0.0; size],
        tw: vec![0.0; nt],
        tu: vec![0.0; nt],
        c: 1.0,
    };
    let mut order: Vec<usize> = (0..sents.len()).collect();
    let mut seed = 0x1ede_5eed_u64;
    for epoch in 0..epochs {
        for i in (1..order.len()).rev() {
            let j = (next(&mut seed) % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let mut wrong = 0;
        for &k in &order {
            let s = &sents[k];
            let emit = p.emissions(s);
            let pred = viterbi(&emit, &p.tw, &s.allowed);
            if pred != s.gold {
                wrong += 1;
                p.bump(s, &s.gold, 1.0);
                p.bump(s, &pred, -1.0);
            }
            p.c += 1.0;
        }
        progress(epoch + 1, wrong);
    }
    let avg =
        |w: &[f32], u: &[f32]| -> Vec<f32> { w.iter().zip(u).map(|(w, u)| w - u / p.c).collect() };
    Weights {
        trans: avg(&p.tw, &p.tu),
        weights: avg(&p.w, &p.u),
    }
}

/// Predicted tags of a training sentence under float weights (for held-out scoring).
pub fn predict(w: &Weights, s: &TrainSent) -> Vec<usize> {
    let mut emit = vec![0f32; s.gold.len() * N_TAGS];
    for (i, fs) in s.feats.iter().enumerate() {
        for &f in fs {
            let at = f as usize * N_TAGS;
            for t in 0..N_TAGS {
                emit[i * N_TAGS + t] += w.weights[at + t];
            }
        }
    }
    viterbi(&emit, &w.trans, &s.allowed)
}
