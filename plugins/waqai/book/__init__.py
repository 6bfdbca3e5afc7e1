"""The printed proceedings: one PDF typeset in Arabic and English with Typst.

`content.book_data` turns the model into JSON; `documents.py` makes from it the JSON
of each document the book is typeset from (`templates/`: the body in parts of whole
sessions, then the front and the indexes); `typeset.py` compiles each with Typst (the
`typst` package: no system TeX) in a child process, from the fonts the package ships
(`fonts/`); `fulltexts.py` lays the papers' own pages in and `assemble.py` joins the
documents into one PDF, both with pikepdf; `render.make_book` does it all. No editor
text is ever read as Typst markup: it reaches the templates as JSON strings. Plain
Python: no MkDocs.
"""

BOOK_FILE = "proceedings.pdf"  # its place in the site, beside the home page
