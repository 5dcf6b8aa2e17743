#!/usr/bin/env bash
# The font the printable plan van aanpak's PDF is set in (PDFsharp finds no fonts on Linux by itself):
# Liberation Sans 2 (SIL Open Font License 1.1) from Debian's fonts-liberation2. The host refuses to start
# without it (Afdruk:Lettertype names the file). Used by run.sh and test.sh; safe to run again.
set -euo pipefail

font=/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf
[[ -f $font ]] && exit 0
[[ $(id -u) -eq 0 ]] || { echo "lettertype.sh: $font is missing and installing it needs root (apt-get install -y fonts-liberation2)." >&2; exit 1; }
echo "lettertype.sh: installing fonts-liberation2 from Debian packages" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get install -y --no-install-recommends fonts-liberation2 >&2 || { apt-get update >&2 && apt-get install -y --no-install-recommends fonts-liberation2 >&2; }
[[ -f $font ]] || { echo "lettertype.sh: fonts-liberation2 did not install $font" >&2; exit 1; }
