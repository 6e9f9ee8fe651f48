#!/usr/bin/env bash
# The browser tests drive Debian's Chromium unless PLAYWRIGHT_CHROMIUM_EXECUTABLE names another browser.
set -euo pipefail
if [[ -n "${PLAYWRIGHT_CHROMIUM_EXECUTABLE:-}" || -x /usr/bin/chromium ]]; then
  exit 0
fi
echo "Chromium is missing: installing Debian's chromium package"
sudo_if_needed=()
if [[ $(id -u) -ne 0 ]]; then sudo_if_needed=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_if_needed[@]}" apt-get update -qq
"${sudo_if_needed[@]}" apt-get install -y -qq chromium
