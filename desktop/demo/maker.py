"""The demo's enterprises and visits made in a second process while this one writes them.

At city scale making the rows in Python and writing them into SQLite take about as long each,
and the writing cannot be split (one connection, one transaction). So a process of its own
makes the batches from a copy of the same seeded generator and hands them over a pipe, one
batch ahead at most; the rows are the same as when they are made here (a test compares the
two databases). It is a spawned process, not a fork, so that it is safe beside Qt's threads
and works the same on Windows.
"""

from __future__ import annotations

import marshal
import multiprocessing
import traceback
from collections.abc import Iterator
from datetime import date
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from desktop.demo.writing import Batch, TermsFile

if TYPE_CHECKING:
    from desktop.demo.generator import Generator, Scale
    from desktop.demo.visits import Codes

# A demo of this many enterprises or more is large: the second process pays off (its start
# is about a second of imports). The small demo the window offers is made in-process.
LARGE = 20_000


# Batches cross the pipe marshalled: the same interpreter on both ends, and tuples of
# strings load a third faster than unpickled (this process's time is the one that counts).
_BATCH, _END, _TERMS, _ERROR = 0, 1, 2, 3


class MakerFailed(RuntimeError):
    """The second process stopped with an error: its traceback is the message."""


def _make(
    out: Connection,
    g: Generator,
    scale: Scale,
    codes: Codes,
    today: date,
    terms_file: tuple[str, list[str]] | None,  # the TermsFile's path and ddl
) -> None:
    from desktop.demo.visits import Bulk
    from desktop.demo.writing import write_terms_file

    try:
        bulk = Bulk(g, scale, codes, today)
        held: list[tuple[str, str, frozenset[str], list[str]]] = []
        for grids in bulk.batches:
            made = bulk.batch(grids)
            if terms_file is not None:
                held += made.terms
                made.terms = []
            out.send_bytes(marshal.dumps((_BATCH, made.rows, made.terms)))
        out.send_bytes(marshal.dumps((_END,)))
        if terms_file is not None:  # while the writer builds its indexes
            write_terms_file(*terms_file, held)
            out.send_bytes(marshal.dumps((_TERMS, sum(len(n) + len(c) for *_, n, c in held))))
    except (BrokenPipeError, ConnectionResetError):
        return  # the writer stopped (cancelled or failed) and closed its end
    except BaseException:
        out.send_bytes(marshal.dumps((_ERROR, traceback.format_exc())))
    finally:
        out.close()


class Maker:
    """The batches `Bulk(g, scale, codes, today).batches` makes, made by a second process
    that starts from g as it is now: create it before anything else draws from g. Iterate it
    once; close it (or use it as a context manager) to stop the process early.

    With a `terms_file` (demo_writing.terms_file) the batches carry no search terms: the
    process writes them into that file after the last batch, and `terms_ready` waits for it.
    Closing deletes the file."""

    def __init__(
        self,
        g: Generator,
        scale: Scale,
        codes: Codes,
        today: date,
        terms_file: TermsFile | None = None,
    ) -> None:
        context = multiprocessing.get_context("spawn")
        self.terms_file = terms_file
        self.terms_written = 0  # rows of the file, once ready
        self.incoming, outgoing = context.Pipe(duplex=False)
        self.process = context.Process(
            target=_make,
            args=(
                outgoing,
                g,
                scale,
                codes,
                today,
                None if terms_file is None else (terms_file.path, terms_file.ddl),
            ),
            name="demo-rows",
            daemon=True,
        )
        try:
            self.process.start()
        except BaseException:
            if terms_file is not None:  # it is this maker's to remove, started or not
                terms_file.remove()
            raise
        outgoing.close()  # only the maker writes: its end closing is how a crash shows here

    def __iter__(self) -> Iterator[Batch]:
        while True:
            item = self._next()
            if item[0] == _END:
                return
            yield Batch(item[1], item[2])

    def terms_ready(self) -> str:
        """The file of search terms, once the process has written it."""
        assert self.terms_file is not None
        item = self._next()
        if item[0] != _TERMS:
            raise MakerFailed("the demo's row maker sent rows where its search terms belong")
        self.terms_written = int(item[1])
        return self.terms_file.path

    def _next(self) -> tuple[Any, ...]:
        try:
            item: tuple[Any, ...] = marshal.loads(self.incoming.recv_bytes())
        except EOFError:
            self.process.join(5)
            code = self.process.exitcode
            raise MakerFailed(f"the demo's row maker ended early (exit code {code})") from None
        if item[0] == _ERROR:
            raise MakerFailed(item[1])
        return item

    def close(self) -> None:
        self.incoming.close()
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()
        if self.terms_file is not None:
            self.terms_file.remove()

    def __enter__(self) -> Maker:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
