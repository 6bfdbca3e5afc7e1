"""The benchmark: synthetic proceedings, a plain-MkDocs baseline, and measurement."""
