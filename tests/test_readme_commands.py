"""Every command in the README's ``sh`` blocks runs, in the order a reader runs them (issue J.5).

Convention:

* Each line of every fenced ```` ```sh ```` block of README.md is one shell
  command, run with ``bash`` in a fresh temporary folder that holds a copy of
  the repository's ``data/``; ``hankeverkko`` on PATH is ``sys.executable -m
  hankeverkko``. Lines run in README order, so a command may use what an
  earlier one wrote (``map --store`` after ``build --store``). Every command
  must exit 0.
* A block that needs a running server (``oxigraph serve``, ``push``, Fuseki)
  or installs software is marked in the README by an HTML comment on the line
  before it: ``<!-- not run: REASON -->``. Such blocks are skipped and
  counted; there must be no more than :data:`MAX_NOT_RUN`.
* Files a user brings are invented here (:func:`_user_files`):
  ``my_list.xlsx`` (the spreadsheet template), ``~/Hankkeet/`` (``HOME`` is a
  temporary folder holding one bundled document, a text copy of another and a
  ``kortit/`` folder of invented EURA 2014 cards from the test fixtures),
  ``my_question.rq`` (a small SELECT).
* At least :data:`MIN_COMMANDS` commands must run, so the test cannot shrink
  silently when blocks are removed or marked; and every file the commands
  write must be covered by ``.gitignore``.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
MIN_COMMANDS = 30
MAX_NOT_RUN = 4
_NOT_RUN = re.compile(r"<!--\s*not run:\s*(.+?)\s*-->")


def readme_blocks(text: str) -> list[tuple[list[str], str | None]]:
    """``sh`` blocks as (command lines, not-run reason or None), in order.

    >>> readme_blocks("<!-- not run: needs a server -->\\n```sh\\na &\\n```\\ntext\\n```sh\\nb  # c\\n\\n```\\n")
    [(['a &'], 'needs a server'), (['b  # c'], None)]
    """
    blocks, lines = [], text.splitlines()
    i = 0
    while i < len(lines):
        if lines[i].strip() == "```sh":
            j = i + 1
            while lines[j].strip() != "```":
                j += 1
            before = next((ln for ln in reversed(lines[:i]) if ln.strip()), "")
            m = _NOT_RUN.search(before)
            blocks.append(([ln for ln in lines[i + 1:j] if ln.strip() and not ln.lstrip().startswith("#")],
                           m.group(1) if m else None))
            i = j
        i += 1
    return blocks


def _user_files(work: Path, home: Path) -> None:
    shutil.copy(REPO / "data" / "templates" / "participations.xlsx", work / "my_list.xlsx")
    folder = home / "Hankkeet"
    folder.mkdir(parents=True)
    sources = sorted((REPO / "data" / "sources").glob("*.txt"))
    shutil.copy(sources[-1], folder / sources[-1].name)
    shutil.copy(sources[0], folder / "katsaus.txt")
    cards = folder / "kortit"                 # invented EURA 2014 cards (the 'Both periods' example)
    cards.mkdir()
    for card in [REPO / "tests" / "fixtures" / "periods" / "tamk_card.txt",
                 *sorted((REPO / "tests" / "fixtures" / "kinds" / "project-card").glob("*.txt"))]:
        shutil.copy(card, cards / card.name)
    (work / "my_question.rq").write_text(
        "# title: Projects with a code\nPREFIX hv: <https://w3id.org/hankeverkko/ontology#>\n"
        "SELECT ?project ?code WHERE { ?project hv:code ?code }\n", encoding="utf-8")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    root = tmp_path_factory.mktemp("readme")
    work, home, bin_dir = root / "work", root / "home", root / "bin"
    work.mkdir()
    bin_dir.mkdir()
    shutil.copytree(REPO / "data", work / "data", ignore=shutil.ignore_patterns("oxigraph"))
    _user_files(work, home)
    shim = bin_dir / "hankeverkko"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m hankeverkko "$@"\n')
    shim.chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}", "HOME": str(home),
           "COLUMNS": "120"}
    env.pop("CI", None)
    return work, env


def test_the_readme_marks_what_it_does_not_run():
    blocks = readme_blocks(README.read_text(encoding="utf-8"))
    skipped = [reason for _, reason in blocks if reason]
    assert 1 <= len(skipped) <= MAX_NOT_RUN, skipped
    assert sum(len(cmds) for cmds, reason in blocks if not reason) >= MIN_COMMANDS


@pytest.mark.slow
def test_every_readme_command_runs(workspace):
    work, env = workspace
    before = {p for p in work.rglob("*")}
    ran = []
    for commands, reason in readme_blocks(README.read_text(encoding="utf-8")):
        if reason:
            continue
        for command in commands:
            r = subprocess.run(["bash", "-c", f"set -o pipefail; {command}"], cwd=work, env=env,
                               capture_output=True, text=True, timeout=600)
            assert r.returncode == 0, f"{command}\nexit {r.returncode}\n{r.stderr[-3000:]}"
            ran.append(command)
    assert len(ran) >= MIN_COMMANDS, ran
    # everything the commands wrote is ignored by git
    written = sorted(str(p.relative_to(work)) for p in work.rglob("*") if p.is_file() and p not in before)
    assert written
    if shutil.which("git") is None:
        pytest.skip("git is not installed; cannot check .gitignore")
    check = subprocess.run(["git", "check-ignore", "--no-index", "--stdin"], cwd=REPO, input="\n".join(written),
                           capture_output=True, text=True)
    ignored = set(check.stdout.split())
    assert not [w for w in written if w not in ignored], "not in .gitignore"
