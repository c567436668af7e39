"""The ontologies: CAMEO codes, their classes, and their PLOVER counterparts."""
from . import classes
from .plover import to_plover

__all__ = ["classes", "to_plover"]
