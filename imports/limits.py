"""Limits of the import, defined once (framework-free: the importer core reads them too).

``settings.IMPORT_MAX_BYTES`` is this number; the upload form, the stored document, the
command-line import and the parser all refuse a larger file.
"""

#: The largest file an import accepts (20 MB).
IMPORT_MAX_BYTES = 20 * 1024 * 1024
