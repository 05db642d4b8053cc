"""Link statements to the indicators they discuss: by the indicator's name or reference
written in the statement, and by TF-IDF similarity between the statement (with its dashboard
heading) and the indicator's name and section."""
from __future__ import annotations

import re
from typing import Sequence

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from minutes_miner.models import Link
from minutes_miner.store.base import IndicatorRow, StatementRow

# Cosine similarity above which a statement is taken to discuss an indicator. A first value
# chosen on the sample council; the labelled tuning set arrives with the outputs issue.
SIMILARITY_THRESHOLD = 0.30


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9% ]+", " ", text.lower()).strip()


def link_statements(statements: Sequence[StatementRow], indicators: Sequence[IndicatorRow],
                    threshold: float = SIMILARITY_THRESHOLD) -> list[Link]:
    if not statements or not indicators:
        return []
    links: dict[tuple[str, str], Link] = {}
    for s in statements:
        text = f" {_norm(s.text)} "
        for ind in indicators:
            if ind.council != s.council:
                continue
            if f" {_norm(ind.name)} " in text or (ind.ref and re.search(rf"\b{re.escape(ind.ref)}\b", s.text)):
                links[(s.id, ind.id)] = Link(s.id, ind.id, "name", 1.0)
    indicator_docs = [f"{ind.name} {ind.name} {ind.section or ''}" for ind in indicators]
    statement_docs = [f"{s.text} {s.section or ''}" for s in statements]
    vectoriser = TfidfVectorizer(stop_words="english", ngram_range=(1, 2), sublinear_tf=True, min_df=1)
    vectoriser.fit(indicator_docs + statement_docs)
    similarity = cosine_similarity(vectoriser.transform(statement_docs), vectoriser.transform(indicator_docs))
    for row, s in enumerate(statements):
        best = int(similarity[row].argmax())
        score = float(similarity[row, best])
        ind = indicators[best]
        if score >= threshold and ind.council == s.council and (s.id, ind.id) not in links:
            links[(s.id, ind.id)] = Link(s.id, ind.id, "similarity", round(score, 4))
    return list(links.values())
