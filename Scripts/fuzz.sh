#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ (with AddressSanitizer and LeakSanitizer) and runs each
# for SECONDS on its seed corpus. Usage:
#   Scripts/fuzz.sh [TARGET|all] [SECONDS]       # default: all targets, 600 s each
#   Scripts/fuzz.sh list                         # the targets
# Everything a run writes goes to OUT, outside the checkout: $KIEUMAU_FUZZ_OUT, else
# ${XDG_CACHE_HOME:-~/.cache}/kieumau/fuzz-out. Crashes, hangs (-timeout), leaks and out-of-memory
# inputs go to OUT/<target>/; the corpus grown while fuzzing to OUT/corpus/<target>/; each run's
# log to OUT/<target>.log. The targets run with OUT as their working directory, so nothing they
# might write lands in the checkout (the `app` target's exports stay in memory).
# Reproduce a finding:  Fuzz/.build/release/fuzz-<target> OUT/<target>/crash-…
# Exits non-zero when a target found something. See docs/FUZZING.md.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=${KIEUMAU_FUZZ_OUT:-${XDG_CACHE_HOME:-$HOME/.cache}/kieumau/fuzz-out}

# target, -max_len, dictionary (relative to Fuzz/Dictionaries, or -)
TARGETS=(
  "snapshot      16384 json.dict"
  "criteria       8192 json.dict"
  "map           16384 json.dict"
  "crosswalk     16384 json.dict"
  "theme          8192 toml.dict"
  "import-csv     8192 csv.dict"
  "xlsx          32768 xlsx.dict"
  "review-import  8192 json.dict"
  "keys           1024 -"
  "app            1024 -"
  "digest-cache  32768 -"
)

names() { for t in "${TARGETS[@]}"; do set -- $t; echo "$1"; done; }

WHICH=${1:-all}
SECONDS_EACH=${2:-600}
if [[ $WHICH == list ]]; then names; exit 0; fi
if [[ $WHICH != all ]] && ! names | grep -qx "$WHICH"; then
  echo "unknown target '$WHICH'; targets: $(names | tr '\n' ' ')" >&2; exit 2
fi
[[ $SECONDS_EACH =~ ^[0-9]+$ ]] || { echo "SECONDS must be a whole number, found '$SECONDS_EACH'" >&2; exit 2; }

# SwiftPM's default linker (gold) fails on these binaries with an internal error; the toolchain's
# lld links them. A toolset file is how SwiftPM is told which linker to use.
SWIFT_BIN=$(dirname "$(readlink -f "$(command -v swift)")")
mkdir -p "$OUT"
TOOLSET="$OUT/lld-toolset.json"
printf '{ "schemaVersion": "1.0", "linker": { "path": "%s/ld.lld" } }\n' "$SWIFT_BIN" > "$TOOLSET"

echo "building the fuzz targets (release, -sanitize=fuzzer,address)…"
# The build plan is made afresh each time: SwiftPM's cached plan does not notice files added to
# the main package (a path dependency here), which then fail to be found.
swift build -c release -Xswiftc -sanitize=fuzzer,address --toolset "$TOOLSET" --package-path Fuzz \
  --disable-build-manifest-caching
BIN="$ROOT/Fuzz/.build/release"

# Leaks are checked after every input that grew RSS and at exit; symbolised reports.
export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1:symbolize=1:handle_abort=1"
# Swift's own crash backtracer trips AddressSanitizer; libFuzzer and ASan report crashes instead.
export SWIFT_BACKTRACE=enable=no

failed=()
for t in "${TARGETS[@]}"; do
  set -- $t
  name=$1 max_len=$2 dict=$3
  [[ $WHICH == all || $WHICH == "$name" ]] || continue
  corpus="$OUT/corpus/$name"
  artifacts="$OUT/$name"
  mkdir -p "$corpus" "$artifacts"
  args=(
    "$corpus" "$ROOT/Fuzz/Corpus/$name"      # new inputs are written to the first folder only
    -max_total_time="$SECONDS_EACH"
    -max_len="$max_len"
    -timeout=10                               # one input taking 10 s is a hang
    -rss_limit_mb=2048                        # ASan and the embedded maps take about 500 MB
    -detect_leaks=1
    -artifact_prefix="$artifacts/"
    -print_final_stats=1
  )
  [[ $dict == - ]] || args+=(-dict="$ROOT/Fuzz/Dictionaries/$dict")
  echo "== fuzz-$name for ${SECONDS_EACH}s (log: $OUT/$name.log)"
  if (cd "$OUT" && "$BIN/fuzz-$name" "${args[@]}") > "$OUT/$name.log" 2>&1; then
    grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb)|^Done" "$OUT/$name.log" | tr '\n' ' '; echo
  else
    echo "!! fuzz-$name found a problem:"
    grep -E "ERROR|SUMMARY|Fatal error|fuzz property|Test unit written" "$OUT/$name.log" | head -8
    failed+=("$name")
  fi
done

if ((${#failed[@]})); then
  echo "targets with findings: ${failed[*]} (inputs in $OUT/<target>/)"; exit 1
fi
echo "no crash, hang or leak found"
