"""Shared pytest configuration. Keep each concern in its own section below."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support.backend import build_template

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


def pytest_configure(config: pytest.Config) -> None:
    # Add other pytest_configure work here too (one hook function per conftest).
    if os.environ.get("CI_FAIL_ON_SKIP") == "1":
        config.pluginmanager.register(FailOnSkip(), "ci-fail-on-skip")


# --- a real backend: the demo catalog, rendered once per session ----------------------------------
# Rendering takes ~15 s on two cores; every backend a test starts copies this template (a fraction of
# a second). Used by tests/mock_backend and tests/stories.


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_template(tmp_path_factory.mktemp("demo-template"))
