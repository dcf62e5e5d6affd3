"""crosscheck: turn reports into a source-graded evidence graph.

The package is laid out the way a report travels: ``ingest`` reads files into
documents, ``extract`` finds mentions (and later claims, relations, events) in one
document at a time, ``resolve`` groups mentions into entities, ``assess`` weighs
claims across sources, ``store`` keeps all of it, ``export`` writes it out.
"""

__version__ = "0.1.0"
