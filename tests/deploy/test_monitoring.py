"""The alert rules pass their promtool tests, and every metric they and the dashboard use exists."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import AppClient

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
RULES = DEPLOY / "prometheus" / "alerts.yml"
DASHBOARD = DEPLOY / "grafana" / "companion.json"


def test_alert_rules_pass_promtool_unit_tests() -> None:
    """Each alert fires on the series that should fire it and stays quiet on the others."""
    promtool = shutil.which("promtool")
    if promtool is None:
        pytest.skip("promtool not installed (apt-get install prometheus)")
    tests = sorted(str(p) for p in (DEPLOY / "prometheus").glob("*_test.yml"))
    checked = subprocess.run(
        [promtool, "check", "rules", str(RULES)], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    done = subprocess.run(
        [promtool, "test", "rules", *tests],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=DEPLOY / "prometheus",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    tested = {
        name
        for path in tests
        for name in re.findall(r"alertname: (\w+)", Path(path).read_text(encoding="utf-8"))
    }
    alerts = re.findall(r"^\s+- alert: (\w+)$", RULES.read_text(encoding="utf-8"), re.MULTILINE)
    assert set(alerts) == tested  # no alert left untested


def _expressions() -> list[str]:
    """The rules file (its only `companion_` words are metric names) and each panel's query."""
    dashboard = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    panels = [target["expr"] for panel in dashboard["panels"] for target in panel["targets"]]
    return [RULES.read_text(encoding="utf-8"), *panels]


async def test_every_metric_in_the_alerts_and_dashboard_is_served(
    twilio_client: AppClient,
) -> None:
    """A rule or panel on a metric /metrics does not serve would never fire or show."""
    exposition = await (await twilio_client.get("/metrics")).text()
    served = set(re.findall(r"^# TYPE (\S+) ", exposition, re.MULTILINE))
    used = {name for expr in _expressions() for name in re.findall(r"\bcompanion_\w+", expr)}
    assert len(used) >= 15
    assert used - served == set()
