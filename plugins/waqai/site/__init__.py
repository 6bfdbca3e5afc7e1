"""The MkDocs side of Waqai: the plugin, its configuration, the pages it generates."""
