"""A plain `pip install .` must give a working demo: the wheel carries the sample council and models."""
import subprocess
import sys
import zipfile
from pathlib import Path

from paths import REPO


def test_wheel_carries_sample_council_models_and_entry_point(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path)], check=True, capture_output=True)
    (wheel,) = tmp_path.glob("minutes_miner-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "minutes_miner/_bundled/sample-council/council.json" in names
    assert any(n.startswith("minutes_miner/_bundled/sample-council/documents/") and n.endswith(".pdf") for n in names)
    assert "minutes_miner/_bundled/models/README.md" in names
    assert "minutes_miner/store/migrations/001_initial.sql" in names
    assert any(n.startswith("minutes_miner/nlp/data/") for n in names)
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "minutes-miner = minutes_miner.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_the_package_under_test_is_this_checkout():
    # A stale editable install would run another checkout's code and hide this one's bugs.
    import minutes_miner

    assert REPO.resolve() in Path(minutes_miner.__file__).resolve().parents
