"""Score the theme-review loader against a hand-checked gold reading.

    python benchmarks/score_gold.py [GOLD_JSON] [SOURCE]

GOLD_JSON defaults to ``tests/fixtures/gold/002_first_four_themes.json`` (the
client's reading, copied from ``../shared/gold/``) and SOURCE to the file the gold names, looked up in
``data/sources``.  Themes are matched by heading line, else by name; projects
by EURA code, else by normalised name (or acronym); organisations by their
case-folded name with whitespace and hyphens normalised.  Printed: precision,
recall and F1 of (project, organisation) pairs, role accuracy on the matched
pairs, and per theme whether ministries, the four funding figures and the
coordination projects agree.  :func:`score_document` does the work and can be
imported (``tests/test_theme_review.py`` does).
"""
from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Optional

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = REPO / "tests" / "fixtures" / "gold" / "002_first_four_themes.json"
FUNDING_FIELDS = (("frame", "frame"), ("reservations", "reserved"), ("committed", "committed"), ("paid", "paid"))


def norm_name(name: Optional[str]) -> str:
    """Project names: case, dashes, punctuation and spaces folded."""
    t = re.sub(r"[–—‐-]", " ", (name or "").casefold())
    t = re.sub(r"[\"'”“’.,:;!?()]", " ", t)
    return " ".join(t.split())


def norm_org(name: Optional[str]) -> str:
    """Organisations: case-folded, whitespace and hyphens normalised."""
    return " ".join(re.sub(r"[\s\-‐–]+", " ", (name or "").casefold()).split())


def norm_code(code: Optional[str]) -> Optional[str]:
    return re.sub(r"[\s-]", "", code).upper() if code else None


@dataclass
class ThemeCheck:
    name: str
    heading_line: int
    found: bool
    ministries_ok: bool = False
    funding_ok: dict = field(default_factory=dict)
    coordination_ok: bool = False
    gold_pairs: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    missing: list = field(default_factory=list)     # (project, organisation) not found
    extra: list = field(default_factory=list)       # predicted pairs not in gold
    role_errors: list = field(default_factory=list)


@dataclass
class GoldScore:
    tp: int
    fp: int
    fn: int
    role_correct: int
    role_total: int
    themes: list[ThemeCheck]

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def role_accuracy(self) -> float:
        return self.role_correct / self.role_total if self.role_total else 0.0

    @property
    def themes_ok(self) -> bool:
        return all(t.found and t.ministries_ok and all(t.funding_ok.values()) and t.coordination_ok
                   for t in self.themes)


def _match_theme(gold_theme: dict, themes: list):
    for t in themes:
        if t.span.first == gold_theme.get("heading_line"):
            return t
    for t in themes:
        if norm_name(t.name) == norm_name(gold_theme["name"]):
            return t
    return None


def _same_project(g: dict, p) -> bool:
    gc, pc = norm_code(g.get("code")), norm_code(p.code)
    if gc and pc:
        return gc == pc
    gn, pn = norm_name(g["name"]), norm_name(p.name)
    if gn == pn:
        return True
    ga, pa = norm_name(g.get("acronym")), norm_name(p.acronym)
    return bool((ga and ga in (pa, pn)) or (pa and pa == gn))


def _match_projects(gold_projects: list[dict], predicted: list) -> dict[int, int]:
    """gold index -> predicted index, one to one; codes first, then names."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for by_code in (True, False):
        for gi, g in enumerate(gold_projects):
            if gi in pairs:
                continue
            for pi, p in enumerate(predicted):
                if pi in taken:
                    continue
                if by_code and not (norm_code(g.get("code")) and norm_code(p.code)):
                    continue
                if _same_project(g, p):
                    pairs[gi] = pi
                    taken.add(pi)
                    break
    return pairs


def score_document(gold: dict, doc) -> GoldScore:
    """Compare a loaded :class:`~loaders.records.SourceDocument` with a gold reading."""
    tp = fp = fn = role_ok = role_n = 0
    checks: list[ThemeCheck] = []
    for gt in gold["themes"]:
        t = _match_theme(gt, doc.themes)
        chk = ThemeCheck(gt["name"], gt.get("heading_line", 0), t is not None)
        gold_pairs = {(gi, norm_org(x["organisation"])): x["role"]
                      for gi, g in enumerate(gt.get("projects", [])) for x in g.get("participants", [])}
        chk.gold_pairs = len(gold_pairs)
        if t is None:
            chk.fn = len(gold_pairs)
            fn += chk.fn
            checks.append(chk)
            continue
        chk.ministries_ok = {m["name"] for m in gt.get("ministries", [])} == set(t.ministries)
        for gkey, pkey in FUNDING_FIELDS:
            gv = gt.get("funding_eur", {}).get(gkey)
            pv = getattr(t.funding, pkey)
            chk.funding_ok[gkey] = (gv is None and pv is None) or (
                gv is not None and pv is not None and Decimal(str(gv)) == Decimal(pv))
        predicted = [p for p in doc.projects if t.name in p.themes]
        gold_projects = gt.get("projects", [])
        mapping = _match_projects(gold_projects, predicted)
        gold_coord = [norm_name(n) for n in gt.get("coordination_projects", [])]
        pred_coord = [p for p in predicted if p.kind == "coordination"]
        chk.coordination_ok = len(gold_coord) == len(pred_coord) and all(
            any(g in (norm_name(p.name), norm_name(p.acronym)) or
                any(gi in mapping and mapping[gi] == predicted.index(p) and norm_name(gp["name"]) == g
                    for gi, gp in enumerate(gold_projects)) for p in pred_coord) for g in gold_coord)
        inverse = {pi: gi for gi, pi in mapping.items()}
        pred_pairs: dict[tuple, str] = {}
        for pi, p in enumerate(predicted):
            for x in p.participants:
                key = (inverse.get(pi, ("unmatched", pi)), norm_org(x.organisation))
                pred_pairs.setdefault(key, x.role)
        for key, role in gold_pairs.items():
            if key in pred_pairs:
                chk.tp += 1
                role_n += 1
                if pred_pairs[key] == role:
                    role_ok += 1
                else:
                    chk.role_errors.append((gold_projects[key[0]]["name"], key[1], role, pred_pairs[key]))
            else:
                chk.fn += 1
                chk.missing.append((gold_projects[key[0]]["name"], key[1]))
        for key in pred_pairs:
            if key not in gold_pairs:
                chk.fp += 1
                proj = predicted[key[0][1]] if isinstance(key[0], tuple) else predicted[mapping[key[0]]]
                chk.extra.append((proj.name, key[1]))
        tp, fp, fn = tp + chk.tp, fp + chk.fp, fn + chk.fn
        checks.append(chk)
    return GoldScore(tp, fp, fn, role_ok, role_n, checks)


def format_score(s: GoldScore) -> str:
    rows = [f"(project, organisation) pairs: P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} "
            f"(tp={s.tp} fp={s.fp} fn={s.fn})",
            f"role accuracy on matched pairs: {s.role_accuracy:.3f} ({s.role_correct}/{s.role_total})",
            "themes:"]
    for t in s.themes:
        if not t.found:
            rows.append(f"  line {t.heading_line} {t.name}: NOT FOUND")
            continue
        funding = " ".join(f"{k}={'ok' if v else 'WRONG'}" for k, v in t.funding_ok.items())
        rows.append(f"  line {t.heading_line} {t.name}: ministries={'ok' if t.ministries_ok else 'WRONG'} "
                    f"{funding} coordination={'ok' if t.coordination_ok else 'WRONG'} "
                    f"pairs tp={t.tp} fp={t.fp} fn={t.fn}")
        rows += [f"      missing: {p!r} / {o!r}" for p, o in t.missing]
        rows += [f"      extra:   {p!r} / {o!r}" for p, o in t.extra]
        rows += [f"      role:    {p!r} / {o!r}: gold {g}, loader {r}" for p, o, g, r in t.role_errors]
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    from hankeverkko.loaders.detect import load_file

    gold_path = Path(argv[0]) if argv else DEFAULT_GOLD
    if not gold_path.exists():
        print(f"gold file not found: {gold_path}", file=sys.stderr)
        return 2
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    source = Path(argv[1]) if len(argv) > 1 else REPO / "data" / "sources" / gold["source"]
    doc = load_file(source, kind="theme-review")
    print(format_score(score_document(gold, doc)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
