"""Resolution: which mentions name the same entity, within and across documents."""
