#!/usr/bin/env bash
# Installs Debian's Chromium (for the browser tests), poppler-utils (pdftotext, for the
# press-kit checks) and libxml2-utils (xmllint, validating schedule.xml against its XML Schema)
# when they are missing. Idempotent: does nothing on a ready machine.
# Never downloads a browser from a test tool: the system package is the one we drive.
set -euo pipefail

CHROMIUM="${CHROMIUM_PATH:-/usr/lib/chromium/chromium}"

if [ -x "$CHROMIUM" ] && command -v pdftotext >/dev/null 2>&1 && command -v xmllint >/dev/null 2>&1; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "ensure-chromium: Chromium is missing and neither root nor sudo is available." >&2
  echo "  Install it with: apt-get install -y chromium poppler-utils libxml2-utils" >&2
  exit 1
fi

echo "ensure-chromium: installing chromium, poppler-utils and libxml2-utils from Debian…"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium poppler-utils libxml2-utils >/dev/null

if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-chromium: installed, but $CHROMIUM is still missing." >&2
  exit 1
fi
echo "ensure-chromium: $("$CHROMIUM" --version 2>/dev/null || echo chromium) ready."
