#!/bin/bash
# How far generated modules are from Prettier 3's layout: for each module of DIR matching GLOB
# (default '*.ts'), the number of lines (doc comments aside) that differ from
# `prettier@3 --print-width 120 --quote-props preserve` run on a copy in a temporary folder
# (Prettier is fetched by npx, not a dependency of the project). Modules that match print nothing.
#   bench/prettier-diff.sh /tmp/g '*.types.ts'
set -euo pipefail
dir=$1
glob=${2:-*.ts}
copy=$(mktemp -d)
trap 'rm -rf "$copy"' EXIT
cp "$dir"/$glob "$copy"/
npx --yes prettier@3 --print-width 120 --quote-props preserve --write "$copy/*.ts" >/dev/null
code() { grep -v -E '^\s*(/\*\*|\*|\*/)' "$1" || true; }
for f in "$copy"/*.ts; do
  name=$(basename "$f")
  n=$(diff <(code "$dir/$name") <(code "$f") | grep -c '^[<>]' || true)
  [ "$n" != 0 ] && echo "$n $name"
done
exit 0
