#!/usr/bin/env bash
# `make demo`: starts the bundled demo community server on a free loopback port, runs fora
# against it, and stops the server when fora exits. A configured real site (FORA_SITE or
# --site in the arguments) is used instead of the demo server.
set -euo pipefail
bin="${FORA_BIN_DIR:-.build/release}"
# `make demo` builds the demo server in debug mode (half the CPU time of a release build, and
# it serves one reader at ease); FORA_BIN_DIR, when set, holds both binaries.
server_bin="${FORA_SERVER_BIN_DIR:-${FORA_BIN_DIR:-.build/debug}}"

if [ -n "${FORA_SITE:-}" ]; then
    exec "$bin/fora" "$@"
fi

data="${XDG_DATA_HOME:-$HOME/.local/share}/fora/demo-server"
mkdir -p "$data"
log="$(mktemp -t fora-demo-server.XXXXXX.log)"
"$server_bin/fora-demo-server" --port 0 --data "$data" >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$log"' EXIT INT TERM HUP

url=""
for _ in $(seq 1 200); do
    url="$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$log" | head -n 1 || true)"
    [ -n "$url" ] && break
    if ! kill -0 "$server" 2>/dev/null; then
        echo "The demo server did not start:" >&2
        cat "$log" >&2
        exit 1
    fi
    sleep 0.05
done
if [ -z "$url" ]; then
    echo "The demo server did not report its address in time:" >&2
    cat "$log" >&2
    exit 1
fi

FORA_SITE="$url" FORA_API_KEY="${FORA_DEMO_API_KEY:-fora-demo-all-users-key}" \
    FORA_API_USERNAME="${FORA_DEMO_USER:-alice}" "$bin/fora" "$@"
