"""The speed benchmark's machinery (figures come from benchmarks/nlp_speed.py, never from timed tests)."""
from __future__ import annotations


def test_synthetic_minutes_are_analysed_into_attributed_statements():
    from minutes_miner.nlp import analyse
    from minutes_miner.nlp.bench import synthetic_minutes

    doc = analyse(synthetic_minutes(5_000, seed=11))
    statements = [s for item in doc.items for s in item.statements]
    assert len(statements) > 200
    assert any(s.act == "question" and s.speaker_kind == "member" for s in statements)
    assert any(s.act == "answer" and s.answers is not None for s in statements)
    assert any(s.act == "resolution" and s.speaker_key == "committee" for s in statements)


def test_benchmark_reports_wall_and_cpu_ratios():
    from minutes_miner.nlp.bench import benchmark

    result = benchmark(3_000, rounds=1)
    assert result["words"] >= 3_000
    for name in ("tokenizer", "spacy_pipeline", "analyse"):
        assert result[f"{name}_wps"] > 0 and result[f"{name}_cpu_wps"] > 0
    assert result["analyse_ratio"] > 0 and result["analyse_cpu_ratio"] > 0
    assert result["analyse_documents_cpu_ratio"] > 0 and 0 < result["analyse_workers_efficiency"]


def test_folded_text_keeps_every_case_insensitive_match_as_a_substring():
    """The substring tests run before IGNORECASE searches must never skip a block the search matches."""
    import re
    import string
    import sys

    from minutes_miner.nlp.textnorm import folded

    odd = [chr(c) for c in range(128, sys.maxunicode + 1) for letter in string.ascii_lowercase
           if re.fullmatch(letter, chr(c), re.IGNORECASE)]
    assert sorted(odd) == sorted("\u0130\u0131\u017f\u212a")  # dotted / dotless I, long s, Kelvin sign
    for text, word in (("Cllr Ray TOOK THE CHAİR", "chair"), ("Mr Shaw replıed", "replied"), ("the ſame ıtem", "item"),
                       ("\u212aent", "kent"), ("Took the Chair", "chair")):
        assert re.search(word, text, re.IGNORECASE)
        assert word in folded(text)
    assert folded("Ms Ní Bhriain") == "ms ní bhriain"


def test_prefiltered_searches_agree_with_the_full_regexes():
    from minutes_miner.nlp.learned import words
    from minutes_miner.nlp.units import _PREP_BEFORE, _after_preposition

    befores = ["", "In response, ", "a question from ", "thanked ", "THANKED  ", "Members' ", "the Director’s ", "towardſ ",
               "and the ", "a presentation\nby ", "therefrom ", "Councillor", "from", "the panel was advised by\n", "support for the "]
    assert [_after_preposition(b) for b in befores] == [bool(_PREP_BEFORE.search(b)) for b in befores]
    assert [b for b in befores if _after_preposition(b)] == [
        "a question from ", "thanked ", "THANKED  ", "the Director’s ", "towardſ ", "and the ", "a presentation\nby ",
        "from", "the panel was advised by\n"]
    assert words("The SEND team’s 12-week back-log: £3.2m (40%)") == ["the", "send", "team’s", "12-week", "back-log", "£3", "2m", "40%"]


def test_lead_in_patterns_are_tried_only_where_they_can_match():
    import re

    from minutes_miner.nlp import rules
    from minutes_miner.nlp.statements import lead_in_kind
    from minutes_miner.nlp.textnorm import anchored_at_start, required_text

    assert required_text(r"^[^.:]{0,100}\bthe Following (?:responses|answers)") == "the following "
    assert required_text(r"^in answer to (?:questions|queries)") == "in answer to que"  # the parser factors out "que"
    assert required_text(r"^foo|bar") == "" and required_text(r"(?:x)?abc\s+de") == "abc"
    assert anchored_at_start(r"^(?:a|b)x") and not anchored_at_start(r"^foo|bar") and not anchored_at_start(r"(?m)^a")
    combined = [(k, re.compile("|".join(f"(?:{p})" for p in v), re.IGNORECASE)) for k, v in rules.lead_ins().items() if v]
    for text in ("In response to questions, it was explained that:", "The following responses were given by officers:",
                 "The followıng points arose from the discussion:", "Questions:", "Councillor Patel asked whether the plan:",
                 "Responding to queries from Members, the Director said:", "In discussion, Members:", ""):
        expected = next((k for k, rx in combined if rx.search(text.strip())), None)
        assert lead_in_kind(text) == expected
    assert lead_in_kind("The followıng points arose from the discussion:") == "discussion"


def test_token_patterns_starting_with_an_exact_word_are_anchored_and_still_match():
    """No shipped pattern runs the Matcher over every token; an exact-case first word ("=Black
    <group>") is found through the ORTH phrase anchors, case and all."""
    from minutes_miner.nlp.matching import AnchoredPatterns
    from minutes_miner.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    for _name, component in nlp.pipeline:
        patterns = getattr(component, "patterns", None)
        if isinstance(patterns, AnchoredPatterns):
            assert len(patterns.free) == 0
    doc = nlp("Black families and black children waited; Black British residents, and Black and Asian pupils.")
    found = sorted((span.text, span.label_) for span in doc.spans["mm_concerns"] if span.label_ == "inequalities")
    assert found == [("Black British", "inequalities"), ("Black and", "inequalities"), ("Black families", "inequalities")]


def test_text_clean_up_tests_characters_before_running_its_regexes():
    """``repair`` and ``normalise`` look for their characters with ``in`` before any regex: the
    text comes out as the regexes alone would make it (mojibake, zero-width, backtick, tab,
    curly quotes and dashes), and plain text untouched."""
    from minutes_miner.nlp.textnorm import _NORM_TABLE, normalise, repair

    assert repair("Councillor Patel\u200b asked about the Â£2m") == "Councillor Patel asked about the £2m"
    assert repair("The Chairâ€™s report") == "The Chair’s report"
    assert repair("Mr Hughes\u00adJones said") == "Mr HughesJones said"
    assert normalise("the `key`\tpoint") == "the 'key' point"
    assert normalise("the “key” point – agreed") == "the \"key\" point - agreed"
    for text in ("plain ASCII minutes.", "naïve café", "£3.2m", "tab\there", "`tick`", "\u00a0nbsp", ""):
        assert normalise(text) == text.translate(_NORM_TABLE)
        assert repair(text) == text


def test_lead_in_kind_reads_a_block_s_folded_text_as_given():
    from minutes_miner.nlp.statements import lead_in_kind
    from minutes_miner.nlp.textnorm import folded, normalise

    for text in ("The following points arose from the discussion:", "In response to questions, it was explained that:",
                 "Councillor Patel asked whether the plan:"):
        norm = normalise(text)
        assert lead_in_kind(norm, folded(norm)) == lead_in_kind(text)
    assert lead_in_kind("The following points arose from the discussion:", "the following points arose from the discussion:") == "discussion"


def test_pipeline_tokenizer_caches_past_spacy_s_default_10000_chunks_with_the_same_tokens():
    import spacy

    from minutes_miner.nlp.pipeline import TOKENIZER_CACHE_SIZE, load_pipeline

    nlp = load_pipeline()
    assert nlp.tokenizer.max_cache_size == TOKENIZER_CACHE_SIZE >= 100_000
    text = "Cllr. O'Brien-Jones asked (re: EHCPs) whether £3.2m, 2023/24's 17% rise & the MASH's figures—were final?"
    fresh = spacy.blank("en").tokenizer
    for _ in range(2):  # the second pass is served from the cache
        assert [t.text for t in nlp.tokenizer(text)] == [t.text for t in fresh(text)]


def test_first_chars_are_every_character_a_match_can_start_with():
    import re

    from minutes_miner.nlp.textnorm import first_chars

    assert first_chars(re.compile(r"(?:ab|c?d)e")) == frozenset("acd")
    opening = first_chars(re.compile(r"^\s*(?:in reply|asked)", re.IGNORECASE))
    assert frozenset("iIaA \t\n") <= opening and not opening & frozenset("bBcC(1")
    assert first_chars(re.compile(r"(?i:x)y")) == frozenset("xX")
    assert first_chars(re.compile("\u212a", re.IGNORECASE)) == frozenset("kK")  # the Kelvin sign is taken for k
    assert first_chars(re.compile(r"[\u0100-\u0200]", re.IGNORECASE)) == frozenset("iIsS")  # dotted / dotless I, long s
    for anything in (r"a?", r"[^a]b", r".x", r"(?:a|)b"):
        assert first_chars(re.compile(anything)) is None


def test_prefilters_never_skip_a_match():
    """Each cheap test run before a costly regex holds for every text the regex matches (invented lines)."""
    from minutes_miner.nlp import statements, units
    from minutes_miner.nlp.housekeeping import (
        HOUSEKEEPING_VERBS,
        has_housekeeping_verb,
        holds_any,
    )
    from minutes_miner.nlp.textnorm import folded, run_in_label

    for text in ("In response, the Director said", " in reply to Cllr Ito, she said", "Answering the question, Ms Lee said",
                 "Following a question from Cllr Ito about reserves, the Head of Finance confirmed",
                 "Asked by the Chair whether it would open, the Head of Commissioning accepted it", "İn response, she said"):
        assert units._RESP_AT.match(text) and units._response_opening(text, 0, len(text)), text
    assert not units._response_opening("Councillor Ito asked whether", 0, 28)
    decision_patterns = (statements._BARE_DECISION, statements._DECISION_LIST, statements._BODY_DECIDED_LEAD_IN,
                         statements._BODY_DECIDED_LIST, statements._BODY_RECOMMENDS_LIST, statements._LABELLED_DECISION)
    for text in ("RESOLVED:", "RESOLVED: That the Committee recommends to Cabinet that:", "It was agreed that:", "The Committee RESOLVED (6 votes for, none against) -",
                 "Outcome - the Committee:", "We agreed:", "Panel decision (unanimous): That the precept be supported.",
                 "The Panel made the following recommendations to the Commissioner:", "The Board unanimously approved that:",
                 "DETERMINED -", "Decisions:"):
        assert any(rx.match(text) for rx in decision_patterns), text
        assert holds_any(folded(text), statements.DECISION_WORDS), text
    for text, start, end in (("apologies were received", 0, 23), ("cllr tully declared an interest", 5, 31),
                             ("cllr tully declared an interest", 12, 31), ("mr lee attended as a substitute", 0, 12), ("", 0, 0)):
        assert has_housekeeping_verb(text, start, end) == bool(HOUSEKEEPING_VERBS.search(text, start, end))
    assert run_in_label("Call handling. Councillor Ashdown asked whether the new system had cut the waiting times.") == (
        "Call handling", "Councillor Ashdown asked whether the new system had cut the waiting times.")
    texts = ["In response to questions, the Director said:", "Members raised the following points:", "the following questions were asked:",
             "Points raised by Members included:", "Councillor Amos asked the Leader the following question:", "£3m was spent:"]
    assert [statements.lead_in_kind(t) for t in texts] == [next((kind for needed, find, kind in statements._LEAD_INS if find(t)), None)
                                                          for t in texts]
