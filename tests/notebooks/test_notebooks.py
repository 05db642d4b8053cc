"""The notebooks run (executed, not just present) on the demo database."""
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"


def outputs_text(nb) -> str:
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            parts.append(out.get("text", ""))
            parts.append(out.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


def test_concern_trends_notebook(demo, monkeypatch):
    monkeypatch.setenv("MINUTES_MINER_DB", str(demo.db))
    monkeypatch.delenv("CONCERN_COMMITTEE", raising=False)
    nb = nbformat.read(NOTEBOOKS / "concern_trends.ipynb", as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(demo.db.parent)}}).execute()
    text = outputs_text(nb)
    # The CS O&S committee has the most meetings: nine with minutes (STORY.md; 4415 cancelled, 4420 unpublished).
    assert "Children's Services Overview and Scrutiny Committee: 9 meetings" in text
    assert "gaining attention:" in text and "fading:" in text
    assert "members who raised it:" in text and "Councillor" in text
    assert any(o.get("data", {}).get("image/png") for c in nb.cells for o in c.get("outputs", []))
