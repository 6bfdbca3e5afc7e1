"""Images made from the data at build time, without MkDocs and without a network."""
