#!/usr/bin/env bash
# `npm test`: every suite, inside a private Secret Service (gnome-keyring on its own D-Bus session,
# throwaway HOME) so the keychain is tested for real, with all output captured for the leak scan.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${REFUND_DESK_IN_TEST_SESSION:-}" ]; then
  for tool in dbus-run-session gnome-keyring-daemon secret-tool /usr/bin/chromium; do
    command -v "$tool" >/dev/null || { echo "npm test needs $tool: see the README (Requirements)." >&2; exit 1; }
  done
  export REFUND_DESK_TEST_ARTIFACTS="$PWD/.artifacts/test-run"
  rm -rf "$REFUND_DESK_TEST_ARTIFACTS"
  mkdir -p "$REFUND_DESK_TEST_ARTIFACTS/home"
  export REFUND_DESK_IN_TEST_SESSION=1
  # npm and npx keep their cache under HOME; point them at the real one before HOME changes.
  export npm_config_cache="${npm_config_cache:-$HOME/.npm}"
  export HOME="$REFUND_DESK_TEST_ARTIFACTS/home"
  exec dbus-run-session -- bash "$0" "$@"
fi

echo -n "throwaway-keyring-password" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
export REFUND_DESK_REQUIRE_KEYCHAIN=1
# Nothing the suites start may write to a real user's data folder.
export REFUND_DESK_HOME="$REFUND_DESK_TEST_ARTIFACTS/default-home"
log="$REFUND_DESK_TEST_ARTIFACTS/output.log"

# Each step stops the run on failure: errexit is off around the pipeline below, so say it here.
run_suites() {
  echo "== build"
  node scripts/build.mjs || return
  echo "== typecheck (every layer's project)"
  npm run --silent typecheck || return
  echo "== lint"
  npm run --silent lint || return
  echo "== format check"
  npm run --silent format:check || return
  echo "== layers and cycles (dependency-cruiser)"
  npm run --silent depcruise || return
  echo "== unused files, exports and dependencies (knip)"
  npm run --silent knip || return
  echo "== docs: every relative link and heading in the Markdown resolves"
  npm run -s docs:links || return
  echo "== unit and integration (node:test)"
  # scripts/ci has its own step below. Two files at a time (most wait on sockets and child
  # processes, not the CPU); the ones that share the session's one keychain entry for the access key
  # or start many processes (*.process.test.ts, *.keychain.test.ts) run after them, one at a time.
  mapfile -t files < <(find app main renderer scripts security bench e2e/host -path scripts/ci -prune \
    -o \( -name '*.test.ts' -o -name '*.test.tsx' \) -print | grep -v -e '\.process\.test\.ts$' -e '\.keychain\.test\.ts$' | sort)
  mapfile -t serial < <(find main -name '*.process.test.ts' -o -name '*.keychain.test.ts' | sort)
  node --import tsx --test --test-concurrency=2 --test-reporter=spec "${files[@]}" || return
  node --import tsx --test --test-concurrency=1 --test-reporter=spec "${serial[@]}" || return
  echo "== release pipeline (workflows valid and complete; checksums and SBOM run on the built files)"
  node --import tsx --test --test-reporter=spec scripts/ci/release-pipeline.test.ts || return
  echo "== end to end (Playwright: Chromium through the test host, and Electron when present)"
  npx playwright test || return
}

set +e
run_suites 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
[ "$status" -eq 0 ] || { echo "npm test: a suite failed (exit $status)"; exit "$status"; }

echo "== leak scan (after every suite)"
node --import tsx --test --test-reporter=spec e2e/leak/leak.test.ts
