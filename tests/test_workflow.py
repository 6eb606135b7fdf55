"""The GitHub Pages workflow: linted offline by zizmor, and shaped as the README says."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import yaml

from support import ROOT, require

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"


def zizmor() -> str | None:
    local = Path(shutil.which("zizmor") or ROOT / ".venv" / "bin" / "zizmor")
    return str(local) if local.exists() else None


def test_workflow_lints_clean():
    require(zizmor() is not None, "zizmor (pip install zizmor)")
    lint = subprocess.run([zizmor(), "--offline", "--no-progress", str(WORKFLOW)],
                          capture_output=True, text=True)
    assert lint.returncode == 0, lint.stdout + lint.stderr


def test_workflow_tests_then_publishes():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    jobs = workflow["jobs"]
    assert workflow["permissions"] == {}
    assert "group" in workflow["concurrency"]
    assert any(step.get("run") == "bash .ci/run" for step in jobs["test"]["steps"])
    uploads = [s for s in jobs["build"]["steps"] if "upload-pages-artifact" in s.get("uses", "")]
    assert uploads and uploads[0]["with"]["path"] == "site/"
    assert jobs["build"]["needs"] == "test" and jobs["deploy"]["needs"] == "build"
    assert set(jobs["deploy"]["permissions"]) == {"pages", "id-token"}
    for job in jobs.values():
        for step in job["steps"]:
            if "uses" in step:
                assert len(step["uses"].split("@")[1]) == 40, f"not pinned to a commit: {step}"
