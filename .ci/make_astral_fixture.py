#!/usr/bin/env python3
"""Writes a data directory whose text has characters outside the Basic Multilingual Plane, for the reader's browser
test: Tests/StoreTests/Fixtures/valid with "🌍 " (an astral character and a space: 2 Unicode scalars, 3 UTF-16 code
units) put before every paragraph, every citation's offsets moved by 2 scalars and the text's sha256 updated. A page
that sliced JavaScript strings with scalar offsets would be one code unit off on every highlight.

Usage: make_astral_fixture.py OUT_DIR
"""
import hashlib
import json
import pathlib
import shutil
import sys

PREFIX = "\U0001F30D "  # 🌍 and a space
ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "Tests/StoreTests/Fixtures/valid"


def shift(value):
    """Moves the offsets of every object that cites a paragraph."""
    if isinstance(value, dict):
        if isinstance(value.get("paragraph"), int) and isinstance(value.get("start"), int):
            value["start"] += len(PREFIX)
            value["end"] += len(PREFIX)
        for member in value.values():
            shift(member)
    elif isinstance(value, list):
        for member in value:
            shift(member)


def main():
    out = pathlib.Path(sys.argv[1])
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(FIXTURE, out)
    for meta_path in (out / "sources").glob("*.json"):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        text_path = out / "sources" / meta["text_file"]
        lines = text_path.read_text(encoding="utf-8").split("\n")
        text = "\n".join(PREFIX + line if line else line for line in lines)
        text_path.write_text(text, encoding="utf-8")
        meta["sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
        meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for data_path in (out / "data").glob("*.json"):
        data = json.loads(data_path.read_text(encoding="utf-8"))
        shift(data)
        data_path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(out)


if __name__ == "__main__":
    main()
