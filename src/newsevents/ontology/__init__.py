"""The ontologies: CAMEO codes and their PLOVER counterparts."""
from .plover import to_plover

__all__ = ["to_plover"]
