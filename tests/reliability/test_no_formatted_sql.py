"""No SQL built by string formatting anywhere in ``src/newsevents`` (not only the store).

Two checks over the syntax tree of every module:

1. no f-string, ``%``-formatting, ``.format()`` or ``+`` concatenation whose literal
   parts look like SQL (SELECT ... FROM, INSERT INTO, UPDATE ... SET, DELETE FROM,
   CREATE/DROP/ALTER TABLE/INDEX, WHERE/ORDER BY/LIMIT clauses), wherever it appears;
2. the argument of ``text()``, ``exec_driver_sql()``, ``executescript()`` is a
   plain string literal, and the one of ``execute()``/``executemany()`` is never a
   formatted string (nor a name assigned one in the same function).
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import newsevents

SRC = Path(newsevents.__file__).resolve().parent

SQL = re.compile(
    r"\bSELECT\b[\s\S]*\bFROM\b|\bINSERT\s+INTO\b|\bUPDATE\s+\S+\s+SET\b|\bDELETE\s+FROM\b"
    r"|\b(CREATE|DROP|ALTER)\s+(UNIQUE\s+)?(TABLE|INDEX|VIEW|SCHEMA|DATABASE)\b"
    r"|\bWHERE\s+\w+\s*(=|<|>|IN\b|LIKE\b|IS\b)|\bORDER\s+BY\s+(\w|%|\{)|\bLIMIT\s+(\d|\{|%|\?)"
    r"|\bPRAGMA\s+\w+\s*=|\bVALUES\s*\(",
    re.I,
)
LITERAL_ONLY = {"text", "exec_driver_sql", "executescript"}
EXECUTE = {"execute", "executemany"} | LITERAL_ONLY


def _literal_parts(node: ast.AST) -> str:
    """The constant text inside a formatted-string expression."""
    parts = []
    for sub in ast.walk(node):
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
            parts.append(sub.value)
    return " ".join(parts)


def _is_formatted(node: ast.AST) -> bool:
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.FormattedValue) for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mod, ast.Add)):
        return _has_str(node.left) or _has_str(node.right)
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("format", "format_map", "join")
            and isinstance(node.func.value, (ast.Constant, ast.JoinedStr))):
        return True
    return False


def _has_str(node: ast.AST) -> bool:
    return (isinstance(node, ast.Constant) and isinstance(node.value, str)) or isinstance(
        node, ast.JoinedStr) or (isinstance(node, ast.BinOp) and _is_formatted(node))


def _call_name(node: ast.Call) -> str | None:
    f = node.func
    if isinstance(f, ast.Attribute):
        return f.attr
    if isinstance(f, ast.Name):
        return f.id
    return None


def problems(source: str, filename: str = "<src>") -> list[str]:
    tree = ast.parse(source, filename)
    found = []

    def where(node: ast.AST) -> str:
        return f"{filename}:{node.lineno}: {ast.get_source_segment(source, node) or ''}"[:200]

    # 1. formatted strings that look like SQL, anywhere
    for node in ast.walk(tree):
        if _is_formatted(node) and SQL.search(_literal_parts(node)):
            found.append("SQL built by formatting: " + where(node))

    # 2. what execute()/text() are given (names followed within each function)
    scopes = [n for n in ast.walk(tree)
              if isinstance(n, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef))]
    for scope in scopes:
        formatted_names = set()
        for node in ast.walk(scope):
            if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)) and node.value is not None:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if _is_formatted(node.value) or isinstance(node, ast.AugAssign) and _has_str(node.value):
                    formatted_names |= {t.id for t in targets if isinstance(t, ast.Name)}
        for node in ast.walk(scope):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = _call_name(node)
            if name not in EXECUTE:
                continue
            arg = node.args[0]
            if name in LITERAL_ONLY and name != "text" or (
                    name == "text" and (isinstance(node.func, ast.Name) or getattr(
                        node.func.value, "id", "") in ("sa", "sqlalchemy"))):
                if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                    found.append(f"{name}() of a non-literal: " + where(node))
            elif _is_formatted(arg) or (isinstance(arg, ast.Name) and arg.id in formatted_names):
                found.append(f"{name}() of a formatted string: " + where(node))
    return sorted(set(found))


def test_the_detector_catches_formatted_sql():
    bad = [
        'q = f"SELECT * FROM events WHERE id = {x}"',
        "q = 'DELETE FROM events WHERE id = %s' % x",
        'q = "INSERT INTO actors VALUES ({})".format(x)',
        'q = """UPDATE events SET x = 1 WHERE id = """ + x',
        'q = f"""\nselect x\nfrom events where a = {a}"""',
        'conn.execute(text("select * from t where a = " + a))',
        'conn.exec_driver_sql(sql)',
        'conn.exec_driver_sql(f"PRAGMA busy_timeout = {ms}")',
        'def f(x):\n    q = "drop table " + x\n    cur.execute(q)',
        'cur.execute(f"{verb} {x}")',
        'text(query)',
        'sa.text(query)',
        'q = f"CREATE INDEX {name} ON events (date)"',
        'q = "order by %s" % col',
    ]
    for snippet in bad:
        assert problems(snippet), snippet
    ok = [
        'raise StoreError(f"cannot save a batch of {n} articles")',
        'msg = f"select one of: {names}"',
        'conn.exec_driver_sql("PRAGMA foreign_keys = ON")',
        'conn.execute(select(events).where(events.c.id == x))',
        'conn.execute(stmt, rows)',
        'log.info("updated %s rows", n)',
        'click.echo(f"{n} events exported", err=True)',
        'cur.execute(sql.SQL("DROP DATABASE {}").format(sql.Identifier(name)))',
        'path.read_text(encoding="utf-8")',
    ]
    for snippet in ok:
        assert not problems(snippet), (snippet, problems(snippet))


def test_no_sql_is_built_by_string_formatting_in_newsevents():
    files = sorted(SRC.rglob("*.py"))
    assert len(files) > 20 and any(p.parent.name == "store" for p in files)
    found = {}
    for p in files:
        hits = problems(p.read_text(encoding="utf-8"), str(p.relative_to(SRC.parent)))
        if hits:
            found[str(p)] = hits
    assert not found, "SQL built by string formatting:\n" + "\n".join(
        h for hits in found.values() for h in hits)
