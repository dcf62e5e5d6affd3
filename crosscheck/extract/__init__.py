"""Extraction: per-document, pure stages over a parsed text."""

from crosscheck.extract.pipeline import ExtractConfig, Extractor

__all__ = ["ExtractConfig", "Extractor"]
