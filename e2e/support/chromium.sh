#!/usr/bin/env bash
# Starts the browser of the tests (E2E_CHROMIUM) with the --disable-features lists it was given merged into
# one: Chromium honours only the last such list, and Playwright passes its own before those of the config.
set -euo pipefail
disabled=()
others=()
for arg in "$@"; do
  case $arg in
    --disable-features=*) disabled+=("${arg#--disable-features=}") ;;
    *) others+=("$arg") ;;
  esac
done
IFS=,
exec "${E2E_CHROMIUM:?}" "${others[@]}" "--disable-features=${disabled[*]}"
