#!/usr/bin/env bash
# Makes sure the Chromiums are there: CHROMIUM_PATH if set, else Debian's packages (installed
# when missing), else Playwright's own download where the network allows. The browser tests
# drive Debian's headless shell, the same engine without the desktop browser around it (about
# a third less CPU a test here); the bench's Lighthouse and scripts/make-icons.ts use the full
# browser, as a person's phone runs it.
set -euo pipefail

if [ -n "${CHROMIUM_PATH:-}" ]; then
  [ -x "$CHROMIUM_PATH" ] || { echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable" >&2; exit 1; }
  exit 0
fi
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromium-headless-shell ]; then exit 0; fi

if command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium from Debian's packages for the browser tests..."
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-headless-shell >/dev/null
  exit 0
fi

echo "Installing Playwright's Chromium..."
npx playwright install chromium
