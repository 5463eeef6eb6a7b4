"""Nothing lost: a failed or killed build leaves only complete files, and two
builds of one output never interleave.

Builds run in forked children of the test process, which already holds the
spaCy pipeline and a warm cache, so each one is a real process that SIGKILL
can stop anywhere at the cost of rendering only.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import random
import shutil
import signal
import time
from pathlib import Path

import pytest

from briefgen import atomic, build, config
from briefgen.cli import main
from briefgen.errors import RenderError

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ["000_632284dcfae7039f.txt", "003_98eb9938dce36607.txt"]
NOW = dt.datetime(2031, 3, 5, 6, 30, tzinfo=dt.timezone.utc)
OUTPUTS = ["brief.md", "brief.pdf", "brief.json", "brief.html"]


@pytest.fixture(scope="module")
def seed_config(tmp_path_factory, nlp):
    tmp = tmp_path_factory.mktemp("interrupt")
    for seed in SEEDS:
        shutil.copy(ROOT / "seeds" / seed, tmp / seed)
    (tmp / "config.yaml").write_text(
        "title: Seed brief\narticles:\n"
        + "".join(f"  - {{path: {seed}, published: 2023-08-30}}\n" for seed in SEEDS)
        + "output: {dir: out, formats: [md, pdf, json, html]}\ncache_dir: cache\n", encoding="utf-8")
    cfg = config.load(tmp / "config.yaml")
    build.build(cfg, tmp / "reference", now=NOW)  # also warms the cache
    started = time.perf_counter()
    build.build(cfg, tmp / "reference", force=True, now=NOW)
    seconds = time.perf_counter() - started  # how long a killed build would have run
    reference = {name: (tmp / "reference" / name).read_bytes() for name in OUTPUTS}
    return cfg, tmp, reference, seconds


def _fork(task) -> int:
    """Run ``task()`` in a child process; the child never returns into pytest."""
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            task()
            code = 0
        finally:
            os._exit(code)
    return pid


def _wait(pid: int, timeout: float = 120) -> int:
    """The child's wait status; a child that hangs is killed and fails the test."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    raise AssertionError(f"build process {pid} hung")


def _assert_complete(out: Path, reference: dict[str, bytes]) -> None:
    """Each output is absent or whole; a stamp means all outputs are there."""
    for name in OUTPUTS:
        file = out / name
        if not file.exists():
            continue
        data = file.read_bytes()
        if name == "brief.pdf":
            assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
        else:
            assert data == reference[name], name
        if name == "brief.json":
            json.loads(data)
    if (out / ".brief.stamp").exists():
        assert all((out / name).exists() for name in OUTPUTS)


def _kill_inside_writes(step: int):
    """SIGKILL the process at write step ``step``: before each file's fsync,
    before and after each rename (4 outputs and the stamp: 15 steps)."""
    count = iter(range(1_000_000))
    real_replace, real_fsync = os.replace, os.fsync

    def tick():
        if next(count) == step:
            os.kill(os.getpid(), signal.SIGKILL)

    def replace(src, dst):
        tick()
        real_replace(src, dst)
        tick()

    def fsync(fd):
        tick()
        real_fsync(fd)

    atomic.os.replace, atomic.os.fsync = replace, fsync


def test_interrupt_sigkill_at_random_points_leaves_only_complete_files(seed_config):
    cfg, tmp, reference, seconds = seed_config
    out = tmp / "killed"
    rng = random.Random(20)
    killed = 0
    for run in range(20):
        if run % 2:
            # Anywhere in the build, by the clock.
            pid = _fork(lambda: build.build(cfg, out, force=True, now=NOW))
            time.sleep(rng.uniform(0, seconds))
        else:
            # Inside the write phase, where a clock rarely lands.
            step = rng.randrange(15)
            pid = _fork(lambda: (_kill_inside_writes(step), build.build(cfg, out, force=True, now=NOW)))
        os.kill(pid, signal.SIGKILL)
        status = _wait(pid)
        killed += os.WIFSIGNALED(status)
        _assert_complete(out, reference)
    assert killed >= 15  # most runs really died mid-build
    # The next ordinary build repairs everything and sweeps the killed runs' temporary files.
    build.build(cfg, out, now=NOW)
    _assert_complete(out, reference)
    assert sorted(p.name for p in out.iterdir()) == sorted([*OUTPUTS, ".brief.lock", ".brief.stamp"])


def test_interrupt_concurrent_builds_wait_for_each_other(seed_config):
    cfg, tmp, reference, _seconds = seed_config
    out = tmp / "concurrent"
    pids = [_fork(lambda: build.build(cfg, out, force=True, now=NOW)) for _ in range(2)]
    statuses = [_wait(pid) for pid in pids]
    assert all(os.WIFEXITED(s) and os.WEXITSTATUS(s) == 0 for s in statuses)
    _assert_complete(out, reference)
    assert all((out / name).exists() for name in OUTPUTS)
    assert not list(out.glob("*.tmp"))


def test_interrupt_second_build_waits_for_the_lock(seed_config):
    from filelock import FileLock

    cfg, tmp, reference, _seconds = seed_config
    out = tmp / "waiting"
    out.mkdir()
    with FileLock(str(out / ".brief.lock")):  # a first build holds the output folder
        pid = _fork(lambda: build.build(cfg, out, now=NOW))
        time.sleep(1.5)
        assert os.waitpid(pid, os.WNOHANG) == (0, 0)  # still waiting
        assert sorted(p.name for p in out.iterdir()) == [".brief.lock"]
    status = _wait(pid)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    _assert_complete(out, reference)
    assert all((out / name).exists() for name in OUTPUTS)


def test_interrupt_failed_pdf_stage_keeps_yesterdays_brief(seed_config, monkeypatch, capsys):
    cfg, tmp, _reference, _seconds = seed_config
    out = tmp / "reference"
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    from briefgen.render import pdf

    def fail(*_args):
        raise RenderError("pdf: WeasyPrint could not print the brief: simulated")

    monkeypatch.setattr(pdf, "print_pdf", fail)
    assert main(["build", "-c", str(tmp / "config.yaml"), "--out", str(out), "--force"]) == 1
    assert capsys.readouterr().err == "briefgen: error: pdf: WeasyPrint could not print the brief: simulated\n"
    assert before == {p.name: p.read_bytes() for p in out.iterdir()}


def test_interrupt_disk_full_while_writing_keeps_yesterdays_brief(seed_config, monkeypatch, capsys):
    cfg, tmp, _reference, _seconds = seed_config
    out = tmp / "reference"
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.name != ".brief.stamp"}
    calls = []
    real_fsync = os.fsync

    def fsync(fd):
        calls.append(fd)
        if len(calls) == 3:  # the third output cannot be written
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    assert main(["build", "-c", str(tmp / "config.yaml"), "--out", str(out), "--force"]) == 1
    err = capsys.readouterr().err
    assert err == f"briefgen: error: --out: cannot write {out}: No space left on device; the previous brief is kept\n"
    monkeypatch.undo()
    assert before == {p.name: p.read_bytes() for p in out.iterdir()}  # no stamp: the next build reruns
    assert not build.build(cfg, out).unchanged


def test_interrupt_one_output_that_cannot_be_replaced_leaves_the_whole_previous_set(seed_config, monkeypatch,
                                                                                      capsys):
    cfg, tmp, _reference, _seconds = seed_config
    out = tmp / "reference"
    build.build(cfg, out, force=True, now=NOW)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.name != ".brief.stamp"}
    real_replace = os.replace

    def replace(src, dst):
        # The third output is immutable (chattr +i): it cannot be replaced.
        if str(dst).endswith(".json") and ".old." not in str(src):
            raise OSError(errno.EPERM, os.strerror(errno.EPERM))
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", replace)
    assert main(["build", "-c", str(tmp / "config.yaml"), "--out", str(out), "--force"]) == 1
    assert "the previous brief is kept" in capsys.readouterr().err
    monkeypatch.undo()
    after = {p.name: p.read_bytes() for p in out.iterdir()}
    assert after == before  # every output as it was, no temporary file left, no stamp: the next build reruns
