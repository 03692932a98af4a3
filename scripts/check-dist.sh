#!/usr/bin/env bash
# Fails when the committed dist/ differs from a fresh build of src/.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build --silent
if [ -n "$(git status --porcelain -- dist src/schema/validators.generated.js)" ]; then
  echo "dist/ is out of date with src/. Run 'npm run build' and commit dist/:" >&2
  git status --porcelain -- dist src/schema/validators.generated.js >&2
  git diff --stat -- dist >&2
  exit 1
fi
echo "dist/ matches a fresh build."
