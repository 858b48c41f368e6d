#!/usr/bin/env bash
# Smoke test of the production desktop binary under Xvfb.
#
#   build/scripts/smoke.sh [BINARY] [SCREENSHOT]
#
# Starts a private Xvfb, runs BINARY (default build/bin/chibo) on a fresh temporary
# database, waits for the "Chi Bộ" window to be mapped and its page to render, saves a
# screenshot of the screen to SCREENSHOT (default test-output/smoke-production.png), and
# fails if the app exited early, never showed a window, or the window stayed blank.
set -euo pipefail

BIN=${1:-build/bin/chibo}
SHOT=${2:-test-output/smoke-production.png}
TIMEOUT=${SMOKE_TIMEOUT:-40}   # seconds for the window to appear and render

[ -x "$BIN" ] || { echo "smoke: $BIN not found (make build)"; exit 1; }
for tool in Xvfb xdotool import identify; do
  command -v "$tool" >/dev/null || { echo "smoke: $tool missing (make deps)"; exit 1; }
done

tmp=$(mktemp -d)
app_pid="" xvfb_pid=""
cleanup() {
  local rc=$?
  for pid in $app_pid $xvfb_pid; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in $app_pid $xvfb_pid; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  if [ $rc -ne 0 ] && [ -s "$tmp/app.log" ]; then
    echo "smoke: --- app log ---"; tail -n 40 "$tmp/app.log"
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

fail() { echo "smoke: FAIL: $*"; exit 1; }
alive() { kill -0 "$app_pid" 2>/dev/null; }

# A free display: Xvfb picks one and writes its number to fd 3.
Xvfb -displayfd 3 -screen 0 1366x768x24 -nolisten tcp 3>"$tmp/display" 2>"$tmp/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 100); do [ -s "$tmp/display" ] && break; sleep 0.1; done
[ -s "$tmp/display" ] || fail "Xvfb did not start: $(cat "$tmp/xvfb.log")"
export DISPLAY=":$(tr -d '[:space:]' < "$tmp/display")"
echo "smoke: Xvfb on $DISPLAY"

"$BIN" --db "$tmp/smoke.db" >"$tmp/app.log" 2>&1 &
app_pid=$!
start=$SECONDS

# 1. the window is mapped
win=""
while [ -z "$win" ]; do
  alive || fail "app exited early (code $(wait "$app_pid"; echo $?))"
  [ $((SECONDS - start)) -lt "$TIMEOUT" ] || fail "no 'Chi Bộ' window after ${TIMEOUT}s"
  win=$(xdotool search --onlyvisible --name '^Chi Bộ$' 2>/dev/null | head -n1 || true)
  [ -n "$win" ] || sleep 0.3
done
echo "smoke: window $win mapped after $((SECONDS - start))s"
grep -q 'will not build without the correct build tags' "$tmp/app.log" &&
  fail "binary built without Wails build tags"

# 2. the page rendered: the window holds more than a couple of colours (a blank page has one)
colours=0
while :; do
  alive || fail "app exited while rendering (code $(wait "$app_pid"; echo $?))"
  if import -window "$win" "$tmp/win.png" 2>/dev/null; then
    colours=$(identify -format '%k' "$tmp/win.png" 2>/dev/null || echo 0)
    [ "${colours:-0}" -gt 16 ] && break
  fi
  [ $((SECONDS - start)) -lt "$TIMEOUT" ] || fail "window still blank after ${TIMEOUT}s ($colours colours)"
  sleep 0.5
done
sleep 1   # let fonts and late layout settle before the picture

# 3. the screenshot of the whole screen, taken while the app is still alive
mkdir -p "$(dirname "$SHOT")"
import -window root "$SHOT"
alive || fail "app exited before the screenshot"
read -r sd total < <(identify -format '%[fx:standard_deviation] %k\n' "$SHOT")
awk -v sd="$sd" 'BEGIN { exit !(sd > 0.02) }' || fail "screenshot is blank (sd=$sd)"
echo "smoke: OK after $((SECONDS - start))s: $SHOT ($total colours, sd $sd; window $colours colours)"
