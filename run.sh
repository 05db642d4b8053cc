#!/bin/sh
# Set up and run minutes-miner on a fresh machine with only Python 3.11+:
#   ./run.sh demo   create .venv, install minutes-miner (pip install .), run the demo
#   ./run.sh test   create .venv, install minutes-miner with test extras, run the test suite
# Each step installs from this repository's own files (pyproject.toml), from PyPI.
set -eu
cd "$(dirname "$0")"
VENV=${VENV:-.venv}
PYTHON=${PYTHON:-$(command -v python3.11 || command -v python3)}

make_venv() {
  [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -m pip --version >/dev/null 2>&1 && return 0
  if ! "$PYTHON" -m venv "$VENV" 2>/dev/null; then
    # Debian's python3 without python3-venv has no ensurepip: make the venv without pip
    # and bootstrap pip from its wheel on PyPI.
    echo "run.sh: ensurepip unavailable; bootstrapping pip from PyPI" >&2
    rm -rf "$VENV"
    "$PYTHON" -m venv --without-pip "$VENV"
    "$VENV/bin/python" - <<'PY'
import json, os, sys, tempfile, urllib.request
index = os.environ.get("PIP_INDEX_URL", "https://pypi.org/simple").rstrip("/")
base = index[: -len("/simple")] if index.endswith("/simple") else "https://pypi.org"
meta = json.load(urllib.request.urlopen(f"{base}/pypi/pip/json"))
wheel = next(u for u in meta["urls"] if u["filename"].endswith(".whl"))
path = os.path.join(tempfile.mkdtemp(), wheel["filename"])
urllib.request.urlretrieve(wheel["url"], path)
sys.path.insert(0, path)
from pip._internal.cli.main import main
sys.exit(main(["install", "--quiet", path]))
PY
  fi
  "$VENV/bin/python" -m pip install --quiet --upgrade pip
}

case "${1:-}" in
  demo)
    make_venv
    "$VENV/bin/python" -m pip install --quiet .
    shift
    exec "$VENV/bin/minutes-miner" demo "$@"
    ;;
  test)
    make_venv
    "$VENV/bin/python" -m pip install --quiet -e ".[test]"
    # pip may reuse an editable wheel cached from another checkout of this project, which
    # would test that checkout's code: rebuild this one's, uncached.
    "$VENV/bin/python" -m pip install --quiet --no-deps --no-cache-dir --force-reinstall -e .
    shift
    # pytest exits 5 when it collects nothing: that is a failure here, never a pass.
    exec "$VENV/bin/python" -m pytest -q "$@"
    ;;
  *)
    echo "usage: ./run.sh demo | ./run.sh test [pytest args]" >&2
    exit 2
    ;;
esac
