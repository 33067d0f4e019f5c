"""habanero over acurefs's HTTP client, and habanero's failures read back.

habanero 2.x sends every request through the module-level ``httpx2.get``: a new
connection per request, the answer's headers thrown away, no Crossref Plus token.
:func:`bind_habanero` runs habanero's own ``request`` function with its ``httpx2``
name bound to a ``get`` of ours (nothing global is patched), so its requests go
through the adapter's pooled client, whose transport tests and programs replace.
:func:`classify` reads the status, ``Retry-After`` and a one-line description
from whatever habanero or httpx2 raised.
"""

from __future__ import annotations

import json
import types
from collections.abc import Callable
from typing import Any

import habanero
import habanero.exceptions
import habanero.request
import httpx2

from ...errors import ConfigError
from ..retry import retry_after


class _Httpx2Module:
    """Stands in for the ``httpx2`` module inside habanero's request function."""

    HTTPStatusError = httpx2.HTTPStatusError
    HTTPError = httpx2.HTTPError
    ConnectTimeout = httpx2.ConnectTimeout

    def __init__(self, get: Callable[..., httpx2.Response]) -> None:
        self.get = get


def bind_habanero(get: Callable[..., httpx2.Response]) -> Callable[..., Any]:
    """habanero's ``request`` function, with its ``httpx2`` name bound to ``get``."""
    original = habanero.request.request
    if "httpx2" not in original.__code__.co_names:  # pragma: no cover - guards a habanero upgrade
        raise ConfigError(
            f"habanero {habanero.__version__} no longer sends requests through httpx2.get; "
            "acurefs needs a habanero 2.x release"
        )
    namespace = dict(original.__globals__)
    namespace["httpx2"] = _Httpx2Module(get)
    bound = types.FunctionType(
        original.__code__, namespace, original.__name__, original.__defaults__, original.__closure__
    )
    bound.__kwdefaults__ = original.__kwdefaults__
    return bound


def classify(exc: BaseException) -> tuple[int | None, float | None, str]:
    """(HTTP status or None, Retry-After seconds or None, a one-line description)."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and len(chain) < 5:
        chain.append(current)
        current = current.__cause__ or current.__context__
    for item in chain:
        if isinstance(item, httpx2.HTTPStatusError):
            response = item.response
            return (
                response.status_code,
                retry_after(response.headers),
                f"HTTP {response.status_code}",
            )
    for item in chain:
        if isinstance(item, habanero.exceptions.RequestError):
            status = int(item.status_code) if str(item.status_code).isdigit() else None
            if status == 200:
                return None, None, f"an answer that is not JSON ({str(item.error)[:80]})"
            return status, None, f"HTTP {status}: {str(item.error)[:120]}"
    for item in chain:
        if isinstance(item, httpx2.TimeoutException):
            return None, None, "timed out"
        if isinstance(item, httpx2.HTTPError):
            return None, None, f"connection failed ({type(item).__name__})"
        if isinstance(item, json.JSONDecodeError):
            return None, None, "malformed JSON"
    return None, None, f"{type(exc).__name__}: {exc}"[:160]
