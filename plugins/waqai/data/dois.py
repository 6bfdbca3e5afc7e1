"""Which DOI an item and the volume have (placeholder until the DOI part lands).

The DOI part of issue 15 replaces this module: a `doi_prefix` in conference.yaml
gives every item and the volume a DOI unless a paper states its own. Until then an
item has the DOI its paper.yaml states and the volume has none.
"""

from __future__ import annotations

from waqai.data.model import Conference, Paper, Proceedings


def item_doi(proc: Proceedings, paper: Paper) -> str | None:
    """The item's DOI: placeholder until the DOI part lands (the DOI its paper.yaml states)."""
    del proc  # the DOI part derives DOIs from the conference's prefix
    return paper.doi


def volume_doi(conf: Conference) -> str | None:
    """The volume's DOI: placeholder until the DOI part lands (none)."""
    del conf
    return None
