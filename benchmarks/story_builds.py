"""Cold builds of the benchmark stories with two briefgen commands, in one run.

    python benchmarks/story_builds.py ../shared/eval/stories --before "CMD" --after "CMD"

Each story's folder is copied to a fresh temporary folder for every build
(no extraction or vector cache), and the two commands build it in turn, so
the machine's load falls on both alike. Prints each story's seconds and the
total ratio after / before. A command is anything that takes
``build -c CONFIG --force`` (an installed ``briefgen``, or
``env PYTHONPATH=<checkout> python -m briefgen`` for another version).
"""

from __future__ import annotations

import argparse
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def cold_build(command: str, story: Path) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / story.name
        shutil.copytree(story, work, ignore=shutil.ignore_patterns("out", ".briefgen-cache"))
        start = time.perf_counter()
        proc = subprocess.run([*shlex.split(command), "build", "-c", str(work / "config.yaml"), "--force"],
                              capture_output=True, text=True)
        spent = time.perf_counter() - start
        if proc.returncode != 0:
            sys.exit(f"{command}: {story.name} failed: {proc.stderr.strip().splitlines()[-1:]}")
        return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--before", required=True)
    parser.add_argument("--after", required=True)
    args = parser.parse_args()
    stories = sorted(p for p in args.root.iterdir() if (p / "config.yaml").is_file())
    total = {"before": 0.0, "after": 0.0}
    for story in stories:
        before = cold_build(args.before, story)
        after = cold_build(args.after, story)
        total["before"] += before
        total["after"] += after
        print(f"{story.name:32} before {before:6.1f} s  after {after:6.1f} s  x{after / before:.2f}")
    print(f"{'total':32} before {total['before']:6.1f} s  after {total['after']:6.1f} s  "
          f"x{total['after'] / total['before']:.2f}")


if __name__ == "__main__":
    main()
