#!/usr/bin/env bash
# `npm run bench`: build, then measure inside a private Secret Service (for the keychain read),
# with GC exposed so the burst's memory figures are taken after collection.
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/build.mjs
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
export REFUND_DESK_TEST_ARTIFACTS="$home"
HOME="$home" npm_config_cache="${npm_config_cache:-$HOME/.npm}" dbus-run-session -- bash -c '
  echo -n throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  node --expose-gc --import tsx bench/run.ts "$@"' bench "$@"
