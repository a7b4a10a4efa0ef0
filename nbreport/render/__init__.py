"""Renderers: walkers of the composed Document, one per output format."""
