"""Actor fusion time at 250, 500 and 1,000 articles, as ratios measured in one run.

Alias merging indexes names by normalised keys; it must grow linearly with
the mentions, not with their pairs. The articles are synthetic: invented
people (full name, then surname or first name), organisations (full name
with a company form, then the bare name or its acronym) and countries (name
or demonym), drawn from a pool that grows with the number of articles, so
more articles also mean more distinct actors, as in a real feed. Each size
is timed several times, runs of the sizes interleaved, from cold name
caches, with the garbage collector paused as ``timeit`` does, and the
minimum kept (shared, noisy machines).

    python benchmarks/actors_scale.py [--sizes 250 500 1000] [--runs 5]
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefgen.extract import names  # noqa: E402
from briefgen.fuse.actors import fuse_actors  # noqa: E402
from briefgen.model import ArticleFacts, Mention  # noqa: E402
from briefgen.sources.article import Article  # noqa: E402
from briefgen.sources.reader import article_from_text  # noqa: E402

ACTORS_PER_ARTICLE = 15
MENTIONS_PER_ACTOR = 3
POOL_PER_ARTICLE = 4  # distinct actors in the pool per article
_SYLLABLES = "ka lo mir ven tas rud el vor an ist bel cor dun fal gar hen jol kes lum nor pet quin".split()
_COUNTRIES = ["Portugal", "Kenya", "Chile", "Norway", "Vietnam", "Ghana", "Peru", "Finland"]
_DEMONYMS = ["Portuguese", "Kenyan", "Chilean", "Norwegian", "Vietnamese", "Ghanaian", "Peruvian", "Finnish"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _pool(rng: random.Random, size: int) -> list[tuple[str, list[str]]]:
    """(label, written forms: the full form first) for each actor."""
    pool = []
    for n in range(size):
        kind = n % 10
        if kind < 6:
            first, last = _word(rng), _word(rng)
            pool.append(("person", [f"{first} {last}", last, first]))
        elif kind < 9:
            words = [_word(rng) for _ in range(rng.randint(2, 3))]
            name = " ".join(words)
            pool.append(("organisation", [f"{name} Inc.", name, "".join(w[0] for w in words)]))
        else:
            i = rng.randrange(len(_COUNTRIES))
            pool.append(("country", [_COUNTRIES[i], _DEMONYMS[i]]))
    return pool


def synthetic(n_articles: int, seed: int = 7) -> tuple[list[Article], list[ArticleFacts]]:
    rng = random.Random(seed)
    pool = _pool(rng, POOL_PER_ARTICLE * n_articles)
    articles, facts = [], []
    for a in range(n_articles):
        source_id = f"S{a + 1}"
        pieces, mentions, pos = [], [], 0
        for local_id, (label, forms) in enumerate(rng.sample(pool, ACTORS_PER_ARTICLE), start=1):
            for k in range(MENTIONS_PER_ACTOR):
                form = forms[0] if k == 0 else rng.choice(forms)
                sentence = f"{form} said something on the record about the matter. "
                mentions.append(Mention(form, pos, pos + len(form), label, None, local_id))
                pieces.append(sentence)
                pos += len(sentence)
        article_facts = ArticleFacts(source_id=source_id, mentions=mentions)
        articles.append(article_from_text("".join(pieces), source_id, {"title": f"Article {a + 1}"}))
        facts.append(article_facts)
    return articles, facts


def _clear_name_caches() -> None:
    """Every run starts cold: names normalised in an earlier run are not free."""
    for value in vars(names).values():
        if hasattr(value, "cache_clear"):
            value.cache_clear()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=[250, 500, 1000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    data = {size: synthetic(size) for size in args.sizes}
    times = {size: float("inf") for size in args.sizes}
    counts = {}
    # Sizes are interleaved run by run so that a busy moment on the machine
    # does not fall on one size only.
    for _ in range(args.runs):
        for size, (articles, facts) in data.items():
            _clear_name_caches()
            gc.collect()
            gc.disable()  # as timeit does: collector pauses are the heap's size, not fusion's work
            start = time.perf_counter()
            actors, _ = fuse_actors(articles, facts)
            times[size] = min(times[size], time.perf_counter() - start)
            gc.enable()
            counts[size] = (sum(len(f.mentions) for f in facts), len(actors))
    for size in args.sizes:
        mentions, actors = counts[size]
        print(f"{size:>5} articles  {mentions:>6} mentions  {actors:>6} actors  fusion {times[size] * 1000:8.1f} ms")
    sizes = sorted(times)
    for small, big in zip(sizes, sizes[1:]):
        print(f"time {big}/{small}: {times[big] / times[small]:.2f}  (articles x{big / small:g}; linear ~{big / small:g})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
