import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "fengquan-2022.txt"
SHARED = ROOT.parent / "shared"
REPORTS = SHARED / "reports"

needs_shared = pytest.mark.skipif(not REPORTS.is_dir(), reason="../shared/reports is not beside the checkout")


def report_files():
    return sorted(REPORTS.rglob("*.txt")) if REPORTS.is_dir() else []


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    """Every test gets its own result cache, never the user's."""
    monkeypatch.setenv("GOVREPORT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def cli():
    """Run the govreport CLI in-process; returns (exit code, stdout, stderr)."""
    from govreport.cli import app

    runner = CliRunner()

    def run(*args, input=None, env=None):
        result = runner.invoke(app, list(args), input=input, env=env)
        return result.exit_code, result.stdout, result.stderr

    return run


def tsv(text):
    lines = [line.split("\t") for line in text.splitlines() if line]
    header, rows = lines[0], lines[1:]
    return [dict(zip(header, row)) for row in rows]


def jsonl(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def score(scorer, gold, *command, tmp_path):
    """Run `govreport COMMAND --format jsonl SEED`, score it with a shared scorer, return its JSON."""
    import subprocess
    import sys

    pred = tmp_path / "pred.jsonl"
    with open(pred, "w", encoding="utf-8") as out:
        subprocess.run([sys.executable, "-m", "govreport", *command, "--format", "jsonl", str(SEED)],
                       stdout=out, stderr=subprocess.DEVNULL, check=True)
    done = subprocess.run([sys.executable, str(SHARED / "eval" / scorer), str(SHARED / "gold" / gold), str(pred),
                           "--json"], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)
