"""kbgen: structured help-centre content to a checked, searchable MkDocs site."""
__version__ = "0.1.0"

from .regexcache import preload as _preload_regexes

_preload_regexes()  # before any module of kbgen compiles its patterns
