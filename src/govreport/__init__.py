"""govreport: read Chinese government work reports from the command line."""

__version__ = "0.1.0"

__all__ = ["Document", "load_document", "__version__"]


def __getattr__(name):
    """Document and load_document on first use, so `govreport --help` stays light."""
    if name in ("Document", "load_document"):
        from govreport.document import document

        return getattr(document, name)
    raise AttributeError(name)
