"""The vocabulary of the PostgreSQL index (:mod:`search.vocabulary`): a table of lexemes with their
document counts, a ``text_pattern_ops`` index so a prefix (``LIKE 'parkering%'``) reads only its
lexemes, and, on PostgreSQL, the vocabulary of the documents already indexed (``ts_stat``). On
SQLite the table stays empty.
"""
from django.db import migrations, models


def _on(vendor, sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == vendor:
            for statement in sql:
                schema_editor.execute(statement)
    return run


POSTGRES_FORWARD = [
    "CREATE INDEX search_lexeme_prefix ON search_searchlexeme (lexeme text_pattern_ops)",
    "INSERT INTO search_searchlexeme (lexeme, documents) "
    "SELECT word, ndoc FROM ts_stat('SELECT vector FROM search_searchdocument WHERE vector IS NOT NULL')",
]
POSTGRES_BACKWARD = ["DROP INDEX IF EXISTS search_lexeme_prefix"]


class Migration(migrations.Migration):
    dependencies = [("search", "0002_fulltext")]

    operations = [
        migrations.CreateModel(
            name="SearchLexeme",
            fields=[
                ("lexeme", models.TextField(primary_key=True, serialize=False)),
                ("documents", models.PositiveIntegerField(default=0)),
            ],
        ),
        migrations.RunPython(_on("postgresql", POSTGRES_FORWARD), _on("postgresql", POSTGRES_BACKWARD)),
    ]
