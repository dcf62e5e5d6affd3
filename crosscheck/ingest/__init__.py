"""Ingest: files on disk into documents (text exactly as stored, plus metadata)."""
