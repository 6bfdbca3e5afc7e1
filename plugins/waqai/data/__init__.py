"""The editors' data: the model, the declarations of their files, reading and checking them.

`papers/` -> `load` (YAML read by the declarations in `fields`) -> `checks`
(what only the whole volume can tell) -> `model.Proceedings`. Needs no MkDocs.
"""
