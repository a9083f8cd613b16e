//! An article's mentions, packed into one blob (one row per article instead
//! of one per mention: a fifth of the size, and one write instead of fifty).
//! Each mention is five LEB128 varints: the start as a zigzag delta from the
//! previous start, the length, the kind, the actor number + 1 (0: none) and
//! the date index + 1 (0: none).

/// One stored mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Packed {
    pub start: usize,
    pub len: usize,
    pub kind: u64,
    pub aid: Option<i64>,
    pub date: Option<usize>,
}

fn put(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn get(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *bytes.get(*at)?;
        *at += 1;
        v |= u64::from(b & 0x7f) << shift;
        if b < 0x80 {
            return Some(v);
        }
    }
    None
}

pub(super) fn encode(mentions: &[Packed]) -> Vec<u8> {
    let mut out = Vec::with_capacity(mentions.len() * 6);
    let mut prev = 0i64;
    for m in mentions {
        let delta = m.start as i64 - prev;
        prev = m.start as i64;
        put(&mut out, ((delta << 1) ^ (delta >> 63)) as u64);
        put(&mut out, m.len as u64);
        put(&mut out, m.kind);
        put(&mut out, m.aid.map_or(0, |a| a as u64 + 1));
        put(&mut out, m.date.map_or(0, |d| d as u64 + 1));
    }
    out
}

/// `None` when the blob is damaged.
pub(super) fn decode(bytes: &[u8]) -> Option<Vec<Packed>> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut prev = 0i64;
    while at < bytes.len() {
        let z = get(bytes, &mut at)?;
        let delta = ((z >> 1) as i64) ^ -((z & 1) as i64);
        prev = prev.checked_add(delta)?;
        let len = get(bytes, &mut at)? as usize;
        let kind = get(bytes, &mut at)?;
        let aid = get(bytes, &mut at)?.checked_sub(1).map(|a| a as i64);
        let date = get(bytes, &mut at)?.checked_sub(1).map(|d| d as usize);
        out.push(Packed {
            start: usize::try_from(prev).ok()?,
            len,
            kind,
            aid,
            date,
        });
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_damage() {
        let ms = [
            Packed {
                start: 0,
                len: 5,
                kind: 2,
                aid: Some(1),
                date: None,
            },
            Packed {
                start: 300,
                len: 12,
                kind: 4,
                aid: None,
                date: Some(0),
            },
            Packed {
                start: 200,
                len: 1,
                kind: 0,
                aid: Some(1 << 40),
                date: Some(9),
            },
        ];
        let b = encode(&ms);
        assert_eq!(decode(&b).unwrap(), ms);
        assert_eq!(decode(&[]).unwrap(), []);
        assert_eq!(decode(&b[..b.len() - 1]), None);
        assert_eq!(decode(&[0xff; 12]), None);
    }
}
