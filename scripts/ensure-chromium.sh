#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (playwright cannot download its own browser here). Install it when
# missing and we may (root, or passwordless sudo); otherwise say exactly what to run.
set -euo pipefail
chrome="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chrome" ] && exit 0
if [ "$(id -u)" = 0 ]; then sudo=""; elif sudo -n true 2>/dev/null; then sudo="sudo -n"; else
  echo "Chromium is missing at $chrome. Install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH)" >&2
  exit 1
fi
echo "Installing Debian's chromium for the browser tests..."
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
"$chrome" --version 2>/dev/null | grep -v 'unexpected operator' || true
