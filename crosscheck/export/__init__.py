"""Exports: JSONL (crosscheck's own format) and FollowTheMoney."""

from crosscheck.export import ftm, jsonl

FORMATS = {"jsonl": jsonl.write, "ftm": ftm.write}
