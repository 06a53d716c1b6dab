# shellcheck shell=bash disable=SC2034  # the package lists are used by the scripts that source this
# Shared by ./play, ./test and .ci/run: the system packages we need, how to check and install them,
# and the project venv. Sourcing this file defines things and runs nothing.
#
# The caller sets LOG_PREFIX (e.g. "play") before sourcing.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$REPO_ROOT/.venv"
# The venv is (re)installed when pyproject.toml's hash differs from the one recorded here.
INSTALL_STAMP="$VENV/.insured-player-install.sha256"

# A spec "a|b" is satisfied when any alternative is installed; the first one is what we install
# (apt turns a virtual name such as Ubuntu 24.04's libglib2.0-0 into its single provider).
RUNTIME_PACKAGES=(
    python3 python3-venv
    libpulse0                             # import PySide6.QtMultimedia (libpulse.so.0)
    "libglib2.0-0|libglib2.0-0t64"        # QtCore's event dispatcher
    libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0
    # the X11 platform plugin (libqxcb + libQt6XcbQpa link all of these)
    libxkbcommon-x11-0 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
    libxcb-image0 libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0
    libxcb-sync1 libxcb-xfixes0 libxcb-xkb1
    gnome-keyring                         # Secret Service for `keyring`: policy keys, session token
)
# Only ./test needs these: a private sound server with a null sink, a private D-Bus session, Xvfb.
TEST_PACKAGES=(
    pulseaudio pulseaudio-utils sox
    dbus
    playerctl                             # MPRIS as desktop applets and media keys drive it
    xvfb xauth x11-utils                  # x11-utils: xwininfo, whether a window is on screen
)

# Only scripts/screenshots needs these: an X server of its own, and a font with Japanese in it.
SCREENSHOT_PACKAGES=(
    xvfb xauth
    fonts-noto-cjk                        # kana and kanji for the Japanese screenshots
)

log() { printf '[%s] %s\n' "${LOG_PREFIX:-insured}" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Whether any alternative of one spec ("a|b") is installed. dpkg-query rather than a bare `dpkg -s`
# exit code: `dpkg -s` also succeeds for a removed package whose config files remain.
spec_installed() {
    local alt status
    local -a alts
    IFS='|' read -r -a alts <<<"$1"
    for alt in "${alts[@]}"; do
        status="$(dpkg-query -W -f='${Status}\n' "$alt" 2>/dev/null | head -n1)"
        [[ "$status" == *" installed" ]] && return 0
    done
    return 1
}

# Prints, one a line, the package to install for every spec not yet satisfied.
missing_packages() {
    local spec
    for spec in "$@"; do
        spec_installed "$spec" || printf '%s\n' "${spec%%|*}"
    done
}

# Prints the packages every spec resolves to (first alternatives), for an unconditional install.
install_names() {
    local spec
    for spec in "$@"; do printf '%s\n' "${spec%%|*}"; done
}

# Installs the given packages with apt-get: directly as root, else through sudo. When neither is
# possible (or the install fails) prints the exact command to run and exits 1.
apt_install() {
    local -a cmd=(apt-get install -y --no-install-recommends "$@")
    local -a sudo=()
    if [[ $EUID -ne 0 ]]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo=(sudo)
        else
            log "missing system packages: $*"
            log "not root and no sudo: as root, run"
            log "  apt-get update && ${cmd[*]}"
            exit 1
        fi
    fi
    log "installing missing system packages: $*"
    log "+ ${sudo[*]}${sudo:+ }apt-get update && ${sudo[*]}${sudo:+ }${cmd[*]}"
    if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q \
        || ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive "${cmd[@]}"; then
        log "could not install them; as root, run"
        log "  apt-get update && ${cmd[*]}"
        exit 1
    fi
}

# Checks the specs and installs what is missing.
ensure_system_packages() {
    local -a missing
    mapfile -t missing < <(missing_packages "$@")
    [[ ${#missing[@]} -eq 0 ]] && return 0
    apt_install "${missing[@]}"
    mapfile -t missing < <(missing_packages "$@")
    [[ ${#missing[@]} -eq 0 ]] || die "still missing after apt-get install: ${missing[*]}"
}

# Creates .venv when absent and installs the project (editable, with the test extras) when
# pyproject.toml changed since the last install.
ensure_venv() {
    local want
    if [[ ! -e "$VENV/bin/python" ]]; then
        python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
            || die "python3 is $(python3 --version 2>&1 | cut -d' ' -f2); Insured Player needs 3.11 or newer"
        log "creating $VENV"
        python3 -m venv "$VENV" || die "python3 -m venv failed (is python3-venv installed?)"
    fi
    "$VENV/bin/python" -c '' 2>/dev/null \
        || die "$VENV is broken (its Python does not start); remove it and run again"
    want="$(sha256sum "$REPO_ROOT/pyproject.toml" | cut -d' ' -f1)"
    if [[ "$(cat "$INSTALL_STAMP" 2>/dev/null)" != "$want" || ! -x "$VENV/bin/insured-player" ]]; then
        log "installing the project into $VENV (pyproject.toml changed or first run)"
        "$VENV/bin/python" -m pip install --disable-pip-version-check -q -e "${REPO_ROOT}[test]" \
            || die "pip install failed"
        printf '%s\n' "$want" >"$INSTALL_STAMP"
    fi
    compile_catalogs
    compile_bytecode
}

# Bytecode for the player and the bundled backend, written once (compileall skips what is up to date):
# where PYTHONDONTWRITEBYTECODE is set, every start would otherwise compile ~150 modules again, a fifth
# of a second before the window shows.
compile_bytecode() {
    "$VENV/bin/python" -m compileall -q -j 0 "$REPO_ROOT/player" "$REPO_ROOT/mock_backend" >/dev/null \
        || log "note: could not write bytecode (start-up is slower, nothing else changes)"
}

# The install compiles the translation catalogs (setup.py); a catalog edited since is compiled again
# here, with the same lrelease, so ./play and ./test always speak the catalog in the checkout.
compile_catalogs() {
    local ts qm
    for ts in "$REPO_ROOT"/player/resources/i18n/*.ts; do
        [[ -e "$ts" ]] || continue
        qm="${ts%.ts}.qm"
        [[ "$qm" -nt "$ts" ]] && continue
        "$VENV/bin/pyside6-lrelease" -silent "$ts" -qm "$qm" || die "could not compile $ts"
    done
}
