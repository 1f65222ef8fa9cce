"""Every draft of the extraction cases as JSON lines, to compare two trees byte for byte.

Run: ``python bench/extract_dump.py OUT.jsonl [--work DIR] [--quick]`` in each tree (with
``PYTHONPATH`` set to it), then ``cmp`` the two files. Cases: the seeds together, with
``country="AM"`` and one by one; each folder of ``data/scenarios/articles/`` together and
file by file; each annotated passage of ``tests/data/extraction/`` with and without its
``Date:`` header, and each story's passages together (``--quick``: the seeds only). A line
holds the scenario document at thresholds 0 and 0.5 (review fields included) and the
reprs of the records, unused sentences and articles, with the tree's and the work
folder's paths replaced; a case that raises holds its message. The tree is the one
``geo`` is imported from, so one copy of this script serves both.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

import geo

#: The tree whose code runs (its seeds, story folders and annotated set are read).
ROOT = Path(geo.__file__).resolve().parent.parent


def _line(record: dict[str, Any], work: Path) -> str:
    text = json.dumps(record, ensure_ascii=False, sort_keys=True, default=repr)
    return text.replace(str(ROOT), "ROOT").replace(str(work), "WORK") + "\n"


def dump(name: str, files: list[Path], out: TextIO, work: Path, **options: Any) -> None:
    """Write one case's line."""
    from geo.extract import extract_articles
    from geo.extract.merge import draft_to_scenario_document

    try:
        draft = extract_articles(files, **options)
    except Exception as error:  # the message is the output
        out.write(_line({"case": name, "error": str(error)}, work))
        return
    out.write(_line({
        "case": name, "country": draft.country, "countries": draft.countries,
        "doc0": draft_to_scenario_document(draft, threshold=0.0, review=True),
        "doc5": draft_to_scenario_document(draft, threshold=0.5, review=True),
        "records": repr(draft.records), "unused": repr(draft.unused),
        "articles": repr(draft.articles)}, work))


def main(argv: Sequence[str] | None = None) -> None:
    """Write every case."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--work", type=Path, default=None,
                        help="folder for the passages' files (default: a temporary one)")
    parser.add_argument("--quick", action="store_true", help="the seeds only")
    arguments = parser.parse_args(argv)
    work = arguments.work or Path(tempfile.mkdtemp(prefix="extract-dump-"))
    with arguments.out.open("w", encoding="utf-8") as out:
        seeds = sorted((ROOT / "seeds").glob("*.txt"))
        dump("seeds", seeds, out, work)
        dump("seeds-AM", seeds, out, work, country="AM")
        for seed in seeds:
            dump(f"seed {seed.name}", [seed], out, work)
        if arguments.quick:
            return
        for story in sorted((ROOT / "data" / "scenarios" / "articles").iterdir()):
            files = sorted(story.glob("*.txt"))
            dump(f"story {story.name}", files, out, work)
            for file in files:
                dump(f"article {story.name}/{file.name}", [file], out, work)
        from extraction import passages

        shutil.rmtree(work, ignore_errors=True)
        by_story: dict[tuple[bool, str, str], list[Path]] = {}
        for passage in passages(ROOT / "tests" / "data" / "extraction"):
            for dated in (True, False):
                folder = work / ("dated" if dated else "plain") / passage.language / passage.story
                folder.mkdir(parents=True, exist_ok=True)
                file = folder / f"{passage.id}.txt"
                header = f"Date: {passage.published}\n" if dated and passage.published else ""
                file.write_text(header + passage.text, encoding="utf-8")
                dump(f"passage {dated} {passage.language} {passage.story} {passage.id}",
                     [file], out, work)
                by_story.setdefault((dated, passage.language, passage.story), []).append(file)
        for key, files in sorted(by_story.items()):
            dump(f"story-passages {key}", files, out, work)


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
