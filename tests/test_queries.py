"""The query library: every .rq file, on every embedded store, with bound parameters."""
from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, SKOS, XSD
from rdflib.plugins.sparql import prepareQuery

from hankeverkko.graph.cli import main
from hankeverkko.graph.errors import QueryError
from hankeverkko.graph.sparql.library import QUERY_DIR, get_query, load_library, resolve_iri, run_library_query
from hankeverkko.graph.sparql.results import SelectResult
from hankeverkko.graph.sparql.stores.endpoint import bind_values
from hankeverkko.graph.sparql.stores.memory import MemoryStore
from hankeverkko.graph.sparql.stores.oxigraph import OxigraphStore
from hankeverkko.ontology import HV, ID

QUERY_FILES = sorted(QUERY_DIR.glob("*.rq"))
#: parameters for the tiny graph (tests/conftest.py) — every parameter of every query
TINY_PARAMS = {
    "theme_projects": {"theme": "Teema Yksi"},
    "multi_theme_organisations": {"min_themes": "2"},
    "organisation_portfolio": {"organisation": "alfa oy"},
    "provenance": {"entity": "S10003"},
}


def test_the_library_is_not_empty():
    assert len(QUERY_FILES) >= 9, f"only {len(QUERY_FILES)} .rq files in {QUERY_DIR}"
    assert set(load_library()) == {p.stem for p in QUERY_FILES}


class ValuesBindingStore:
    """Binds like an endpoint does (VALUES at the start of the group), answered in memory."""

    def __init__(self, graph):
        self.inner = MemoryStore(graph)

    def select(self, query, bindings=None):
        return self.inner.select(bind_values(query, bindings))


def _stores(graph):
    ox = OxigraphStore()
    ox.load(graph)
    return {"memory": MemoryStore(graph), "oxigraph": ox, "values": ValuesBindingStore(graph)}


@pytest.fixture(scope="module")
def tiny_stores(tiny_graph):
    return _stores(tiny_graph)


def comparable(result: SelectResult) -> list:
    """Rows as a sorted list, numbers compared by value (Oxigraph writes 120000.5
    for the 120000.50 that rdflib keeps)."""
    def norm(t):
        if isinstance(t, Literal) and t.datatype in (XSD.decimal, XSD.integer, XSD.double):
            return ("number", Decimal(str(t)))
        return ("term", t.n3() if t is not None else "")
    return sorted(tuple(norm(t) for t in row) for row in result.rows)


# ------------------------------------------------------------------ each file

@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_header_declares_title_description_and_every_parameter(path):
    q = get_query(path.stem)
    assert q.title and q.description, f"{path.name}: needs # title: and # description:"
    used = set(re.findall(r"\?(\w+)", q.text))
    select = q.text.split("WHERE", 1)[0]
    for p in q.params:
        assert p.name in used, f"{path.name}: parameter {p.name} is not used in the query"
        assert f"?{p.name}" in select, f"{path.name}: parameter {p.name} must be projected (Oxigraph)"
        assert not re.search(rf"BOUND\s*\(\s*\?{p.name}\b|AS\s+\?{p.name}\b", q.text, re.I), \
            f"{path.name}: test or BIND the bound variable ?{p.name} and stores disagree (rdflib#1772)"
    assert (path.stem in TINY_PARAMS) == bool(q.params), f"TINY_PARAMS and {path.name} disagree"


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_query_declares_its_own_prefixes(path):
    prepareQuery(path.read_text(encoding="utf-8"))  # no initNs: fails on an undeclared prefix


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_every_store_gives_the_same_answer(path, tiny_stores):
    answers = {name: run_library_query(store, path.stem, TINY_PARAMS.get(path.stem, {}))
               for name, store in tiny_stores.items()}
    memory = answers["memory"]
    assert memory.rows, f"{path.stem} answers nothing on the tiny graph"
    for name, result in answers.items():
        assert result.vars == memory.vars, name
        assert comparable(result) == comparable(memory), f"{path.stem}: {name} differs from memory"


# ------------------------------------------------------------------ known answers on the tiny graph

def _run(store, name, **params):
    return run_library_query(store, name, params).dicts()


@pytest.mark.parametrize("store_name", ["memory", "oxigraph"])
def test_known_answers(tiny_stores, store_name):
    s = tiny_stores[store_name]
    pairs = _run(s, "co_implementers")
    assert [(str(r["labelA"]), str(r["labelB"]), int(r["projects"])) for r in pairs] == [("Alfa Oy", "Beta ry", 3)]
    both = _run(s, "both_periods")
    assert [(str(r["organisationLabel"]), int(r["projects_2014_2020"]), int(r["projects_2021_2027"]))
            for r in both] == [("Alfa Oy", 1, 2), ("Beta ry", 1, 2)]
    assert len(_run(s, "multi_theme_organisations", min_themes="3")) == 2
    assert _run(s, "multi_theme_organisations", min_themes="4") == []
    rows = _run(s, "theme_projects", theme=str(ID["theme/teema-yksi"]))
    assert {(str(r["code"]), str(r["organisationLabel"]), r["role"]) for r in rows} == {
        ("R-00001", "Alfa Oy", HV.MainImplementerRole), ("R-00001", "Beta ry", HV.SubImplementerRole),
        ("S10001", "Hämeen ELY-keskus", HV.ImplementerRole)}
    groups = _run(s, "group_projects")
    assert {(str(r["subCode"]), str(r["implementerLabel"])) for r in groups} == {("S10002", "Alfa Oy"),
                                                                                ("S10004", "Beta ry")}
    themes = _run(s, "themes")
    yksi = [r for r in themes if str(r["themeLabel"]) == "Teema Yksi"][0]
    assert Decimal(str(yksi["fundingFrame"])) == 1_000_000 and int(yksi["projects"]) == 2
    prov = _run(s, "provenance", entity="alfa oy")
    assert {(str(r["fileName"]), int(r["line"])) for r in prov if str(r["kind"]) == "mention"} == {
        ("tiny_review.txt", 23), ("tiny_review.txt", 40), ("tiny_tl5.txt", 11)}


# ------------------------------------------------------------------ parameters

@pytest.mark.parametrize("text", [
    "https://w3id.org/hankeverkko/id/theme/teema-yksi", "id:theme/teema-yksi", "Teema Yksi",
    "teema yksi", "  TEEMA   YKSI "])
def test_an_iri_parameter_takes_an_iri_a_prefixed_name_or_a_label(tiny_stores, text):
    for store in tiny_stores.values():
        assert resolve_iri(store, text, "hv:Theme") == ID["theme/teema-yksi"]


def test_codes_acronyms_and_printed_names_resolve(tiny_graph):
    g = Graph()
    g += tiny_graph
    g.add((ID["organisation/gamma-sr"], SKOS.altLabel, Literal("Säätiö Gamma", lang="fi")))
    g.add((ID["organisation/gamma-sr"], HV.acronym, Literal("GSR")))
    for store in _stores(g).values():
        assert resolve_iri(store, "S10003", "hv:Project") == ID["project/S10003"]
        assert resolve_iri(store, "säätiö gamma", "hv:Organisation") == ID["organisation/gamma-sr"]
        assert resolve_iri(store, "gsr", None) == ID["organisation/gamma-sr"]


def test_a_label_shared_by_several_resources_is_an_error_naming_them(tiny_stores):
    # the group project R-00001 and its two sub-projects share the label "Yhteinen ryhmä"
    with pytest.raises(QueryError, match=r"names 3 hv:Project nodes: <.*R-00001>"):
        resolve_iri(tiny_stores["memory"], "Yhteinen ryhmä", "hv:Project")


def test_the_class_restricts_resolution(tiny_stores):
    with pytest.raises(QueryError, match="no hv:Theme has the label or code 'Alfa Oy'"):
        resolve_iri(tiny_stores["oxigraph"], "Alfa Oy", "hv:Theme")


@pytest.mark.parametrize("params, message", [
    ({}, "needs --param theme=VALUE"),
    ({"theme": "Teema Yksi", "extra": "1"}, "has no parameter 'extra'"),
    ({"theme": "Teema Kolme"}, "no hv:Theme has the label or code 'Teema Kolme'"),
])
def test_parameter_errors_are_one_line_query_errors(tiny_stores, params, message):
    with pytest.raises(QueryError, match=message) as e:
        run_library_query(tiny_stores["memory"], "theme_projects", params)
    assert "\n" not in str(e.value).split("\ndid you mean:\n")[0]   # one line, then the candidates


def test_an_integer_parameter_must_be_an_integer(tiny_stores):
    with pytest.raises(QueryError, match="must be an integer, not '2; DROP'"):
        run_library_query(tiny_stores["memory"], "multi_theme_organisations", {"min_themes": "2; DROP"})


EVIL = 'Teema" } } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o } #\n"""\\'


def test_a_label_with_quotes_braces_and_newlines_resolves_to_exactly_its_resource(tiny_graph):
    g = Graph()
    g += tiny_graph
    g.set((ID["theme/teema-kaksi"], RDFS.label, Literal(EVIL, lang="fi")))
    for name, store in _stores(g).items():
        assert resolve_iri(store, EVIL, "hv:Theme") == ID["theme/teema-kaksi"], name
        rows = run_library_query(store, "theme_projects", {"theme": EVIL}).rows
        assert {str(r[2]) for r in rows} == {"S10003", "S10005"}, name


def test_an_injection_attempt_returns_no_rows_instead_of_running(tiny_graph, tiny_stores):
    before = len(tiny_graph)
    for name, store in tiny_stores.items():
        # bound directly as a value (a library caller): no rows
        assert run_library_query(store, "theme_projects", {"theme": Literal(EVIL)}).rows == [], name
        assert store.select("SELECT ?s ?label WHERE { ?s rdfs:label ?label }",
                            {"label": Literal(EVIL)}).rows == [], name
        # given as text: matches no label, so it is reported, never executed
        with pytest.raises(QueryError, match="no hv:Theme"):
            run_library_query(store, "theme_projects", {"theme": EVIL})
    assert len(tiny_graph) == before


def test_an_iri_that_would_break_out_of_its_brackets_is_refused(tiny_stores):
    with pytest.raises(QueryError):
        run_library_query(tiny_stores["values"], "theme_projects",
                          {"theme": URIRef("http://x/> } ?s ?p ?o . { <http://x/")})


# ------------------------------------------------------------------ command line

@pytest.fixture(scope="module")
def tiny_file(tiny_graph, tmp_path_factory):
    f = tmp_path_factory.mktemp("g") / "graph.ttl"
    tiny_graph.serialize(f, format="turtle")
    return str(f)


def test_cli_list_shows_every_query_with_title_and_parameters():
    r = CliRunner().invoke(main, ["query", "--list"])
    assert r.exit_code == 0, r.output
    for q in load_library().values():
        assert q.name in r.output and q.title in r.output
    assert "min_themes (integer)" in r.output and "theme (hv:Theme)" in r.output


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
def test_cli_formats(tiny_file, fmt):
    r = CliRunner().invoke(
        main, ["query", "theme_projects", "--param", "theme=teema kaksi", "--graph", tiny_file, "--format", fmt],
        env={"COLUMNS": "300"})                       # a wide terminal: nothing cut
    assert r.exit_code == 0, r.output
    out = r.stdout
    if fmt == "json":
        doc = json.loads(out)
        assert doc["head"]["vars"][0] == "theme" and len(doc["results"]["bindings"]) == 3
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert {row["code"] for row in rows} == {"S10003", "S10005"}
    elif fmt == "tsv":
        assert out.splitlines()[0].startswith("?theme\t?project")
        assert '"Toinen"@fi' in out and "\t120000.5\t" in out     # one canonical decimal form (query.py)
    else:
        assert "id:project/S10003" in out and "(3 rows)" in out


def test_cli_runs_a_query_file_and_inline_text(tiny_file, tmp_path):
    f = tmp_path / "mine.rq"
    f.write_text("# title: Mine\n# param: code — a code (string)\n"
                 "SELECT ?code ?p WHERE { ?p hv:code ?code }\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["query", str(f), "-p", "code=S10003", "--graph", tiny_file, "--format", "csv"])
    assert r.exit_code == 0 and "S10003" in r.output
    r = CliRunner().invoke(main, ["query", "SELECT ?p WHERE { ?p a hv:GroupProject }", "--graph", tiny_file])
    assert r.exit_code == 0 and "R-00001" in r.output


def test_engine_oxigraph_answers_a_graph_file_like_rdflib(tiny_file):
    args = ["query", "co_implementers", "--graph", tiny_file, "--format", "csv"]
    by_rdflib = CliRunner().invoke(main, args + ["--engine", "rdflib"])
    by_oxigraph = CliRunner().invoke(main, args + ["--engine", "oxigraph"])
    assert by_rdflib.exit_code == by_oxigraph.exit_code == 0, by_oxigraph.output
    assert sorted(by_oxigraph.stdout.splitlines()) == sorted(by_rdflib.stdout.splitlines())
    assert "Beta ry,3" in by_oxigraph.stdout


def test_engine_oxigraph_takes_aggregates_over_optional_values(tiny_file):
    q = ("SELECT ?t (GROUP_CONCAT(DISTINCT ?m; separator='|') AS ?ms) WHERE { ?t a hv:Theme "
         "OPTIONAL { ?t hv:responsibleMinistry/rdfs:label ?m } } GROUP BY ?t")
    r = CliRunner().invoke(main, ["query", q, "--graph", tiny_file, "--engine", "oxigraph", "--format", "csv"])
    assert r.exit_code == 0, r.output
    rows = dict(line.rsplit(",", 1) for line in r.stdout.splitlines()[1:])
    assert len(rows) == 3 and sorted(rows.values()) == ["", "Sosiaali- ja terveysministeriö",
                                                         "Työ- ja elinkeinoministeriö"]


def test_engine_is_refused_with_a_store(tiny_file):
    r = CliRunner().invoke(main, ["query", "themes", "--store", "oxigraph:x", "--engine", "oxigraph"])
    assert r.exit_code == 2 and "--engine applies to --graph" in r.output


def test_cli_runs_on_an_oxigraph_store(tiny_graph, tmp_path):
    from hankeverkko.graph.sparql.store import load_into_store
    load_into_store(f"oxigraph:{tmp_path / 'store'}", tiny_graph)
    r = CliRunner().invoke(main, ["query", "co_implementers", "--store", f"oxigraph:{tmp_path / 'store'}",
                                  "--format", "csv"])
    assert r.exit_code == 0, r.output
    assert "Alfa Oy,https://w3id.org/hankeverkko/id/organisation/beta-ry,Beta ry,3" in r.output


@pytest.mark.parametrize("args, message", [
    (["query", "no_such_query"], "unknown query 'no_such_query'"),
    (["query", "theme_projects"], "needs --param theme=VALUE"),
    (["query", "multi_theme_organisations", "-p", "min_themes=many"], "must be an integer"),
    (["query", "themes", "--endpoint", "http://127.0.0.1:9/query", "--timeout", "2"], "cannot reach"),
    (["query", "themes", "--store", "oxigraph:/nonexistent/store"], "no Oxigraph store here"),
])
def test_cli_errors_are_one_clear_line(tiny_file, args, message):
    if "--endpoint" not in args and "--store" not in args:
        args = args + ["--graph", tiny_file]
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 1, r.output
    assert message in r.output and "Traceback" not in r.output
    assert len(r.output.strip().splitlines()) == 1


def test_cli_usage_errors(tiny_file):
    r = CliRunner().invoke(main, ["query", "themes", "--graph", tiny_file, "--store", "oxigraph:x"])
    assert r.exit_code == 2 and "only one of" in r.output
    r = CliRunner().invoke(main, ["query", "themes", "-p", "novalue", "--graph", tiny_file])
    assert r.exit_code == 2 and "NAME=VALUE" in r.output
    r = CliRunner().invoke(main, ["query"])
    assert r.exit_code == 2 and "--list" in r.output


def test_help_says_the_default_builds_the_bundled_corpus():
    r = CliRunner().invoke(main, ["query", "--help"])
    assert "bundled corpus" in r.output and "Examples:" in r.output


# ------------------------------------------------------------------ the real corpus

@pytest.mark.slow
def test_every_library_query_runs_on_the_bundled_corpus_in_both_stores(corpus_graph):
    stores = _stores(corpus_graph)
    memory = stores["memory"]
    theme = run_library_query(memory, "themes").rows[0][0]
    org = run_library_query(memory, "co_implementers").rows[0][0]
    params = {"theme_projects": {"theme": theme}, "multi_theme_organisations": {"min_themes": "2"},
              "organisation_portfolio": {"organisation": org}, "provenance": {"entity": org}}
    for path in QUERY_FILES:
        a = run_library_query(memory, path.stem, params.get(path.stem, {}))
        b = run_library_query(stores["oxigraph"], path.stem, params.get(path.stem, {}))
        assert comparable(a) == comparable(b), path.stem
    assert len(run_library_query(memory, "sources").rows) >= 5


# ------------------------------------------------------------------ a skewed synthetic graph

def _benchmark_generator():
    import importlib.util

    from conftest import REPO
    spec = importlib.util.spec_from_file_location("sparql_stores", REPO / "benchmarks" / "sparql_stores.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.synthetic_graph


@pytest.fixture(scope="module")
def skewed():
    """Zipf-popular organisations, two periods, group projects: shapes the tiny graph lacks
    (an organisation in only one period once made rdflib and Oxigraph disagree)."""
    graph, params = _benchmark_generator()(6000, seed=7)
    return _stores(graph), params


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_every_store_gives_the_same_answer_on_a_skewed_synthetic_graph(path, skewed):
    stores, params = skewed
    memory = run_library_query(stores["memory"], path.stem, params.get(path.stem, {}))
    assert memory.rows, path.stem
    for name in ("oxigraph", "values"):
        other = run_library_query(stores[name], path.stem, params.get(path.stem, {}))
        assert memory.same_answer(other), f"{path.stem}: {name} differs from memory"
