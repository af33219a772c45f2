#!/usr/bin/env bash
# macOS CI runner: a fresh keychain, unlocked and made the default (and first in the search list),
# so keytar writes to a real Keychain without a password prompt. The test keychain's password is
# random and only lives in this job. Run once per job, before the keychain and Electron tests.
set -euo pipefail
[ "$(uname -s)" = Darwin ] || { echo "mac-test-keychain: macOS only" >&2; exit 2; }
keychain="${RUNNER_TEMP:-$TMPDIR}/refund-desk-test.keychain-db"
password="$(openssl rand -hex 24)"
security delete-keychain "$keychain" 2>/dev/null || true
security create-keychain -p "$password" "$keychain"
# No auto-lock during the job (no -l, no -u timeout).
security set-keychain-settings "$keychain"
security unlock-keychain -p "$password" "$keychain"
security list-keychains -d user -s "$keychain" $(security list-keychains -d user | tr -d '"')
security default-keychain -d user -s "$keychain"
echo "default keychain: $(security default-keychain -d user)"
