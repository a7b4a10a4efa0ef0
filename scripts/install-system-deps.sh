#!/bin/sh
# Install the Debian packages nbreport needs when they are missing:
#   fonts (AR PL UMing serif, WenQuanYi Zen Hei sans, DejaVu for symbols, Liberation for
#   Latin letters and digits, metric-compatible with Times New Roman and Arial) for the PDF,
#   poppler-utils (pdftotext, pdftoppm) and, with --with-office, LibreOffice (Writer, Calc) for the tests;
#   --with-bench adds pandoc and LibreOffice Writer for bench/run.py's reference toolchain (options combine).
set -eu
office=""; bench=""
for option in "$@"; do
  case "$option" in
    --with-office) office=1 ;;
    --with-bench) bench=1 ;;
    *) echo "install-system-deps.sh: unknown option $option (use --with-office, --with-bench)" >&2; exit 2 ;;
  esac
done
want=""
[ -f /usr/share/fonts/truetype/arphic/uming.ttc ] || want="$want fonts-arphic-uming"
[ -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || want="$want fonts-wqy-zenhei"
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || want="$want fonts-dejavu-core"
[ -f /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ] || want="$want fonts-liberation2"
command -v pdftotext >/dev/null 2>&1 || want="$want poppler-utils"
if [ -n "$office" ]; then
  command -v soffice >/dev/null 2>&1 || want="$want libreoffice-writer-nogui"
  # The LibreOffice layout pass (render/lo_layout.py) runs under the system Python with UNO.
  [ -d /usr/lib/python3/dist-packages/uno.py ] || [ -f /usr/lib/python3/dist-packages/uno.py ] || want="$want python3-uno"
  # Calc opens the Excel submission templates and error reports in the tests.
  [ -e /usr/lib/libreoffice/program/libsclo.so ] || want="$want libreoffice-calc-nogui"
fi
if [ -n "$bench" ]; then
  # The reference the bench compares with: pandoc md -> docx, then LibreOffice docx -> pdf.
  command -v pandoc >/dev/null 2>&1 || want="$want pandoc"
  command -v soffice >/dev/null 2>&1 || case "$want" in *libreoffice-writer-nogui*) ;; *) want="$want libreoffice-writer-nogui" ;; esac
fi
[ -n "$want" ] || exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "nbreport: please install:$want (no apt-get here); see README" >&2
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "nbreport: installing$want" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $want >/dev/null
