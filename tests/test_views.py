"""Network views read through SPARQL: shapes on the tiny graph, filters, and the store contract."""
from __future__ import annotations

import pytest
from rdflib import RDF, SKOS, Graph, Literal, URIRef

from hankeverkko.graph.network import data, views
from hankeverkko.graph.sparql.results import SelectResult
from hankeverkko.graph.sparql.store import open_store
from hankeverkko.graph.sparql.stores.endpoint import bind_values
from hankeverkko.graph.sparql.stores.oxigraph import OxigraphStore
from hankeverkko.graph.network.vocabulary import NetworkViewError
from hankeverkko.ontology import HV, ID

ALFA, BETA, GAMMA, ELY = (str(ID[f"organisation/{k}"]) for k in ("alfa-oy", "beta-ry", "gamma-sr", "hameen-ely-keskus"))
P = lambda code: str(ID[f"project/{code}"])


def edges(G):
    return {tuple(sorted((u, v))): d["weight"] for u, v, d in G.edges(data=True)}


# ------------------------------------------------------------------ shapes on the tiny graph

def test_co_implementation_links_the_partners_and_keeps_lone_implementers(tiny_graph):
    G = views.co_implementation_graph(tiny_graph)
    assert set(G) == {ALFA, BETA, GAMMA, ELY}
    assert edges(G) == {tuple(sorted((ALFA, BETA))): 3}
    assert G.degree(GAMMA) == 0 and G.nodes[GAMMA]["label"] == "Gamma sr"


def test_a_group_project_counts_once_not_per_sub_project(tiny_graph):
    G = views.co_implementation_graph(tiny_graph)
    e = G.edges[ALFA, BETA]
    assert e["projects"] == [P("R-00001"), P("S10003"), P("S20001")]
    assert P("S10002") not in G.graph["projects"] and P("S10004") not in G.graph["projects"]
    assert e["project_labels"][0] == "R-00001 Yhteinen ryhmä"
    assert e["themes"] == ["Teema Kaksi", "Teema Yksi", "Toimintalinja 5"]


@pytest.mark.parametrize("period, nodes, weight", [("2014-2020", {ALFA, BETA}, 1),
                                                   ("2021-2027", {ALFA, BETA, GAMMA, ELY}, 2)])
def test_period_filter_uses_the_programme_period(tiny_graph, period, nodes, weight):
    G = views.co_implementation_graph(tiny_graph, period=period)
    assert set(G) == nodes
    assert G.edges[ALFA, BETA]["weight"] == weight
    assert G.graph["filters"]["period"] == period


@pytest.mark.parametrize("theme", ["Teema Kaksi", "teema kaksi", "kaksi", str(ID["theme/teema-kaksi"])])
def test_theme_filter_by_label_part_or_iri(tiny_graph, theme):
    G = views.co_implementation_graph(tiny_graph, theme=theme)
    assert set(G) == {ALFA, BETA, GAMMA}
    assert G.edges[ALFA, BETA]["projects"] == [P("S10003")]
    assert G.graph["filters"]["theme"] == "Teema Kaksi"


def test_an_ambiguous_or_unknown_theme_is_an_error_naming_the_candidates(tiny_graph):
    with pytest.raises(NetworkViewError, match="Teema Kaksi.*Teema Yksi|Teema Yksi.*Teema Kaksi"):
        views.co_implementation_graph(tiny_graph, theme="Teema")
    with pytest.raises(NetworkViewError, match="no theme matches 'Nope'"):
        data.find_theme(tiny_graph, "Nope")


def test_an_unknown_period_lists_the_periods_of_the_graph(tiny_graph):
    with pytest.raises(NetworkViewError, match="1999-2000.*2014-2020, 2021-2027"):
        views.co_implementation_graph(tiny_graph, period="1999-2000")
    assert data.periods(tiny_graph) == ["2014-2020", "2021-2027"]


def test_role_filter_selects_sub_properties_of_implementer(tiny_graph):
    assert set(views.co_implementation_graph(tiny_graph, roles=["main"])) == {ALFA}
    assert set(views.co_implementation_graph(tiny_graph, roles=["sub"])) == {BETA}
    assert len(views.co_implementation_graph(tiny_graph, roles=["partner"])) == 0
    with pytest.raises(NetworkViewError, match="unknown role 'boss'"):
        views.co_implementation_graph(tiny_graph, roles=["boss"])


def test_organisation_type_filter(tiny_graph):
    g = Graph() + tiny_graph
    g.add((URIRef(GAMMA), RDF.type, HV.Foundation))
    g.add((URIRef(BETA), RDF.type, HV.Association))
    G = views.co_implementation_graph(g, org_types=["foundation", "Association"])
    assert set(G) == {GAMMA, BETA} and G.number_of_edges() == 0
    assert G.nodes[GAMMA]["type"] == "Foundation" and G.nodes[GAMMA]["type_label"] == "foundation"
    with pytest.raises(NetworkViewError, match="unknown organisation type 'Pub'.*municipality, joint_municipal_authority"):
        views.co_implementation_graph(g, org_types=["Pub"])


def test_roles_for_tooltips_come_from_participations(tiny_graph):
    projects = views.co_implementation_graph(tiny_graph).graph["projects"]
    assert projects[P("R-00001")]["roles"] == {ALFA: ["main implementer"], BETA: ["sub-implementer"]}
    assert projects[P("S10003")]["roles"][ALFA] == ["applicant"]
    assert projects[P("S10003")]["themes"] == ["Teema Kaksi"]
    assert projects[P("S20001")]["periods"] == ["2014-2020"]


def test_funding_splits_cost_estimates_and_falls_back_to_theme_shares(tiny_graph):
    G = views.co_implementation_graph(tiny_graph)
    # S10003 costs 120 000.50 (half each); R-00001 has no estimate: Teema Yksi's frame
    # 1 000 000 over its two projects = 500 000 (half each); S20001 is unknown.
    assert G.nodes[ALFA]["funding"] == pytest.approx(60000.25 + 250000)
    assert G.nodes[ALFA]["funding_basis"] == "mixed"
    assert (G.nodes[ELY]["funding"], G.nodes[ELY]["funding_basis"]) == (500000.0, "theme share")
    assert (G.nodes[GAMMA]["funding"], G.nodes[GAMMA]["funding_basis"]) == (0.0, "unknown")


def test_bipartite_view_has_projects_as_units_with_roles(tiny_graph):
    B = views.bipartite_graph(tiny_graph)
    projects = {n for n, d in B.nodes(data=True) if d["bipartite"] == 1}
    assert projects == {P(c) for c in ("R-00001", "S10001", "S10003", "S10005", "S20001")}
    assert {n for n, d in B.nodes(data=True) if d["bipartite"] == 0} == {ALFA, BETA, GAMMA, ELY}
    assert B.edges[BETA, P("R-00001")]["roles"] == ["sub-implementer"]
    assert B.nodes[P("S10003")]["cost"] == pytest.approx(120000.5)


def test_theme_organisation_view_counts_projects_per_theme(tiny_graph):
    T = views.theme_organisation_graph(tiny_graph)
    yksi, tl5 = str(ID["theme/teema-yksi"]), str(ID["theme/toimintalinja-5"])
    assert T.nodes[yksi] == {"kind": "theme", "label": "Teema Yksi"}
    assert T.edges[yksi, ALFA]["weight"] == 1 and T.edges[tl5, BETA]["weight"] == 1
    assert set(T[yksi]) == {ALFA, BETA, ELY}


def test_labels_prefer_finnish_and_alt_labels_are_kept():
    g = Graph()
    org, other, project = ID["organisation/x"], ID["organisation/y"], ID["project/S1"]
    for o in (org, other):
        g.add((o, RDF.type, HV.Organisation))
        g.add((project, HV.implementer, o))
    g.add((project, RDF.type, HV.Project))
    g.add((org, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("Stiftelsen X", lang="sv")))
    g.add((org, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("X-säätiö", lang="fi")))
    g.add((org, SKOS.altLabel, Literal("XS")))
    G = views.co_implementation_graph(g)
    assert G.nodes[str(org)]["label"] == "X-säätiö"
    assert G.nodes[str(org)]["alt_labels"] == ["XS"]
    assert G.nodes[str(other)]["label"] == "y"          # no label: the IRI's last part
    assert G.edges[str(org), str(other)]["weight"] == 1


# ------------------------------------------------------------------ the store contract

class ValuesAtEnd:
    """Binds as SPARQLStore and Oxigraph do: a VALUES clause appended to the query text."""

    def __init__(self, run):
        self.run = run

    def select(self, query, bindings=None):
        bindings = dict(bindings or {})
        if bindings:
            names = sorted(bindings)
            query += ("\nVALUES (" + " ".join(f"?{n}" for n in names) + ") { ("
                      + " ".join(bindings[n].n3() for n in names) + ") }")
        return self.run(query)


def _rdflib_run(graph):
    def run(query):
        res = graph.query(query)
        return SelectResult([str(v) for v in res.vars], [tuple(r) for r in res])
    return run


def _oxigraph_run(graph):
    import pyoxigraph as ox
    from rdflib import BNode
    store = ox.Store()
    store.load(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)

    def term(t):
        if t is None:
            return None
        if isinstance(t, ox.NamedNode):
            return URIRef(t.value)
        if isinstance(t, ox.BlankNode):
            return BNode(t.value)
        if t.language:
            return Literal(t.value, lang=t.language)
        return Literal(t.value, datatype=URIRef(t.datatype.value))

    def run(query):
        sols = store.query(query)
        names = [v.value for v in sols.variables]
        return SelectResult(names, [tuple(term(s[n]) for n in names) for s in sols])
    return run


def _oxigraph_store(graph):
    store = OxigraphStore()
    store.load(graph)               # one named graph per source; queries see their union
    return store


class EndpointLike:
    """What an endpoint receives: the query text with a VALUES block (graph.store.bind_values)."""

    def __init__(self, graph):
        self.run = _rdflib_run(graph)

    def select(self, query, bindings=None):
        return self.run(bind_values(query, bindings))


STORES = {"memory": open_store,
          "oxigraph": _oxigraph_store,
          "endpoint-values": EndpointLike,
          "values-at-end": lambda g: ValuesAtEnd(_rdflib_run(g)),
          "pyoxigraph-values-at-end": lambda g: ValuesAtEnd(_oxigraph_run(g))}


@pytest.fixture(params=sorted(STORES))
def store_of(request):
    return STORES[request.param]


@pytest.mark.parametrize("filters", [{}, {"period": "2014-2020"}, {"period": "2021-2027", "theme": "Teema Yksi"},
                                     {"roles": ["sub"]}, {"org_types": ["OtherOrganisation"]}],
                         ids=["none", "period", "period+theme", "role", "type"])
def test_every_store_gives_the_same_networks(tiny_graph, store_of, filters):
    assert len(STORES) >= 5
    expected = views.co_implementation_graph(tiny_graph, **filters)
    G = views.co_implementation_graph(store_of(tiny_graph), **filters)
    assert dict(G.nodes(data=True)) == dict(expected.nodes(data=True))
    assert {tuple(sorted((u, v))): d for u, v, d in G.edges(data=True)} == \
           {tuple(sorted((u, v))): d for u, v, d in expected.edges(data=True)}
    assert G.graph == expected.graph


class Recording:
    def __init__(self, graph):
        self.store, self.calls = open_store(graph), []

    def select(self, query, bindings=None):
        self.calls.append((query, dict(bindings or {})))
        return self.store.select(query, bindings)


def test_a_store_spec_works_as_source(tiny_graph, tmp_path):
    path = tmp_path / "tiny.nt"
    tiny_graph.serialize(path, format="nt", encoding="utf-8")
    G = views.co_implementation_graph(f"memory:{path}", period="2014-2020")
    assert set(G) == {ALFA, BETA}


def test_filter_values_are_bound_never_pasted_into_queries(tiny_graph):
    rec = Recording(tiny_graph)
    views.co_implementation_graph(rec, theme="Teema Yksi", period="2021-2027", org_types=["OtherOrganisation"])
    texts = "\n".join(q for q, _ in rec.calls)
    assert "hankeverkko/id/" not in texts and "2021-2027" not in texts and "Teema" not in texts
    bound = {str(v) for _, b in rec.calls for v in b.values()}
    assert {str(ID["theme/teema-yksi"]), "2021-2027", str(HV.OtherOrganisation), str(HV.implementer)} <= bound
    for query, bindings in rec.calls:       # every bound variable is projected and in a triple pattern
        select = query[query.index("SELECT"):query.index("WHERE")]
        for name in bindings:
            assert f"?{name}" in select, (name, query)
            assert f"?{name} ." in query or f"?{name} }}" in query or f" ?{name} " in query, (name, query)


def test_views_on_the_bundled_corpus(corpus_graph):
    G = views.co_implementation_graph(corpus_graph)
    assert G.number_of_nodes() > 10 and G.number_of_edges() > 0
    assert all(d["weight"] == len(d["projects"]) >= 1 for _, _, d in G.edges(data=True))
    assert not any(str(p) in G.graph["projects"] for p in corpus_graph.subjects(RDF.type, HV.SubProject))
