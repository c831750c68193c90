#!/usr/bin/env bash
# LibreOffice without a GUI: Writer to make Word fixtures and convert what we write to PDF,
# Calc to open the 履约台账 workbooks we write; poppler-utils (pdftotext, pdftoppm) to measure
# and render the PDF pages. Idempotent: installs only the Debian packages that are missing.
set -euo pipefail
PACKAGES=(libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-noto-cjk)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v soffice >/dev/null || { echo "install-libreoffice: soffice missing after apt-get" >&2; exit 1; }
command -v pdftoppm >/dev/null || { echo "install-libreoffice: pdftoppm missing after apt-get" >&2; exit 1; }
echo "LibreOffice: $(soffice --version 2>/dev/null | head -n 1)"
