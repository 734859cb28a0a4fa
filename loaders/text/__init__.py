"""Shared handling of text extracted from PDFs.

Pure functions: joining lines broken by the PDF extraction, repairing
hyphenation, recognising page furniture (footers, URLs, ``mailto:`` lines),
and reading euros and dates in the forms Finnish programme documents print.

* ``lines``      numbered lines (:class:`Line`, :func:`read_lines`) and whitespace
* ``hyphens``    de-hyphenation and joining line fragments
* ``furniture``  page furniture, URLs, e-mail addresses and phone numbers
* ``euros``      euro amounts
* ``dates``      dates and periods
* ``names``      whether a string reads as an organisation name; splitting lists of names

>>> parse_euros("14 000 000 e")
Decimal('14000000')
>>> parse_euros("9,9 M€")
Decimal('9900000.0')
>>> parse_euros("1,4 milj. €")
Decimal('1400000.0')
>>> parse_date("1.9.2024")
datetime.date(2024, 9, 1)
>>> join_broken(["Diakonia-", "ammattikorkeakoulu Oy"])
'Diakonia-ammattikorkeakoulu Oy'
>>> join_broken(["Kivi-", "ammattikorkeakoulu"])
'Kivi-ammattikorkeakoulu'
>>> join_broken(["kehittämis-", "hankkeita"])
'kehittämishankkeita'
"""
from hankeverkko.loaders.text.dates import DATE_RE, PERIOD_RE, parse_date, parse_period, parse_period_loose
from hankeverkko.loaders.text.euros import parse_euros
from hankeverkko.loaders.text.furniture import (EMAIL_RE, PHONE_RE, URL_RE, is_noise, is_page_furniture, is_url,
                                                strip_contact_details)
from hankeverkko.loaders.text.hyphens import dehyphenate, join_broken, repair_hyphen_spaces
from hankeverkko.loaders.text.lines import Line, normalise_space, read_lines
from hankeverkko.loaders.text.names import looks_like_org, split_names

__all__ = [
    "Line", "read_lines", "normalise_space", "join_broken", "dehyphenate",
    "is_noise", "is_url", "URL_RE", "EMAIL_RE", "PHONE_RE", "strip_contact_details",
    "parse_euros", "parse_date", "parse_period", "DATE_RE", "PERIOD_RE",
    "repair_hyphen_spaces", "is_page_furniture", "parse_period_loose",
    "looks_like_org", "split_names",
]
