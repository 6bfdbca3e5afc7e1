"""The printed proceedings: one PDF typeset in Arabic and English with Typst.

`content.book_data` turns the model into a JSON document; `render.render_book`
compiles `book.typ` with it (the `typst` package: no system TeX) from the fonts the
package ships (`media/fonts/`). No editor text is ever read as Typst markup: it
reaches the template as JSON strings. Plain Python: no MkDocs.
"""
