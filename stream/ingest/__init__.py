"""Ingest: decoding and validating raw messages, normalisation and content hashes."""
