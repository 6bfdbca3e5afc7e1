"""Citation keys, as the exports read them.

The rule lives with the data (`waqai.data.citekeys`) because `check` needs it
too: it refuses a malformed or repeated stored key and tells an editor the key to
store. The writers and the site read keys through this module.
"""

from __future__ import annotations

from waqai.data.citekeys import ascii_fold, base_key, citation_keys, name_part, title_word

__all__ = ["ascii_fold", "base_key", "citation_keys", "name_part", "title_word"]
