"""Where bundled data lives: inside the wheel (minutes_miner/_bundled) or, in a source
checkout / editable install, at the repository root (corpora/, models/)."""
from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
_BUNDLED = PACKAGE_DIR / "_bundled"
_REPO_ROOT = PACKAGE_DIR.parent


def _find(bundled_name: str, repo_relative: str) -> Path:
    for candidate in (_BUNDLED / bundled_name, _REPO_ROOT / repo_relative):
        if candidate.exists():
            return candidate
    raise FileNotFoundError(
        f"bundled data '{bundled_name}' not found in {_BUNDLED} or {_REPO_ROOT / repo_relative}; "
        "reinstall minutes-miner (pip install .) from a complete checkout"
    )


def sample_council_dir() -> Path:
    return _find("sample-council", "corpora/sample-council")


def models_dir() -> Path:
    return _find("models", "models")


def package_data(*parts: str) -> Path:
    """A data file shipped inside the package (rule patterns, taxonomy, templates, migrations)."""
    return PACKAGE_DIR.joinpath(*parts)
