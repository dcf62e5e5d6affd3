"""Benchmarks over the public development data in ``../shared/data`` (never shipped)."""
