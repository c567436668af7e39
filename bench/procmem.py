"""Memory of a process tree, read from /proc (shared by the benchmarks)."""
from __future__ import annotations

import os


def children(pid: int) -> list[int]:
    """The process ids of ``pid``'s children (none when it is gone)."""
    out: list[int] = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as fh:
                out += [int(x) for x in fh.read().split()]
    except OSError:
        pass
    return out


def status_kb(pid: int) -> dict[str, int]:
    """Peak (VmHWM) and current (VmRSS) resident size in kB."""
    out: dict[str, int] = {}
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith(("VmHWM:", "VmRSS:")):
                    out[line.split(":")[0]] = int(line.split()[1])
    except OSError:
        pass
    return out


def pss_kb(pid: int) -> int:
    """Proportional set size: shared pages (a forked worker's model) counted once over the tree."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0
