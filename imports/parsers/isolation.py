"""Parse one document in a child process, within a time and memory budget.

A crafted PDF of a few MB can inflate to tens of MB of text operators: pypdf then spends a
minute and more than a gigabyte on it, and the page loop can only look at the clock between
pages. So the background worker (and the command-line import) run :func:`parse_document` in a
child process with a memory budget (resident memory watched from a thread, the address space
capped by ``RLIMIT_AS`` a little above it), a CPU-time limit (``RLIMIT_CPU``) and a wall-clock
deadline. A document that needs more gets the ``too_complex`` message; the
worker goes on with the next document (another user's import), and meanwhile ``on_wait`` lets
it show it is alive (renew its lease).

The child comes from a ``forkserver`` (a clean process that has imported the importer once, so
each document starts in milliseconds) where the platform has one, else from ``spawn``; never a
plain ``fork`` of the worker, which holds database connections and threads. Framework-free.
"""
from __future__ import annotations

import importlib
import multiprocessing
import os
import resource
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from . import ocr
from .errors import ProtocolImportError
from .types import ParsedDocument

DEFAULT_PARSER = "imports.parsers.pipeline.parse_document"
#: RLIMIT_AS is set this far above the memory budget: address space is not memory (thread
#: stacks and malloc arenas reserve much more than they use); _watch enforces the budget itself.
ADDRESS_SPACE_MARGIN_MB = 256
_context = None


@dataclass(frozen=True)
class ParseBudget:
    """What one document may cost: wall-clock seconds (CPU seconds too) and address space."""

    seconds: float = 20.0
    memory_mb: int = 512


def _mp_context():
    global _context
    if _context is None:
        if "forkserver" in multiprocessing.get_all_start_methods():
            _context = multiprocessing.get_context("forkserver")
            _context.set_forkserver_preload(["imports.parsers"])
        else:  # pragma: no cover - macOS/Windows development machines
            _context = multiprocessing.get_context("spawn")
    return _context


def parse_isolated(
    data: bytes,
    filename: str = "",
    *,
    budget: ParseBudget = ParseBudget(),
    on_wait: Callable[[], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    parser: str = DEFAULT_PARSER,
) -> ParsedDocument:
    """``parse_document(data, filename)`` in a child process; raises only ProtocolImportError.

    ``parser`` is the dotted path of the parse function (tests put a slow one there);
    ``on_wait`` is called about once a second while the child works. A scanned document is
    read page by page (OCR): each recognised page is passed to ``on_progress(done, total)``
    and gives the child a fresh time budget, so the budget bounds each page, not the file.
    """
    context = _mp_context()
    reader, writer = context.Pipe(duplex=False)
    child = context.Process(
        target=_child, args=(writer, parser, data, filename, budget), name="parse-document", daemon=True
    )
    child.start()
    writer.close()
    deadline = time.monotonic() + budget.seconds
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ProtocolImportError("too_complex", detail=f"over {budget.seconds} s")
            if reader.poll(min(1.0, remaining)):
                try:
                    outcome = reader.recv()
                except EOFError:
                    child.join(1)
                    raise _died(child.exitcode) from None
                if outcome[0] != "progress":
                    break
                deadline = time.monotonic() + budget.seconds
                if on_progress is not None:
                    on_progress(*outcome[1])
            if on_wait is not None:
                on_wait()
    finally:
        reader.close()
        if child.is_alive():
            child.kill()
        child.join(5)
    kind, value = outcome
    if kind == "ok":
        return value
    code, message, detail = value
    raise ProtocolImportError(code, message, detail=detail)


def _died(exitcode: int | None) -> ProtocolImportError:
    """A child that ended without an answer: killed by a limit (a signal), or a crash."""
    if exitcode is not None and exitcode < 0:
        return ProtocolImportError("too_complex", detail=f"child killed by signal {-exitcode}")
    return ProtocolImportError("internal", detail=f"child exited with {exitcode}")


def _child(writer, parser: str, data: bytes, filename: str, budget: ParseBudget) -> None:
    _limit(budget)
    _watch(budget)
    module, _, name = parser.rpartition(".")
    parse = getattr(importlib.import_module(module), name)

    def page_done(done: int, total: int) -> None:
        _extend_cpu(budget)
        writer.send(("progress", (done, total)))

    try:
        with ocr.reporting_progress(page_done):
            outcome = ("ok", parse(data, filename))
    except ProtocolImportError as error:
        outcome = ("error", (error.code, error.message, error.detail))
    except MemoryError:
        outcome = ("error", ("too_complex", None, "memory limit"))
    writer.send(outcome)
    writer.close()


def _limit(budget: ParseBudget) -> None:
    """CPU seconds, and the address space as a backstop above the memory budget (see _watch)."""
    memory = (budget.memory_mb + ADDRESS_SPACE_MARGIN_MB) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    cpu = max(1, int(budget.seconds + 0.999))
    # no hard cap: the child raises its own soft limit per scanned page (_extend_cpu); the
    # document's text never runs as code, so the soft limit (SIGXCPU) is what bounds it
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, resource.RLIM_INFINITY))


def _extend_cpu(budget: ParseBudget) -> None:
    """Another budget of CPU seconds, from now on (a scanned page was read)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    used = int(usage.ru_utime + usage.ru_stime)
    resource.setrlimit(resource.RLIMIT_CPU, (used + max(1, int(budget.seconds + 0.999)), resource.RLIM_INFINITY))


def _watch(budget: ParseBudget) -> None:
    """Kill the child when its resident memory passes the budget, or when the process that
    started it goes away (e.g. a worker killed with -9).

    Resident memory, not only RLIMIT_AS: the PDF reader turns a failed allocation on a page
    into an empty page, so a document stopped by the address-space limit alone could be
    reported as having no text layer instead of as too complex.
    """
    parent = os.getppid()
    limit_pages = budget.memory_mb * 1024 * 1024 // resource.getpagesize()

    def watch():
        while os.getppid() == parent and _resident_pages() <= limit_pages:
            time.sleep(0.05)
        os.kill(os.getpid(), signal.SIGKILL)

    threading.Thread(target=watch, name="parse-watchdog", daemon=True).start()


def _resident_pages() -> int:
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[1])
    except OSError:  # pragma: no cover - no procfs: the address-space limit alone applies
        return 0
