#!/usr/bin/env bash
# The README's picture of fora: `make demo`'s first screen (scripts/demo.sh against the demo
# community), captured from a 100x28 tmux pane in a fresh home. The demo server's random port
# is written as 8080, so that the capture is the same on every run.
# Usage: scripts/readme-capture.sh            print the capture
#        scripts/readme-capture.sh --update   write it between README.md's readme-capture markers
# FORA_BIN_DIR picks the built binaries (default: what `make demo` builds, fora in
# .build/release and the demo server in .build/debug; FORA_SERVER_BIN_DIR overrides the latter).
set -euo pipefail
cd "$(dirname "$0")/.."
fora_dir="${FORA_BIN_DIR:-.build/release}"
server_dir="${FORA_SERVER_BIN_DIR:-${FORA_BIN_DIR:-.build/debug}}"
for binary in "$fora_dir/fora" "$server_dir/fora-demo-server"; do
    if [ ! -x "$binary" ]; then
        echo "error: $binary is not built (make demo builds both)" >&2
        exit 1
    fi
done

work="$(mktemp -d -t fora-readme.XXXXXX)"
socket="fora-readme-$$"
cleanup() {
    tmux -L "$socket" kill-server 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT INT TERM HUP

tmux -L "$socket" -f /dev/null new-session -d -s readme -x 100 -y 28 \
    -e HOME="$work" -e XDG_CONFIG_HOME="$work/config" -e XDG_DATA_HOME="$work/data" \
    -e XDG_STATE_HOME="$work/state" -e LANG=C.UTF-8 -e TERM=tmux-256color -e FORA_BIN_DIR="$fora_dir" \
    -e FORA_SERVER_BIN_DIR="$server_dir" \
    scripts/demo.sh

# Wait until the list is drawn (a seeded category shows) and the screen has settled.
screen=""
for _ in $(seq 1 300); do
    next="$(tmux -L "$socket" capture-pane -p -t readme 2>/dev/null || true)"
    if [ -n "$next" ] && [ "$next" = "$screen" ] && grep -q "Welcome to the Lumen Community" <<<"$next"; then break; fi
    screen="$next"
    sleep 0.5
done
if ! grep -q "Welcome to the Lumen Community" <<<"$screen"; then
    echo "error: fora did not show the demo community's list; last screen:" >&2
    printf '%s\n' "$screen" >&2
    exit 1
fi
tmux -L "$socket" send-keys -t readme q

capture="$(printf '%s\n' "$screen" | sed -E 's/127\.0\.0\.1:[0-9]+/127.0.0.1:8080/g; s/[[:space:]]+$//')"

if [ "${1:-}" != "--update" ]; then
    printf '%s\n' "$capture"
    exit 0
fi
python3 - "$capture" <<'PY'
import re, sys
capture = sys.argv[1]
with open("README.md", encoding="utf-8") as f:
    text = f.read()
block = "<!-- readme-capture:begin -->\n```text\n" + capture + "\n```\n<!-- readme-capture:end -->"
new, count = re.subn(r"<!-- readme-capture:begin -->.*?<!-- readme-capture:end -->", lambda m: block, text, flags=re.S)
if count != 1:
    sys.exit("error: README.md needs exactly one readme-capture:begin/end pair")
with open("README.md", "w", encoding="utf-8") as f:
    f.write(new)
PY
echo "README.md updated"
