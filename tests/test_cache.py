"""Extraction cache: valid entries come back, stale or corrupt ones are rebuilt."""

from briefgen.cache import Cache, key_of, stamp
from briefgen.model import ArticleFacts, Attribution, Mention, Span, TimedEvent, Withheld


def _facts():
    span = Span("Ada said so", 0, 11)
    return ArticleFacts(
        source_id="S1",
        mentions=[Mention("Ada Roux", 0, 8, "person", role="minister", local_id=1)],
        attributions=[Attribution(speaker=Span("Ada", 0, 3), cue=Span("said", 4, 8), content=span, speaker_name="Ada Roux")],
        events=[TimedEvent(text=span, date="2023-03", date_text="in March", actors=["Ada Roux"])],
        withheld=[Withheld(text=span, topic="how", actor="Ada Roux", cue="declined to say", question="How?")],
    )


def test_cache_roundtrip(tmp_path):
    cache = Cache(tmp_path)
    entry = stamp("text", {"title": "T"}, "model-1", {"claims": "claims.v1"}, "text")
    assert cache.get(entry) is None
    cache.put(entry, _facts())
    assert cache.get(entry) == _facts()


def test_cache_key_changes_with_extractor_version(tmp_path):
    a = stamp("text", {}, "model-1", {"claims": "claims.v1"}, "text")
    b = stamp("text", {}, "model-1", {"claims": "claims.v2"}, "text")
    assert key_of(a) != key_of(b)
    cache = Cache(tmp_path)
    cache.put(a, _facts())
    assert cache.get(b) is None


def test_cache_corrupt_entry_is_dropped_not_fatal(tmp_path, caplog):
    cache = Cache(tmp_path)
    entry = stamp("text", {}, "m", {}, "text")
    cache.put(entry, _facts())
    file = next(tmp_path.rglob("*.json"))
    file.write_text("{not json", encoding="utf-8")
    assert cache.get(entry) is None
    assert not file.exists()
    assert "rebuilding" in caplog.text


def test_cache_disabled_with_no_folder():
    cache = Cache(None)
    entry = stamp("text", {}, "m", {}, "text")
    cache.put(entry, _facts())
    assert cache.get(entry) is None


def test_cache_key_changes_with_cleaning():
    # Better cleaning of an unchanged file changes its facts: the entry must not be reused.
    a = stamp("text", {}, "m", {}, "the story")
    b = stamp("text", {}, "m", {}, "the story without furniture")
    assert key_of(a) != key_of(b)


class _FakeModel:
    """Deterministic stand-in for the embedding model: one vector per text."""

    calls = 0

    def query(self, texts):
        import numpy as np

        _FakeModel.calls += len(texts)
        rows = [np.random.default_rng(abs(hash(t)) % 2**32).standard_normal(384) for t in texts]
        return np.asarray(rows, dtype=np.float32)


def test_vector_cache_reuses_and_survives_damage(tmp_path, monkeypatch):
    import json

    from briefgen.cache import VectorCache
    from briefgen.fuse import similar

    monkeypatch.setattr(similar, "_embedder", lambda: _FakeModel())
    monkeypatch.setattr(similar, "_memo", {})
    items = [("S1", "the ferry will stop in winter"), ("S1", "the bridge reopens in May")]
    cache = VectorCache(tmp_path, {"S1": "article text"}, similar.MODEL)
    first = cache.embedder(similar.vectors)(items)
    assert first.shape == (2, 384)
    calls = _FakeModel.calls
    similar._memo.clear()
    again = VectorCache(tmp_path, {"S1": "article text"}, similar.MODEL).embedder(similar.vectors)(items)
    assert _FakeModel.calls == calls and (again == first).all()  # read back, not embedded again
    [entry] = list((tmp_path / "vectors").rglob("*.json"))
    data = json.loads(entry.read_text())
    data["vectors"] = {k: "not base64!" for k in data["vectors"]}
    entry.write_text(json.dumps(data))
    similar._memo.clear()
    rebuilt = VectorCache(tmp_path, {"S1": "article text"}, similar.MODEL).embedder(similar.vectors)(items)
    assert rebuilt.shape == (2, 384) and _FakeModel.calls == calls + 2


def test_vectors_survive_a_full_memo(monkeypatch):
    from briefgen.fuse import similar

    monkeypatch.setattr(similar, "_embedder", lambda: _FakeModel())
    monkeypatch.setattr(similar, "_memo", {})
    monkeypatch.setattr(similar, "MEMO_SIZE", 3)
    similar.vectors(["a", "b"])
    assert similar.vectors(["a", "b", "c", "d"]).shape == (4, 384)


def test_cache_a_fully_cached_rebuild_never_loads_spacy(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    (tmp_path / "a.txt").write_text("Harbour chief Ilse Varga said on Monday that the port would reopen.\n",
                                    encoding="utf-8")
    (tmp_path / "config.yaml").write_text(
        "title: Harbour\narticles: [{path: a.txt}]\noutput: {formats: [md]}\ncache_dir: cache\n", encoding="utf-8")
    code = ("import sys; from briefgen import build, config; "
            "r = build.build(config.load(sys.argv[1]), force=True); "
            "print(r.parsed, 'spacy' in sys.modules)")
    root = Path(__file__).resolve().parents[1]

    def run() -> str:
        done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "config.yaml")], cwd=root,
                              capture_output=True, text=True, check=True)
        return done.stdout.split()

    assert run() == ["1", "True"]  # the first build parses
    assert run() == ["0", "False"]  # the rebuild reads the cache: no parse, no model
