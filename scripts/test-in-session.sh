#!/usr/bin/env bash
# Run by ./test inside its private D-Bus session (dbus-run-session): unlock a fresh gnome-keyring in
# the temporary HOME, check that `keyring` reaches it, then run pytest with the given arguments.
set -uo pipefail
LOG_PREFIX="test"
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

has_owner() {
    dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -o 'boolean true'
}

keep_keyring() {
    # gnome-keyring-daemon (42.1 here) can abort under a burst of requests from several clients ("asked to
    # register item ... already registered", then a GLib assertion): every later test would fail on a
    # locked keyring. So it runs under this loop, which starts it again at once, unlocked, on the same
    # login collection (a file in the private HOME); each start is counted in the restarts file and
    # tests/conftest.py names the test it happened in. The loop ends when the run is over.
    while :; do
        printf '\n' | gnome-keyring-daemon --foreground --unlock --components=secrets >>"$INSURED_PLAYER_KEYRING_LOG" 2>&1 &
        DAEMON=$!
        trap 'kill "$DAEMON" 2>/dev/null; exit 0' TERM
        wait "$DAEMON"
        date +%s >>"$INSURED_PLAYER_KEYRING_RESTARTS"
    done
}

unlock_keyring() {
    [[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]] || return 1
    command -v gnome-keyring-daemon >/dev/null 2>&1 || { log "note: no gnome-keyring-daemon"; return 1; }
    # Our own child, in the foreground, with its words kept: should it end during the run, the tests
    # say in which test (tests/conftest.py) and the log says why. The input must contain a newline:
    # `echo -n ""` leaves the login collection locked.
    local run="${XDG_RUNTIME_DIR:-/tmp}"
    export INSURED_PLAYER_KEYRING_LOG="$run/gnome-keyring.log" INSURED_PLAYER_KEYRING_RESTARTS="$run/gnome-keyring.restarts"
    : >"$INSURED_PLAYER_KEYRING_LOG"
    : >"$INSURED_PLAYER_KEYRING_RESTARTS"
    keep_keyring &
    KEEPER=$!
    # Wait for it to own the Secret Service name: asking earlier lets the bus start another, locked, one.
    local owned=""
    for _ in $(seq 200); do
        kill -0 "$KEEPER" 2>/dev/null || { log "note: gnome-keyring-daemon ended at start"; return 1; }
        owned="$(has_owner)" || true
        [[ -n "$owned" ]] && break
        sleep 0.05
    done
    [[ -n "$owned" ]] || { log "note: gnome-keyring-daemon never took the Secret Service name"; return 1; }
    # What the tests will get: the default `keyring` backend, one full round trip.
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

if unlock_keyring; then
    export INSURED_PLAYER_REAL_KEYRING=1
else
    log "note: the private gnome-keyring is not usable; keyring tests will skip"
fi
"$VENV/bin/python" -m pytest "$@"
rc=$?
[[ -n "${KEEPER:-}" ]] && kill "$KEEPER" 2>/dev/null && wait "$KEEPER" 2>/dev/null
exit "$rc"
