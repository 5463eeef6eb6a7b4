"""The build pipeline, stage by stage (see DESIGN.md "The flow")."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from glob import escape as glob_escape
from pathlib import Path

from briefgen import __version__
from briefgen.atomic import write_all, write_bytes
from briefgen.cache import Cache, VectorCache, stamp
from briefgen.changes import compare, load_previous
from briefgen.config import Config, check_inputs
from briefgen.errors import BuildLocked, ConfigError, RenderError, SourceError, StrictWarnings
from briefgen.inert import escape
from briefgen.model import ArticleFacts
from briefgen.sources.article import Article
from briefgen.sources.language import language_warning
from briefgen.sources.feeds import same_page
from briefgen.sources.fetch import PageCache
from briefgen.sources.html import looks_like_html
from briefgen.sources.reader import read_article

Progress = Callable[[str], None]
log = logging.getLogger(__name__)
_WORD = re.compile(r"[^\W\d_]{2,}")  # two letters in a row: the least a sentence needs
_WORDS = re.compile(r"\w+")
OUTPUT_SUFFIXES = ("md", "html", "json", "pdf")  # whatever formats this config asks, a glob must skip all
LOCK_TIMEOUT_S = 600  # a second build of the same output waits this long, then gives up


@dataclass
class BuildResult:
    written: list[Path] = field(default_factory=list)
    unchanged: bool = False
    timings: dict[str, float] = field(default_factory=dict)
    cached: int = 0
    parsed: int = 0


def _quiet(_: str) -> None:
    pass


def validate(config: Config) -> None:
    """Everything ``check`` reports: unknown names, missing files."""
    from briefgen import render, sections

    problems = check_inputs(config, sections.names(), render.names())
    if problems:
        raise ConfigError(problems)


def read_articles(config: Config, out: Path | None = None, now: dt.datetime | None = None) -> list[Article]:
    """Read and clean every article, in config order (S1, S2, ...). The
    build's own outputs in ``out`` (default: output.dir) are never read: a
    glob that reaches them skips them, a path naming one is an error, so a
    brief never cites its previous self."""
    out = out or config.resolve(config.output.dir)
    own = {out / f"{config.output.name}.{fmt}" for fmt in OUTPUT_SUFFIXES}
    saved = sources_dir(config, out)
    articles, problems = [], []
    files = []
    for file, shown, entry in config.article_inputs():
        if file is not None and (file in own or file.parent == saved):
            if entry.path is not None:
                problems.append(f"{shown}: is this build's own output; give another file or change output.name")
            else:
                log.warning("%s: skipped: it is this build's own output", shown)
            continue
        files.append((file, shown, entry))
    pages = PageCache(config.resolve(config.cache_dir))
    seen_urls: set[str] = set()
    fetched_texts: list[frozenset] = []
    for file, shown, entry, url, meta, public_only in _expanded(config, files, pages, now, problems):
        source_id = f"S{len(articles) + 1}"
        try:
            if file is None:
                if same_page(url) in seen_urls:
                    log.info("%s: left out: the same page is listed already", url)
                    continue
                seen_urls.add(same_page(url))
                article = _fetched(config, url, meta, entry.encoding, source_id, pages, public_only)
            else:
                article = read_article(file, source_id, meta, display_path=shown, encoding=entry.encoding)
        except SourceError as err:
            if file is None and config.fetch.on_error == "warn":
                log.warning("%s; left out of the brief (fetch.on_error: warn)", err)
            else:
                problems.append(str(err))
            continue
        article.source.path = shown if file is not None else None
        if not _WORD.search(article.text):
            problems.append(f"{shown}: no sentences to read: no words left after removing page furniture")
            continue
        if file is None:
            # Two feeds often carry one wire story under two addresses: read once.
            words = _shingles(article.text)
            if any(_alike(words, other) for other in fetched_texts):
                log.info("%s: left out: near word for word an earlier page", url)
                continue
            fetched_texts.append(words)
        for warning in article.warnings:
            log.warning(warning)
        articles.append(article)
    if not articles and not problems:
        problems.append("articles: every file matched is this build's own output; change output.dir")
    if problems:
        raise SourceError("\n".join(problems))
    return articles


NEAR_COPY = 0.9  # share of word 5-grams two fetched pages share when they are one text
SHINGLE = 5


def _shingles(text: str) -> frozenset:
    words = _WORDS.findall(text.lower())
    return frozenset(tuple(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1)))


def _alike(a: frozenset, b: frozenset) -> bool:
    return bool(a and b) and len(a & b) >= NEAR_COPY * min(len(a), len(b))


def _options(config: Config, public_only: bool = False):  # noqa: ANN202
    from briefgen.sources.fetch import FetchOptions

    return FetchOptions(config.fetch.timeout, config.fetch.max_bytes, config.fetch.retries,
                        public_only=public_only)


def _expanded(config: Config, files, pages: PageCache, now: dt.datetime | None,  # noqa: ANN001
              problems: list[str]):
    """(file or None, shown, entry, url, metadata, public only) per article,
    in config order; a feed gives one per entry it keeps (its failure is a
    fetch's). A public feed's links are fetched only from public hosts: the
    feed, not the config, chose them."""
    from briefgen.sources.feeds import FEED_TYPES, select
    from briefgen.sources.fetch import fetch, is_public

    for file, shown, entry in files:
        if entry.feed is None:
            yield file, shown, entry, entry.url, entry.metadata(), False
            continue
        try:
            feed = fetch(entry.feed, _options(config), pages, FEED_TYPES)
            items = select(feed.body, entry.feed, now or dt.datetime.now(dt.timezone.utc), entry.since,
                           entry.any_of, entry.all_of, entry.none_of, entry.max_articles)
        except SourceError as err:
            if config.fetch.on_error == "warn":
                log.warning("%s; its entries are left out (fetch.on_error: warn)", err)
            else:
                problems.append(str(err))
            continue
        if not items:
            log.warning("%s: no entry of the feed matches its selection", shown)
        public_only = is_public(entry.feed)
        for item in items:
            meta = entry.metadata() | {"url": item.url}
            meta["title"] = meta["title"] or item.title
            meta["published"] = meta["published"] or item.published
            yield None, escape(item.url), entry, item.url, meta, public_only


def _fetched(config: Config, url: str, meta: dict, encoding: str | None, source_id: str,
             pages: PageCache, public_only: bool = False) -> Article:
    """The article of a page to fetch: fetched (or not modified since the
    cached copy), decoded, and read as a page or as text."""
    from briefgen.sources.fetch import fetch
    from briefgen.sources.reader import article_from_page, article_from_text, decode

    page = fetch(url, _options(config, public_only), pages)
    if not page.body.strip():
        raise SourceError(f"{url}: the page is empty")
    charset = encoding or _charset(page.charset)
    try:
        text, warnings = decode(page.body, url, charset)
    except (SourceError, UnicodeError, LookupError):
        if encoding:
            raise
        text, warnings = decode(page.body, url)  # the server's charset was wrong: detected instead
    article = (article_from_page(text, source_id, meta, url) if page.kind == "html" or looks_like_html(text)
               else article_from_text(text, source_id, meta, url, front_matter_allowed=False))
    if article.source.text_file is None:
        article.source.text_file = f"{source_id}.txt"  # fetched text is saved too: nothing else holds it
    article.warnings += warnings
    return article


def _charset(name: str | None) -> str | None:
    """A server's charset when Python knows it as a text encoding, else None (detected)."""
    import codecs

    try:
        codec = codecs.lookup(name) if isinstance(name, str) and name else None
    except LookupError:
        return None
    return name if codec is not None and getattr(codec, "_is_text_encoding", True) else None


def sources_dir(config: Config, out: Path) -> Path:
    """Where a build saves the main text of its web pages (``<name>_sources``)."""
    return out / f"{config.output.name}_sources"


def saved_texts(config: Config, articles: list[Article], out: Path) -> dict[Path, bytes]:
    """Each web page's main text, the text its evidence indexes, by the file
    it is saved to; the source names that file relative to the brief."""
    folder = sources_dir(config, out)
    texts = {}
    for article in articles:
        if article.source.text_file:
            name = Path(article.source.text_file).name
            article.source.text_file = f"{folder.name}/{name}"
            texts[folder / name] = article.raw.encode("utf-8")
    return texts


def check_length(articles: list[Article], model: str) -> None:
    """spaCy refuses longer texts (its memory grows with length): say so per file."""
    from briefgen import nlp

    if not articles:
        return  # all cached: nothing to parse, no model to load
    limit = nlp.load(model).max_length
    too_long = [f"{a.source.path}: {len(a.text):,} characters of story text is over the {limit:,} "
                "the spaCy model reads at once; split the article" for a in articles if len(a.text) > limit]
    if too_long:
        raise SourceError("\n".join(too_long))


def extract_all(articles: list[Article], config: Config, cache: Cache, progress: Progress,
                result: BuildResult) -> list[ArticleFacts]:
    """Per-article facts: from the cache where valid, else parsed and extracted."""
    from briefgen import extract, nlp
    from briefgen.extract import timex

    versions = extract.versions()
    model = nlp.model_version(config.nlp.model)
    stamps = [stamp(a.raw, a.source.__dict__ | {"path": None}, model, versions, _cleaned(a)) for a in articles]
    facts: list[ArticleFacts | None] = [cache.get(s) for s in stamps]
    todo = [i for i, f in enumerate(facts) if f is None]
    check_length([articles[i] for i in todo], config.nlp.model)
    result.cached, result.parsed = len(articles) - len(todo), len(todo)
    # Everything cached: spaCy is never loaded (a cached rebuild is fusion and rendering only).
    docs = nlp.parse((articles[i].text for i in todo), config.nlp.model, config.nlp.batch_size,
                     nlp.processes_for(len(todo))) if todo else []
    for n, (i, doc) in enumerate(zip(todo, docs), start=1):
        progress(f"extracting {n}/{len(todo)}: {articles[i].source.path}")
        warning = language_warning(doc, str(articles[i].source.path))
        if warning:
            log.warning(warning)
        facts[i] = extract.extract_article(articles[i], doc)
        out_of_range = timex.out_of_range(doc)
        if out_of_range:
            log.warning("%s: a date out of the calendar's range (%r) is left out",
                        articles[i].source.path, out_of_range)
        cache.put(stamps[i], facts[i])
    return [f for f in facts if f is not None]


def _cleaned(article: Article) -> str:
    offsets = article.offsets
    return f"{article.text}\0{article.headline_end}\0{offsets.clean_starts}{offsets.raw_starts}{offsets.lengths}"


def _code_digest() -> bytes:
    """The installed code and built-in templates: an upgrade, even without a new
    version number, must not be mistaken for "nothing changed"."""
    import briefgen
    from briefgen.render.templates import builtin_dir

    digest = hashlib.sha256()
    # The templates are a package of their own once installed, a folder beside
    # the code in a source checkout: builtin_dir() knows which.
    for root in (Path(briefgen.__file__).parent, builtin_dir()):
        for file in sorted(root.rglob("*")):
            if file.suffix in {".py", ".j2", ".css"} and "__pycache__" not in file.parts:
                digest.update(str(file.relative_to(root)).encode() + file.read_bytes())
    return digest.digest()


def fingerprint(config: Config, articles: list[Article]) -> str:
    """Hash of everything an output depends on, to skip builds that change nothing."""
    digest = hashlib.sha256(__version__.encode())
    digest.update(_code_digest())
    digest.update(config.model_dump_json(exclude={"base_dir"}).encode())
    for article in articles:
        digest.update(article.raw.encode("utf-8"))
        digest.update(repr(sorted(article.source.__dict__.items())).encode())
    if config.templates_dir:
        for file in sorted(config.resolve(config.templates_dir).rglob("*")):
            if file.is_file():
                digest.update(str(file).encode() + file.read_bytes())
    return digest.hexdigest()


class _Warnings(logging.Handler):
    """Counts the build's warnings (for ``strict``), whatever is printed."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def build(config: Config, out_dir: Path | None = None, progress: Progress = _quiet,
          force: bool = False, now: dt.datetime | None = None, strict: bool = False) -> BuildResult:
    """Build the brief of ``config`` into ``out_dir`` (default: config output.dir).
    ``strict``: a warning fails the build before anything is written."""
    warned = _Warnings()
    logging.getLogger("briefgen").addHandler(warned)
    try:
        return _build(config, out_dir, progress, force, now, strict, warned)
    finally:
        logging.getLogger("briefgen").removeHandler(warned)


def _strict(warned: _Warnings) -> None:
    if warned.count:
        raise StrictWarnings(f"--strict: {warned.count} warning{'s' * (warned.count > 1)} above; "
                             "the previous brief is kept; fix them or build without --strict")


def _build(config: Config, out_dir: Path | None, progress: Progress, force: bool, now: dt.datetime | None,
           strict: bool, warned: _Warnings) -> BuildResult:
    from filelock import FileLock, Timeout

    result = BuildResult()
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        result.timings[stage] = time.perf_counter() - clock
        clock = time.perf_counter()

    # 1. Validate names and inputs before any heavy work.
    validate(config)
    out = out_dir or config.resolve(config.output.dir)
    key = "--out" if out_dir else "output.dir"
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise RenderError(f"{key}: cannot create {out}: {err.strerror}; choose a writable folder") from None
    targets = {fmt: out / f"{config.output.name}.{fmt}" for fmt in config.output.formats}
    stamp_file = out / f".{config.output.name}.stamp"
    lock = FileLock(str(out / f".{config.output.name}.lock"))
    try:
        # A folder where no lock file can be made ("/proc", read-only) is an error now,
        # not a wait for a lock that can never be taken.
        with open(lock.lock_file, "a"):
            pass
        lock.acquire(timeout=LOCK_TIMEOUT_S)
    except Timeout:
        raise BuildLocked(f"{out}: another build of {config.output.name} has held the lock for "
                          f"{LOCK_TIMEOUT_S}s; wait for it or remove {lock.lock_file}") from None
    except OSError as err:
        raise RenderError(f"{key}: cannot write in {out}: {err.strerror}; choose a writable folder") from None
    try:
        # A build killed while writing leaves its temporary files; no one else
        # writes them while we hold the lock.
        for target in [*targets.values(), stamp_file, out / f".{config.output.name}.model.json"]:
            for leftover in out.glob(f".{glob_escape(target.name)}.*.tmp"):
                leftover.unlink(missing_ok=True)
        for leftover in sources_dir(config, out).glob(".S*.txt.*.tmp"):
            leftover.unlink(missing_ok=True)

        # 2. Read and clean the articles.
        progress(f"reading {len(config.article_inputs())} articles")
        articles = read_articles(config, out.resolve(), now)
        lap("read")

        pages = saved_texts(config, articles, out)
        if strict:
            _strict(warned)

        # 3. Nothing changed since the last build: keep the outputs as they are.
        print_ = fingerprint(config, articles)
        if (not force and stamp_file.is_file() and stamp_file.read_bytes() == print_.encode()
                and all(t.is_file() for t in [*targets.values(), *pages])):
            result.unchanged = True
            return result

        # 4. Per-article extraction, cached by content hash.
        cache_dir = config.resolve(config.cache_dir)
        facts = extract_all(articles, config, Cache(cache_dir), progress, result)
        lap("extract")

        # 5. Fusion across articles: the one cross-article step.
        progress("fusing facts across articles")
        from briefgen.fuse import fuse

        from briefgen.fuse.similar import MODEL, vectors

        vector_cache = VectorCache(cache_dir, {a.source.id: a.raw for a in articles}, MODEL)
        brief = fuse(config, articles, facts, now=now, embed=vector_cache.embedder(vectors))
        model_file = out / f".{config.output.name}.model.json"
        previous = load_previous(model_file) if config.output.compare else None
        if previous is not None:
            brief.changes = compare(previous, brief)
        lap("fuse")

        # 6. Render every format in memory first: a failure writes nothing.
        progress("rendering " + ", ".join(config.output.formats))
        templates = config.resolve(config.templates_dir) if config.templates_dir else None
        rendered = _render_within_budget(brief, config, templates, progress)
        lap("render")

        if strict:
            _strict(warned)

        # 7. Atomic writes, all outputs or none. The old stamp goes first and
        # the new one last, so a build interrupted between them always reruns.
        try:
            stamp_file.unlink(missing_ok=True)
            if pages:
                sources_dir(config, out).mkdir(exist_ok=True)
            files = {**{path: rendered[fmt] for fmt, path in targets.items()}, **pages}
            if config.output.archive:
                day = out / brief.generated_at.astimezone(dt.timezone.utc).date().isoformat()
                day.mkdir(exist_ok=True)
                files |= {day / path.name: rendered[fmt] for fmt, path in targets.items()}
            if config.output.compare:
                # Today's model, for tomorrow's "What changed" (written with the outputs).
                files[model_file] = json.dumps(brief.to_dict(), default=str).encode("utf-8")
            write_all(files)
            result.written.extend(targets.values())
            result.written.extend(pages)
            _remove_stale(sources_dir(config, out), set(pages))
            write_bytes(stamp_file, print_.encode())
        except OSError as err:
            raise RenderError(f"{key}: cannot write {out}: {err.strerror}; the previous brief is kept") from None
        lap("write")
        return result
    finally:
        lock.release()


def _remove_stale(folder: Path, kept: set[Path]) -> None:
    """Saved page texts of sources this build no longer has (the folder is
    the build's own): a citation never points at yesterday's S7."""
    if folder.is_dir():
        for old in folder.glob("S*.txt"):
            if old not in kept and old.name[1:-4].isdigit():
                old.unlink(missing_ok=True)


# Shares of each section's items tried in turn until the PDF fits its page budget.
BUDGET_SHARES = (1.0, 0.7, 0.5, 0.35, 0.25, 0.0)


def _render_within_budget(brief, config: Config, templates: Path | None, progress: Progress) -> dict[str, bytes]:
    """Every format from the same views; with a PDF and a page budget, the
    views keep fewer items until the PDF fits (all formats show the same)."""
    from briefgen import render, sections

    budget = config.output.max_pages if "pdf" in config.output.formats else None
    for share in BUDGET_SHARES if budget else (1.0,):
        views = sections.build_views(brief, config.section_list(), share)
        rendered, job = render.render_job(brief, views, config.output.formats, templates)
        if budget is None or job.pages is None or job.pages <= budget:
            break
        progress(f"{job.pages} pages over the budget of {budget}: showing fewer items")
    else:
        log.warning("the PDF has %s pages, over output.max_pages %s, with every section at its "
                    "fewest items; raise output.max_pages or set max_items lower", job.pages, budget)
    return rendered


def stderr_progress(verbose: bool) -> Progress:
    """Progress lines on stderr: overwritten in place on a terminal, else only with --verbose."""
    tty = sys.stderr.isatty()

    def show(message: str) -> None:
        if tty:
            sys.stderr.write("\r\033[K" + message[:120])
            sys.stderr.flush()
        elif verbose:
            sys.stderr.write(message + "\n")

    return show

