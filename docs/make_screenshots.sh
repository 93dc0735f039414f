#!/usr/bin/env bash
# Regenerate the README screenshots in docs/screenshots/:
#   audit-report.png   - top of the HTML audit report for examples/
#   annotated-docx.png - first page of examples/brochure.docx after `claimcheck annotate`,
#                        with the review comments rendered in the right-hand margin
#
# Usage (from a checkout, with the project's virtualenv active):
#   bash docs/make_screenshots.sh
#
# The renderers are NOT project dependencies. On Debian/Ubuntu:
#   apt-get install chromium poppler-utils fonts-crosextra-caladea fonts-crosextra-carlito
#   apt-get install libreoffice-writer     # needs LibreOffice >= 24.2, GUI build
# Notes on LibreOffice:
#   - `ExportNotesInMargin` (comments in the margin) fails in the headless-only
#     libreoffice-*-nogui builds ("SfxBaseModel::impl_store ... failed"); install
#     libreoffice-writer. On Debian 12 take it from bookworm-backports
#     (`apt-get install -t bookworm-backports libreoffice-writer`); 7.4 cannot do it.
#   - the comment column width (Writer/Notes/DisplayWidthFactor) is lowered to 2.5
#     because at the default 3.0 the margin boxes run past the page edge and clip.
#   - Caladea/Carlito are metric-compatible with Cambria/Calibri used by the DOCX;
#     without them the brochure reflows and the comment highlights drift.
#
# Only docs/screenshots/ in the repository is written; everything else goes to a
# temporary directory that is removed on exit. Figures are pinned with --as-of.
set -euo pipefail

AS_OF=2026-11-23
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/docs/screenshots"

need() {
    command -v "$1" >/dev/null 2>&1 || {
        echo "make_screenshots: '$1' not found ($2)" >&2
        exit 1
    }
}
need claimcheck "activate the project's virtualenv"
need soffice "apt-get install libreoffice-writer"
need pdftoppm "apt-get install poppler-utils"
chrome=""
for c in chromium chromium-browser google-chrome; do
    if command -v "$c" >/dev/null 2>&1; then
        chrome="$c"
        break
    fi
done
[[ -n "$chrome" ]] || {
    echo "make_screenshots: no chromium found (apt-get install chromium)" >&2
    exit 1
}

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# Both browsers and office suites like to drop caches into $HOME.
export HOME="$tmp/home"
mkdir -p "$HOME" "$out"

# 1. The deliverables, from the shipped examples.
cd "$root"
claimcheck report examples/ -o "$tmp/audit.html" --as-of "$AS_OF"
claimcheck annotate examples/brochure.docx -o "$tmp/brochure.reviewed.docx" --as-of "$AS_OF"

# 2. HTML report: header, summary table + chart and the first claims table.
# The background-networking flags keep headless Chromium from hanging offline.
(
    cd "$tmp"
    "$chrome" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$tmp/chrome-profile" --hide-scrollbars \
        --force-device-scale-factor=1 --window-size=1280,1600 \
        --screenshot="$out/audit-report.png" "file://$tmp/audit.html" 2>/dev/null
)

# 3. Annotated DOCX -> PDF with comments in the margin -> PNG of page 1.
mkdir -p "$tmp/lo-profile/user" "$tmp/pdf"
cat >"$tmp/lo-profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Writer/Notes"><prop oor:name="DisplayWidthFactor" oor:op="fuse"><value>2.5</value></prop></item>
</oor:items>
XCU
filter='pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"false"},"ExportNotesInMargin":{"type":"boolean","value":"true"}}'
soffice -env:UserInstallation="file://$tmp/lo-profile" --headless \
    --convert-to "$filter" --outdir "$tmp/pdf" "$tmp/brochure.reviewed.docx" >/dev/null 2>&1 || true
pdf="$tmp/pdf/brochure.reviewed.pdf"
[[ -s "$pdf" ]] || {
    echo "make_screenshots: LibreOffice did not export $pdf;" \
        "comments-in-margin needs libreoffice-writer >= 24.2 (not the -nogui build)" >&2
    exit 1
}
# Crop a US Letter page (612x792 pt) to the text plus the comment column,
# dropping the empty top and bottom margins: x 55..612 pt, y 95..647 pt at 110 dpi, above the footer.
dpi=110
px() { echo $(($1 * dpi / 72)); }
pdftoppm -png -r "$dpi" -f 1 -l 1 -singlefile \
    -x "$(px 55)" -y "$(px 95)" -W "$(px 557)" -H "$(px 552)" \
    "$pdf" "$out/annotated-docx"

for f in "$out/audit-report.png" "$out/annotated-docx.png"; do
    echo "make_screenshots: wrote ${f#"$root"/} ($(($(stat -c %s "$f") / 1024)) KB)"
done
