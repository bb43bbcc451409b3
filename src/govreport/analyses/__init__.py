"""One module per command's analysis: a Document in, rows out."""
