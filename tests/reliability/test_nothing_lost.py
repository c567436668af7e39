"""Issue 18, "nothing lost, nothing hangs": one bad article is that article's problem alone.

Each test names the numbered item of the issue it covers. A failure inside coding is
injected in the real command's processes (and its worker processes, and Dask's) by a
``sitecustomize`` module on their PYTHONPATH that makes ``EventCoder.code_doc`` raise for an
article containing a marker word: the program itself has no test hook.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsevents.models import Article
from newsevents.read import read_inputs

from .helpers import CLI, articles, cli_env, run_cli, write_jsonl

MARKER = "Zyxwvut"
SITECUSTOMIZE = f'''
import os
if os.environ.get("NEWSEVENTS_INJECT_FAILURE"):
    import newsevents.coding.events as _ev
    _orig = _ev.EventCoder.code_doc
    def code_doc(self, article, doc):
        if "{MARKER}" in article.text:
            raise RuntimeError("injected failure")
        return _orig(self, article, doc)
    _ev.EventCoder.code_doc = code_doc
'''


def _failing_env(tmp_path: Path) -> dict[str, str]:
    hook = tmp_path / "hook"
    hook.mkdir(exist_ok=True)
    (hook / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    env = cli_env()
    env["PYTHONPATH"] = os.pathsep.join([str(hook), *filter(None, [env.get("PYTHONPATH")])])
    env["NEWSEVENTS_INJECT_FAILURE"] = "1"
    return env


def _corpus_with_a_failing_article(tmp_path: Path) -> tuple[Path, list[dict]]:
    items = articles("ok", 40)
    items.insert(17, {"id": "bad", "text": f"Ukrainian troops attacked {MARKER} rebels on Monday."})
    return write_jsonl(tmp_path / "in.jsonl", items), items


def _ids(path: Path) -> set[str]:
    return {json.loads(line)["article_id"] for line in path.read_text(encoding="utf-8").splitlines()}


# ---------------------------------------------------------------- 1. an exception inside coding


@pytest.mark.slow
@pytest.mark.parametrize("workers", ["1", "2"])
def test_an_article_whose_coding_raises_costs_only_that_article(tmp_path, workers):
    src, items = _corpus_with_a_failing_article(tmp_path)
    out, db = tmp_path / "out.jsonl", tmp_path / "ev.db"
    r = subprocess.run([*CLI, "code", str(src), "-o", str(out), "--db", str(db), "--workers", workers,
                        "--batch-size", "8"], capture_output=True, text=True, env=_failing_env(tmp_path),
                       timeout=300)
    assert r.returncode == 1, r.stderr
    assert "Traceback" not in r.stderr
    assert f"{src}:18: coding failed: RuntimeError: injected failure" in r.stderr, r.stderr
    assert "40 articles coded" in r.stderr and "1 article failed" in r.stderr, r.stderr
    assert _ids(out) == {a["id"] for a in items if a["id"] != "bad"}
    from newsevents.store import Store

    with Store(str(db)) as store:
        assert set(store.known_hashes()) == {a["id"] for a in items if a["id"] != "bad"}


@pytest.mark.slow
def test_an_article_whose_coding_raises_on_dask_costs_only_that_article(tmp_path):
    pytest.importorskip("distributed")
    src, items = _corpus_with_a_failing_article(tmp_path)
    out = tmp_path / "parts"
    r = subprocess.run([*CLI, "code", str(src), "-o", str(out), "--format", "jsonl", "--cluster", "local:2",
                        "--batch-size", "8"], capture_output=True, text=True, env=_failing_env(tmp_path),
                       timeout=600)
    assert r.returncode == 1, r.stderr
    assert f"{src}:18: coding failed: RuntimeError: injected failure" in r.stderr, r.stderr
    assert "1 article failed" in r.stderr, r.stderr
    coded = set().union(*(_ids(p) for p in out.glob("part-*.jsonl")))
    assert coded == {a["id"] for a in items if a["id"] != "bad"}


@pytest.mark.slow
def test_the_sentence_that_raised_index_error_is_coded(coder):
    text = ("The Al Qaeda-linked Somali militant group al-Shabab is claiming responsibility for a deadly "
            "attack targeting non-Muslims at an upscale mall in Kenya's capital.")
    coder.code_article(Article(id="shabab", text=text, published="2013-09-22"))  # raised IndexError


@pytest.mark.slow
def test_a_failing_article_in_the_library_is_reported_not_raised(coder, monkeypatch):
    from newsevents.coding.events import EventCoder
    from newsevents.errors import ArticleError

    orig = EventCoder.code_doc

    def code_doc(self, article, doc):
        if MARKER in article.text:
            raise ValueError("boom")
        return orig(self, article, doc)

    monkeypatch.setattr(EventCoder, "code_doc", code_doc)
    arts = [Article(id=f"a{i}", text=f"Israel attacked Gaza on Monday{' ' + MARKER if i == 1 else ''}.",
                    origin=f"f.jsonl:{i + 1}") for i in range(3)]
    results = list(coder.code_results(arts))
    assert [a.id for a, _ in results] == ["a0", "a1", "a2"]
    err = results[1][1]
    assert isinstance(err, ArticleError) and err.origin == "f.jsonl:2" and err.stage == "coding"
    assert all(isinstance(r, list) and r for _, r in (results[0], results[2]))
    # the library's code_articles keeps one pair per article (callers zip them with their
    # inputs): the failed one logged, with no events
    assert [(a.id, bool(evs)) for a, evs in coder.code_articles(arts)] == [("a0", True), ("a1", False), ("a2", True)]


# ------------------------------------------------- 2. lone surrogate, 4. NUL (SQLite and PostgreSQL)

ODD = [{"id": "sur", "text": "Israel attacked Gaza \ud800 on Monday."},
       {"id": "nul", "text": "Israel attacked Gaza \u0000 on Monday.", "title": "a\u0000b"}]


def _odd_jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "odd.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ODD), encoding="utf-8")  # JSON escapes
    return path


def test_lone_surrogate_and_nul_are_replaced_when_read(tmp_path):
    arts = list(read_inputs([str(_odd_jsonl(tmp_path))]))
    assert [a.text for a in arts] == ["Israel attacked Gaza \ufffd on Monday.", "Israel attacked Gaza   on Monday."]
    assert arts[1].title == "a b"


@pytest.mark.slow
def test_lone_surrogate_and_nul_are_coded_and_stored_in_sqlite(tmp_path, events_of):
    db = tmp_path / "odd.db"
    r = run_cli("code", str(_odd_jsonl(tmp_path)), "--db", str(db), "-o", str(tmp_path / "o.jsonl"))
    assert r.returncode == 0, r.stderr
    assert {e["article_id"] for e in events_of(str(db)).values()} == {"sur", "nul"}


@pytest.mark.slow
def test_nul_and_surrogates_are_stored_in_postgresql(pg_url, coder):
    from newsevents.store import Store

    arts = [Article(id=a["id"], text=a["text"], title=a.get("title")) for a in ODD]
    batch = [(a, coder.code_article(a)) for a in arts]  # the coder cleans its own copy
    with Store(pg_url) as store:
        store.save(batch)  # the raw articles: the store replaces what PostgreSQL refuses
        stored = store.get_article("nul")
        assert stored is not None and "\x00" not in stored["text"] and stored["title"] == "a b"
        assert store.get_article("sur")["text"] == "Israel attacked Gaza \ufffd on Monday."


# ------------------------------------------------------- 3. a paragraph longer than spaCy takes


def test_long_text_is_cut_into_pieces_that_cover_it():
    from newsevents.pipeline import split_long

    text = ("Israel attacked Gaza on Monday. " * 400).strip() + "\n\n" + "x" * 2_500 + "\n\nEnd."
    pieces = split_long(text, limit=1_000)
    assert all(len(p) <= 1_000 for p in pieces)
    assert "".join(p for p in pieces) == text.replace("\n\n", "")
    assert pieces[0].endswith(". ")  # cut at a sentence end, not inside a word


@pytest.mark.slow
def test_a_paragraph_longer_than_the_models_limit_is_coded(coder, monkeypatch):
    import newsevents.pipeline as pipeline

    paragraph = " ".join(f"Israel attacked Gaza on day {i}." for i in range(300))  # no blank line
    monkeypatch.setattr(pipeline, "MAX_PARSE_CHARS", 2_000)
    monkeypatch.setattr(coder.nlp, "max_length", 3_000)  # as 5 M is for a 6 M paragraph: spaCy's E088
    events = coder.code_article(Article(id="long", text=paragraph, published="2021-02-05"))
    assert len({e.sentence_index for e in events}) > 250


def test_an_article_over_the_length_limit_is_reported(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [{"id": "big", "text": "word " * 300}, {"id": "small", "text": "hi"}])
    items = list(read_inputs([str(path)], max_chars=1_000))
    assert "over the limit of 1,000" in str(items[0]) and "--max-chars" in str(items[0])
    assert isinstance(items[1], Article)


# --------------------------------------------------------------------- 5. article identity


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_same_name_other_extension_are_two_articles(tmp_path):
    _write(tmp_path / "news/story.txt", "Israel attacked Gaza on Monday.\n")
    _write(tmp_path / "news/story.html", "<html><body><p>Egypt hosted talks with Hamas on Monday.</p></body></html>")
    assert sorted(a.id for a in read_inputs([str(tmp_path / "news")])) == ["story.html", "story.txt"]


@pytest.mark.parametrize("layout", ["folders", "files", "jsonl"])
def test_a_duplicate_id_is_an_error_naming_both_places(tmp_path, layout):
    a = _write(tmp_path / "day1/a.txt", "Israel attacked Gaza on Monday.\n")
    b = _write(tmp_path / "day2/a.txt", "Russia condemned Ukraine on Tuesday.\n")
    inputs = {"folders": [str(tmp_path / "day1"), str(tmp_path / "day2")], "files": [str(a), str(b)]}.get(layout)
    if layout == "jsonl":
        inputs = [str(write_jsonl(tmp_path / "d.jsonl", [{"id": "x", "text": "one"}, {"id": "x", "text": "two"}]))]
    items = list(read_inputs(inputs))
    good = [i for i in items if isinstance(i, Article)]
    [err] = [i for i in items if not isinstance(i, Article)]
    assert len(good) == 1
    first, second = (str(a), str(b)) if layout != "jsonl" else (f"{inputs[0]}:1", f"{inputs[0]}:2")
    assert err.origin == second and f"already read from {first}" in str(err)


@pytest.mark.slow
def test_a_duplicate_id_in_a_run_exits_1_and_keeps_the_first(tmp_path, events_of):
    path = write_jsonl(tmp_path / "d.jsonl", [{"id": "x", "text": "Israel attacked Gaza on Monday."},
                                              {"id": "x", "text": "Russia condemned Ukraine on Tuesday."}])
    db = tmp_path / "d.db"
    r = run_cli("code", str(path), "--db", str(db))
    assert r.returncode == 1 and "duplicate article id 'x'" in r.stderr, r.stderr
    assert {e["sentence"] for e in events_of(str(db)).values()} == {"Israel attacked Gaza on Monday."}


# --------------------------------------------------------- 6. url and source in the hash


def test_url_and_source_change_the_content_hash():
    base = Article(id="a", text="t", url="https://a.example/1", source="A")
    assert base.content_hash != Article(id="a", text="t", url="https://a.example/2", source="A").content_hash
    assert base.content_hash != Article(id="a", text="t", url="https://a.example/1", source="B").content_hash


@pytest.mark.slow
def test_a_changed_url_is_stored_again_not_skipped(tmp_path):
    from newsevents.store import Store

    db = tmp_path / "u.db"
    item = {"id": "u", "text": "Israel attacked Gaza on Monday.", "url": "https://a.example/1"}
    assert run_cli("code", str(write_jsonl(tmp_path / "1.jsonl", [item])), "--db", str(db)).returncode == 0
    item["url"] = "https://a.example/2"
    r = run_cli("code", str(write_jsonl(tmp_path / "2.jsonl", [item])), "--db", str(db))
    assert r.returncode == 0 and "1 article coded" in r.stderr, r.stderr
    with Store(str(db)) as store:
        assert store.get_article("u")["url"] == "https://a.example/2"


# ------------------------------------------------------------------------------ 8. FIFOs


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_in_a_folder_is_reported_not_opened(tmp_path):
    _write(tmp_path / "in/a.txt", "Israel attacked Gaza on Monday.\n")
    os.mkfifo(tmp_path / "in/pipe.txt")
    r = run_cli("code", str(tmp_path / "in"), "-o", str(tmp_path / "o.jsonl"), timeout=120)
    assert r.returncode == 1 and "pipe.txt: not a regular file" in r.stderr, r.stderr
    assert _ids(tmp_path / "o.jsonl") == {"a.txt"}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_named_directly_without_a_writer_is_reported(tmp_path, monkeypatch):
    import newsevents.read as read

    os.mkfifo(tmp_path / "pipe.txt")
    monkeypatch.setattr(read, "FIFO_WAIT_S", 0.3)
    [err] = list(read_inputs([str(tmp_path / "pipe.txt")]))
    assert "no data came within 0.3 s" in str(err)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_named_directly_with_a_writer_is_read(tmp_path):
    import threading

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)

    def writer() -> None:
        with open(fifo, "w", encoding="utf-8") as fh:
            fh.write("Israel attacked Gaza on Monday.\n")

    t = threading.Thread(target=writer, daemon=True)
    t.start()
    [art] = list(read_inputs([str(fifo)]))
    t.join(5)
    assert isinstance(art, Article) and art.text == "Israel attacked Gaza on Monday."


# --------------------------------------------------------------------- 9. deeply nested HTML


def _nested(depth: int) -> str:
    paras = "".join(f"<p>Paragraph {i}: Israel attacked Gaza on Monday, officials said.</p>" for i in range(300))
    return "<html><head><title>T</title></head><body>" + "<div>" * depth + paras + "</div>" * depth + "</body></html>"


@pytest.mark.parametrize("depth", [10, 400, 2_000])
def test_deeply_nested_html_keeps_all_its_text(depth):
    from newsevents.read.html import parse_html_page

    art = parse_html_page(_nested(depth), id="deep", origin="deep.html")
    assert isinstance(art, Article) and art.text.count("Paragraph") == 300


def test_html_too_deep_to_read_whole_is_reported():
    from newsevents.errors import ReadError
    from newsevents.read.html import parse_html_page

    err = parse_html_page(_nested(3_000), id="deep", origin="deep.html")
    assert isinstance(err, ReadError) and "nested too deeply" in str(err)


# ------------------------------------------------------------- 10. the learned check's weights


def test_learned_without_weights_says_how_to_build_them(tmp_path):
    env = cli_env()
    env["NEWSEVENTS_CLASSIFIER"] = str(tmp_path / "none.npz")
    _write(tmp_path / "a.txt", "Israel attacked Gaza on Monday.\n")
    r = subprocess.run([*CLI, "code", str(tmp_path / "a.txt"), "--learned"], capture_output=True, text=True,
                       env=env, timeout=120)
    assert r.returncode == 2 and "make train" in r.stderr and "Traceback" not in r.stderr, r.stderr


def test_the_weights_are_not_in_the_package():
    from importlib import resources

    assert not (resources.files("newsevents") / "data" / "event_classifier.npz").is_file()
    tracked = subprocess.run(["git", "ls-files", "src/newsevents/data"], capture_output=True, text=True,
                             cwd=Path(__file__).resolve().parents[2]).stdout
    assert "event_classifier.npz" not in tracked


# --------------------------------------------------------------------- 12. messages, not tracebacks


@pytest.mark.parametrize("case", ["missing folder", "folder is a file", "nul db", "memory db"])
def test_output_and_database_problems_are_messages(tmp_path, case):
    src = _write(tmp_path / "a.txt", "Israel attacked Gaza on Monday.\n")
    args = {"missing folder": ["-o", str(tmp_path / "no/such/out.jsonl")],
            "folder is a file": ["-o", str(src / "out.jsonl")],
            "nul db": ["--db", "%00"],
            "memory db": ["--db", "sqlite:///"]}[case]
    r = run_cli("code", str(src), *args)
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr and r.stderr.startswith("Error: "), r.stderr
    assert "coded" not in r.stderr  # nothing was coded for nothing


def test_export_from_a_missing_database_creates_none(tmp_path):
    r = run_cli("export", "--db", str(tmp_path / "typo.db"))
    assert r.returncode == 2 and "no database at" in r.stderr, r.stderr
    assert not (tmp_path / "typo.db").exists()


# ---------------------------------------------------------- 13. -o written whole or not at all


def test_write_events_leaves_the_old_file_when_interrupted(tmp_path):
    from newsevents.export import write_events

    for fmt in ("jsonl", "csv", "parquet"):
        out = tmp_path / f"events.{fmt}"
        write_events([], out, fmt)
        before = out.read_bytes()

        def records():
            yield {"event_id": "e1", "article_id": "a"}
            raise KeyboardInterrupt  # a kill while coding

        with pytest.raises(KeyboardInterrupt):
            write_events(records(), out, fmt)
        assert out.read_bytes() == before
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.slow
def test_a_killed_run_leaves_the_previous_output_whole(tmp_path):
    out = tmp_path / "events.jsonl"
    out.write_text('{"previous": true}\n', encoding="utf-8")
    src = write_jsonl(tmp_path / "in.jsonl", articles("k", 3000))
    proc = subprocess.Popen([*CLI, "code", str(src), "-o", str(out)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=cli_env())
    deadline = time.monotonic() + 120
    while not any(p.name.endswith(".tmp") for p in tmp_path.iterdir()):
        assert time.monotonic() < deadline and proc.poll() is None
        time.sleep(0.1)
    time.sleep(3)  # coding and writing the temporary file
    proc.kill()
    proc.wait()
    assert out.read_text(encoding="utf-8") == '{"previous": true}\n'


# --------------------------------------------------------------- 14. workers die with their parent


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.append(int(entry.name))
    return out


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_killing_the_parent_of_workers_ends_the_workers(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", articles("w", 3000))
    proc = subprocess.Popen([*CLI, "code", str(src), "-o", str(tmp_path / "o.jsonl"), "--workers", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=cli_env())
    deadline = time.monotonic() + 180
    while len(_children(proc.pid)) < 2:
        assert time.monotonic() < deadline and proc.poll() is None
        time.sleep(0.2)
    workers = _children(proc.pid)
    time.sleep(2)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 30
    alive = workers
    while alive and time.monotonic() < deadline:
        time.sleep(0.2)
        alive = [w for w in workers if Path(f"/proc/{w}").exists()
                 and "Z" not in (Path(f"/proc/{w}/stat").read_text().rsplit(")", 1)[1].split()[:1] or ["Z"])]
    assert not alive, f"workers {alive} outlived their parent"


# -------------------------------------------------------------- 15. CSV formulas, NaN in JSON


def test_csv_cells_that_a_spreadsheet_would_run_are_quoted(tmp_path):
    import csv

    from newsevents.export import write_events

    rec = {"event_id": "e", "article_id": "=HYPERLINK(\"http://x\")", "sentence": "+1 and -2 @x",
           "cameo": "-190", "rule": "plain", "confidence": -0.5}
    write_events([rec], tmp_path / "e.csv", "csv")
    [row] = list(csv.DictReader((tmp_path / "e.csv").open(encoding="utf-8")))
    assert row["article_id"].startswith("'=") and row["sentence"].startswith("'+") and row["cameo"] == "'-190"
    assert row["rule"] == "plain" and row["confidence"] == "-0.5"  # numbers are left alone


def test_nan_in_a_json_line_is_invalid(tmp_path):
    path = tmp_path / "n.jsonl"
    path.write_text('{"id": "n", "text": "Israel attacked Gaza.", "score": NaN}\n'
                    '{"id": "i", "text": "Israel attacked Gaza.", "x": -Infinity}\n', encoding="utf-8")
    errs = list(read_inputs([str(path)]))
    assert [str(e) for e in errs] == [f"{path}:1: invalid JSON: NaN is not JSON (JSON has no NaN or Infinity)",
                                      f"{path}:2: invalid JSON: -Infinity is not JSON (JSON has no NaN or Infinity)"]


# ------------------------------------------------ isolation at the parse and store stages too


@pytest.mark.slow
def test_an_article_whose_parse_raises_costs_only_that_article(coder, monkeypatch):
    import newsevents.pipeline as pipeline
    from newsevents.errors import ArticleError

    real = pipeline.restore_case

    def restore_case(text, *args):
        if MARKER in text:
            raise UnicodeError("injected parse failure")
        return real(text, *args)

    monkeypatch.setattr(pipeline, "restore_case", restore_case)
    arts = [Article(id=f"p{i}", text=f"Israel attacked Gaza on Monday{' ' + MARKER if i == 2 else ''}.")
            for i in range(5)]
    results = list(coder.code_results(arts, batch_size=5))
    assert [type(r).__name__ for _, r in results] == ["list", "list", "ArticleError", "list", "list"]
    err = results[2][1]
    assert isinstance(err, ArticleError) and err.stage == "parsing" and "injected parse failure" in err.reason


def test_an_article_the_store_refuses_costs_only_that_article(tmp_path, capsys):
    from collections import Counter

    from newsevents.cli import _save
    from newsevents.errors import StoreError
    from newsevents.models import Event
    from newsevents.store import Store

    def event(article_id: str) -> Event:
        return Event(article_id=article_id, sentence_index=0, sentence="s", cameo="010",
                     trigger={"text": "said", "start": 0, "end": 4})

    good = [(Article(id=f"g{i}", text="s", origin=f"in.jsonl:{i}"), [event(f"g{i}")]) for i in range(3)]
    bad = (Article(id="b", text="s", origin="in.jsonl:9"), [event("someone-else")])  # refused by save()
    stats: Counter[str] = Counter()
    with Store(str(tmp_path / "s.db")) as store:
        _save(store, [good[0], bad, *good[1:]], stats)
        assert set(store.known_hashes()) == {"g0", "g1", "g2"}
        assert stats["failed"] == 1
        assert "in.jsonl:9: storing failed" in capsys.readouterr().err
        with pytest.raises(StoreError):  # every article refused: the database's problem, not theirs
            _save(store, [bad, bad], stats)
