"""``deploymap extract``: draft deployment records from news articles, ready to review."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..dates import DateError, parse_date_text
from ..errors import BadArgument, UserInputError
from ..inputs import MAX_ARTICLE_BYTES, check_file
from ..output import write_atomic

HELP = "draft deployment records from news articles (English, French, Russian, Vietnamese)"
DESCRIPTION = """\
Read news articles (plain UTF-8 text) and draft the scenario records they support: which
force (border guards, troops, peacekeepers, a base) is where, what happens to it (deployed,
withdrawn, withdrawal agreed or requested, stays, handed over) and when, each with the
sentence it came from, its article and a confidence between 0 and 1.

The output is a scenario (forces, sources, presences with citations, views): one presence
per force and place, with every quote that supports it. `build`, `diff`, `snapshot` and
`check` read it as it is. It also holds what a reviewer needs, which the maps ignore: per
presence `confidence`, `article`, `event`, `mention` (the words naming the place) and
`why`, and two sections, `articles` (language, and how each article's date was found) and
`unused` (sentences that name a force but gave no record, and records left out, with why).

An article's date comes from --published, else from a header line at the top of the file
(`Date: 2024-05-09`; also `Outlet:`, `Title:`, `URL:`, `Language:`), else it is inferred
from the text (and from other articles of the same story) and the output says how."""

EPILOG = """\
examples:
  deploymap extract seeds/*.txt
  deploymap extract seeds/                        # every *.txt in the folder
  deploymap extract article.txt --published 2024-05-09 --outlet Reuters --format json
  deploymap extract seeds/*.txt > draft.yaml      # review, then keep what is right
  deploymap extract stories/kabul/ -o stories/kabul/draft.yaml   # paths relative to it

exit codes: 0 ok; 2 a file cannot be read or an option is wrong (the message says which)."""


def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``extract`` subcommand."""
    parser = commands.add_parser(
        "extract", help=HELP, description=DESCRIPTION, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE",
                        help="article text files (UTF-8), or a folder: its *.txt files, as "
                             "build --from-articles reads it")
    parser.add_argument("--format", choices=("yaml", "json"), default="yaml",
                        help="yaml (default) or json")
    parser.add_argument("-o", "--out", type=Path, metavar="FILE",
                        help="write the draft to FILE (atomically; article paths relative to "
                             "its folder) instead of standard output")
    parser.add_argument("--published", metavar="YYYY-MM-DD",
                        help="the date every FILE was published (wins over headers)")
    parser.add_argument("--outlet", metavar="NAME",
                        help="the outlet that published every FILE (wins over headers)")
    parser.add_argument("--threshold", type=float, default=0.5, metavar="0..1",
                        help="presences from records at least this confident (default 0.5); "
                             "the others are listed under 'unused' with their confidence")
    parser.add_argument("--country", default=None, metavar="CODE",
                        help="the story's country: where the forces are (default: read from "
                             "each article, from the places it names)")
    parser.set_defaults(run=run)


def _published(value: str | None) -> str | None:
    if value is None:
        return None
    from ..dates import FIRST_YEAR, LAST_YEAR

    try:
        parsed = parse_date_text(value)
    except DateError as error:
        if "outside the years" in str(error):
            raise BadArgument(f"--published {value}: not when a news article appeared; give "
                              f"its date (years {FIRST_YEAR} to {LAST_YEAR})") from None
        raise BadArgument(f"--published: {error}") from None
    if parsed.precision != "day":
        raise BadArgument(f"--published: {value!r} is not a single day; write YYYY-MM-DD")
    return value.strip()


def _article_files(paths: list[Path]) -> list[Path]:
    """``paths`` with each folder replaced by its ``*.txt`` files, sorted (a folder without
    any is an error that says so)."""
    files: list[Path] = []
    for path in paths:
        if not path.is_dir():
            files.append(path)
            continue
        found = sorted(path.glob("*.txt"))
        if not found:
            raise UserInputError(f"{path}: no article files (*.txt) in this folder; give the "
                                 "folder that holds the articles, or the files themselves")
        files += found
    return files


def run(arguments: argparse.Namespace) -> int:
    """Extract and print the draft; a summary goes to stderr."""
    from ..extract import extract_articles
    from ..extract.language import UNREAD_ADVICE, unread_language
    from ..extract.merge import draft_to_scenario_document, dump_yaml

    files = _article_files(arguments.files)
    for path in files:  # every file is checked before any is read
        check_file(path, what="article", limit=MAX_ARTICLE_BYTES)
    published = _published(arguments.published)
    threshold = arguments.threshold
    if not 0 <= threshold <= 1:  # also refuses nan
        raise BadArgument(f"--threshold {threshold}: give a number from 0 to 1")
    country = None if arguments.country is None else str(arguments.country).upper()
    if country is not None and (len(country) != 2 or not country.isalpha()):
        raise BadArgument(f"--country: {arguments.country!r} is not a two-letter country code "
                          "(ISO 3166-1 alpha-2, e.g. AM)")
    draft = extract_articles(
        files, published={"*": published} if published else None,
        outlets={"*": arguments.outlet} if arguments.outlet else None, country=country)
    out: Path | None = arguments.out
    document = draft_to_scenario_document(
        draft, threshold=threshold, review=True,
        relative_to=None if out is None else out.absolute().parent)
    text = (json.dumps(document, ensure_ascii=False, indent=1) + "\n"
            if arguments.format == "json" else dump_yaml(document))
    if out is None:
        sys.stdout.write(text)
    else:
        write_atomic(out, text)
    confident = sum(r.confidence >= threshold for r in draft.records)
    print(f"deploymap extract: {len(draft.articles)} article(s), {len(draft.records)} "
          f"record(s) ({confident} with confidence >= {threshold}) merged into "
          f"{len(document['presences'])} presence(s), {len(document['unused'])} sentence(s) "
          "or record(s) left for review", file=sys.stderr)
    for article in draft.articles:
        language = unread_language(article.language)
        if language:
            print(f"  {article.path.name}: in {language}, not read; {UNREAD_ADVICE}",
                  file=sys.stderr)
        date = article.published
        if date.how in ("inferred", "unknown"):
            print(f"  {article.path.name}: date {date.how}: {date.note}", file=sys.stderr)
    return 0


__all__ = ["register", "run"]
