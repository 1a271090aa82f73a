#!/usr/bin/env bash
# Issue #23's limits, measured: every case of the hostile catalogue
# (tests/native/hostile.rs) through the release command line, one process
# each, with its wall time and peak memory (GNU time). Prints the worst and
# fails past 5 s or 256 MB. Not part of `make test` (about a minute).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=target/hostile
rm -rf "$dir"
OC_WRITE_HOSTILE="$PWD/$dir" cargo test -q --locked --test native every_hostile_input >/dev/null
cargo build -q --locked --release --bin offer-compare
: > "$dir/times.tsv"
for input in "$dir"/*.json "$dir"/*.link; do
  # A refusal exits 1; only time and memory matter here (the test checks the messages).
  /usr/bin/time --quiet -f "%e	%M	$(basename "$input")" -a -o "$dir/times.tsv" \
    target/release/offer-compare "$input" >/dev/null 2>&1 || true
done
count=$(wc -l < "$dir/times.tsv")
echo "$count cases; slowest (s, peak KB, case):"
sort -t$'\t' -k1,1gr "$dir/times.tsv" | head -3
echo "largest peak memory (s, peak KB, case):"
sort -t$'\t' -k2,2nr "$dir/times.tsv" | head -3
awk -F'\t' '$1 >= 5 || $2 >= 256 * 1024 { print "over the limit: " $0; bad = 1 } END { exit bad }' "$dir/times.tsv"
