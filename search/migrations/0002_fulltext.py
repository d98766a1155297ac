"""The full-text index, per database.

PostgreSQL: a GIN index on the stored ``vector``. SQLite: an FTS5 table ``search_fts`` with the
stemmed title, decision/proposal text, case paper and compound tails under the document's id
(unicode61 tokenizer, diacritics kept: å, æ and ø are letters of their own), and a trigger that
removes a document's entry when the document is deleted. Each operation runs only on its own
database (``connection.vendor``); elsewhere it does nothing.
"""
from django.db import migrations


def _on(vendor, sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == vendor:
            for statement in sql:
                schema_editor.execute(statement)
    return run


POSTGRES_FORWARD = ["CREATE INDEX search_document_vector_gin ON search_searchdocument USING gin (vector)"]
POSTGRES_BACKWARD = ["DROP INDEX IF EXISTS search_document_vector_gin"]
SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "title, main, paper, parts, tokenize = 'unicode61 remove_diacritics 0')",
    "CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument BEGIN "
    "DELETE FROM search_fts WHERE rowid = old.id; END",
]
SQLITE_BACKWARD = ["DROP TRIGGER IF EXISTS search_fts_delete", "DROP TABLE IF EXISTS search_fts"]


class Migration(migrations.Migration):
    dependencies = [("search", "0001_documents")]

    operations = [
        migrations.RunPython(_on("postgresql", POSTGRES_FORWARD), _on("postgresql", POSTGRES_BACKWARD)),
        migrations.RunPython(_on("sqlite", SQLITE_FORWARD), _on("sqlite", SQLITE_BACKWARD)),
    ]
