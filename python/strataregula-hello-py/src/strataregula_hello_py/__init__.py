"""The Python twin of the playground's `hello` plugin."""

from .plugin import HelloPlugin

__all__ = ['HelloPlugin']
