#!/usr/bin/env bash
# `npm test`: the build, `npm run verify` (every chain number of public/data against its published proof), then the
# test files, which read the build. The lint and the type check read the sources only and nothing reads what they
# find, so they run beside the rest (each mostly one core) instead of holding the test files back (45 s before them
# on 2 cores); their output is printed at the end. The type check starts after the build, not beside it: `astro check`
# reads the .astro/*.d.ts that `astro sync` writes, and the build has just written them, so the check skips its own sync
# (--noSync: a sync beside the build's would rewrite those files in place while the checker reads them). Any step
# failing fails the whole.
set -uo pipefail
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
npm run lint > "$logs/lint" 2>&1 &
lint=$!
check=
status=0
if npm run build; then
  npm run check -- --noSync > "$logs/check" 2>&1 &
  check=$!
  npm run verify && vitest run || status=1
else
  status=1
fi
# the lint's and the type check's output, and their failure if any
if ! wait "$lint"; then status=1; fi
echo '--- npm run lint'
cat "$logs/lint"
if [ -n "$check" ]; then
  if ! wait "$check"; then status=1; fi
  echo '--- npm run check'
  cat "$logs/check"
fi
exit "$status"
