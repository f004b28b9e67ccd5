"""Simulated patient cases: schema, loading with clear errors, importers and variation."""
