#!/bin/sh
# Renders plaint-report's HTML page in headless Chromium (Debian package `chromium`) and checks
# that the key figures are in the rendered DOM; keeps a screenshot outside the repository
# (/tmp/plaint-report-html/report.png). Exits 77 (SKIP) when chromium is not installed.
# usage: check_report_html.sh PLAINT_REPORT WORKDIR
set -eu
prog=$1
work=$2
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
    echo "SKIP: chromium is not installed"
    exit 77
fi
rm -rf "$work"
mkdir -p "$work"
"$prog" --out "$work/out" > /dev/null
html="$work/out/report.html"
shot_dir=/tmp/plaint-report-html
mkdir -p "$shot_dir"
profile_dir=$(mktemp -d)
trap 'rm -rf "$profile_dir"' EXIT
flags="--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --user-data-dir=$profile_dir"
# shellcheck disable=SC2086
timeout 120 "$chromium" $flags --dump-dom "file://$html" > "$work/dom.html" 2> "$work/chromium.log"
# shellcheck disable=SC2086
timeout 120 "$chromium" $flags --window-size=1200,3000 --screenshot="$shot_dir/report.png" \
    "file://$html" >> "$work/chromium.log" 2>&1
test -s "$shot_dir/report.png" || { echo "no screenshot"; cat "$work/chromium.log"; exit 1; }
# 645: October's complaints with an earlier one from the same flat in 30 days, counted from the
# sample's JSON lines by a script of their own.
for want in 'Complaints received' '>2231<' 'CSAT' '85.1%' 'SLA compliance per target' \
    'Repeat complaints' '>645<' \
    'Complaints by weekday and hour' 'Complaints by building and category' '<svg' \
    'id="people"' '工程维修部 engineering and repair' 'Top handlers' 'Bottom handlers' \
    'Requests by team and category'; do
    grep -q -- "$want" "$work/dom.html" || { echo "not in the rendered DOM: $want"; exit 1; }
done
# No script ran or was left in the page: the DOM has no <script> element.
if grep -qi '<script' "$work/dom.html"; then echo "a script element in the page"; exit 1; fi
echo "check_report_html: ok (screenshot $shot_dir/report.png)"
