#!/usr/bin/env bash
# `npm run bench:tests -- FILE...`: each test file (or folder) run alone by vitest, with its wall time and the CPU the
# whole machine spent meanwhile (core-seconds, from /proc/stat: Chromium's and chopsticks' processes included, which
# /usr/bin/time misses). Run it on an otherwise idle machine; Linux only. With no argument: the slowest files of the
# suite (tests/helpers/sequencer.ts). `npm test` is bound by the CPU on 2 cores, so core-seconds are what a change
# must lower to make it faster.
set -uo pipefail
cd "$(dirname "$0")/.."
if [ $# -eq 0 ]; then
  mapfile -t files < <(sed -n "s/^  '\(tests\/[^']*\)',$/\1/p" tests/helpers/sequencer.ts)
else
  files=("$@")
fi
hz=$(getconf CLK_TCK)
busy() { # the machine's busy and total jiffies so far
  read -r _ user nice system idle iowait irq softirq steal _ < /proc/stat
  echo "$((user + nice + system + irq + softirq + steal)) $((idle + iowait))"
}
printf '%8s %8s  %s\n' 'wall s' 'core-s' 'file'
for f in "${files[@]}"; do
  read -r b0 _ < <(busy)
  t0=$(date +%s%N)
  if npx vitest run "$f" > /dev/null 2>&1; then ok=''; else ok='  (failed)'; fi
  t1=$(date +%s%N)
  read -r b1 _ < <(busy)
  awk -v w="$((t1 - t0))" -v c="$((b1 - b0))" -v hz="$hz" -v f="$f$ok" 'BEGIN { printf "%8.1f %8.1f  %s\n", w / 1e9, c / hz, f }'
done
