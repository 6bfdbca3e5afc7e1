"""Export formats: each module turns the model into the text of one kind of file.

Nothing here writes files; the plugin writes the returned strings under `site/`.

- `keys`: citation keys shared by every format.
- `record`: one citation record per item, in two forms (original, romanised);
  the citation formats below write a form of it.
- `bibtex`: BibTeX/biblatex (`.bib`).
- `ris`: RIS (`.ris`).
- `csl`: CSL-JSON (`.json`).
- `ics`: iCalendar (`.ics`), one calendar per language.
"""
