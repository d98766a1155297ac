"""What the import commands (``import_protocol``, ``harvest``) print: one JSON object, or a summary."""
from __future__ import annotations

import json


def dumps(value) -> str:
    """The ``--json`` output: one readable JSON object."""
    return json.dumps(value, ensure_ascii=False, indent=2)


def write_summary(command, output: dict, dry_run: bool, done: str) -> None:
    """The totals line on stdout ("Imported: 3 inserted, ..."), conflicts and warnings on stderr."""
    counts = output["counts"]
    prefix = "Dry run, nothing written: would have" if dry_run else done
    command.stdout.write(
        f"{prefix} {counts['inserted']} inserted, {counts['updated']} updated, {counts['unchanged']} unchanged"
    )
    for line in output["conflicts"] + output["warnings"]:
        command.stderr.write(f"warning: {line}")
