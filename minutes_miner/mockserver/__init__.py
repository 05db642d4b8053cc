"""A mock ModernGov server for tests and the demo, rendering a fictional council from data.

    from minutes_miner.mockserver import serve, sample_site
    with serve(sample_site()) as server:
        print(server.base_url)   # http://127.0.0.1:<port>/moderngov/

serve() options (any path prefix, web service off, faults, ETags, a per-request delay) are
described in `server.py`; `synthetic.py` generates a large council.
"""
from minutes_miner.mockserver.server import Fault, MockServer, sample_site, serve
from minutes_miner.mockserver.site import (
    Attendee,
    Committee,
    Document,
    Item,
    Meeting,
    Member,
    Site,
    load_site,
)

__all__ = [
    "Attendee", "Committee", "Document", "Fault", "Item", "Meeting", "Member", "MockServer", "Site",
    "load_site", "sample_site", "serve",
]
