"""HTTP requests retried with back-off when the failure is transient.

:func:`request_with_retry` wraps :func:`graph.sparql.store.http_request`:

* transient failures are retried a bounded number of times, waiting
  ``backoff``, ``2 * backoff``, ``4 * backoff`` ... seconds: connection
  refused or reset, a timeout, a broken HTTP response, HTTP 5xx;
* everything else (HTTP 4xx: bad data, no access, no such graph; a malformed
  URL) fails at once;
* the error after the last try is the :class:`~graph.errors.StoreError` of
  that try, its message saying how many tries were made.

>>> is_transient(StoreError("x"))
False
>>> backoff_delays(3, 0.5)
[0.5, 1.0, 2.0]
"""
from __future__ import annotations

import http.client
import socket
import time
import urllib.error
from typing import Callable, Mapping, Optional

from hankeverkko.graph.errors import StoreError
from hankeverkko.graph.sparql.http_client import http_request

__all__ = ["request_with_retry", "is_transient", "http_status", "backoff_delays",
           "DEFAULT_RETRIES", "DEFAULT_BACKOFF"]

#: retries after the first try (so 4 tries in all)
DEFAULT_RETRIES = 3
#: seconds before the first retry; doubled before each further one
DEFAULT_BACKOFF = 0.5

_TRANSIENT_OS = (ConnectionError, socket.timeout, TimeoutError)


def backoff_delays(retries: int, backoff: float) -> list[float]:
    """Seconds to wait before each retry."""
    return [backoff * 2 ** i for i in range(retries)]


def http_status(error: BaseException) -> Optional[int]:
    """The HTTP status behind a StoreError from ``http_request``, or None."""
    cause = error.__cause__
    return cause.code if isinstance(cause, urllib.error.HTTPError) else None


def is_transient(error: BaseException) -> bool:
    """True when trying the same request again may succeed."""
    status = http_status(error)
    if status is not None:
        return status >= 500
    cause = error.__cause__
    if isinstance(cause, urllib.error.URLError):
        cause = cause.reason
    return isinstance(cause, _TRANSIENT_OS + (http.client.HTTPException,))


def request_with_retry(url: str, method: str, body: Optional[bytes], headers: Mapping[str, str],
                       timeout: float, what: str, retries: int = DEFAULT_RETRIES,
                       backoff: float = DEFAULT_BACKOFF, sleep: Callable[[float], None] = time.sleep,
                       on_retry: Optional[Callable[[str], None]] = None) -> bytes:
    """``http_request`` tried up to ``retries + 1`` times while failures are transient."""
    if retries < 0:
        raise StoreError(f"retries must be 0 or more, not {retries}")
    delays = backoff_delays(retries, backoff)
    for attempt in range(retries + 1):
        try:
            try:
                return http_request(url, method, body, headers, timeout, what)
            except http.client.HTTPException as e:  # a broken response: http_request lets these through
                raise StoreError(f"{what} {url} sent a broken HTTP response: {type(e).__name__}: {e}") from e
        except StoreError as e:
            if not is_transient(e) or attempt == retries:
                if attempt:
                    raise StoreError(f"{e} (after {attempt + 1} tries)") from e.__cause__
                raise
            if on_retry:
                on_retry(f"{e}; trying again in {delays[attempt]:g} s")
            sleep(delays[attempt])
    raise AssertionError("unreachable")  # pragma: no cover
