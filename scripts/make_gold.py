#!/usr/bin/env python3
"""Build gold annotation files for lede's extractor eval from a short spec.

An annotator never types offsets.  A spec names each mention by its surface
text and which occurrence of that text it is; this script finds the offsets,
checks them and writes the gold JSON in the format of
../shared/gold/seed.gold.json (offsets in Unicode code points, end-exclusive,
into the file's text as it stands).

Usage:
    python3 scripts/make_gold.py SPEC.json [SPEC.json ...]   # write gold files
    python3 scripts/make_gold.py --verify GOLD.json [...]    # re-check gold files

A spec (see scripts/gold_specs/) is a JSON object:
    {
      "source": "assets/articles/010_example.txt",  # path from the repo root
      "title": "...", "editor": "..." | null, "author": "..." | null,
      "published": "2024-12-08" | null, "feedback_prompt": "..." | null,
      "metadata_people": ["byline names: entities, but not actors"],
      "entities": [[surface, occurrence, type, actor], ...],
      "dates": [[surface, occurrence, value], ...],
      "roles": {"actor": "role", ...},
      "not_entities": ["...", ...],
      "out": "tests/fixtures/roles/gold"           # optional output folder
    }

Without a "dates" key the gold has no dates layer (dates are then not
scored for it).

`occurrence` is the 0-based index among the whole-word matches of `surface`
in the text (a match is whole-word when the characters just before and after
it are not letters or digits), a list of such indices, or "*" for all of them.
The output goes to tests/fixtures/gold/<stem of source>.gold.json, or to the
spec's "out" folder.

The script prints, for review, every whole-word occurrence of an annotated
surface that was left unannotated; those are usually deliberate (a word inside
a longer name) but sometimes a forgotten mention.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "tests" / "fixtures" / "gold"
TYPES = {"PER", "ORG", "LOC", "NORP"}


class SpecError(Exception):
    pass


def read_text(path: Path) -> tuple[str, str]:
    """The file's text exactly as stored (no newline translation) and its sha256."""
    data = path.read_bytes()
    return data.decode("utf-8"), hashlib.sha256(data).hexdigest()


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def word_matches(text: str, surface: str) -> list[int]:
    """Start offsets (code points) of the whole-word occurrences of `surface`."""
    if not surface:
        raise SpecError("empty surface text")
    starts = []
    i = text.find(surface)
    while i != -1:
        end = i + len(surface)
        before_ok = i == 0 or not (_is_word_char(text[i - 1]) and _is_word_char(surface[0]))
        after_ok = end == len(text) or not (
            _is_word_char(text[end]) and _is_word_char(surface[-1])
        )
        if before_ok and after_ok:
            starts.append(i)
        i = text.find(surface, i + 1)
    return starts


def locate(text: str, surface: str, occurrence) -> list[tuple[int, int]]:
    """Spans for the requested occurrence(s) of `surface`."""
    starts = word_matches(text, surface)
    if occurrence == "*":
        picked = list(range(len(starts)))
    elif isinstance(occurrence, int):
        picked = [occurrence]
    elif isinstance(occurrence, list) and all(isinstance(n, int) for n in occurrence):
        picked = occurrence
    else:
        raise SpecError(f"{surface!r}: occurrence must be an int, a list of ints or '*'")
    if not starts:
        raise SpecError(f"{surface!r}: not found in the text")
    spans = []
    for n in picked:
        if not 0 <= n < len(starts):
            raise SpecError(f"{surface!r}: occurrence {n} asked, only {len(starts)} found")
        spans.append((starts[n], starts[n] + len(surface)))
    return spans


def build(spec: dict, spec_name: str = "<spec>") -> tuple[dict, list[str]]:
    """Return (gold object, review notes) for one spec."""
    source = ROOT / spec["source"]
    text, sha = read_text(source)
    notes: list[str] = []

    entities = []
    for row in spec["entities"]:
        if len(row) != 4:
            raise SpecError(f"{spec_name}: entity row needs 4 fields: {row}")
        surface, occ, typ, actor = row
        if typ not in TYPES:
            raise SpecError(f"{spec_name}: {surface!r}: unknown type {typ}")
        for start, end in locate(text, surface, occ):
            entities.append(
                {"start": start, "end": end, "text": surface, "type": typ, "actor": actor}
            )
    entities.sort(key=lambda e: (e["start"], e["end"]))

    dates = []
    for row in spec.get("dates", []):
        if len(row) != 3:
            raise SpecError(f"{spec_name}: date row needs 3 fields: {row}")
        surface, occ, value = row
        for start, end in locate(text, surface, occ):
            dates.append({"start": start, "end": end, "text": surface, "value": value})
    dates.sort(key=lambda d: (d["start"], d["end"]))

    check_spans(text, entities, dates, spec_name)

    # Review: whole-word occurrences of annotated surfaces left out.
    covered = [(e["start"], e["end"]) for e in entities] + [(d["start"], d["end"]) for d in dates]
    for surface in sorted({e["text"] for e in entities} | {d["text"] for d in dates}):
        for s in word_matches(text, surface):
            e = s + len(surface)
            if not any(cs <= s and e <= ce for cs, ce in covered):
                ctx = text[max(0, s - 30) : e + 30].replace("\n", " ")
                notes.append(f"unannotated {surface!r} at {s}: ...{ctx}...")

    metadata_people = set(spec.get("metadata_people", []))
    actors = sorted({e["actor"] for e in entities} - metadata_people)
    for actor in spec.get("roles", {}):
        if actor not in actors:
            raise SpecError(f"{spec_name}: role given for {actor!r}, which is not an actor")

    gold = {
        "source": source.name,
        "sha256": sha,
        "offsets": "unicode code points, end-exclusive",
        "title": spec["title"],
        "editor": spec.get("editor"),
        "author": spec.get("author"),
        "published": spec.get("published"),
        "feedback_prompt": spec.get("feedback_prompt"),
        "entities": entities,
        **({"dates": dates} if "dates" in spec else {}),
        "roles": spec.get("roles", {}),
        "actors": actors,
        "not_entities": spec.get("not_entities", []),
    }
    check_metadata(text, gold, spec_name)
    return gold, notes


def check_spans(text: str, entities: list, dates: list, name: str) -> None:
    for item in entities + dates:
        if text[item["start"] : item["end"]] != item["text"]:
            raise SpecError(f"{name}: span {item['start']}..{item['end']} is not {item['text']!r}")
    for layer, items in (("entities", entities), ("dates", dates)):
        for a, b in zip(items, items[1:]):
            if b["start"] < a["end"]:
                raise SpecError(f"{name}: overlapping {layer}: {a['text']!r} and {b['text']!r}")


def check_metadata(text: str, gold: dict, name: str) -> None:
    if text.split("\n", 1)[0].strip() != gold["title"]:
        raise SpecError(f"{name}: title is not the file's first line")
    for key in ("editor", "author", "feedback_prompt"):
        if gold[key] is not None and gold[key] not in text:
            raise SpecError(f"{name}: {key} {gold[key]!r} is not in the text")


def verify(gold_path: Path) -> None:
    """Re-check an existing gold file against its source in assets/articles/."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    source = ROOT / "assets" / "articles" / gold["source"]
    if not source.is_file():
        source = gold_path.resolve().parent.parent / "texts" / gold["source"]
    text, sha = read_text(source)
    if sha != gold["sha256"]:
        raise SpecError(f"{gold_path}: sha256 differs from {gold['source']}")
    check_spans(text, gold["entities"], gold.get("dates", []), str(gold_path))
    check_metadata(text, gold, str(gold_path))


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        if argv[0] == "--verify":
            for p in argv[1:]:
                verify(Path(p))
                print(f"ok {p}")
            return 0
        OUT_DIR.mkdir(parents=True, exist_ok=True)
        for p in argv:
            spec_path = Path(p)
            spec = json.loads(spec_path.read_text(encoding="utf-8"))
            gold, notes = build(spec, spec_path.name)
            out_dir = ROOT / spec["out"] if "out" in spec else OUT_DIR
            out_dir.mkdir(parents=True, exist_ok=True)
            out = out_dir / (Path(spec["source"]).stem + ".gold.json")
            out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            print(
                f"wrote {out.relative_to(ROOT)}: {len(gold['entities'])} entities, "
                f"{len(gold.get('dates', []))} dates, {len(gold['actors'])} actors"
            )
            for n in notes:
                print(f"  review: {n}")
    except (SpecError, OSError, KeyError, json.JSONDecodeError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
