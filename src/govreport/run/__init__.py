"""Running an analysis over many inputs: process pool, streaming, cache."""
