from minutes_miner.outputs.formats import (
    gist,
    md_escape,
    sentences,
    source_link,
    to_csv,
)


def test_sentences_keep_abbreviations():
    text = "Cllr. Patel asked about S. 17 support. Dr. Jones replied, e.g. by phone. Figures followed."
    assert sentences(text) == ["Cllr. Patel asked about S. 17 support.", "Dr. Jones replied, e.g. by phone.",
                               "Figures followed."]


def test_gist_is_extractive_and_trimmed():
    text = "One. Two two. Three."
    assert gist(text) == "One. Two two."
    long = "word " * 200
    out = gist(long, max_chars=50)
    assert out.endswith("…") and len(out) <= 52 and out.startswith("word word")


def test_source_link():
    assert source_link("https://x/a.pdf", 3) == "https://x/a.pdf#page=3"
    assert source_link("https://x/a.pdf#item2", 3) == "https://x/a.pdf#item2"
    assert source_link(None, 3) is None


def test_csv_neutralises_formulas_and_md_escapes_markup():
    out = to_csv([{"a": "=HYPERLINK(1)", "b": ("x", "y")}], ["a", "b"])
    assert "'=HYPERLINK(1)" in out and "x; y" in out
    assert md_escape("<script>*x*</script>") == "\\<script\\>\\*x\\*\\</script\\>"
