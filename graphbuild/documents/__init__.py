"""Reading articles: files, folders, JSONL and stdin → :class:`graphbuild.model.Document`."""
from graphbuild.documents.readers import Reader, read_documents

__all__ = ["Reader", "read_documents"]
