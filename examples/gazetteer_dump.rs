//! Print every gazetteer match in the given files (or standard input), one per line:
//! byte span, surface text, entry id, match kind, and `?` for ambiguous matches.
//!
//!     cargo run --example gazetteer_dump -- FILE...

use lede::extract::gazetteer::Gazetteer;
use std::io::Read;

fn main() -> anyhow::Result<()> {
    let g = Gazetteer::get();
    let mut inputs: Vec<(String, String)> = Vec::new();
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s)?;
        inputs.push(("-".into(), s));
    }
    for f in files {
        let s = std::fs::read_to_string(&f).map_err(|e| anyhow::anyhow!("{f}: {e}"))?;
        inputs.push((f, s));
    }
    for (name, text) in &inputs {
        for m in g.find(text) {
            let e = g.entry(m.entry);
            println!(
                "{name}\t{}..{}\t{}\t{}\t{:?}{}",
                m.span.start,
                m.span.end,
                m.span.text(text),
                e.id,
                m.kind,
                if m.ambiguous { "\t?" } else { "" }
            );
        }
    }
    Ok(())
}
