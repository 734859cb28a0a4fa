"""Time every loader on one long line without spaces against the same text with spaces.

A text loader gets a document whose one content line is ``TOKEN`` repeated to
``--size`` characters with no space (one long token), and then the same
characters as words separated by spaces; the spreadsheet loader gets a CSV
whose one project-name cell is that text (rows as read from a workbook).  For each loader it prints both
times (``score`` + ``load``, or ``load_path`` for the spreadsheet) and the
ratio long / spaced.  The target of issue K: the ratio stays near 1 (a
regex that backtracks over a long token makes it grow with the size).

Usage::

    python benchmarks/long_lines.py                    # 1 MB, token 'Hanke'
    python benchmarks/long_lines.py --size 100000 --token a. --token AB

Each run is in a child process killed after ``--timeout`` seconds (printed
as ``> N``), so one slow loader does not stop the others.
"""
from __future__ import annotations

import argparse
import importlib
import multiprocessing as mp
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hankeverkko.loaders.detect import TEXT_LOADERS  # noqa: E402
from hankeverkko.loaders.text import read_lines  # noqa: E402

SPREADSHEET = "spreadsheet"


def texts(token: str, size: int) -> tuple[str, str]:
    """``(long line, the same text with spaces)``, each ``size`` characters."""
    long = (token * (size // len(token) + 1))[:size]
    spaced = ((token + " ") * (size // (len(token) + 1) + 1))[:size]
    return long, spaced


def _run(kind: str, text: str) -> float:
    t = time.perf_counter()
    if kind == SPREADSHEET:      # the rows as read (a CSV file refuses a cell over 128 KiB)
        from hankeverkko.loaders import spreadsheet
        spreadsheet.load_rows([(1, ["Hankekoodi", "Hankkeen nimi", "Organisaatio"]), (2, ["S21234", text, "Alfa ry"])],
                              "long.xlsx")
    else:
        module = importlib.import_module(TEXT_LOADERS[kind])
        lines = read_lines(f"Hankekoodi: S21234\n{text}\nToteuttaja: Alfa ry\n")
        module.score(lines)
        module.load(lines, "long.txt")
    return time.perf_counter() - t


def _child(kind: str, text: str, out) -> None:
    out.send(_run(kind, text))


def timed(kind: str, text: str, timeout: float) -> float | None:
    """Seconds for one run in a child process, ``None`` past ``timeout``."""
    here, there = mp.Pipe(duplex=False)
    p = mp.get_context("fork").Process(target=_child, args=(kind, text, there))
    p.start()
    p.join(timeout)
    if p.is_alive():
        p.kill()
        p.join()
        return None
    if not here.poll():
        raise SystemExit(f"{kind} failed (exit code {p.exitcode}); see the traceback above")
    return here.recv()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=int, default=1_000_000, help="characters in the line (default 1 MB)")
    ap.add_argument("--token", action="append", help="the repeated token (default 'Hanke'; repeatable)")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds per run (default 120)")
    ap.add_argument("--kind", action="append", help="only these loaders (repeatable)")
    args = ap.parse_args(argv)
    kinds = args.kind or [*TEXT_LOADERS, SPREADSHEET]
    print(f"{'token':8} {'loader':16} {'long s':>8} {'spaced s':>9} {'ratio':>6}   ({args.size:,} characters)")
    for token in args.token or ["Hanke"]:
        long, spaced = texts(token, args.size)
        for kind in kinds:
            a, b = timed(kind, long, args.timeout), timed(kind, spaced, args.timeout)
            fa = f"{a:8.2f}" if a is not None else f"{'> %g' % args.timeout:>8}"
            fb = f"{b:9.2f}" if b is not None else f"{'> %g' % args.timeout:>9}"
            ratio = f"{a / b:6.1f}" if a is not None and b else "     -"
            print(f"{token:8} {kind:16} {fa} {fb} {ratio}", flush=True)


if __name__ == "__main__":
    main()
