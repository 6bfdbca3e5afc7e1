"""Importers: a submission system's export (EasyChair, CMT, aclpub2, pretalx) into the
editors' files of `papers/`. Plain Python, no MkDocs.

Each reader (`easychair.py`, `cmt.py`, `aclpub2.py`, `pretalx.py`) turns its files into
`records.Export`; `people.py` matches the authors with `people.yaml`; `write.py` writes
the folders and entries as an editor would.
"""
