"""HTTP for endpoints and the Graph Store Protocol: one request with basic
auth from the environment (:data:`USER_VAR`, :data:`PASSWORD_VAR`; never
options or files), its errors as :class:`StoreError` or :class:`QueryError`."""
from __future__ import annotations

import base64
import os
import socket
import urllib.error
import urllib.parse
import urllib.request
from typing import Mapping, Optional

from hankeverkko.graph.errors import QueryError, StoreError

__all__ = ["PASSWORD_VAR", "USER_VAR", "credentials", "http_request"]


#: environment variables holding endpoint credentials (never options or files)
USER_VAR, PASSWORD_VAR = "HANKEVERKKO_SPARQL_USER", "HANKEVERKKO_SPARQL_PASSWORD"


def credentials() -> Optional[tuple[str, str]]:
    """(user, password) from HANKEVERKKO_SPARQL_USER / _PASSWORD, or None."""
    user, password = os.environ.get(USER_VAR), os.environ.get(PASSWORD_VAR)
    if not user and not password:
        return None
    if not (user and password):
        raise StoreError(f"set both {USER_VAR} and {PASSWORD_VAR} (or neither)")
    return user, password


def http_request(url: str, method: str, body: Optional[bytes], headers: Mapping[str, str],
                 timeout: float, what: str) -> bytes:
    """One HTTP request with basic auth from the environment; errors become StoreError."""
    headers = dict(headers)
    cred = credentials()
    if cred:
        headers["Authorization"] = "Basic " + base64.b64encode(f"{cred[0]}:{cred[1]}".encode()).decode("ascii")
    req = urllib.request.Request(url, data=body, headers=headers, method=method)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.read()
    except urllib.error.HTTPError as e:
        detail = e.read(2000).decode("utf-8", "replace").strip().splitlines()
        first = detail[0][:300] if detail else e.reason
        if e.code in (401, 403):
            raise StoreError(f"{what} {url} refused access (HTTP {e.code}); set {USER_VAR} and "
                             f"{PASSWORD_VAR}") from e
        if e.code == 400 and method == "POST" and headers.get("Content-Type") == "application/sparql-query":
            raise QueryError(f"{what} {url} rejected the query: {first}") from e
        raise StoreError(f"{what} {url} answered HTTP {e.code}: {first}") from e
    except (urllib.error.URLError, socket.timeout, TimeoutError, ConnectionError) as e:
        reason = getattr(e, "reason", e)
        raise StoreError(f"cannot reach {what} {url}: {reason} (timeout {timeout:g} s)") from e
    except ValueError as e:  # malformed URL
        raise StoreError(f"{url!r} is not a usable URL: {e}") from e
