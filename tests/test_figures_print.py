"""Print figures: title says what is shown, N labels that do not overlap, legend inside, text as text."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from hankeverkko.graph.maps import render as maps
from hankeverkko.graph.maps.figures import figure_layout, label_count, parse_width
from hankeverkko.graph.maps.style import PALETTE
from test_maps import synthetic

SVG = "{http://www.w3.org/2000/svg}"
THEME = "Jatkuva oppiminen"


@pytest.fixture(scope="module")
def theme_map(corpus_graph):
    return maps.prepare_map(corpus_graph, theme=THEME, colour="type")


def _texts(root, gid):
    group = root.find(f".//{SVG}g[@id='{gid}']")
    return [] if group is None else ["".join(t.itertext()) for t in group.iter(f"{SVG}text")]


def test_svg_title_says_the_theme_and_keeps_text_as_text(theme_map, tmp_path):
    root = ET.fromstring(maps.write_map(theme_map, tmp_path / "f.svg").read_bytes())
    title = " ".join(_texts(root, "title"))
    assert THEME in title
    subtitle = " ".join(_texts(root, "subtitle"))
    assert "all programme periods" in subtitle and "sources up to 2024" in subtitle
    assert "without partners" in subtitle                     # isolates summarised, not drawn
    assert "DejaVu Sans" in ET.tostring(root, encoding="unicode")


def test_svg_has_exactly_n_label_texts(theme_map, tmp_path):
    root = ET.fromstring(maps.render(theme_map, "svg", labels=7))
    labels = [g for g in root.iter(f"{SVG}g") if (g.get("id") or "").startswith("node-label")]
    assert len(labels) == 7
    default = ET.fromstring(maps.render(theme_map, "svg"))
    drawn = sum(1 for n in theme_map.graph if theme_map.graph.degree(n))
    assert len([g for g in default.iter(f"{SVG}g") if (g.get("id") or "").startswith("node-label")]) \
        == label_count(drawn)


@pytest.mark.parametrize("which", ["theme", "large"])
def test_labels_do_not_overlap_and_the_legend_is_inside(theme_map, which):
    m = theme_map if which == "theme" else maps.map_from_graph(synthetic(), colour="type")
    r = figure_layout(m, "png", dpi=100)
    boxes = r["labels"]
    assert len(boxes) == label_count(sum(1 for n in m.graph if m.graph.degree(n)))
    overlaps = [(i, j) for i in range(len(boxes)) for j in range(i + 1, len(boxes)) if boxes[i].overlaps(boxes[j])]
    assert overlaps == []
    fig, legend = r["figure"], r["legend"]
    assert fig.x0 <= legend.x0 and legend.x1 <= fig.x1 and fig.y0 <= legend.y0 and legend.y1 <= fig.y1
    assert all(fig.x0 <= b.x0 and b.x1 <= fig.x1 and fig.y0 <= b.y0 and b.y1 <= fig.y1 for b in boxes)
    assert not any("…" in t for t in r["label_texts"])


def test_palette_is_at_most_ten_categories(theme_map):
    assert len(PALETTE) <= 9 and len(theme_map.legend) <= 10


def test_width_and_dpi(theme_map):
    assert parse_width("6.7in") == 17.02 and parse_width("170mm") == 17.0
    small = maps.render(theme_map, "png", width_cm=8.5, dpi=100)
    import struct
    w, h = struct.unpack(">II", small[16:24])
    assert abs(w - round(8.5 / 2.54 * 100)) <= 1
