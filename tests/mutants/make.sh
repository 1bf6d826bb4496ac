#!/bin/sh
# Write a mutant: tests/mutants/make.sh NAME WHAT TEST FILE OLD NEW
# replaces the one occurrence of OLD in FILE by NEW, saves the difference
# as tests/mutants/NAME.patch (with its Mutant: and Test: lines, see run.sh)
# and puts FILE back as it was. When code moves, a stale mutant is written
# again this way against its new place. Needs python3 (for the exact
# replacement); make mutants itself needs only sh and patch.
set -eu
[ $# = 6 ] || { echo "usage: $0 NAME WHAT TEST FILE OLD NEW" >&2; exit 2; }
cd "$(dirname "$0")/../.."
name=$1 what=$2 test=$3 file=$4
orig=$(mktemp)
trap 'cp "$orig" "$file"; rm -f "$orig"' EXIT
cp "$file" "$orig"
python3 - "$file" "$5" "$6" <<'PY'
import sys
path, old, new = sys.argv[1:4]
text = open(path).read()
if text.count(old) != 1:
    sys.exit("%s: the text to replace occurs %d times, not once" % (path, text.count(old)))
open(path, "w").write(text.replace(old, new))
PY
{ echo "Mutant: $what"; echo "Test: $test"; echo
  diff -u --label "a/$file" --label "b/$file" "$orig" "$file" || true; } > "tests/mutants/$name.patch"
echo "wrote tests/mutants/$name.patch"
