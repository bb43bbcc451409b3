import re

from conftest import ROOT


def commands():
    from typer.main import get_command

    from govreport.cli import app

    group = get_command(app)
    return {name: group.get_command(None, name) for name in group.list_commands(None)}


def test_every_command_has_help_with_an_example():
    for name, command in commands().items():
        assert command.help and "Example: govreport" in command.help, name
        for sub in getattr(command, "commands", {}).values():
            assert sub.help and f"Example: govreport {name} {sub.name}" in sub.help, (name, sub.name)


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in commands():
        assert f"## `govreport {name}" in readme, name


def test_readme_test_command_is_what_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.+?)\n```", readme)
    install_and_run, test = blocks[0], blocks[1]
    assert "pip install ." in install_and_run and "govreport keywords corpus/" in install_and_run
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test.split("&& ", 2)[2] in ci


def readme_examples():
    """Every command line of the README that names corpus/: what a newcomer runs first."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = []
    for block in re.findall(r"```(?:sh)?\n(.*?)```", readme, re.S):
        for line in block.splitlines():
            line = line.strip().removeprefix("$ ").split("  # ")[0]
            if line.startswith("govreport ") and "corpus/" in line:
                found.append(line)
    return found


def test_every_readme_example_on_the_corpus_runs(tmp_path):
    import os
    import shutil
    import subprocess
    import sys

    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    bin_dir = os.path.dirname(sys.executable)
    env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}", NO_COLOR="1",
               GOVREPORT_CACHE_DIR=str(tmp_path / "cache"))
    examples = readme_examples()
    assert len(examples) > 20
    ran = 0
    for command in examples:
        if "| jq" in command and shutil.which("jq") is None:
            continue
        done = subprocess.run(["bash", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True,
                              timeout=300)
        assert done.returncode == 0, (command, done.stderr)
        assert done.stdout.strip() or "-o " in command or " > " in command, command
        assert "Traceback" not in done.stderr and "internal error" not in done.stderr, command
        ran += 1
    assert ran > 15


def test_readme_outputs_are_what_the_commands_print(tmp_path):
    """Each block `$ govreport … corpus/…` followed by its output shows today's output (terminal blocks
    are refreshed by tools/readme_tables.py; `cache info` depends on the machine)."""
    import os
    import subprocess

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    env = dict(os.environ, NO_COLOR="1", GOVREPORT_CACHE_DIR=str(tmp_path / "cache"))
    checked = 0
    for command, shown in re.findall(r"```\n\$ (govreport [^\n]+)\n(.*?)```", readme, re.S):
        if "terminal, first" in command or "corpus/" not in command:
            continue
        done = subprocess.run(["bash", "-c", command], cwd=ROOT, env=env, capture_output=True, text=True)
        assert done.stdout.strip() == shown.strip(), command
        checked += 1
    assert checked >= 6


def test_the_examples_in_the_modules_docstrings_hold():
    """Every `>>>` example in the package's docstrings gives what it says (they are its
    documentation: one that went stale would mislead its reader)."""
    import doctest
    import importlib
    import pkgutil

    import govreport

    tried = failed = 0
    for module in pkgutil.walk_packages(govreport.__path__, "govreport."):
        if module.name.endswith("__main__"):
            continue
        result = doctest.testmod(importlib.import_module(module.name), optionflags=doctest.ELLIPSIS)
        tried, failed = tried + result.attempted, failed + result.failed
    assert failed == 0 and tried >= 30
