#!/usr/bin/env python3
"""Writes the presentation-forms rows of queries.tsv: Arabic names as some PDFs and older systems store them.

Text extracted from PDFs (and text from systems that predate OpenType shaping) often holds each letter already
shaped, as a code point of Unicode's Arabic Presentation Forms-B block (U+FE70–U+FEFF): ﻗﻄﺮ (initial qaf, medial tah,
final reh) instead of قطر. This script shapes each base query the way a renderer would and writes the result with
those code points, so the rows are reproducible rather than pasted by hand.

Shaping follows the Unicode joining rules: a letter joins the one before it when both can join that way (the one
before is dual-joining, this one dual- or right-joining); a dual-joining letter joins the one after it when that one
can join. Joined on both sides → medial, before only → final, after only → initial, neither → isolated. Lam followed
by an alef (ا أ إ آ) becomes one lam-alef ligature (U+FEF5–U+FEFC), which joins only to the letter before it. The forms
and ligatures come from the Unicode Character Database itself (unicodedata.decomposition: «<initial> 0642» …), and a
letter counts as dual-joining exactly when the block has an initial form for it.

Usage (from anywhere):
  python3 Tests/StoreTests/SearchGolden/presentation_forms.py          rewrites the generated block in queries.tsv
  python3 Tests/StoreTests/SearchGolden/presentation_forms.py --check  exits 1 if the block is not current
"""

import sys
import unicodedata
from pathlib import Path

QUERIES = Path(__file__).resolve().parent / "queries.tsv"
CATEGORY = "presentation-forms"
BEGIN = "# BEGIN GENERATED presentation-forms (presentation_forms.py)"
END = "# END GENERATED presentation-forms"

# (query in ordinary Arabic letters, expected entity): names from the text and the usual spellings, every entity kind.
BASE = [
    ("قطر", "countries/qa"),
    ("كازاخستان", "countries/kz"),
    ("الصين", "countries/cn"),
    ("روسيا", "countries/ru"),
    ("السعودية", "countries/sa"),
    ("الاتحاد السوفيتي", "countries/suhh"),
    ("الكازاخستانية", "countries/kz"),
    ("ألماتي", "places/almaty"),
    ("ألماطى", "places/almaty"),
    ("أستانا", "places/astana"),
    ("اصطنة", "places/astana"),
    ("بحر قزوين", "places/caspian-sea"),
    ("آسيا الوسطى", "places/central-asia"),
    ("الخليج العربي", "places/arabian-gulf"),
    ("طريق الحرير", "places/silk-road"),
    ("أوروبا", "places/europe"),
    ("العالم الإسلامي", "places/islamic-world"),
    ("نازارباييف", "people/nursultan-nazarbayev"),
    ("نور سلطان نازاربايف", "people/nursultan-nazarbayev"),
    ("حمد بن خليفة آل ثاني", "people/hamad-bin-khalifa-al-thani"),
    ("سلطان بن عبدالعزيز", "people/sultan-bin-abdulaziz"),
    ("ولي العهد السعودي", "people/sultan-bin-abdulaziz"),
    ("الأمم المتحدة", "organizations/un"),
    ("منظمة التعاون الإسلامي", "organizations/oic"),
    ("منظمة شنغهاي للتعاون", "organizations/sco"),
    ("إعلان ألماتي", "declarations/almaty-act"),
    ("كازاخستان 2030", "initiatives/kazakhstan-2030"),
    ("الاتحاد الأوراسي", "initiatives/eurasian-union"),
    ("حوار الحضارات", "initiatives/dialogue-among-civilizations"),
    ("انهيار الاتحاد السوفيتي", "events/ussr-dissolution"),
    ("زيارة أمير قطر", "visits/qatar-emir-visit-astana"),
    ("ثاني أطول حدود برية", "facts/second-longest-land-border"),
]

ALEFS = {"\u0627", "\u0623", "\u0625", "\u0622"}
LAM = "\u0644"


def presentation_tables():
    """(letter → {form: code point}, alef → {form: lam-alef ligature}) read from U+FE70–U+FEFF."""
    letters, ligatures = {}, {}
    for code in range(0xFE70, 0xFEFF):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) < 2 or not parts[0].startswith("<"):
            continue
        form = parts[0].strip("<>")
        bases = [chr(int(p, 16)) for p in parts[1:]]
        if len(bases) == 1:
            letters.setdefault(bases[0], {})[form] = chr(code)
        elif len(bases) == 2 and bases[0] == LAM and bases[1] in ALEFS:
            ligatures.setdefault(bases[1], {})[form] = chr(code)
    return letters, ligatures


LETTERS, LIGATURES = presentation_tables()


def units(word):
    """The word as shaping units: a letter, or a lam-alef pair that becomes one ligature."""
    result, i = [], 0
    while i < len(word):
        if word[i] == LAM and i + 1 < len(word) and word[i + 1] in ALEFS:
            result.append(word[i : i + 2])
            i += 2
        else:
            result.append(word[i])
            i += 1
    return result


def joins_after(unit):
    """Whether the unit connects to the letter after it (dual-joining letters; never a ligature)."""
    return len(unit) == 1 and "initial" in LETTERS.get(unit, {})


def joins_before(unit):
    """Whether the unit connects to the letter before it (every letter with a final form, and the ligatures)."""
    return len(unit) == 2 or "final" in LETTERS.get(unit, {})


def shape_word(word):
    parts = units(word)
    out = []
    for i, unit in enumerate(parts):
        before = i > 0 and joins_after(parts[i - 1]) and joins_before(unit)
        after = i + 1 < len(parts) and joins_after(unit) and joins_before(parts[i + 1])
        form = {(True, True): "medial", (True, False): "final", (False, True): "initial"}.get(
            (before, after), "isolated"
        )
        table = LIGATURES[unit[1]] if len(unit) == 2 else LETTERS.get(unit)
        if table is None:
            out.append(unit)  # a digit or other non-letter stays as it is
        else:
            out.append(table.get(form) or table["isolated"])
    return "".join(out)


def shape(text):
    return " ".join(shape_word(word) for word in text.split(" "))


def generated_rows():
    return [f"{CATEGORY}\t{shape(query)}\t{expected}\tshaped from «{query}»" for query, expected in BASE]


def rewritten(lines):
    begin, end = lines.index(BEGIN), lines.index(END)
    return lines[: begin + 1] + generated_rows() + lines[end:]


def main():
    lines = QUERIES.read_text(encoding="utf-8").split("\n")
    new = rewritten(lines)
    if "--check" in sys.argv[1:]:
        if new != lines:
            print(f"{QUERIES.name}: the presentation-forms block is not current; run {Path(__file__).name}")
            return 1
        return 0
    QUERIES.write_text("\n".join(new), encoding="utf-8")
    print(f"{QUERIES.name}: wrote {len(BASE)} presentation-forms rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
