"""The report's words in Finnish (default) and English: one catalogue, nothing scattered.

>>> text("fi", "projects"), text("en", "projects")
('Hankkeet', 'Projects')
>>> role_label("fi", "https://w3id.org/hankeverkko/ontology#MainImplementerRole")
'päätoteuttaja'
"""
from __future__ import annotations

__all__ = ["LANGUAGES", "MESSAGES", "text", "role_label"]

LANGUAGES = ("fi", "en")

MESSAGES: dict[str, dict[str, str]] = {
    "fi": {
        "title_all": "Hankeverkko: koko aineisto",
        "title_theme": "Teema: {name}",
        "title_org": "Organisaatio: {name}",
        "title_period": "Ohjelmakausi {name}",
        "generated": "Koottu aineistosta ({date}) hankeverkko-työkalulla. Lähteet: {sources}.",
        "headline": "Tunnusluvut",
        "n_projects": "hanketta", "n_organisations": "organisaatiota", "n_partnerships": "kumppanuutta",
        "n_themes": "teemaa", "money": "kustannusarviot yhteensä", "money_note":
            "{known} hankkeella {total} kustannusarvio; muiden summa ei ole lähteissä.",
        "frame": "teeman rahoituskehys",
        "projects": "Hankkeet",
        "col_code": "Tunnus", "col_project": "Hanke", "col_implementers": "Toteuttajat ja roolit",
        "col_cost": "Kustannusarvio", "col_source": "Lähde", "col_theme": "Teema",
        "col_organisation": "Organisaatio", "col_type": "Tyyppi", "col_partners": "Kumppaneita",
        "col_shared": "Yhteishankkeita",
        "line": "rivi {line}",
        "leading": "Keskeiset organisaatiot",
        "leading_note": "Järjestetty yhteishankkeiden mukaan (kumppanien kanssa jaetut hankkeet yhteensä).",
        "clusters": "Yhteistyöryhmät",
        "cluster_line": "{size} organisaatiota; {inner} kumppanuutta ryhmän sisällä; pääteema: {theme}.",
        "cluster_no_theme": "{size} organisaatiota; {inner} kumppanuutta ryhmän sisällä.",
        "clusters_note": "Louvain-ryhmittely (siemen {seed}); ryhmä nimetään kahden keskeisimmän jäsenen ja "
                         "yleisimmän teeman mukaan.",
        "map": "Yhteistyöverkosto (interaktiivinen)",
        "figure": "Yhteistyöverkosto (kuva)",
        "figure_alt": "Yhteistyöverkoston kuva: {title}",
        "sources": "Lähdeasiakirjat",
        "none": "Ei hankkeita näillä rajauksilla.",
        "unknown": "ei tiedossa",
    },
    "en": {
        "title_all": "Hankeverkko: the whole graph",
        "title_theme": "Theme: {name}",
        "title_org": "Organisation: {name}",
        "title_period": "Programme period {name}",
        "generated": "Compiled from the data ({date}) with hankeverkko. Sources: {sources}.",
        "headline": "Headline figures",
        "n_projects": "projects", "n_organisations": "organisations", "n_partnerships": "partnerships",
        "n_themes": "themes", "money": "cost estimates in total", "money_note":
            "{known} of {total} projects have a cost estimate; the others' sums are not in the sources.",
        "frame": "theme funding frame",
        "projects": "Projects",
        "col_code": "Code", "col_project": "Project", "col_implementers": "Implementers and roles",
        "col_cost": "Cost estimate", "col_source": "Source", "col_theme": "Theme",
        "col_organisation": "Organisation", "col_type": "Type", "col_partners": "Partners",
        "col_shared": "Shared projects",
        "line": "line {line}",
        "leading": "Leading organisations",
        "leading_note": "Ranked by shared projects (projects shared with partners, summed over partners).",
        "clusters": "Collaboration clusters",
        "cluster_line": "{size} organisations; {inner} partnerships inside the cluster; main theme: {theme}.",
        "cluster_no_theme": "{size} organisations; {inner} partnerships inside the cluster.",
        "clusters_note": "Louvain clustering (seed {seed}); a cluster is named by its two leading members "
                         "and its most common theme.",
        "map": "Collaboration network (interactive)",
        "figure": "Collaboration network (figure)",
        "figure_alt": "Figure of the collaboration network: {title}",
        "sources": "Source documents",
        "none": "No projects under these filters.",
        "unknown": "unknown",
    },
}

#: hv role concepts (local names) -> words
_ROLES = {
    "fi": {"MainImplementerRole": "päätoteuttaja", "SubImplementerRole": "osatoteuttaja",
           "ImplementerRole": "toteuttaja", "ApplicantRole": "hakija", "AdministratorRole": "hallinnoija",
           "PartnerRole": "kumppani", "PilotRole": "pilottikunta", "SteeringRole": "ohjausryhmän jäsen",
           "AgencyRole": "virasto", "MinistryRole": "ministeriö",
           "main implementer": "päätoteuttaja", "sub-implementer": "osatoteuttaja", "implementer": "toteuttaja",
           "applicant": "hakija", "administrator": "hallinnoija", "partner": "kumppani",
           "pilot municipality": "pilottikunta", "steering group member": "ohjausryhmän jäsen"},
    "en": {"MainImplementerRole": "main implementer", "SubImplementerRole": "sub-implementer",
           "ImplementerRole": "implementer", "ApplicantRole": "applicant", "AdministratorRole": "administrator",
           "PartnerRole": "partner", "PilotRole": "pilot municipality", "SteeringRole": "steering group member",
           "AgencyRole": "agency", "MinistryRole": "ministry"},
}


def text(lang: str, key: str, **values) -> str:
    """The message ``key`` in ``lang`` with ``values`` filled in."""
    return MESSAGES[lang][key].format(**values) if values else MESSAGES[lang][key]


def role_label(lang: str, role: str) -> str:
    """Words for a role given as an IRI of a role concept or as the views' English words."""
    key = str(role).rsplit("#", 1)[-1]
    return _ROLES[lang].get(key, _ROLES[lang].get(str(role), str(role)))
