#!/usr/bin/env bash
# Installs the Debian packages fora needs to build, run and test, when any is missing.
# Usage: scripts/install-deps.sh [run|test]   (test adds the tools the test suites and benchmarks drive)
set -euo pipefail

packages=(libncursesw5-dev libcurl4-openssl-dev libsqlite3-dev libxml2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libfribidi-dev libssl-dev pkg-config ca-certificates)
if [ "${1:-run}" = "test" ]; then
    packages+=(tmux python3 python3-jsonschema curl openssl w3m newsboat time man-db)
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing Debian packages: ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo_cmd=(sudo); else
        echo "error: need root (or sudo) to install: ${missing[*]}" >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
