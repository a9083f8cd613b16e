//! Embeds every article file of `assets/articles` (not README files) into the
//! binary: generates `$OUT_DIR/bundled_articles.rs`, a sorted table of names
//! and `include_bytes!` entries. Also sets `LEDE_EXTRACTOR_VERSION` (see
//! `extractor_version`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

// EXTENSIONS, DOC_STEMS and is_doc_stem: the loader's own list of formats.
include!("src/ingest/formats.rs");

fn is_article(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let stem = path
        .file_stem()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_ascii_uppercase();
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    !name.starts_with('.') && !is_doc_stem(&stem) && EXTENSIONS.iter().any(|(e, _)| *e == ext)
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(&path, out);
        } else if is_article(&path) {
            out.push(path);
        }
    }
}

fn main() {
    let root =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let dir = root.join("assets").join("articles");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/ingest/formats.rs");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files = Vec::new();
    collect(&dir, &mut files);
    files.sort();
    let mut code = String::from("pub const FILES: &[(&str, &[u8])] = &[\n");
    for path in &files {
        let rel = path
            .strip_prefix(&dir)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/");
        let abs = path.to_string_lossy();
        writeln!(code, "    ({rel:?}, include_bytes!({abs:?})),").expect("write to a String");
    }
    code.push_str("];\n");
    let out =
        PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("bundled_articles.rs");
    fs::write(&out, code).expect("write the bundled article table");
    extractor_version(&root);
}

/// `LEDE_EXTRACTOR_VERSION`: a hash (FNV-1a, 64 bits) of the extractor's
/// sources and word lists, so that the library re-analyses its articles
/// whenever any of them changes, without anyone bumping a number.
fn extractor_version(root: &Path) {
    let mut files = Vec::new();
    for dir in ["src/extract", "assets/gazetteer", "assets/lexicon"] {
        let dir = root.join(dir);
        println!("cargo:rerun-if-changed={}", dir.display());
        collect_all(&dir, &mut files);
    }
    files.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for path in &files {
        let rel = path.strip_prefix(root).unwrap_or(path).to_string_lossy();
        let bytes = fs::read(path).unwrap_or_default();
        for b in rel.bytes().chain([0]).chain(bytes).chain([0]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=LEDE_EXTRACTOR_VERSION={hash:016x}");
}

fn collect_all(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_all(&path, out);
        } else {
            out.push(path);
        }
    }
}
