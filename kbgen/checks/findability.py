"""KB7xx — search findability: customers' queries must find their answer in the top 3."""
from __future__ import annotations

from ..findings import Finding
from ..messages import msg
from . import check, rule

rule("KB701", "search-test-miss", """A query of ``search-tests.yaml`` whose expected answer (an FAQ id, a
policy slug, a store id or ``contacto``) is not among the first 3 results of the site's search — the same
index and ranking the published site uses. Add the customer's words as ``keywords`` to the answer, add a
synonym to ``synonyms.yaml``, or reword the question.""")
rule("KB702", "search-test-unknown-answer", """A search test expects an answer that does not exist: no FAQ
id, policy slug or store id of that name. Fix the ``expect:`` value.""")


@check
def search_tests(project, options):
    if not project.search_tests:
        return
    from ..search import load_index
    from ..search.engine import run_search_tests
    from ..search.project import payload_for_project
    known = {q.id for q in project.questions()} | {p.slug for p in project.policies} | set(project.stores) \
        | {"contacto", "contact"} | {p.slug for p in project.pages}
    tests = []
    for t in project.search_tests:
        if t.expect not in known:
            yield Finding("KB702", "error", t.loc_of("expect"),
                          msg("search.unknown.expect", options.lang, query=t.query, expect=t.expect), t.expect)
        else:
            tests.append(t)
    index = load_index(payload_for_project(project))
    by_query = {(t.query, t.expect): t for t in tests}
    for miss in run_search_tests(index, tests):
        t = by_query[(miss.query, miss.expect)]
        yield Finding("KB701", "error", t.loc_of("query"), miss.message(options.lang), miss.expect)
