"""Benchmarks of innovasjonspris against pydantic v2 and msgspec; run ``python -m benchmarks``."""
