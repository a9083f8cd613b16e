//! The tagger's weights and their binary file.
//!
//! Layout (little-endian): the magic `LEDETAG1`; `u32` bucket bits; `u32`
//! tag count (7); `f32` scale (a stored weight is `w * scale` rounded);
//! `(tags + 1) * tags` transition weights as `i16` (the last row is the
//! sentence start); then `2^bits * tags` feature weights as `i8`, bucket-major.

use super::features::Allowed;
use super::features::{DocView, SentView, token_features};
use super::{N_TAGS, Tagged, spans, viterbi_scored};
use std::sync::OnceLock;

const MAGIC: &[u8; 8] = b"LEDETAG1";
const HEADER: usize = 8 + 4 + 4 + 4;
const N_TRANS: usize = (N_TAGS + 1) * N_TAGS;

/// The weights as shipped in `assets/tagger/model.bin`.
static SHIPPED: &[u8] = include_bytes!("../../../assets/tagger/model.bin");

/// A read-only view of a model file.
#[derive(Debug, Clone, Copy)]
pub struct Model<'m> {
    bits: u32,
    trans: [f32; N_TRANS],
    weights: &'m [u8],
}

/// Why a model file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("tagger model: {0}")]
pub struct ModelError(String);

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

impl<'m> Model<'m> {
    /// Read a model file (checked: magic, tag count, sizes).
    pub fn from_bytes(bytes: &'m [u8]) -> Result<Model<'m>, ModelError> {
        if bytes.len() < HEADER || &bytes[..8] != MAGIC {
            return Err(ModelError("not a lede tagger model (bad magic)".into()));
        }
        let bits = u32_at(bytes, 8);
        let tags = u32_at(bytes, 12) as usize;
        let scale = f32::from_le_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]);
        if tags != N_TAGS || bits > 24 || !(scale.is_finite() && scale > 0.0) {
            return Err(ModelError(format!(
                "unsupported header (bits {bits}, tags {tags}, scale {scale})"
            )));
        }
        let want = HEADER + N_TRANS * 2 + (1usize << bits) * N_TAGS;
        if bytes.len() != want {
            return Err(ModelError(format!(
                "{} bytes, expected {want}",
                bytes.len()
            )));
        }
        // Transitions are kept in the units of the stored weights.
        let mut trans = [0f32; N_TRANS];
        for (k, t) in trans.iter_mut().enumerate() {
            let at = HEADER + 2 * k;
            *t = f32::from(i16::from_le_bytes([bytes[at], bytes[at + 1]]));
        }
        Ok(Model {
            bits,
            trans,
            weights: &bytes[HEADER + N_TRANS * 2..],
        })
    }

    /// The model shipped in the crate.
    pub fn shipped() -> Model<'static> {
        static MODEL: OnceLock<Model<'static>> = OnceLock::new();
        *MODEL.get_or_init(|| {
            // Checked by `shipped_model_loads` in the tests.
            Model::from_bytes(SHIPPED).unwrap_or_else(|e| panic!("{e}"))
        })
    }

    /// Number of feature buckets.
    pub fn buckets(&self) -> usize {
        1 << self.bits
    }

    fn bucket(&self, h: u64) -> usize {
        (h as usize) & (self.buckets() - 1)
    }

    /// The names in a sentence, with their margins.
    pub fn tag_spans(&self, s: &SentView, doc: &dyn DocView) -> Vec<Tagged> {
        let emit = self.emissions(s, doc);
        let (tags, _) = viterbi_scored(&emit, &self.trans, &s.allowed);
        let mut allowed = s.allowed.clone();
        spans(&tags)
            .into_iter()
            .map(|(a, b, kind)| {
                // A token that can only be `O` cuts the sentence in two
                // independent halves: the margin is computed on the window
                // between the nearest such tokens around the name.
                let lo = (0..a)
                    .rev()
                    .find(|&i| s.allowed[i] == Allowed::OnlyO)
                    .unwrap_or(0);
                let hi = (b..s.allowed.len())
                    .find(|&i| s.allowed[i] == Allowed::OnlyO)
                    .map_or(s.allowed.len(), |i| i + 1);
                let window = &emit[lo * N_TAGS..hi * N_TAGS];
                let (_, with) = viterbi_scored(window, &self.trans, &allowed[lo..hi]);
                allowed[a..b].fill(Allowed::OnlyO);
                let (_, without) = viterbi_scored(window, &self.trans, &allowed[lo..hi]);
                allowed[a..b].copy_from_slice(&s.allowed[a..b]);
                Tagged {
                    a,
                    b,
                    kind,
                    margin: with - without,
                }
            })
            .collect()
    }

    /// The tag of each token of a sentence.
    pub fn tag(&self, s: &SentView, doc: &dyn DocView) -> Vec<usize> {
        let emit = self.emissions(s, doc);
        viterbi_scored(&emit, &self.trans, &s.allowed).0
    }

    fn emissions(&self, s: &SentView, doc: &dyn DocView) -> Vec<f32> {
        let n = s.toks.len();
        let mut emit = vec![0f32; n * N_TAGS];
        let mut feats = Vec::with_capacity(32);
        for i in 0..n {
            if s.allowed[i] == super::features::Allowed::OnlyO {
                continue;
            }
            feats.clear();
            token_features(s, i, doc, &mut feats);
            let mut sum = [0i32; N_TAGS];
            for &h in &feats {
                let at = self.bucket(h) * N_TAGS;
                for (t, x) in sum.iter_mut().enumerate() {
                    *x += i32::from(self.weights[at + t] as i8);
                }
            }
            for t in 0..N_TAGS {
                emit[i * N_TAGS + t] = sum[t] as f32;
            }
        }
        emit
    }
}

/// Quantise float weights into a model file: `trans` has `(N_TAGS + 1) *
/// N_TAGS` entries, `weights` `2^bits * N_TAGS`.
pub fn to_bytes(bits: u32, trans: &[f32], weights: &[f32]) -> Vec<u8> {
    assert_eq!(trans.len(), N_TRANS);
    assert_eq!(weights.len(), (1usize << bits) * N_TAGS);
    // The scale puts the 99.9th percentile of the non-zero weights at 127;
    // the few beyond are clipped.
    let mut mags: Vec<f32> = weights
        .iter()
        .map(|w| w.abs())
        .filter(|&w| w > 0.0)
        .collect();
    let top = if mags.is_empty() {
        1.0
    } else {
        let k = (mags.len() - 1) * 999 / 1000;
        *mags.select_nth_unstable_by(k, f32::total_cmp).1
    };
    let scale = 127.0 / top.max(1e-6);
    let mut out = Vec::with_capacity(HEADER + N_TRANS * 2 + weights.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&bits.to_le_bytes());
    out.extend_from_slice(&(N_TAGS as u32).to_le_bytes());
    out.extend_from_slice(&scale.to_le_bytes());
    for t in trans {
        let q = (t * scale).round().clamp(-32767.0, 32767.0) as i16;
        out.extend_from_slice(&q.to_le_bytes());
    }
    for w in weights {
        let q = (w * scale).round().clamp(-127.0, 127.0) as i8;
        out.push(q as u8);
    }
    out
}
