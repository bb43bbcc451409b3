"""Inputs as they come: files, folders, globs, stdin; bytes -> text for each format."""
