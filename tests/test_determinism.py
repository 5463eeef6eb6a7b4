"""The same articles give the same brief on every run: nothing in the brief
may follow the order of a set, which changes with Python's hash seed (a
daily build compared with yesterday's would report changes that are none)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

# Four outlets give one sum with two nouns ("$160 million offer", "$160
# million contract") and a death toll in their leads; which noun is kept and
# the order of the citations must not depend on the run.
SCRIPT = textwrap.dedent("""
    from types import SimpleNamespace
    from briefgen.fuse.figures import fuse_figures
    from briefgen.model import ArticleFacts, FigureMention, ReportedFact, Span

    articles, facts = [], []
    for n, (noun, dead) in enumerate([("offer", 3), ("contract", 4), ("offer", 3), ("contract", 3)], start=1):
        sid = f"S{n}"
        articles.append(SimpleNamespace(source=SimpleNamespace(id=sid, published=None)))
        text = f"A ${160} million {noun} came as {dead} people died."
        figures = [FigureMention("money", 160e6, "USD", Span("$160 million", 2, 14), of=noun),
                   FigureMention("dead", dead, "people", Span(str(dead), 30, 31))]
        facts.append(ArticleFacts(sid, reported=[ReportedFact(Span(text, 0, len(text)), "lead", 0, figures=figures)]))
    _, summaries = fuse_figures(articles, facts, {})
    print([(s.what, s.of, s.sources, s.figures, s.text) for s in summaries["T1"]])
""")


def test_figures_do_not_depend_on_the_hash_seed():
    seen = set()
    for seed in range(6):
        done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": str(seed)})
        seen.add(done.stdout)
    assert len(seen) == 1, seen
