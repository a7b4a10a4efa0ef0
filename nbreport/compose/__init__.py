"""Compose a Report into the layout-free Document tree that renderers walk."""

from .document import compose
from .nodes import NODE_KINDS, Document, Node

__all__ = ["NODE_KINDS", "Document", "Node", "compose"]
