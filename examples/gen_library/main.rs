//! Write N generated articles (JSON Lines, 1,000 a file) into DIR, for
//! measuring the library:
//!
//!     cargo run --release --example gen_library -- 100000 /tmp/gen
//!     /usr/bin/time -v target/release/lede --library /tmp/lib.sqlite add /tmp/gen
//!
//! The articles are the bundled ones with their people, places and dates
//! varied (see `generate.rs`).

mod generate;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: gen_library N DIR";
    let n: u64 = args.next().ok_or_else(|| anyhow::anyhow!(usage))?.parse()?;
    let dir = std::path::PathBuf::from(args.next().ok_or_else(|| anyhow::anyhow!(usage))?);
    let g = generate::Generator::new();
    let bytes = g.write(n, 1000, &dir)?;
    println!("{n} articles, {bytes} bytes of text, in {}", dir.display());
    Ok(())
}
