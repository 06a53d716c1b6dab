"""Shared pytest configuration. Keep each concern in its own section below."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import keyring
import pytest

from tests.support.backend import Backend, build_template, clone_template, running

# --- CI: a skipped test is a failure --------------------------------------------------------------
# `.ci/run` sets CI_FAIL_ON_SKIP=1. There every test must really run (the null sink and the
# gnome-keyring are up), so a skip or an xfail means something is silently not being checked.


class FailOnSkip:
    """Collects skipped and xfail-marked tests and turns a passing session into a failing one."""

    def __init__(self) -> None:
        self.not_run: list[str] = []

    def _record(self, report: pytest.TestReport | pytest.CollectReport) -> None:
        if hasattr(report, "wasxfail"):
            outcome = "xfailed" if report.skipped else "xpassed" if report.passed else None
            if outcome:
                self.not_run.append(f"{report.nodeid}: {outcome} ({report.wasxfail or 'no reason'})")
        elif report.skipped:
            reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
            self.not_run.append(f"{report.nodeid or report.fspath}: skipped ({reason})")

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        self._record(report)

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        self._record(report)

    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        if self.not_run and exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        if not self.not_run:
            return
        terminalreporter.section("CI_FAIL_ON_SKIP=1: tests that did not really run", red=True)
        for line in self.not_run:
            terminalreporter.line(line, red=True)
        terminalreporter.line(f"{len(self.not_run)} skipped or xfail-marked: in CI that fails the run.")


# --- the test keyring daemon: say in which test it was started again -----------------------------
# `./test`'s session bus starts gnome-keyring on the first request and again should it end mid-run (it
# can abort under load: scripts/test-keyring-daemon). Each start is a line in the restarts file; this
# names the test each restart happened in, and shows the daemon's last words. The bus holds requests
# until the new daemon owns the name, so at most the request in flight when it died fails.


class KeyringWatch:
    def __init__(self, restarts: Path, log: str) -> None:
        self.restarts, self.log = restarts, log
        self.seen = self._count()
        self.ended_in: list[str] = []

    def _count(self) -> int:
        try:
            return len(self.restarts.read_text().splitlines())
        except OSError:
            return 0

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.when == "teardown" and (count := self._count()) > self.seen:
            self.ended_in += [report.nodeid] * (count - self.seen)
            self.seen = count

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        if not self.ended_in:
            return
        terminalreporter.section("the test keyring daemon was started again", yellow=True)
        for nodeid in self.ended_in:
            terminalreporter.line(f"gnome-keyring-daemon started again during {nodeid}", yellow=True)
        try:
            tail = Path(self.log).read_text(errors="replace").splitlines()[-15:]
        except OSError:
            tail = []
        for line in tail:
            terminalreporter.line(f"  {line}")


def pytest_configure(config: pytest.Config) -> None:
    # Add other pytest_configure work here too (one hook function per conftest).
    if os.environ.get("CI_FAIL_ON_SKIP") == "1":
        config.pluginmanager.register(FailOnSkip(), "ci-fail-on-skip")
    restarts = os.environ.get("INSURED_PLAYER_KEYRING_RESTARTS", "")
    if restarts:
        log = os.environ.get("INSURED_PLAYER_KEYRING_LOG", "")
        config.pluginmanager.register(KeyringWatch(Path(restarts), log), "keyring-watch")


# --- a real backend: the demo catalog, rendered once per session ----------------------------------
# Rendering takes ~15 s on two cores; every backend a test starts copies this template (a fraction of
# a second). Used by tests/mock_backend, tests/stories, tests/terminal and tests/ui.


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_template(tmp_path_factory.mktemp("demo-template"))


StartBackend = Callable[..., AbstractContextManager[Backend]]


@pytest.fixture(scope="module")
def module_backend(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Backend]:
    """One backend for a module whose tests each sign up their own user (and change nothing shared)."""
    with running(clone_template(demo_template, tmp_path_factory.mktemp("backend"))) as b:
        yield b


TWO_INSURERS = ("--insurers", "kaede,minato")  # the demo's two, Kaede Mutual at the root


@pytest.fixture(scope="module")
def two_insurers(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Backend]:
    """One backend hosting the demo's two insurers, for a module of stories with both."""
    with running(clone_template(demo_template, tmp_path_factory.mktemp("backend")), *TWO_INSURERS) as b:
        yield b


@pytest.fixture
def start_backend(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> StartBackend:
    """A backend of one's own: with server options (`--list-ttl 60`), to change, or to stop."""

    def start(*args: str) -> AbstractContextManager[Backend]:
        return running(clone_template(demo_template, tmp_path_factory.mktemp("backend")), *args)

    return start


# --- the real OS keyring ---------------------------------------------------------------------------


def require_real_keyring(who: str) -> None:
    """Skip (a failure in CI) unless the real Secret Service answers: `./test` starts one."""
    if os.environ.get("INSURED_PLAYER_REAL_KEYRING") != "1":
        pytest.skip(f"{who} need the real OS keyring: run ./test (INSURED_PLAYER_REAL_KEYRING=1)")
    backend = keyring.get_keyring()
    assert "SecretService" in type(backend).__module__, f"not the Secret Service: {backend!r}"


# --- one Qt application for the whole session ------------------------------------------------------
# Code under test creates a QCoreApplication when none exists (the CLI's decode check); widgets later in
# the same session would then abort. pytest-qt's QApplication, made first, serves both.


os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display needed, also outside ./test


@pytest.fixture(scope="session", autouse=True)
def _qt_application(qapp: object) -> object:
    return qapp
