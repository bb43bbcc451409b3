"""Rows out: table, TSV, CSV, JSON, JSONL."""
