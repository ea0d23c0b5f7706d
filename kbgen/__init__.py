"""kbgen: structured help-centre content to a checked, searchable MkDocs site."""
__version__ = "0.1.0"
