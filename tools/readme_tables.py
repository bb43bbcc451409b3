"""Refresh the terminal-table excerpts in README.md from real runs on a pseudo-terminal.

    python tools/readme_tables.py        # rewrites README.md in place

Each block that starts with `$ govreport …` and is marked `(terminal, first N lines)` is rerun
under `script` with NO_COLOR=1 and COLUMNS=100, so the excerpt is what a user's terminal shows.
"""
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BLOCK = re.compile(r"```\n\$ (govreport [^\n]+?)  # terminal, first (\d+) lines\n.*?```", re.S)
ANSI = re.compile(r"\x1b\[[0-9;?]*[a-zA-Z]")


def run_on_terminal(command: str, lines: int) -> str:
    exe = str(Path(sys.executable).with_name("govreport"))
    shell = f"NO_COLOR=1 COLUMNS=100 {exe} {command.removeprefix('govreport ')} 2>/dev/null"
    done = subprocess.run(["script", "-qc", shell, "/dev/null"], capture_output=True, text=True, cwd=ROOT)
    out = [ANSI.sub("", line).rstrip("\r").rstrip() for line in done.stdout.splitlines()]
    return "\n".join(out[:int(lines)]) + "\n"


def main() -> None:
    path = ROOT / "README.md"
    text = path.read_text(encoding="utf-8")

    def refresh(match: re.Match) -> str:
        command, lines = match.group(1), match.group(2)
        return f"```\n$ {command}  # terminal, first {lines} lines\n{run_on_terminal(command, lines)}```"

    path.write_text(BLOCK.sub(refresh, text), encoding="utf-8")


if __name__ == "__main__":
    main()
