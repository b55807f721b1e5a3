"""Reading input: plain text, HTML, JSONL archives, folders, stdin.

Readers produce :class:`Document` (text exactly as read, metadata, page
furniture marked by offsets) or :class:`Unreadable` (the reason), never None.
"""

from .document import Document, Unreadable
from .readers import MAX_BYTES, read_document, read_paths

__all__ = ["Document", "Unreadable", "read_document", "read_paths", "MAX_BYTES"]
