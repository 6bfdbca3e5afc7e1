"""The MkDocs site: the `proceedings` plugin and what only the site needs.

The only package that imports `mkdocs`, `material` or mkdocs-static-i18n
(an import-linter contract in pyproject.toml keeps it so).
"""
