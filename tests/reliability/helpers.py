"""Helpers for the reliability tests: the real ``newsevents`` CLI in subprocesses and
small JSONL inputs of short articles."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

CLI = [sys.executable, "-c", "from newsevents.cli import main; main()"]

_SUBJECTS = ["Russian President Vladimir Putin", "German Chancellor Olaf Scholz", "Israeli police",
             "The United Nations", "Iranian protesters", "The Chinese government",
             "French President Emmanuel Macron", "Ukrainian troops"]
_VERBS = ["met", "criticized", "accused", "thanked", "threatened", "praised", "attacked", "visited"]
_OBJECTS = ["Chinese President Xi Jinping", "the Turkish foreign minister", "Palestinian demonstrators",
            "the government of Syria", "Indian Prime Minister Narendra Modi", "NATO", "rebels in Mali",
            "the Egyptian president"]

FUZZ_COUNTS: Counter[str] = Counter()
"""Generated inputs per fuzz target (test_bad_input.py), shown in the terminal summary."""


def articles(prefix: str, n: int, start: int = 0) -> list[dict]:
    """``n`` short articles (two sentences, one or two events each), ids ``prefix``NN."""
    out = []
    for i in range(start, start + n):
        s, v, o = _SUBJECTS[i % 8], _VERBS[(i // 8 + i) % 8], _OBJECTS[(i * 3) % 8]
        out.append({
            "id": f"{prefix}{i:03d}",
            "title": f"Report {i}",
            "text": f"{s} {v} {o} on Monday in Geneva. Officials said talks would continue.",
            "published": f"2023-03-{1 + i % 28:02d}",
        })
    return out


def write_jsonl(path: Path, items: list[dict]) -> Path:
    path.write_text("".join(json.dumps(a) + "\n" for a in items), encoding="utf-8")
    return path


def cli_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("PYTHONUNBUFFERED", "1")
    env.pop("NEWSEVENTS_TOKEN", None)
    return env


def start_cli(*args: str, cwd: Path | None = None) -> subprocess.Popen:
    return subprocess.Popen([*CLI, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=cli_env(), cwd=cwd)


def run_cli(*args: str, timeout: float = 180, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, env=cli_env(),
                          timeout=timeout, cwd=cwd)
