#!/usr/bin/env bash
# The benchmark of docs/BENCHMARKS.md: builds the kieumau binary and the benchmark package (Bench/,
# kept out of the main build) in release, then runs it. Arguments go to kieumau-bench, e.g.
#   Scripts/bench.sh --scales national --runs 10 --out /tmp/figures.md
# It writes nothing into the checkout but the build folders; its data and scratch go to a
# temporary folder it removes.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product kieumau
# A new file in the main package is not seen through a cached build manifest of this one.
swift build -c release --package-path Bench --product kieumau-bench --disable-build-manifest-caching
# The bench finds the kieumau just built (the repository's .build/release/kieumau) by itself.
exec Bench/.build/release/kieumau-bench "$@"
