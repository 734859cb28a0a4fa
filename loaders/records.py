"""Plain records that every loader returns, with provenance; no RDF here.

A loader reads one source document (or spreadsheet) and returns a
:class:`SourceDocument` holding the programmes, themes, projects,
organisations, concepts, statutes and relations it found.  Every record
carries a :class:`Span` (file name and 1-based line range) so that the graph
can say where each fact comes from.

Organisations are referred to by the name *as printed* (PDF hyphenation and
whitespace already repaired); turning names into one node per real
organisation is the job of ``hankeverkko.graph.identity``, not of the loaders.

Roles of an organisation in a project (``Participation.role``):

==============  =============================================================
``main``        päätoteuttaja / päähankkeen toteuttaja
``sub``         osatoteuttaja / osahankkeen toteuttaja
``implementer`` listed as toteuttaja without a main/sub distinction
``applicant``   hakija (an implementer)
``administrator`` hankehallinnoija (a main implementer)
``partner``     yhteistyökumppani (not an implementer)
``pilot``       pilot municipality of a project plan (not an implementer)
``steering``    member of a project's steering group (not an implementer)
==============  =============================================================
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Optional

__all__ = [
    "ROLES", "IMPLEMENTER_ROLES", "PROJECT_KINDS", "EVIDENCE",
    "Span", "Skipped", "Participation", "Funding", "Contact", "OrgMention",
    "Project", "Theme", "Programme", "Concept", "Statute", "Relation",
    "Reading", "SourceDocument",
]

ROLES = ("main", "sub", "implementer", "applicant", "administrator",
         "partner", "pilot", "steering")
#: roles that make an organisation an implementer (``hv:implementer``)
IMPLEMENTER_ROLES = ("main", "sub", "implementer", "applicant", "administrator")
PROJECT_KINDS = ("coordination", "group", "single", "sub")
#: how a participation is known (``Participation.evidence``): a project-list entry,
#: a labelled field of a project card, a labelled field of a decision/form, running prose
EVIDENCE = ("list", "card_field", "form_field", "prose")


@dataclass(frozen=True, order=True)
class Span:
    """Where a fact was read: source file name and 1-based inclusive lines."""
    source: str
    first: int
    last: int

    def __post_init__(self):
        if self.first < 1 or self.last < self.first:
            raise ValueError(f"bad line span {self.first}-{self.last} in {self.source}")


@dataclass(frozen=True)
class Skipped:
    """A line the loader saw but could not use, with the reason.

    ``looks_like_entry`` marks lines that resemble a project-list entry
    (a code, 'Toteuttaja', 'Hakija'): ``build`` lists them so nothing is
    silently lost.
    """
    source: str
    line: int
    text: str
    reason: str
    looks_like_entry: bool = False


@dataclass(frozen=True)
class Participation:
    """An organisation's role in a project.

    ``code`` is the sub-project code printed with the organisation in a
    group project (e.g. an S-code row under an R-code); the builder turns it
    into its own sub-project.
    """
    organisation: str
    role: str
    code: Optional[str] = None
    line: Optional[int] = None
    business_id: Optional[str] = None
    evidence: str = "list"              # one of EVIDENCE

    def __post_init__(self):
        if self.role not in ROLES:
            raise ValueError(f"unknown role {self.role!r}; expected one of {ROLES}")
        if self.evidence not in EVIDENCE:
            raise ValueError(f"unknown evidence {self.evidence!r}; expected one of {EVIDENCE}")


@dataclass(frozen=True)
class Funding:
    """Theme funding in euros (EU + state), as printed; ``None`` where silent."""
    frame: Optional[Decimal] = None        # a) julkinen rahoituskehys
    reserved: Optional[Decimal] = None     # b) varaukset
    committed: Optional[Decimal] = None    # c) sidotut valtuudet
    paid: Optional[Decimal] = None         # d) maksetut kustannukset


@dataclass(frozen=True)
class Contact:
    """A named official. Never reaches default outputs (names are opt-in;
    e-mail addresses and phone numbers are never kept at all)."""
    person: str
    title: Optional[str]
    organisation: Optional[str]
    kind: str  # coordination | funder | ministry | other
    line: Optional[int] = None


@dataclass(frozen=True)
class OrgMention:
    """An organisation named by the document, with what it says about it.

    ``expanded`` is the full name where the document spells out an
    abbreviation; ``role`` a free-text role it states (e.g. in a programme).
    """
    name: str
    span: Span
    expanded: Optional[str] = None
    role: Optional[str] = None
    business_id: Optional[str] = None
    org_type: Optional[str] = None      # organisation type as printed ('Kunta', 'Osakeyhtiö')


@dataclass
class Project:
    name: str
    span: Span
    code: Optional[str] = None          # EURA code as printed
    acronym: Optional[str] = None
    kind: str = "single"                # coordination | group | single | sub
    parent: Optional[str] = None        # code or name of the group project
    start: Optional[_dt.date] = None
    end: Optional[_dt.date] = None
    cost_estimate: Optional[Decimal] = None
    section: Optional[str] = None       # sisältöosio / sub-heading
    urls: list[str] = field(default_factory=list)
    participants: list[Participation] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)      # theme names
    programme: Optional[str] = None
    outputs: list[str] = field(default_factory=list)     # tools, models produced
    description: Optional[str] = None
    period: Optional[str] = None        # years as printed ('2017-2018') where no dates are given
    fund: Optional[str] = None          # ESR | EAKR | ESR+ ... as the document or code says
    status: Optional[str] = None        # 'Toiminnan tila' as printed
    funding_authority: Optional[str] = None   # Vastuuviranomainen / the granting authority, as printed
    priority_axis: Optional[str] = None       # Toimintalinja as printed
    specific_objective: Optional[str] = None  # Erityistavoite as printed
    #: euros as printed: keys public | eu | state | eu_state | total
    funding: dict[str, Decimal] = field(default_factory=dict)

    def __post_init__(self):
        if self.kind not in PROJECT_KINDS:
            raise ValueError(f"unknown project kind {self.kind!r}; expected one of {PROJECT_KINDS}")


@dataclass
class Theme:
    """A national theme, or a programme's measure package (``kind``)."""
    name: str
    span: Span
    programme: Optional[str] = None
    kind: str = "theme"                 # theme | measure_package
    period: Optional[str] = None        # as printed
    start: Optional[_dt.date] = None
    end: Optional[_dt.date] = None
    ministries: list[str] = field(default_factory=list)  # full names
    funding: Funding = field(default_factory=Funding)
    coordination_projects: list[str] = field(default_factory=list)  # project names or codes
    funders: list[str] = field(default_factory=list)     # ELY centres acting as funding authority
    contacts: list[Contact] = field(default_factory=list)
    target_groups: list[str] = field(default_factory=list)
    budget: Optional[Decimal] = None
    description: Optional[str] = None


@dataclass
class Programme:
    name: str
    span: Span
    period: Optional[str] = None
    start: Optional[_dt.date] = None
    end: Optional[_dt.date] = None
    ministries: list[str] = field(default_factory=list)
    budget: Optional[Decimal] = None
    related_programmes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Concept:
    """A glossary term (skos:Concept) with its Finnish definition."""
    label: str
    definition: str
    span: Span
    scheme: Optional[str] = None


@dataclass(frozen=True)
class Statute:
    number: str        # e.g. '1301/2014'
    title: Optional[str]
    span: Span


@dataclass(frozen=True)
class Relation:
    """Any other stated fact: ``subject predicate object``.

    ``subject_type``/``object_type`` are one of project, organisation,
    programme, theme, statute; predicates used by the builder include
    ``related_project`` (with ``detail`` saying how), ``funds``,
    ``runs`` (an agency running a programme), ``cites`` (statute).
    """
    subject: str
    subject_type: str
    predicate: str
    object: str
    object_type: str
    span: Span
    detail: Optional[str] = None


@dataclass(frozen=True)
class Reading:
    """How a file was read: its format (text, pdf, html, docx, xlsx, csv),
    the text encoding, what extraction noted (dropped page furniture ...) and
    each kind's detection score, best first; ``forced`` when ``--kind`` chose."""
    format: str = "text"
    encoding: Optional[str] = None
    notes: tuple[str, ...] = ()
    scores: tuple[tuple[str, int], ...] = ()
    forced: bool = False

    @property
    def margin(self) -> Optional[float]:
        """How many times the best kind's score is the runner-up's (``None``
        when only one kind scored)."""
        positive = [s for _, s in self.scores if s > 0]
        if len(positive) < 2:
            return None
        return round(positive[0] / positive[1], 1)


@dataclass
class SourceDocument:
    """Everything one loader read from one file."""
    path: str                            # file name as given
    kind: str                            # loader kind, e.g. 'theme-review'
    title: Optional[str] = None
    publisher: Optional[str] = None
    year: Optional[int] = None
    line_count: int = 0
    programmes: list[Programme] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    organisations: list[OrgMention] = field(default_factory=list)
    concepts: list[Concept] = field(default_factory=list)
    statutes: list[Statute] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    #: project-list lines the loader used (for coverage reporting)
    used_list_lines: int = 0
    #: how the file was read and why this kind was chosen
    reading: Reading = field(default_factory=Reading)
    #: SHA-256 of the file's bytes (hex), set by the build; it makes the source's IRI unique
    sha256: Optional[str] = None

    @property
    def name(self) -> str:
        import os.path
        return os.path.basename(self.path)
