"""Reading running Finnish prose from PDF text: blocks, sentences, names.

Shared by the programme-guide, project-plan and TL5-list loaders (a sibling
of :mod:`loaders.text`, which holds the line-level helpers).  Pure functions,
no knowledge of any particular document.

* :class:`Vocabulary` (``vocabulary``) decides whether a hyphen at a line
  break is real by looking at how the *same document* spells the word
  elsewhere ('AB-' + 'CD-hanke' -> 'ABCD-hanke' when 'ABCD' is printed unbroken).
* :func:`blocks` (``blocks``) groups lines into paragraphs, list items and
  headings (PDF text often has a blank line after every line, so blank lines
  alone do not separate paragraphs).
* :func:`sentences` (``blocks``) splits a block into sentences without
  breaking after 'esim.', 'mm.' and the like.
* :func:`nominative` (``names``) turns the inflected head word of an
  organisation name into its base form ('Alfan toimiston' -> 'Alfan toimisto').
* ``document``: the line count, running headers and footers, and removing
  contact details from a document's records.

>>> v = Vocabulary(["ABCD-hankkeen tulokset", "sote-keskus"])
>>> v.join(["esimerkki (AB-", "CD-hanke) ja sote-", "keskus"])
'esimerkki (ABCD-hanke) ja sote-keskus'
>>> nominative("Alfalan XY-toimiston")
'Alfalan XY-toimisto'
"""
from hankeverkko.loaders.prose.blocks import BULLET_RE, HEADING_RE, YEARS_RE, Block, blocks, sentences
from hankeverkko.loaders.prose.document import line_count, running_furniture, scrub_contacts
from hankeverkko.loaders.prose.names import ORG_HEAD_RE, acronym_matches, nominative, sentence_case, split_names
from hankeverkko.loaders.prose.vocabulary import Vocabulary

__all__ = ["line_count", "running_furniture", "scrub_contacts", "Vocabulary", "Block", "blocks", "sentences", "nominative", "BULLET_RE",
           "HEADING_RE", "YEARS_RE", "split_names", "ORG_HEAD_RE", "sentence_case",
           "acronym_matches"]
