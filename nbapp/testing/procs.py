"""What a server costs: its process tree and that tree's memory, read from Linux's /proc (tests and benchmarks).

PSS (proportional set size) divides each shared page among the processes sharing it, so
the PSS of a tree counts a page that a warm parent and its forked kernels share once;
RSS counts it in every process.

Examples
--------
>>> import os
>>> os.getpid() in tree_pids(os.getpid())
True
>>> tree_memory_mb(os.getpid(), "Pss") > 0
True
"""
from __future__ import annotations

import os

__all__ = ["tree_pids", "tree_memory_mb", "processes_with_env"]


def _children() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    return children


def tree_pids(pid: int) -> list[int]:
    """Return ``pid`` and the ids of all its descendants (children, their children...), ``pid`` first."""
    children = _children()
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, ()))
    return found


def tree_memory_mb(pid: int, field: str = "Pss") -> float:
    """Return the sum of ``field`` ("Pss", "Rss", "Private_Dirty"...) over ``pid`` and its descendants, in MiB.

    Read from /proc/PID/smaps_rollup; a process that exits meanwhile counts 0. Raises
    FileNotFoundError when this system has no smaps_rollup (Linux before 4.14).
    """
    if not os.path.exists("/proc/self/smaps_rollup"):
        raise FileNotFoundError("/proc/self/smaps_rollup: this system does not report PSS (Linux >= 4.14 does)")
    total_kb = 0
    for current in tree_pids(pid):
        try:
            with open(f"/proc/{current}/smaps_rollup") as f:
                for line in f:
                    if line.startswith(field + ":"):
                        total_kb += int(line.split()[1])
                        break
        except (OSError, ValueError):
            pass
    return total_kb / 1024


def processes_with_env(name: str, value: str) -> list[int]:
    """Return the ids of live processes (zombies excluded) whose environment has ``name=value``.

    Only processes this user may read are seen (all of one's own).
    """
    needle = f"{name}={value}".encode()
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            with open(f"/proc/{entry}/environ", "rb") as f:
                if needle not in f.read().split(b"\0"):
                    continue
            with open(f"/proc/{entry}/stat") as f:
                if f.read().rsplit(")", 1)[1].split()[0] in ("Z", "X"):
                    continue
        except (OSError, IndexError):
            continue
        found.append(int(entry))
    return found
