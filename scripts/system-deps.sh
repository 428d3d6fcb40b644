#!/usr/bin/env bash
# What the tests need from the system: LibreOffice (render decks), poppler (PDF → PNG), Chromium (the
# real-browser tests) and the Liberation fonts (metric twins of Arial, used to measure slide text).
# Installs with apt only what is missing; a second run does nothing.
set -euo pipefail
missing=()
command -v soffice >/dev/null || missing+=(libreoffice-impress)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
command -v chromium >/dev/null || missing+=(chromium)
fc-list 2>/dev/null | grep -q LiberationSans || missing+=(fonts-liberation2)
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null; then
  echo "Please install: ${missing[*]} (this script knows only apt)." >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing system packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
