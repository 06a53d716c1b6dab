#!/usr/bin/env bash
# Run by ./test inside its private D-Bus session (dbus-run-session): check that `keyring` reaches a
# freshly unlocked gnome-keyring in the temporary HOME, then run pytest with the given arguments.
#
# The bus starts the keyring daemon on the first request (scripts/test-keyring-daemon, D-Bus
# activation), and starts it again should it end mid-run; each start is a line in the restarts file, and
# tests/conftest.py names the test a restart happened in.
set -uo pipefail
LOG_PREFIX="test"
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

probe_keyring() {
    [[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]] || return 1
    command -v gnome-keyring-daemon >/dev/null 2>&1 || { log "note: no gnome-keyring-daemon"; return 1; }
    : >"$INSURED_PLAYER_KEYRING_LOG"
    : >"$INSURED_PLAYER_KEYRING_RESTARTS"
    # What the tests will get: the default `keyring` backend, one full round trip (which starts the
    # daemon).
    timeout 30 "$VENV/bin/python" - <<'PY'
import secrets

import keyring

service, user, secret = "insured-player-test-probe", "probe", secrets.token_hex(8)
keyring.set_password(service, user, secret)
ok = keyring.get_password(service, user) == secret
keyring.delete_password(service, user)
backend = type(keyring.get_keyring())
print(f"[test] keyring: {backend.__module__}.{backend.__qualname__}, round trip {'ok' if ok else 'FAILED'}")
raise SystemExit(0 if ok else 1)
PY
}

if probe_keyring; then
    export INSURED_PLAYER_REAL_KEYRING=1
else
    log "note: the private gnome-keyring is not usable; keyring tests will skip"
    tail -n 5 "$INSURED_PLAYER_KEYRING_LOG" >&2 2>/dev/null || true
fi
"$VENV/bin/python" -m pytest "$@"
