#!/usr/bin/env bash
# Builds the libFuzzer targets (src/*/*_fuzz.cc) with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer in BUILD_DIR, and runs each for SECONDS on a small seed corpus
# written here (no shared data). Used by the CTest test `fuzz_readers`; anyone can rerun it:
#   scripts/fuzz.sh [BUILD_DIR (default build/fuzz)] [SECONDS (default 20)]
# Exits 77 (CTest: skipped) when clang or its libFuzzer runtime is missing, 1 when a target
# found a crash (the reproducer is left in BUILD_DIR, named crash-*).
set -euo pipefail

SRC=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$SRC/build/fuzz}
SECONDS_EACH=${2:-20}

CXX=$(command -v clang++ || command -v clang++-14 || true)
if [ -z "$CXX" ]; then
  echo "fuzz: skipped: clang++ not found (Debian: apt-get install clang libclang-rt-14-dev)"
  exit 77
fi
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
printf 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }\n' \
  > "$probe/p.cc"
if ! "$CXX" -fsanitize=fuzzer,address "$probe/p.cc" -o "$probe/p" 2>/dev/null; then
  echo "fuzz: skipped: $CXX cannot link -fsanitize=fuzzer (Debian: apt-get install libclang-rt-14-dev)"
  exit 77
fi

cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_CXX_COMPILER="$CXX" -DCMAKE_BUILD_TYPE=Release \
  -DDYAD_FUZZ=ON >/dev/null
targets=$(cd "$SRC" && ls src/*/*_fuzz.cc | xargs -n1 basename | sed 's/\.cc$//')
cmake --build "$BUILD" --target $targets

# Seeds: a small page, a legacy-charset page, a deep page, a WARC record plain and gzipped.
seeds="$BUILD/seeds"
rm -rf "$seeds" && mkdir -p "$seeds/html_fuzz" "$seeds/warc_fuzz"
page='<!DOCTYPE html><html lang="en"><head><title>T | Site</title><meta property="article:published_time" content="2024-11-01"><script type="application/ld+json">{"@type":"NewsArticle","headline":"T","author":{"name":"A B"}}</script></head><body><nav><a href="/">Home</a></nav><article><h1>T</h1><p class="byline">By A B</p><div class="article-body"><p>One, two, three.</p><ul><li>x</li></ul><blockquote>q</blockquote><table><tr><td>1</td></tr></table></div></article><div class="comments"><p>c</p></div><footer>f</footer></body></html>'
printf '%s' "$page" > "$seeds/html_fuzz/page.html"
printf '<meta charset="windows-1251"><p>\xcc\xee\xf1\xea\xe2\xe0</p>' > "$seeds/html_fuzz/cp1251.html"
printf '%.0s<div><b>' $(seq 1 300) > "$seeds/html_fuzz/deep.html"
http=$(printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n<p>ab\r\n0\r\n\r\n')
record=$(printf 'WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Target-URI: http://x.example/\r\nWARC-Date: 2024-11-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n' "${#http}" "$http")
printf '%s' "$record" > "$seeds/warc_fuzz/plain.warc"
printf '%s' "$record" | gzip -c > "$seeds/warc_fuzz/one.warc.gz"
{ printf '%s' "$record" | gzip -c; printf 'junk'; printf '%s' "$record" | gzip -c; } \
  > "$seeds/warc_fuzz/two.warc.gz"

status=0
for t in $targets; do
  corpus="$BUILD/corpus/$t"
  mkdir -p "$corpus"
  extra=()
  [ -d "$seeds/$t" ] && extra+=("$seeds/$t")
  echo "fuzz: $t for ${SECONDS_EACH}s"
  if ! (cd "$BUILD" && ASAN_OPTIONS=detect_leaks=0 "./$t" -max_total_time="$SECONDS_EACH" \
        -max_len=65536 -timeout=20 -rss_limit_mb=4096 -print_final_stats=1 "$corpus" \
        "${extra[@]}" 2>&1 | tail -n 12); then
    echo "fuzz: $t FAILED (reproducer in $BUILD)"
    status=1
  fi
done
[ $status -eq 0 ] && echo "fuzz: all targets ran ${SECONDS_EACH}s without a crash"
exit $status
