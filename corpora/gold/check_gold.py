"""Validate a gold split (no NLP): every document, every JSONL line, every field.

    python corpora/gold/check_gold.py corpora/gold/dev [corpora/gold/test ...] [--json]

For each `<council>/<stem>.jsonl` the document is the one file `<stem>.{txt,html,htm,xml,pdf}`
beside it (a `<stem>.pdf.txt` is the source of `<stem>.pdf`, not a document). Its text is taken
as `minutes_miner.inputs.read_file` extracts it, whitespace-collapsed, and each line is checked
against the format and conventions in corpora/gold/README.md:

- fields present and typed; `act`, `speaker_kind` and `concerns` from the allowed sets (concern
  labels from minutes_miner/nlp/data/concerns.json);
- `quote` found exactly once in the text, inside the item named by `item`, not overlapping
  another line's quote, lines in document order;
- `answers` null except on answers, and then the exact `quote` of an earlier question line in
  the same item;
- speaker, key and kind consistent (null together with `unknown`; the key is the lower-case
  surname of a named speaker or the role without its article; one speaker per key per document);
- `section` and `co_speakers` printed in the document; every council has a STYLE.md.

Prints the problems (file:line: message) and a summary of sizes; exits 1 if there are problems.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from minutes_miner.errors import MinutesMinerError

ACTS = ("question", "answer", "concern", "request", "commitment", "welcome", "resolution", "statement")
KINDS = ("member", "officer", "cabinet_member", "chair", "group", "external", "unknown")
DOCUMENT_SUFFIXES = (".txt", ".html", ".htm", ".xml", ".pdf")
REQUIRED = {"item": (str, type(None)), "quote": (str,), "speaker": (str, type(None)), "speaker_key": (str, type(None)),
            "speaker_kind": (str,), "act": (str,), "answers": (str, type(None)), "concerns": (list,)}
OPTIONAL = {"section": (str, type(None)), "co_speakers": (list, type(None))}
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


def concern_labels() -> set[str]:
    import minutes_miner

    path = Path(minutes_miner.__file__).resolve().parent / "nlp" / "data" / "concerns.json"
    return {k for k in json.loads(path.read_text(encoding="utf-8")) if not k.startswith("_")}


def collapse(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


@dataclass
class ItemSpan:
    number: str | None
    title: str | None
    start: int
    end: int


@dataclass
class DocumentText:
    text: str  # items' text joined by " | ", whitespace-collapsed
    items: list[ItemSpan]

    def item_at(self, offset: int) -> ItemSpan | None:
        return next((i for i in self.items if i.start <= offset < i.end), None)


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    councils: set[str] = field(default_factory=set)
    documents: Counter = field(default_factory=Counter)  # by input kind
    statements: int = 0
    acts: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)
    concerns: Counter = field(default_factory=Counter)
    paired_answers: int = 0

    def summary(self) -> dict:
        return {"councils": sorted(self.councils), "documents": dict(sorted(self.documents.items())),
                "statements": self.statements, "questions": self.acts["question"], "paired_answers": self.paired_answers,
                "acts": dict(sorted(self.acts.items())), "kinds": dict(sorted(self.kinds.items())),
                "concerns": dict(sorted(self.concerns.items())), "problems": len(self.problems)}


def document_text(path: Path) -> DocumentText:
    """The text the NLP stage sees: read_file's items, each whitespace-collapsed."""
    from minutes_miner.inputs import read_file

    content = read_file(path)
    if content.minutes is None:
        raise ValueError(f"read_file found no minutes in it (read as {content.kind})")
    parts, items, offset = [], [], 0
    for item in content.minutes.items:
        text = collapse(item.text or "")
        items.append(ItemSpan(item.number, item.title, offset, offset + len(text)))
        parts.append(text)
        offset += len(text) + 3
    return DocumentText(" | ".join(parts), items)


def occurrences(text: str, quote: str) -> list[int]:
    found, start = [], text.find(quote)
    while start != -1:
        found.append(start)
        start = text.find(quote, start + 1)
    return found


def document_for(jsonl: Path) -> list[Path]:
    stem = jsonl.name[: -len(".jsonl")]
    return [jsonl.with_name(stem + s) for s in DOCUMENT_SUFFIXES if jsonl.with_name(stem + s).exists()]


def _key_fits(speaker: str, key: str) -> bool:
    role = _ARTICLE.sub("", speaker).lower()
    surname = re.sub(r"[^\w'’-]", "", speaker.split()[-1]).lower() if speaker.split() else ""
    return key in (role, surname)


def check_line(n: int, line: dict, labels: set[str], where: str) -> list[str]:
    """Field-level problems of one JSONL line (no document needed)."""
    out = []
    for name, types in REQUIRED.items():
        if name not in line:
            out.append(f"{where}:{n}: missing field {name!r}")
        elif not isinstance(line[name], types):
            out.append(f"{where}:{n}: {name!r} has type {type(line[name]).__name__}")
    for name in set(line) - set(REQUIRED) - set(OPTIONAL):
        out.append(f"{where}:{n}: unknown field {name!r}")
    for name, types in OPTIONAL.items():
        if name in line and not isinstance(line[name], types):
            out.append(f"{where}:{n}: {name!r} has type {type(line[name]).__name__}")
    if out:
        return out
    if not line["quote"].strip() or collapse(line["quote"]) != line["quote"]:
        out.append(f"{where}:{n}: quote is empty or not whitespace-collapsed")
    if line["act"] not in ACTS:
        out.append(f"{where}:{n}: act {line['act']!r} is not one of {', '.join(ACTS)}")
    if line["speaker_kind"] not in KINDS:
        out.append(f"{where}:{n}: speaker_kind {line['speaker_kind']!r} is not one of {', '.join(KINDS)}")
    bad = [c for c in line["concerns"] if c not in labels]
    if bad or len(set(line["concerns"])) != len(line["concerns"]):
        out.append(f"{where}:{n}: concerns {line['concerns']} not distinct labels from concerns.json (unknown: {bad})")
    speaker, key, kind = line["speaker"], line["speaker_key"], line["speaker_kind"]
    if (speaker is None) != (key is None) or (speaker is None) != (kind == "unknown"):
        out.append(f"{where}:{n}: speaker, speaker_key and speaker_kind=unknown must be null/unknown together")
    elif speaker is not None:
        if key != key.lower():
            out.append(f"{where}:{n}: speaker_key {key!r} is not lower-case")
        elif not _key_fits(speaker, key):
            out.append(f"{where}:{n}: speaker_key {key!r} is neither the surname nor the role of {speaker!r}")
    if line["answers"] is not None and line["act"] != "answer":
        out.append(f"{where}:{n}: 'answers' is set on a {line['act']}")
    if line.get("co_speakers") is not None and not all(isinstance(c, str) and c.strip() for c in line["co_speakers"]):
        out.append(f"{where}:{n}: co_speakers must be non-empty strings")
    return out


def check_document(jsonl: Path, labels: set[str], report: Report) -> None:
    where = str(jsonl)
    docs = document_for(jsonl)
    if len(docs) != 1:
        report.problems.append(f"{where}: expected one document beside it, found {[d.name for d in docs] or 'none'}")
        return
    doc = docs[0]
    if doc.suffix == ".pdf" and not doc.with_name(doc.name + ".txt").exists():
        report.problems.append(f"{doc}: no committed source {doc.name}.txt (build it with build_documents.py)")
    try:
        text = document_text(doc)
    except (MinutesMinerError, ValueError) as exc:
        report.problems.append(f"{doc}: cannot read the document: {exc}")
        return
    report.documents[doc.suffix.lstrip(".")] += 1
    lines: list[dict] = []
    for n, raw in enumerate(jsonl.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            continue
        try:
            line = json.loads(raw)
        except json.JSONDecodeError as exc:
            report.problems.append(f"{where}:{n}: not JSON ({exc.msg})")
            continue
        if not isinstance(line, dict):
            report.problems.append(f"{where}:{n}: not a JSON object")
            continue
        field_problems = check_line(n, line, labels, where)
        report.problems.extend(field_problems)
        if not field_problems:
            lines.append({**line, "_n": n})
    if not lines:
        report.problems.append(f"{where}: no valid gold statements")
    _check_in_document(lines, text, where, report)
    for line in lines:
        report.statements += 1
        report.acts[line["act"]] += 1
        report.kinds[line["speaker_kind"]] += 1
        report.concerns.update(line["concerns"])
        report.paired_answers += line["act"] == "answer" and line["answers"] is not None


def _check_in_document(lines: list[dict], doc: DocumentText, where: str, report: Report) -> None:
    spans: list[tuple[int, int, int]] = []
    questions: dict[str, tuple[int, str | None]] = {}  # quote -> (position, item)
    speakers: dict[str, tuple[str, str]] = {}
    last = -1
    for line in lines:
        n, quote = line["_n"], line["quote"]
        found = occurrences(doc.text, collapse(quote))
        if len(found) != 1:
            report.problems.append(f"{where}:{n}: quote found {len(found)} times in the document text: {quote[:70]!r}")
            continue
        start = found[0]
        end = start + len(collapse(quote))
        if " | " in doc.text[start:end]:
            report.problems.append(f"{where}:{n}: quote runs across two items: {quote[:70]!r}")
        item = doc.item_at(start)
        if item is not None and line["item"] not in {item.number, item.title}:
            report.problems.append(
                f"{where}:{n}: item {line['item']!r} but the quote is in item {item.number or item.title!r}")
        for s, e, other in spans:
            if start < e and s < end:
                report.problems.append(f"{where}:{n}: quote overlaps the quote of line {other}")
        spans.append((start, end, n))
        if start < last:
            report.problems.append(f"{where}:{n}: line out of document order")
        last = max(last, start)
        if line["act"] == "question":
            questions[quote] = (start, line["item"])
        if line["answers"] is not None:
            asked = questions.get(line["answers"])
            if asked is None:
                report.problems.append(f"{where}:{n}: 'answers' is not the quote of an earlier question line")
            elif asked[1] != line["item"]:
                report.problems.append(f"{where}:{n}: answers a question in another item ({asked[1]!r})")
        if line["speaker_key"] is not None:
            seen = speakers.setdefault(line["speaker_key"], (line["speaker"], line["speaker_kind"]))
            if seen != (line["speaker"], line["speaker_kind"]):
                report.problems.append(
                    f"{where}:{n}: speaker_key {line['speaker_key']!r} is {line['speaker']!r}/{line['speaker_kind']} here "
                    f"but {seen[0]!r}/{seen[1]} earlier in the document")
        for name, what in [(line.get("section"), "section"), *((c, "co_speaker") for c in line.get("co_speakers") or [])]:
            if name and collapse(name) not in doc.text and name not in {i.title for i in doc.items}:
                report.problems.append(f"{where}:{n}: {what} {name!r} is not printed in the document")


def check_split(split: Path) -> Report:
    report = Report()
    if not split.is_dir():
        report.problems.append(f"{split}: not a directory")
        return report
    labels = concern_labels()
    for council in sorted(p for p in split.iterdir() if p.is_dir()):
        report.councils.add(council.name)
        if not (council / "STYLE.md").is_file():
            report.problems.append(f"{council}: no STYLE.md")
        jsonls = sorted(council.glob("*.jsonl"))
        if not jsonls:
            report.problems.append(f"{council}: no gold .jsonl files")
        for jsonl in jsonls:
            check_document(jsonl, labels, report)
    if not report.councils:
        report.problems.append(f"{split}: no council directories")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("splits", nargs="+", type=Path)
    parser.add_argument("--json", action="store_true", help="print the summaries as JSON")
    args = parser.parse_args(argv)
    failed = False
    summaries = {}
    for split in args.splits:
        report = check_split(split)
        failed |= bool(report.problems)
        summaries[str(split)] = report.summary()
        for problem in report.problems:
            print(problem, file=sys.stderr)
    if args.json:
        print(json.dumps(summaries, indent=2, ensure_ascii=False))
    else:
        for split, summary in summaries.items():
            print(f"{split}: " + "; ".join(f"{k}: {v}" for k, v in summary.items()))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
