"""duban (督办): read government work reports, extract their targets, follow them through.

The library API the CLI, the web app and batch mode all call::

    import duban
    doc = duban.read("report.pdf")          # ingest + normalize -> Document
    result = duban.extract(doc)             # -> Extraction with .items, .sections, .year
    result = duban.extract("今年新增学位4290个")  # plain text works too
"""

from duban.api import extract, extract_file, read, read_bytes, read_text
from duban.document import Document
from duban.errors import InputError
from duban.items import Extraction, Item, Section

__all__ = [
    "Document",
    "Extraction",
    "InputError",
    "Item",
    "Section",
    "extract",
    "extract_file",
    "read",
    "read_bytes",
    "read_text",
]
__version__ = "0.1.0"
