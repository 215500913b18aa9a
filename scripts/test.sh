#!/usr/bin/env bash
# `npm test`: the lint beside the type check and the build (each mostly one core; on 2 cores the lint's ~15 s then
# costs nothing), `npm run verify` (every chain number of public/data against its published proof), then the test
# files, which read the build. Any step failing fails the whole.
set -euo pipefail
npm run lint &
lint=$!
npm run check
npm run build
wait "$lint"
npm run verify
vitest run
