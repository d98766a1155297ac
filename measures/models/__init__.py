"""The measures app's models: the measures (``measure``) and how the employee side was involved
in them (``involvement``). ``from measures.models import X`` stays the way to import them.

Derived values (first involvement, highest level, timing, flag) are never stored: see
:mod:`measures.services`.
"""

from .involvement import DismissedSuggestion, GreenRepresentative, Involvement, ProcessAnswer
from .measure import ClimateMeasure, Level, Side, Topic

__all__ = [
    "ClimateMeasure",
    "DismissedSuggestion",
    "GreenRepresentative",
    "Involvement",
    "Level",
    "ProcessAnswer",
    "Side",
    "Topic",
]
