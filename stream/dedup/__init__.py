"""Deduplication: the article layer (content keys, SimHash) and the event layer, with state bounds."""
