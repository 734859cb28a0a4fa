"""The merge steps of :func:`~hankeverkko.graph.identity.resolution.resolve`,
strongest evidence first: a person's decisions, pairs a document states,
exact keys (business ID, alias anchor, normalised name), fuzzy similarity
within blocks, bare acronyms; and the review queue of the pairs left open."""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.process import cdist

from hankeverkko.graph.identity.clusters import _Clusters, _compatible, _Node
from hankeverkko.graph.identity.entities import _ID_SUFFIX, ReviewPair, _norm
from hankeverkko.graph.identity.inflection import inflected_forms, same_word
from hankeverkko.graph.identity.matching import REVIEW_SCORE, assess
from hankeverkko.graph.identity.names import blocking_keys, initials, parse
from hankeverkko.graph.identity.review import Decision

__all__ = ["AMBIGUOUS"]

AMBIGUOUS = "the same name fits two organisations that differ (business ID or legal form)"


def _name_lookup(nodes: list[_Node]):
    """A function from a name as a person writes it to the ids of the nodes it names."""
    lookup: dict[str, set[tuple]] = defaultdict(set)
    for n in nodes:
        for text in [*n.displays, *(m.name for m in n.mentions)]:
            lookup[_norm(text)].add(n.id)
            lookup["k:" + parse(text).key].add(n.id)

    def nodes_of(name: str) -> set[tuple]:
        m = _ID_SUFFIX.match(name)          # 'Virta Oy (1234567-1)' as the review file writes it
        base = m.group(1) if m else name
        ids = lookup.get(_norm(base)) or lookup.get("k:" + parse(base).key) or set()
        if m:
            return {i for i in ids if i[2] == m.group(2)}
        if len({i[2] for i in ids}) > 1 and any(not i[2] for i in ids):
            ids = {i for i in ids if not i[2]}      # a bare name shared by several IDs: the one printed without
        return ids
    return nodes_of


def _merge_stated(cl: _Clusters, nodes: list[_Node], stated: Iterable[tuple[str, str]]):
    """Pairs a document itself equates ('Keski-Suomen Yhteisöjen Tuki (KYT)' defines KYT):
    merged unless a decision keeps them apart or their business IDs differ."""
    nodes_of = _name_lookup(nodes)
    for a, b in sorted(set(stated)):
        for x in sorted(nodes_of(a)):
            for y in sorted(nodes_of(b)):
                cl.union(x, y)


def _apply_decisions(cl: _Clusters, nodes: list[_Node], decisions: list[Decision],
                     warnings: list[str]) -> list[Decision]:
    """keep_apart first (they block every later union), then merge."""
    nodes_of = _name_lookup(nodes)
    values: dict[frozenset, set[str]] = defaultdict(set)
    for d in decisions:
        values[frozenset((_norm(d.name_a), _norm(d.name_b)))].add(d.decision)
    applied = []
    for d in sorted(decisions, key=lambda d: (d.decision != "keep_apart", d.row, d.name_a, d.name_b)):
        where = f"decision row {d.row}" if d.row else "decision"
        na, nb = nodes_of(d.name_a), nodes_of(d.name_b)
        if not na or not nb:
            warnings.append(f"{where}: {(d.name_b if na else d.name_a)!r} is not among this build's "
                            f"organisations; not used")
            continue
        if d.decision == "merge" and len(values[frozenset((_norm(d.name_a), _norm(d.name_b)))]) > 1:
            warnings.append(f"{where}: {d.name_a!r} / {d.name_b!r} is both merge and keep_apart; kept apart")
            continue
        for a in sorted(na):
            for b in sorted(nb):
                if d.decision == "keep_apart":
                    if cl.find(a) == cl.find(b) or (a[2] and a[2] == b[2]):
                        warnings.append(f"{where}: {d.name_a!r} and {d.name_b!r} have the same business ID "
                                        f"or normalised name; cannot keep apart")
                    else:
                        cl.keep_apart(a, b)
                elif not cl.union(a, b):
                    warnings.append(f"{where}: cannot merge {d.name_a!r} and {d.name_b!r}: {cl.conflict(a, b)}")
        applied.append(d)
    return applied


def _merge_exact(cl: _Clusters, nodes: list[_Node], review: list) -> set[tuple]:
    """Same business ID, alias anchor or normalised name. A name that fits two
    organisations which disagree (business ID, legal form) is asked about
    instead; the ids of such ambiguous nodes are returned."""
    ambiguous_nodes: set[tuple] = set()
    groups: dict[str, list[_Node]] = defaultdict(list)
    for n in nodes:
        for k in n.exact_keys():
            groups[k].append(n)
    for k in sorted(groups):
        members = groups[k]
        for x in members:
            fits = [y for y in members if y is not x and _compatible(x, y)]
            ambiguous = any(not _compatible(y, z) for i, y in enumerate(fits) for z in fits[i + 1:])
            if ambiguous:
                ambiguous_nodes.add(x.id)
            for y in fits:
                if ambiguous:
                    review.append((x.id, y.id, 100.0, AMBIGUOUS))
                elif x.id < y.id:
                    cl.union(x.id, y.id)
    return ambiguous_nodes


#: a block with more members than this is not compared pairwise (its pairs are
#: counted in the warnings); pairs sharing a smaller block are still compared there
BLOCK_CAP = 1500
#: in a block, a name is assessed against at most this many of its closest names
#: (by fuzzy score; either side's choice counts), so work grows with names, not pairs
NEIGHBOURS = 12
#: the review queue lists the best pairs only; the total is in the warnings
REVIEW_CAP = 500


def _candidate_pairs(nodes: list[_Node], skipped: list[int]) -> list[tuple[int, int]]:
    """Index pairs worth the full rules: names sharing a blocking key (a distinctive
    word) whose fuzzy score reaches REVIEW_SCORE (scored per block in C by
    rapidfuzz) or whose distinctive words are the same (perhaps inflected);
    below that nothing can come of a pair but 'apart'. A name with more than
    :data:`NEIGHBOURS` close names in a block keeps its closest. Blocks larger than
    :data:`BLOCK_CAP` are left out; ``skipped`` gets [blocks, pairs] left out."""
    blocks: dict[str, list[int]] = defaultdict(list)
    keys_of: list[set[str]] = []
    for i, n in enumerate(nodes):          # nodes are sorted: index order is id order
        keys = blocking_keys(n.parsed) if not n.parsed.bare_acronym else set()
        keys_of.append(keys)
        for b in keys:
            blocks[b].append(i)
    pairs: set[tuple[int, int]] = set()
    big: set[str] = set()
    for b, members in blocks.items():
        if len(members) < 2:
            continue
        if len(members) > BLOCK_CAP:
            big.add(b)
            continue
        keys = [nodes[i].parsed.key for i in members]
        toks = [nodes[i].parsed.sorted_tokens for i in members]
        close = np.maximum(cdist(keys, keys, scorer=fuzz.ratio, score_cutoff=REVIEW_SCORE),
                           cdist(toks, toks, scorer=fuzz.ratio, score_cutoff=REVIEW_SCORE))
        np.fill_diagonal(close, 0)
        if len(members) > NEIGHBOURS + 1 and (np.count_nonzero(close, axis=1) > NEIGHBOURS).any():
            keep = np.zeros(close.shape, dtype=bool)     # each row's NEIGHBOURS best, ties by position
            best = np.argsort(-close, axis=1, kind="stable")[:, :NEIGHBOURS]
            np.put_along_axis(keep, best, True, axis=1)
            close = np.where(keep | keep.T, close, 0)
        xs, ys = np.nonzero(np.triu(close, 1))
        pairs.update(zip(np.asarray(members)[xs].tolist(), np.asarray(members)[ys].tolist()))
    pairs |= _same_word_pairs(nodes, keys_of, big)
    if big:
        skipped += [len(big), sum(len(blocks[b]) * (len(blocks[b]) - 1) // 2 for b in big)]
    return sorted(pairs)


def _same_word_pairs(nodes: list[_Node], keys_of: list[set[str]], big: set[str]) -> set[tuple[int, int]]:
    """Pairs sharing a block (not a capped one) whose distinctive words are the same,
    each perhaps inflected: found through an index of every word's inflected forms
    (``same_word(t, u)`` is ``u`` among the forms of ``t`` or the other way round),
    not by comparing all pairs of a block."""
    forms: dict[str, set[int]] = defaultdict(set)       # a form -> nodes with a word that has it
    for i, n in enumerate(nodes):
        if keys_of[i] and n.parsed.distinctive:
            for t in n.parsed.distinctive:
                forms[t].add(i)
                for f in inflected_forms(t):
                    forms[f].add(i)
    out: set[tuple[int, int]] = set()
    for i, n in enumerate(nodes):
        d = n.parsed.distinctive
        if not keys_of[i] or not d:
            continue
        # a partner has a word u with u == d[0], u a form of d[0], or d[0] a form of u
        cands = set(forms.get(d[0], ()))
        for f in inflected_forms(d[0]):
            cands |= forms.get(f, set())
        for j in cands:
            if j > i and len(nodes[j].parsed.distinctive) == len(d) and (keys_of[i] & keys_of[j]) - big \
                    and _same_words(d, nodes[j].parsed.distinctive):
                out.add((i, j))
    return out


def _same_words(da: tuple[str, ...], db: tuple[str, ...]) -> bool:
    """The same distinctive words, each perhaps in another case ('Lahti' / 'Lahden')."""
    return len(da) == len(db) and all(any(same_word(t, u) for u in db) for t in da) and \
        all(any(same_word(u, t) for t in da) for u in db)


def _merge_similar(cl: _Clusters, nodes: list[_Node], review: list, ambiguous: set[tuple],
                   warnings: list[str]):
    """Fuzzy scoring between candidate pairs; an ambiguous name is never merged automatically."""
    merges = []
    skipped: list[int] = []
    candidates = _candidate_pairs(nodes, skipped)
    if skipped:
        warnings.append(f"{skipped[0]} block(s) of names sharing a word have more than {BLOCK_CAP} names: "
                        f"their {skipped[1]} name pairs were not compared there (pairs that also share "
                        f"a smaller block were)")
    for i, j in candidates:
        a, b = nodes[i].id, nodes[j].id
        if cl.find(a) != cl.find(b):
            verdict, s, reason = assess(nodes[i].parsed, nodes[j].parsed)
            if verdict == "merge" and not {a, b} & ambiguous:
                merges.append((-s, a, b, reason))
            elif verdict == "merge":
                review.append((a, b, s, AMBIGUOUS))
            elif verdict == "review":
                review.append((a, b, s, reason))
    for neg, a, b, reason in sorted(merges):       # best pairs first
        why = cl.conflict(a, b, check_types=True)
        if why:
            if why != cl.KEPT_APART:
                review.append((a, b, -neg, f"{reason}; not merged: {why}"))
        else:
            cl.union(a, b, check_types=True)


def _merge_acronyms(cl: _Clusters, nodes: list[_Node], review: list, ambiguous: set[tuple]):
    """A bare acronym ('SYKLI') joins the one organisation printed with it
    ('Suomen ympäristöopisto SYKLI Oy'); several, or only matching initials: review."""
    holders: dict[str, set[tuple]] = defaultdict(set)
    for n in nodes:                 # every printed form counts, not only the most frequent one
        for p in map(parse, n.displays):
            if p.acronym and not p.bare_acronym:
                holders[p.acronym.casefold()].add(n.id)
    by_initials: dict[str, list[_Node]] = defaultdict(list)     # built once, in node order
    if any(n.parsed.bare_acronym and not n.parsed.alias for n in nodes):
        for m in nodes:
            if not m.parsed.bare_acronym and len(m.parsed.tokens) >= 2:
                for acr in initials(m.parsed):
                    by_initials[acr].append(m)
    for n in nodes:
        p = n.parsed
        if not p.bare_acronym or p.alias:
            continue            # the alias table already placed it
        acr = p.acronym.casefold()
        found = sorted(holders.get(acr, ()))
        roots = {cl.find(h) for h in found} - {cl.find(n.id)}
        if len(roots) == 1:
            if n.id in ambiguous or not cl.union(n.id, found[0]):
                review.append((n.id, found[0], 100.0, "abbreviation printed with this organisation's name"))
        elif roots:
            review += [(n.id, h, 100.0, "abbreviation printed with several organisations' names") for h in found]
        else:
            review += [(n.id, m.id, 100.0, "abbreviation matches the initials of the name")
                       for m in by_initials.get(acr, ()) if m is not n and cl.find(m.id) != cl.find(n.id)]


def _review_queue(cl: _Clusters, review: list, warnings: list[str]) -> tuple[list[ReviewPair], int]:
    """Open pairs only (not merged, not kept apart by a decision or by two
    business IDs), the best pair per two clusters; the best :data:`REVIEW_CAP`
    of them, and how many there were."""
    best: dict[frozenset, tuple] = {}
    for a, b, s, reason in review:
        if cl.find(a) == cl.find(b) or cl.conflict(a, b) in (cl.KEPT_APART, cl.TWO_IDS):
            continue
        na, nb = sorted((cl.node[a].review_name, cl.node[b].review_name), key=lambda x: (x.casefold(), x))
        k = frozenset((cl.find(a), cl.find(b)))
        cand = (-s, na, nb, reason)
        if k not in best or cand < best[k]:
            best[k] = cand
    ranked = sorted(best.values())
    if len(ranked) > REVIEW_CAP:
        warnings.append(f"{len(ranked)} organisation pairs are close enough to review; the review queue "
                        f"lists the {REVIEW_CAP} with the highest scores")
    return [ReviewPair(a, b, -neg, reason) for neg, a, b, reason in ranked[:REVIEW_CAP]], len(ranked)
