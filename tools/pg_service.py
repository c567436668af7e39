"""A throwaway PostgreSQL server for the tests (and for trying newsevents by hand).

    python tools/pg_service.py           # start one, print its URL, stop it on Enter

From Python (the test suite's session fixture does this)::

    with PgService.start() as pg:        # raises PgUnavailable with the reason
        url = pg.create_database("t1")   # postgresql://postgres@127.0.0.1:PORT/t1

It uses Debian's ``postgresql`` binaries (``initdb``, ``pg_ctl``), installing the
package with ``apt-get`` when they are missing and we are root. The cluster lives in
a temporary folder, listens on a free loopback port (trust authentication, no Unix
socket outside its folder, fsync off) and is removed on ``stop()``. As root, the
data folder is owned by and the server runs as the ``postgres`` user (PostgreSQL
refuses to run as root).
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

START_TIMEOUT_S = 60


class PgUnavailable(RuntimeError):
    """PostgreSQL cannot be started here; the message says why."""


def _bindir() -> Path | None:
    """The folder of initdb/pg_ctl: PATH, else Debian's /usr/lib/postgresql/N/bin (newest)."""
    for name in ("pg_ctl", "initdb"):
        found = shutil.which(name)
        if found:
            real = Path(os.path.realpath(found)).parent
            if (real / "pg_ctl").exists() and (real / "initdb").exists():
                return real
    versions = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
        key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0,
    )
    return Path(versions[-1]).parent if versions else None


def _install() -> None:
    """``apt-get install -y postgresql`` (root only)."""
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise PgUnavailable("PostgreSQL binaries (initdb, pg_ctl) are not installed, and "
                            "installing them needs root and apt-get")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for cmd in (["apt-get", "install", "-y", "-q", "postgresql"],
                ["apt-get", "update", "-q"],
                ["apt-get", "install", "-y", "-q", "postgresql"]):
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=900)
        if proc.returncode == 0 and cmd[1] == "install":
            return
    raise PgUnavailable(f"apt-get install postgresql failed: {proc.stderr.strip()[-500:]}")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgService:
    """One running throwaway cluster. Use ``PgService.start()``; ``stop()`` removes it."""

    def __init__(self, bindir: Path, root: Path, port: int, run_as: str | None):
        self.bindir = bindir
        self.root = root
        self.datadir = root / "data"
        self.port = port
        self.run_as = run_as
        self.user = "postgres"
        self._running = False

    # ------------------------------------------------------------------ start/stop

    @classmethod
    def start(cls, install: bool = True) -> PgService:
        bindir = _bindir()
        if bindir is None:
            if not install:
                raise PgUnavailable("PostgreSQL binaries (initdb, pg_ctl) are not installed")
            _install()
            bindir = _bindir()
            if bindir is None:
                raise PgUnavailable("installed postgresql, but found no initdb/pg_ctl")
        run_as = None
        if os.geteuid() == 0:
            try:
                pwd.getpwnam("postgres")
            except KeyError:
                raise PgUnavailable("running as root and there is no 'postgres' user "
                                    "to run the server as") from None
            run_as = "postgres"
        root = Path(tempfile.mkdtemp(prefix="newsevents-pg-"))
        svc = cls(bindir, root, _free_port(), run_as)
        try:
            svc._init_and_start()
        except BaseException:
            svc.stop()
            raise
        return svc

    def _cmd(self, args: list[str], timeout: float = START_TIMEOUT_S) -> subprocess.CompletedProcess:
        if self.run_as:
            args = ["runuser", "-u", self.run_as, "--", *args]
        return subprocess.run(args, capture_output=True, text=True, timeout=timeout, cwd=self.root)

    def _init_and_start(self) -> None:
        if self.run_as:
            pw = pwd.getpwnam(self.run_as)
            os.chown(self.root, pw.pw_uid, pw.pw_gid)
        os.chmod(self.root, 0o700)
        proc = self._cmd([str(self.bindir / "initdb"), "-D", str(self.datadir), "-U", self.user,
                          "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"])
        if proc.returncode != 0:
            raise PgUnavailable(f"initdb failed: {(proc.stderr or proc.stdout).strip()[-800:]}")
        opts = (f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.root} "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                "-c max_connections=100")
        proc = self._cmd([str(self.bindir / "pg_ctl"), "-D", str(self.datadir), "-l",
                          str(self.root / "server.log"), "-o", opts, "-w", "-t",
                          str(START_TIMEOUT_S), "start"])
        if proc.returncode != 0:
            log = (self.root / "server.log")
            tail = log.read_text(errors="replace")[-800:] if log.exists() else ""
            raise PgUnavailable(f"pg_ctl start failed: {(proc.stderr or proc.stdout).strip()} {tail}")
        self._running = True
        self._wait_ready()

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                if time.monotonic() > deadline:
                    raise PgUnavailable(f"server did not listen on 127.0.0.1:{self.port}") from None
                time.sleep(0.1)

    def stop(self) -> None:
        """Stop the server (fast mode) and remove its folder."""
        if self._running:
            self._cmd([str(self.bindir / "pg_ctl"), "-D", str(self.datadir), "-m", "immediate",
                       "-w", "stop"])
            self._running = False
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> PgService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ------------------------------------------------------------------ databases

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{dbname}"

    def create_database(self, dbname: str) -> str:
        """CREATE DATABASE (dropping one of that name first); returns its URL."""
        admin_sql(self.url(), "drop", dbname)
        admin_sql(self.url(), "create", dbname)
        return self.url(dbname)


def admin_sql(server_url: str, action: str, dbname: str) -> None:
    """DROP DATABASE IF EXISTS / CREATE DATABASE ``dbname`` through ``server_url``
    (psycopg 3 or psycopg2; the name is quoted as an identifier, never formatted in)."""
    try:
        import psycopg
        from psycopg import sql
    except ImportError:  # pragma: no cover - psycopg2 only
        import psycopg2 as psycopg  # type: ignore[no-redef]
        from psycopg2 import sql  # type: ignore[no-redef]
    stmt = {
        "drop": sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)"),
        "create": sql.SQL("CREATE DATABASE {}"),
    }[action].format(sql.Identifier(dbname))
    conn = psycopg.connect(server_url)
    try:
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute(stmt)
    finally:
        conn.close()


def main() -> int:  # pragma: no cover - manual use
    try:
        svc = PgService.start()
    except PgUnavailable as exc:
        print(f"pg_service: {exc}", file=sys.stderr)
        return 1
    with svc:
        print(svc.create_database("newsevents"), flush=True)
        try:
            input("PostgreSQL is running; press Enter to stop it and remove its data.\n")
        except (EOFError, KeyboardInterrupt):
            pass
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
