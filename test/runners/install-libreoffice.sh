#!/usr/bin/env bash
# LibreOffice Writer without a GUI, for making Word fixtures and converting what we write
# to PDF; poppler-utils (pdftotext, pdftoppm) to measure and render the PDF pages.
# Idempotent: does nothing when soffice and pdftoppm are already on the PATH.
set -euo pipefail
if command -v soffice >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1; then
  echo "LibreOffice: $(soffice --version 2>/dev/null | head -n 1)"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui poppler-utils fonts-noto-cjk >/dev/null
echo "LibreOffice: $(soffice --version 2>/dev/null | head -n 1)"
