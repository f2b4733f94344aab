#!/bin/sh
# Seed the fuzz corpora from the repository's payload files: JSON files for `check_json`,
# YAML files for `check_yaml`. The corpora (fuzz/corpus/) are not committed.
set -eu
cd "$(dirname "$0")"
mkdir -p corpus/check_json corpus/check_yaml
for dir in ../testdata ../examples seeds; do
    [ -d "$dir" ] || continue
    find "$dir" -type f -name '*.json' -exec cp {} corpus/check_json/ \;
    find "$dir" -type f \( -name '*.yaml' -o -name '*.yml' \) -exec cp {} corpus/check_yaml/ \;
done
echo "check_json: $(ls corpus/check_json | wc -l) seeds; check_yaml: $(ls corpus/check_yaml | wc -l) seeds"
