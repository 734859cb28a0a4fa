"""Score the project-card, decision-form and generic loaders on the invented fixtures
in ``tests/fixtures/kinds/<kind>/`` against their ``*.expected.json`` readings.

Participations are compared as (project code, organisation) pairs; role accuracy
is over the matched pairs; business ids count as *kept* when a participation
carries the expected valid Y-tunnus and *invented* when it carries one the
reading does not have; a rejected (check-digit) id must appear among the skipped
notes.  Where a reading gives them, it also counts project names read right (``name``
of ``projects``), ``funds`` relations found and invented (``relations``), and names of
``not_projects`` / ``not_organisations`` that became a project or an organisation
(``furniture``: page titles, site names, headings).  Usage: ``python benchmarks/score_kinds.py``.
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "kinds"


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    roles_right: int = 0
    ids_expected: int = 0
    ids_kept: int = 0
    ids_invented: int = 0
    rejected_expected: int = 0
    rejected_noted: int = 0
    evidence_right: int = 0
    names_expected: int = 0
    names_right: int = 0
    rel_expected: int = 0
    rel_found: int = 0
    rel_invented: int = 0
    furniture: int = 0
    wrong: list = field(default_factory=list)

    def add(self, o: "Score") -> None:
        for k in ("tp", "fp", "fn", "roles_right", "ids_expected", "ids_kept", "ids_invented",
                  "rejected_expected", "rejected_noted", "evidence_right",
                  "names_expected", "names_right", "rel_expected", "rel_found", "rel_invented", "furniture"):
            setattr(self, k, getattr(self, k) + getattr(o, k))
        self.wrong += o.wrong

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def role_accuracy(self) -> float:
        return self.roles_right / self.tp if self.tp else 1.0


def fixtures() -> list[tuple[str, Path, dict]]:
    out = []
    for txt in sorted(FIXTURES.glob("*/*.txt")):
        exp = txt.with_suffix(".expected.json")
        out.append((txt.parent.name, txt, json.loads(exp.read_text(encoding="utf-8"))))
    return out


def score_document(doc, expected: dict) -> Score:
    s = Score()
    got: dict[tuple, list] = {}
    for p in doc.projects:
        for pp in p.participants:
            got.setdefault((p.code or p.name, pp.organisation), []).append(pp)
    want: dict[tuple, list] = {}
    for code, org, role, bid, evidence in expected["participations"]:
        want.setdefault((code, org), []).append((role, bid, evidence))
    for key, rows in want.items():
        have = got.get(key, [])
        for k, (role, bid, evidence) in enumerate(rows):
            if k >= len(have):
                s.fn += 1
                s.wrong.append(("missing", key))
                continue
            pp = have[k]
            s.tp += 1
            s.roles_right += pp.role == role
            s.evidence_right += pp.evidence == evidence
            if pp.role != role:
                s.wrong.append(("role", key, pp.role, role))
            if bid:
                s.ids_expected += 1
                s.ids_kept += pp.business_id == bid
            if pp.business_id and pp.business_id != bid:
                s.ids_invented += 1
                s.wrong.append(("id", key, pp.business_id))
        extra = len(have) - len(rows)
        if extra > 0:
            s.fp += extra
    for key, have in got.items():
        if key not in want:
            s.fp += len(have)
            s.wrong.append(("extra", key))
    for bid in expected.get("rejected_business_ids", []):
        s.rejected_expected += 1
        s.rejected_noted += any(bid in sk.text and "check digit" in sk.reason for sk in doc.skipped)
    by_code = {p.code: p for p in doc.projects if p.code}
    for want_p in expected.get("projects", []):
        if "name" in want_p:
            s.names_expected += 1
            got_p = by_code.get(want_p["code"])
            s.names_right += bool(got_p) and got_p.name == want_p["name"]
            if not got_p or got_p.name != want_p["name"]:
                s.wrong.append(("name", want_p["code"], got_p.name if got_p else None))
    if "relations" in expected:
        want_r = {tuple(r) for r in expected["relations"]}
        got_r = {(r.subject, r.predicate, r.object) for r in doc.relations}
        s.rel_expected += len(want_r)
        s.rel_found += len(want_r & got_r)
        s.rel_invented += len(got_r - want_r)
        s.wrong += [("relation missing", r) for r in sorted(want_r - got_r)] + \
                   [("relation extra", r) for r in sorted(got_r - want_r)]
    projects = {p.name for p in doc.projects}
    orgs = {o.name for o in doc.organisations} | {pp.organisation for p in doc.projects for pp in p.participants}
    for bad in sorted(set(expected.get("not_projects", [])) & projects):
        s.furniture += 1
        s.wrong.append(("furniture as project", bad))
    for bad in sorted(set(expected.get("not_organisations", [])) & orgs):
        s.furniture += 1
        s.wrong.append(("furniture as organisation", bad))
    return s


def run(verbose: bool = True) -> Score:
    sys.path.insert(0, str(REPO))
    from hankeverkko import loaders
    total = Score()
    for kind, path, expected in fixtures():
        doc = loaders.load_file(path)
        s = score_document(doc, expected)
        total.add(s)
        if verbose:
            print(f"{kind:14} {path.name:24} detected={doc.kind:14} P={s.precision:.2f} R={s.recall:.2f} "
                  f"F1={s.f1:.2f} roles={s.role_accuracy:.2f} ids kept {s.ids_kept}/{s.ids_expected} "
                  f"invented {s.ids_invented} rejected noted {s.rejected_noted}/{s.rejected_expected} "
                  f"names {s.names_right}/{s.names_expected} funds {s.rel_found}/{s.rel_expected}"
                  f"+{s.rel_invented} furniture {s.furniture}"
                  + (f"  {s.wrong}" if s.wrong else ""))
    if verbose:
        print(f"{'ALL':39} P={total.precision:.3f} R={total.recall:.3f} F1={total.f1:.3f} "
              f"roles={total.role_accuracy:.3f} evidence={total.evidence_right}/{total.tp} "
              f"ids kept {total.ids_kept}/{total.ids_expected} invented {total.ids_invented} "
              f"rejected noted {total.rejected_noted}/{total.rejected_expected} "
              f"names {total.names_right}/{total.names_expected} funds {total.rel_found}/{total.rel_expected}"
              f"+{total.rel_invented} furniture {total.furniture}")
    return total


if __name__ == "__main__":
    run()
