#!/usr/bin/env bash
# Run one fuzz target for a while, one job, seeded from the repository's own
# fixtures and fuzz/seeds. Usage: fuzz/run.sh TARGET [SECONDS]
#   targets: sanitize load_text load_json load_entry extract
# Needs cargo-fuzz (`cargo install cargo-fuzz`) and a nightly compiler; on a
# stable toolchain RUSTC_BOOTSTRAP=1 unlocks the nightly flags cargo-fuzz uses.
set -euo pipefail
cd "$(dirname "$0")"
target=${1:?target}
seconds=${2:-600}
corpus=corpus/$target
mkdir -p "$corpus"
seed() { [ -d "$1" ] && find "$1" -type f -size -64k -exec cp -n {} "$corpus"/ \; ; true; }
case $target in
    sanitize) seed seeds/sanitize; seed seeds/text; dict=text.dict ;;
    load_text) seed seeds/text; seed ../tests/fixtures/articles; seed ../tests/fixtures/bad; dict=text.dict ;;
    load_json) seed seeds/json; seed ../tests/fixtures/articles; dict=json.dict ;;
    load_entry) seed seeds/text; seed seeds/json; seed ../tests/fixtures/articles; seed ../tests/fixtures/bad; dict=json.dict ;;
    extract) seed seeds/extract; dict=text.dict ;;
    *) dict= ;;
esac
toolchain=()
if rustup run nightly rustc --version >/dev/null 2>&1; then
    toolchain=(+nightly)
else
    export RUSTC_BOOTSTRAP=1
fi
exec cargo "${toolchain[@]}" fuzz run "$target" "$corpus" -- \
    -max_total_time="$seconds" -print_final_stats=1 \
    -max_len=65536 -timeout=10 -rss_limit_mb=2048 ${dict:+-dict=$dict}
