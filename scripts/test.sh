#!/usr/bin/env bash
# `npm test`: the build, then the test files, which read the build. Beside them, each mostly one core, run the steps
# nothing reads the output of: the lint and the type check (they read the sources), and `npm run verify` (every chain
# number of public/data against its published proof; it reads public/data only). Their output is printed at the end,
# and any step failing fails the whole. The lint starts with the build; the type check after it: `astro check` reads
# the .astro/*.d.ts that `astro sync` writes, and the build has just written them, so the check skips its own sync
# (--noSync: a sync beside the build's would rewrite those files in place while the checker reads them).
set -uo pipefail
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
status=0
pids=()
names=()
# beside NAME COMMAND...: COMMAND in the background, its output kept for the end
beside() {
  local name=$1
  shift
  "$@" > "$logs/$name" 2>&1 &
  pids+=($!)
  names+=("$name")
}
beside lint npm run lint
if npm run build; then
  beside check npm run check -- --noSync
  beside verify npm run verify
  vitest run || status=1
else
  status=1
fi
for i in "${!pids[@]}"; do
  if ! wait "${pids[$i]}"; then status=1; fi
  echo "--- npm run ${names[$i]}"
  cat "$logs/${names[$i]}"
done
exit "$status"
