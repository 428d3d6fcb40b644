#!/usr/bin/env bash
# What the tests need from the system: LibreOffice (render decks), poppler (PDF → PNG), Chromium (the
# real-browser tests), the Liberation fonts (metric twins of Arial, used to measure slide text) and OCR for
# scanned PDFs (Tesseract with Dutch and English, jbig2dec for JBIG2-compressed scans).
#   scripts/system-deps.sh       everything the tests need
#   scripts/system-deps.sh ocr   only OCR, for ingesting scanned PDFs with the app
# Installs with apt only what is missing; a second run does nothing.
set -euo pipefail
missing=()
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
command -v tesseract >/dev/null || missing+=(tesseract-ocr)
for lang in nld eng; do
  tesseract --list-langs 2>/dev/null | grep -qx "$lang" || missing+=("tesseract-ocr-$lang")
done
command -v jbig2dec >/dev/null || missing+=(jbig2dec)
if [ "${1:-}" != "ocr" ]; then
  command -v soffice >/dev/null || missing+=(libreoffice-impress)
  command -v chromium >/dev/null || missing+=(chromium)
  fc-list 2>/dev/null | grep -q LiberationSans || missing+=(fonts-liberation2)
fi
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
