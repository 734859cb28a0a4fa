"""Identity at scale: capped blocks, neighbours per name and the capped review
queue report what they leave out, and the indexes give what the pair loops gave."""
from __future__ import annotations

import hankeverkko.graph.identity.merging as merging
from hankeverkko.graph.identity.resolution import NameMention, resolve


def _mentions(names):
    return [NameMention(n, "t.txt", i + 1) for i, n in enumerate(names)]


_PLACES = ["Kalola", "Mirula", "Netala", "Rusola", "Tavila", "Sopela", "Hujala", "Kilala"]


def test_review_queue_is_ranked_capped_and_counted(monkeypatch):
    names = [f"{s}{v}sen Kuljetus Oy" for s in ("Leht", "Virt", "Kall", "Salm", "Hein", "Kosk") for v in "oi"]
    full = resolve(_mentions(names))
    monkeypatch.setattr(merging, "REVIEW_CAP", 3)
    capped = resolve(_mentions(names))
    assert full.review_total == len(full.review_queue) > 3
    assert capped.review_total == full.review_total and capped.review_queue == full.review_queue[:3]
    assert any("the review queue lists the 3 with the highest scores" in w for w in capped.warnings)
    assert [e.key for e in capped.entities] == [e.key for e in full.entities]


def test_a_block_over_the_cap_is_not_compared_and_the_skipped_pairs_are_reported(monkeypatch):
    names = ["Lehtosen Kuljetus Oy", "Lehtisen Kuljetus Oy", "Lahden kaupunki", "Lahti"]
    assert len(resolve(_mentions(names)).review_queue) == 1
    monkeypatch.setattr(merging, "BLOCK_CAP", 1)
    res = resolve(_mentions(names))
    assert any("name pairs were not compared there" in w for w in res.warnings)


def test_same_word_index_still_merges_inflected_names():
    res = resolve(_mentions(["Lahden kaupunki", "Lahti kaupunki", "Helsingin kaupunki", "Helsinki"]))
    assert res.entity_for("Lahden kaupunki") is res.entity_for("Lahti kaupunki")
    assert res.entity_for("Helsingin kaupunki") is not res.entity_for("Lahden kaupunki")


def test_neighbour_limit_keeps_true_duplicates(monkeypatch):
    monkeypatch.setattr(merging, "NEIGHBOURS", 2)
    names = [f"{p}n nuorten yhdistys ry" for p in _PLACES] + ["KALOLAN  nuorten yhdistys ry",
                                                              "Kalolan nuorten  yhdistys"]
    res = resolve(_mentions(names))
    assert res.entity_for("KALOLAN nuorten yhdistys ry") is res.entity_for("Kalolan nuorten yhdistys ry")
    assert len(res.entities) == len(_PLACES)
