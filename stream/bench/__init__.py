"""Benchmarks: the coder alone, the whole pipeline, and the forwarding baseline."""
