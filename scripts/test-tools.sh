#!/usr/bin/env bash
# Installs what the tests use beside the Rust toolchain, where it is missing (Debian 12):
# PostgreSQL 15; poppler, LibreOffice and openpyxl, independent readers of the documents;
# espeak-ng, which speaks the answering machine's message; kamailio, baresip, sipp and sox, a
# real telephone exchange on loopback; aiosmtpd, a real SMTP server. Run by scripts/test.sh.
set -euo pipefail
missing=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql-15)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
command -v kamailio >/dev/null 2>&1 || missing+=(kamailio)
command -v baresip >/dev/null 2>&1 || missing+=(baresip-core)
command -v sipp >/dev/null 2>&1 || missing+=(sip-tester)
command -v sox >/dev/null 2>&1 || missing+=(sox)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  else
    echo "not installed (as root: apt-get install ${missing[*]}); the tests that need them say so" >&2
  fi
fi
python_missing=()
python3 -c 'import openpyxl' 2>/dev/null || python_missing+=(openpyxl)
python3 -c 'import aiosmtpd' 2>/dev/null || python_missing+=(aiosmtpd)
if [ ${#python_missing[@]} -gt 0 ]; then
  python3 -m pip install --quiet "${python_missing[@]}" 2>/dev/null \
    || python3 -m pip install --quiet --break-system-packages "${python_missing[@]}"
fi
