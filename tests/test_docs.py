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
