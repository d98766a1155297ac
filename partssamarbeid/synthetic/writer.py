"""Writing the built rows: bulk INSERTs, or COPY on PostgreSQL."""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from django.db import connection
from django.utils import timezone

from measures.models import (
    ClimateMeasure,
    GreenRepresentative,
    Involvement,
    ProcessAnswer,
)
from meetings.models import AgendaItem, Attendance, Meeting, Proposal, Request
from municipalities.models import Body, Membership, Person

from ..models import SyntheticDataset
from .config import BATCH_SIZE

if TYPE_CHECKING:  # the builder imports R from here
    from .builder import Chunk


class R:
    """A row to insert: attributes named like the model's fields; a foreign key may hold another
    row (or a model instance), resolved to its primary key when written. Much lighter than a
    model instance, and ``save()``/signals never run for it."""

    def __init__(self, model, **values):
        self.__dict__.update(values)
        self._model = model
        self.pk = None


_MISSING = object()


class Writer:
    """Writes rows table by table.

    PostgreSQL: the table is locked against other writers (readers are not blocked) for the rest
    of the transaction, a block of ids is taken from its sequence in one statement, and the rows
    go in with ``COPY`` (several times faster than INSERT). Other databases (SQLite in tests):
    ``bulk_create``, which returns the primary keys (SQLite 3.35+).
    """

    def __init__(self, batch_size: int = BATCH_SIZE):
        self.batch_size = batch_size
        self.postgres = connection.vendor == "postgresql"
        self.now = timezone.now()
        self._plans: dict = {}
        self._locked: set = set()

    def plan(self, model) -> list[tuple]:
        """Per column: (field, attribute, foreign-key attribute, default maker, COPY formatter)."""
        if model not in self._plans:
            plan = []
            for f in model._meta.concrete_fields:
                if f.primary_key:
                    plan.append((f, "pk", None, None, _format_for(f)))
                    continue
                if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                    default = lambda: self.now  # noqa: E731
                else:
                    default = f.get_default
                plan.append((f, f.name, f.attname if f.is_relation else None, default, _format_for(f)))
            self._plans[model] = plan
        return self._plans[model]

    @staticmethod
    def _value(values: dict, name, attname, default):
        value = values.get(name, _MISSING)
        if value is _MISSING:
            if attname is not None:
                value = values.get(attname, _MISSING)
            if value is _MISSING:
                return default()
        elif attname is not None and value is not None and not isinstance(value, (int, str)):
            value = value.pk  # a row or a model instance
        return value

    def write(self, model, rows: list) -> None:
        if not rows:
            return
        if self.postgres:
            self._copy(model, rows)
        else:
            self._bulk_create(model, rows)

    def _bulk_create(self, model, rows):
        plan = self.plan(model)
        objects = []
        for row in rows:
            values = row.__dict__
            objects.append(model(**{
                f.attname: self._value(values, name, attname, default)
                for f, name, attname, default, _fmt in plan if name != "pk"
            }))
        model.objects.bulk_create(objects, batch_size=self.batch_size)
        for row, obj in zip(rows, objects):
            row.pk = obj.pk

    def _copy(self, model, rows):
        table = model._meta.db_table
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            if table not in self._locked:
                # INSERTs from other sessions wait until we commit; SELECTs do not.
                cursor.execute(f"LOCK TABLE {quote(table)} IN EXCLUSIVE MODE")
                self._locked.add(table)
            cursor.execute(
                "SELECT setval(s::regclass, nextval(s::regclass) + %s - 1) FROM pg_get_serial_sequence(%s, %s) AS s",
                [len(rows), table, model._meta.pk.column],
            )
            last = cursor.fetchone()[0]
            for pk, row in enumerate(rows, start=last - len(rows) + 1):
                row.pk = pk
            plan = self.plan(model)
            value = self._value
            lines = []
            for row in rows:
                values = row.__dict__
                lines.append("\t".join([fmt(value(values, name, attname, default))
                                         for _f, name, attname, default, fmt in plan]))
            data = "\n".join(lines) + "\n"
            sql = f"COPY {quote(table)} ({', '.join(quote(f.column) for f, *_rest in plan)}) FROM STDIN"
            # psycopg 3: the rows are already in COPY's text format, so they go in as written, in
            # blocks of _COPY_BLOCK characters (write_row() would adapt every value again).
            with cursor.cursor.copy(sql) as copy:
                for start in range(0, len(data), _COPY_BLOCK):
                    copy.write(data[start:start + _COPY_BLOCK])


_COPY_BLOCK = 1 << 20


_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
_NULL = "\\N"


def _format_for(field) -> Callable:
    """How a value of ``field`` is written in PostgreSQL's COPY text format."""
    kind = field.get_internal_type()
    if kind == "JSONField":
        def fmt(v):
            if v is None:
                return _NULL
            if not v:
                return "[]" if isinstance(v, list) else "{}"
            return json.dumps(v, ensure_ascii=False).translate(_COPY_ESCAPES)
    elif kind == "BooleanField":
        def fmt(v):
            return _NULL if v is None else ("t" if v else "f")
    elif kind in ("CharField", "TextField") and not field.is_relation:
        def fmt(v):
            if v is None:
                return _NULL
            if "\n" in v or "\t" in v or "\\" in v or "\r" in v:
                return v.translate(_COPY_ESCAPES)
            return v
    elif kind in ("DateField", "DateTimeField", "TimeField"):
        def fmt(v):
            return _NULL if v is None else v.isoformat()
    else:  # integers, decimals, foreign keys
        def fmt(v):
            return _NULL if v is None else str(v)
    return fmt


def _link_rows(through, left: str, right: str, pairs) -> list:
    return [R(through, **{left: a, f"{right}_id" if isinstance(b, int) else right: b}) for a, b in pairs]


def write_chunk(c: Chunk, dataset: SyntheticDataset, writer: Writer, counts: Counter) -> None:
    """Insert a chunk, parents first."""
    w = writer.write
    w(Body, c.bodies)
    w(Person, c.people)
    w(Membership, c.memberships)
    w(Meeting, c.meetings)
    w(Attendance, c.attendance)
    w(AgendaItem, c.items)
    w(Proposal, c.proposals)
    w(Proposal.proposers.through, _link_rows(Proposal.proposers.through, "proposal", "organisation", c.proposers))
    w(Request, c.requests)
    w(ClimateMeasure, c.measures)
    w(ClimateMeasure.topics.through, _link_rows(ClimateMeasure.topics.through, "climatemeasure", "topic", c.measure_topics))
    w(ClimateMeasure.agenda_items.through,
      _link_rows(ClimateMeasure.agenda_items.through, "climatemeasure", "agendaitem", c.measure_items))
    w(Involvement, c.involvements)
    w(Involvement.unions.through, _link_rows(Involvement.unions.through, "involvement", "organisation", c.involvement_unions))
    w(Involvement.representatives.through,
      _link_rows(Involvement.representatives.through, "involvement", "person", c.involvement_people))
    w(ProcessAnswer, c.process_answers)
    w(GreenRepresentative, c.green)
    for name, rows in (("bodies", c.bodies), ("people", c.people), ("measures", c.measures)):
        through = getattr(SyntheticDataset, name).through
        target = {"bodies": "body", "people": "person", "measures": "climatemeasure"}[name]
        w(through, [R(through, syntheticdataset=dataset, **{target: row}) for row in rows])
    for name, rows in (
        ("bodies", c.bodies), ("people", c.people), ("memberships", c.memberships), ("meetings", c.meetings),
        ("attendance", c.attendance), ("agenda_items", c.items), ("proposals", c.proposals),
        ("proposers", c.proposers), ("requests", c.requests), ("measures", c.measures),
        ("measure_topics", c.measure_topics), ("measure_items", c.measure_items), ("involvements", c.involvements),
        ("involvement_unions", c.involvement_unions), ("involvement_representatives", c.involvement_people),
        ("process_answers", c.process_answers), ("green_representatives", c.green),
    ):
        counts[name] += len(rows)
