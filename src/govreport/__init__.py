"""govreport: read Chinese government work reports from the command line."""

__version__ = "0.1.0"

from govreport.document import Document, load_document  # noqa: E402

__all__ = ["Document", "load_document", "__version__"]
