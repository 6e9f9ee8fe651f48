"""Expands wildcard service patterns over a region hierarchy, the core idea of Strataregula."""

from .plugin import PatternExpanderPlugin

__all__ = ['PatternExpanderPlugin']
