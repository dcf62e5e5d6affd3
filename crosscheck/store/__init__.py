"""The store: everything extracted, each fact with its evidence span."""
