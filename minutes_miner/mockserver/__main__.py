"""python -m minutes_miner.mockserver [--port N] [--dir DIR | --synthetic N] [--base-path P]
[--no-web-service] [--conditional] [--delay S]: serve a council until Ctrl-C."""
from __future__ import annotations

import argparse
import signal
import time
from pathlib import Path

from minutes_miner.mockserver.server import sample_site, serve
from minutes_miner.mockserver.site import load_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m minutes_miner.mockserver",
                                     description="Serve a fictional council's ModernGov site on loopback.")
    parser.add_argument("--port", type=int, default=8765, help="port on 127.0.0.1 (0 = any free port; default 8765)")
    parser.add_argument("--base-path", default="/moderngov/", help="path prefix of the install ('/' for none)")
    parser.add_argument("--dir", type=Path, default=None, help="a council directory in the sample-council format")
    parser.add_argument("--synthetic", type=int, default=None, metavar="MEETINGS",
                        help="serve a generated council with about this many meetings instead")
    parser.add_argument("--no-web-service", dest="web_service", action="store_false",
                        help="answer mgWebService.asmx with 404, as installs that switched it off do")
    parser.add_argument("--conditional", action="store_true", help="send ETag/Last-Modified for documents")
    parser.add_argument("--delay", type=float, default=0.0, help="seconds to wait before each response")
    args = parser.parse_args(argv)
    if args.synthetic:
        from minutes_miner.mockserver.synthetic import synthetic_site

        site = synthetic_site(meetings=args.synthetic)
    else:
        site = load_site(args.dir) if args.dir else sample_site()
    server = serve(site, port=args.port, base_path=args.base_path, web_service=args.web_service,
                   conditional=args.conditional, delay=args.delay)
    print(f"Serving {site.council_name} at {server.base_url}", flush=True)
    print(f"  committees: {server.base_url}mgListCommittees.aspx", flush=True)
    print(f"  web service: {server.base_url}mgWebService.asmx/GetCommittees", flush=True)
    print("Press Ctrl-C to stop.", flush=True)

    def _stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _stop)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
