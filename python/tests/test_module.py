"""The dyad module: coding, batches, extraction, parsing, documents, the store, the reader."""

import datetime
import json
import os
import pickle
import sqlite3
import subprocess
import threading

import pytest

import dyad
from conftest import SEED

EVENT_FIELDS = {"doc_id", "sentence", "text", "date", "source", "target", "cameo", "root",
                "quad_class", "goldstein", "plover", "verb", "location", "attribution",
                "negated", "confidence"}


def test_import_and_version():
    assert dyad.__version__
    assert isinstance(dyad.Coder(), dyad.Coder)


def test_code_gives_events_in_the_design_shape(coder):
    events = coder.code(SEED, date="2024-11-01")
    assert events, "the seed sentence has a meeting in it"
    for e in events:
        assert EVENT_FIELDS <= set(e)
        assert e["date"] == "2024-11-01"
        assert set(e["plover"]) >= {"event", "mode", "context"}
        assert e["doc_id"] == "0"
    meet = [e for e in events if e["root"] == "04"]
    assert meet and meet[0]["source"]["code"].startswith("PRK")
    assert meet[0]["target"]["code"].startswith("RUS")


def test_offsets_are_code_points_into_the_text(coder):
    text = "Café owners said: Émile Zoë's 🙂 report. " + SEED
    doc = coder.process(text, date="2024-11-01")
    assert doc.n_events > 0
    t = doc.text
    for e in doc.events():
        for role in ("source", "target"):
            if e[role]:
                assert t[e[role]["start"]:e[role]["end"]] == e[role]["text"]
        assert t[e["verb"]["start"]:e["verb"]["end"]] == e["verb"]["text"]
    for tok in doc.to_dict()["tokens"]:
        assert t[tok["start"]:tok["end"]] == tok["text"]


def test_code_matches_the_cli(coder, dyad_binary, examples, tmp_path):
    name, text = next(iter(examples.items()))
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out = subprocess.run([dyad_binary, "code", str(path), "--quiet"], check=True,
                         capture_output=True, text=True).stdout
    cli = [json.loads(line) for line in out.splitlines()]
    # The CLI reads the "Date:" header of a text file; Python gets the same text with its id.
    doc = {"id": str(path), "text": text.split("\n", 1)[1], "date": text.split("\n")[0][6:]}
    assert coder.code(doc) == cli
    assert cli, "the example article has events"


def test_code_many_keeps_input_order_and_matches_code(coder, examples):
    texts = list(examples.values())
    items = texts + [{"id": "d%d" % i, "text": t, "date": "2024-11-01", "site": "Example"}
                     for i, t in enumerate(texts)]
    many = list(coder.code_many(items, batch=3))
    assert len(many) == len(items)
    for i, (item, events) in enumerate(zip(items, many)):
        if isinstance(item, str):
            assert events == coder.code(item, doc_id=str(i))
        else:
            assert events == coder.code(item)
            assert all(e["doc_id"] == item["id"] for e in events)


def test_code_many_on_all_cores_equals_one_thread(coder, examples):
    items = [{"id": str(i), "text": t} for i, t in enumerate(list(examples.values()) * 60)]
    assert len(items) > 256  # more than one batch
    one = list(coder.code_many(items, threads=1))
    every = list(coder.code_many(items, threads=0))
    assert one == every
    assert sum(map(len, every)) > 0


def test_code_many_from_threads_at_once(coder, examples):
    items = list(examples.values()) * 10
    expected = list(coder.code_many(items))
    results = [None] * 4

    def work(k):
        results[k] = list(coder.code_many(items, threads=2))
    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == expected for r in results)


def test_code_many_is_lazy_and_takes_generators(coder):
    gen = (SEED for _ in range(5))
    it = coder.code_many(gen, date="2024-11-01")
    assert iter(it) is it
    assert len(list(it)) == 5


def test_html_documents(coder):
    html = ("<html><head><title>Talks in Moscow</title></head><body><article><h1>Talks in "
            "Moscow</h1><p>%s</p></article></body></html>" % SEED)
    events = coder.code({"id": "page", "html": html, "date": "2024-11-01"})
    assert events and events[0]["doc_id"] == "page"


def test_bad_input_raises_clear_exceptions(coder):
    with pytest.raises(TypeError, match="str"):
        coder.code(b"bytes are not text")
    with pytest.raises(TypeError):
        coder.code(None)
    with pytest.raises(TypeError):
        coder.code(42)
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        coder.code(SEED, date="2024-13-45")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        coder.code(SEED, date="yesterday")
    with pytest.raises(TypeError):
        coder.code(SEED, date=20241101)
    with pytest.raises(ValueError, match="text"):
        coder.code({"id": "x"})
    with pytest.raises(TypeError, match="item 1"):
        list(coder.code_many([SEED, 7]))
    with pytest.raises(ValueError, match="item 2"):
        list(coder.code_many([SEED, SEED, {"text": SEED, "date": "not a date"}]))
    with pytest.raises(ValueError, match="batch"):
        list(coder.code_many([SEED], batch=0))
    with pytest.raises(ValueError, match="dictionary"):
        dyad.Coder(dict_dir="/nonexistent/dict")
    assert coder.code("") == []
    assert coder.code("   \n ") == []


def test_dates_in_other_spellings(coder):
    iso = coder.code(SEED, date="2024-11-01")
    assert coder.code(SEED, date=datetime.date(2024, 11, 1)) == iso
    assert coder.code(SEED, date=datetime.datetime(2024, 11, 1, 9, 30)) == iso
    assert coder.code(SEED, date="2024/11/01") == iso


def test_keep_negated():
    text = "Russia did not attack Ukraine on Friday."
    plain = dyad.Coder().code(text, date="2024-11-01")
    kept = dyad.Coder(keep_negated=True).code(text, date="2024-11-01")
    assert not any(e["negated"] for e in plain)
    assert len(kept) >= len(plain)


def test_a_pickled_coder_is_the_shared_coder_of_its_settings(coder):
    back = pickle.loads(pickle.dumps(coder))
    assert back is pickle.loads(pickle.dumps(coder)) is dyad.shared_coder()
    assert back.code(SEED) == coder.code(SEED)
    negating = pickle.loads(pickle.dumps(dyad.Coder(keep_negated=True)))
    assert negating.keep_negated and negating is not back


def test_shared_dictionary():
    d = dyad.Dictionary()
    assert d.n_patterns > 0 and d.n_cameo_codes > 0
    a, b = dyad.Coder(d), dyad.Coder(d)
    assert a.code(SEED) == b.code(SEED)


def test_extract_html():
    html = """<!doctype html><html lang="en"><head><title>Ministers meet | Example News</title>
    <meta property="og:site_name" content="Example News">
    <meta property="article:published_time" content="2024-11-01T10:00:00Z"></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Ministers meet</h1>
    <p>North Korea's foreign minister met with her Russian counterpart in Moscow on Friday,
    the two governments said in statements after the talks.</p>
    <p>The meeting came days after Pyongyang reportedly deployed troops to Russia, according to
    officials in Seoul and Washington who spoke on condition of anonymity.</p></article>
    <footer>Copyright Example News</footer></body></html>"""
    a = dyad.extract(html, url="https://example.org/a")
    assert set(a) >= {"title", "text", "blocks", "date", "site", "authors", "language"}
    assert "Ministers meet" in a["title"]
    assert "Russian counterpart" in a["text"]
    assert "Copyright" not in a["text"]
    assert a["date"] == "2024-11-01"
    for b in a["blocks"]:
        assert a["text"][b["start"]:b["end"]] == b["text"]
    latin1 = html.replace("Russian", "Russian caf\xe9").encode("latin-1")
    b = dyad.extract(latin1)
    assert "café" in b["text"]
    with pytest.raises(TypeError):
        dyad.extract(None)


def test_parse():
    p = dyad.parse("The minister met Lavrov. Then she left Moscow!")
    assert len(p["sentences"]) == 2
    words = [t["text"] for t in p["tokens"]]
    assert words[:4] == ["The", "minister", "met", "Lavrov"]
    for t in p["tokens"]:
        assert p["text"][t["start"]:t["end"]] == t["text"]
        assert set(t) >= {"norm", "lemma", "upos", "xpos", "head", "deprel", "sentence"}
    assert p["tokens"][-1]["sentence"] == 1
    with pytest.raises(TypeError):
        dyad.parse(3.5)


def test_document_layers_and_pickle(coder, examples):
    text = next(iter(examples.values()))
    doc = coder.process(text, date="2024-11-19", doc_id="eu")
    d = doc.to_dict()
    for layer in ("text", "blocks", "sentences", "tokens", "actors", "timexes", "places",
                  "quotes", "events"):
        assert layer in d
    assert d["doc_id"] == "eu" and d["events"] == doc.events()
    back = pickle.loads(pickle.dumps(doc))
    assert back.to_dict() == d
    assert back.content_hash == doc.content_hash
    assert back.events_jsonl() == doc.events_jsonl()
    assert dyad.Document.from_bytes(doc.to_bytes(with_raw=False)).to_dict() == d
    # A coded document kept without its input is coded again from its text.
    assert coder.process(dyad.Document.from_bytes(doc.to_bytes(with_raw=False))).events() \
        == doc.events()
    with pytest.raises(ValueError):
        dyad.Document.from_bytes(b"not a document")
    with pytest.raises(ValueError):
        dyad.Document.from_bytes(doc.to_bytes()[:-3])


def test_store_is_idempotent_by_content_hash(coder, examples, tmp_path):
    db = tmp_path / "events.db"
    docs = list(coder.process_many(examples.values(), date="2024-11-01"))
    with dyad.Store(db) as store:
        store.add_code_names(coder)
        assert store.add(docs[0]) is True
        assert store.add(docs[0]) is False
        assert store.add_many(docs) == len(docs) - 1
        assert store.add_many(docs) == 0
    assert store.closed
    with pytest.raises(ValueError, match="closed"):
        store.add(docs[0])
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == len(docs)
    assert (con.execute("SELECT count(*) FROM events").fetchone()[0]
            == sum(d.n_events for d in docs))
    assert con.execute("SELECT count(*) FROM cameo_codes").fetchone()[0] > 0
    con.close()
    ro = dyad.Store(db, read_only=True)
    with pytest.raises(ValueError, match="read-only"):
        ro.add(docs[0])
    ro.close()


def test_reader_reads_what_the_cli_reads(coder, tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "a", "text": SEED, "date": "2024-11-01"}) + "\n"
                    + "{not json\n"
                    + json.dumps({"id": "b", "text": SEED}) + "\n", encoding="utf-8")
    reader = dyad.Reader(str(path), date="2024-11-02", collect_messages=True)
    docs = list(reader)
    assert [d.id for d in docs] == ["a", "b"]
    assert [d.date for d in docs] == ["2024-11-01", "2024-11-02"]
    assert reader.rejected == 1
    assert "in.jsonl:2: error: malformed JSON" in reader.messages()
    coded = list(coder.process_many(docs))
    assert coded[0].n_events > 0 and coded[0].id == "a"
    named = dyad.Reader(str(path), collect_messages=True, name="in.jsonl")
    assert [d.id for d in named] == ["a", "b"]
    assert named.messages().startswith("dyad: in.jsonl:2: error: malformed JSON")
    with pytest.raises(FileNotFoundError):
        dyad.Reader(str(tmp_path / "missing.jsonl"))
    with pytest.raises(ValueError, match="input_format"):
        dyad.Reader(str(path), input_format="docx")


def test_expand_inputs(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.jsonl").write_text("{}\n")
    (tmp_path / "1.txt").write_text("x")
    (tmp_path / ".hidden").write_text("x")
    names = [os.path.relpath(p, tmp_path) for p, _ in dyad.expand_inputs([str(tmp_path)])]
    assert names == ["1.txt", os.path.join("b", "2.jsonl")]
    with pytest.raises(FileNotFoundError):
        dyad.expand_inputs([str(tmp_path / "nope")])
