//! Byte <-> code-point offsets for many spans of one text, built in one pass
//! (the map itself lives in [`crate::text`], the one place for offsets).
//!
//! [`crate::article::byte_to_char`] walks the text for every call; exports and
//! scoring convert hundreds of offsets per article, so they build an
//! [`OffsetMap`] once (one pass over the text, memory proportional to the
//! number of non-ASCII characters) and look each offset up in O(log n).
//! Both agree with `article::byte_to_char` / `article::char_to_byte`.

pub use crate::text::OffsetMap;
