"""The printed proceedings: one PDF typeset in Arabic and English with Typst.

`content.book_data` turns the model into a JSON document; `typeset.typeset` compiles
`book.typ` with it (the `typst` package: no system TeX) from the fonts the package
ships (`fonts/`); `fulltexts.lay_full_texts` lays the papers' own pages in with
pikepdf; `render.make_book` does both. No editor text is ever read as Typst markup: it
reaches the template as JSON strings. Plain Python: no MkDocs.
"""

BOOK_FILE = "proceedings.pdf"  # its place in the site, beside the home page
