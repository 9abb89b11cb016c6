"""uvicorn's HTTP/1.1 protocol with a time limit on reading a request's headers.

uvicorn times out an idle kept-alive connection, but not one that sends its
headers a byte at a time: 300 such connections stayed open for as long as
their senders liked and took the descriptors the server needed. Here a
connection whose request headers are not complete within `header_timeout`
seconds of its opening (or of the previous response) is closed.
"""
from __future__ import annotations

from uvicorn.protocols.http.h11_impl import H11Protocol


def protocol_with_header_timeout(header_timeout: float) -> type:
    """The protocol class to give uvicorn (`uvicorn.Config(http=...)`)."""

    class HeaderTimeoutProtocol(H11Protocol):
        def connection_made(self, transport) -> None:
            super().connection_made(transport)
            self.lintnews_header_timer = None
            self._arm_header_timer()

        def _arm_header_timer(self) -> None:
            self._cancel_header_timer()
            self.lintnews_header_timer = self.loop.call_later(header_timeout, self._headers_too_slow)

        def _cancel_header_timer(self) -> None:
            timer = getattr(self, "lintnews_header_timer", None)
            if timer is not None:
                timer.cancel()
                self.lintnews_header_timer = None

        def _headers_too_slow(self) -> None:
            self.lintnews_header_timer = None
            if not self.transport.is_closing():
                self.transport.close()

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            if self.cycle is not None and not self.cycle.response_complete:
                self._cancel_header_timer()  # the headers are in: the request's own time limit applies

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if not self.transport.is_closing() and (self.cycle is None or self.cycle.response_complete):
                self._arm_header_timer()

        def connection_lost(self, exc) -> None:
            self._cancel_header_timer()
            super().connection_lost(exc)

    return HeaderTimeoutProtocol
