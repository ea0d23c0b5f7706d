"""kbgen: structured help-centre content to a checked, searchable MkDocs site."""
__version__ = "0.1.0"

from .codecache import preload as _preload_code
from .regexcache import command as _command, preload as _preload_regexes

_preload_regexes()  # before any module of kbgen compiles its patterns
_preload_code()  # before any module of kbgen defines its dataclasses (only in the kbgen command)

if _command() == "check":
    # ``kbgen check`` is a short process that allocates mostly long-lived objects and exits without
    # freeing them: Python's cyclic garbage collector, which would re-scan them again and again,
    # stays off for it (engine._CollectorSpared then leaves it off). Its peak memory is in bench/RESULTS.md.
    import gc as _gc

    _gc.disable()
