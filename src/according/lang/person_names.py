"""Parts of people's names."""

from __future__ import annotations

# Lowercase particles inside a name ("Ursula von der Leyen", "Mohammed bin Salman", "Luiz Inácio
# Lula da Silva"): a name with one of them in lower case is still a proper name.
NAME_PARTICLES = frozenset(
    """
abd abu al bin bint ben ibn el da das de del della di do dos du e la le mac st st. ter van von
der den y
""".split()
)
