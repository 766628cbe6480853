"""Validates every bundled data file against its JSON Schema (Draft 2020-12), as any other tool would."""
import glob
import json
import os
import sys

import jsonschema

root = os.path.join(os.path.dirname(__file__), "..", "Resources")
failures = 0
pairs = [(f, os.path.join(root, "schema", os.path.basename(f)[:-5] + ".schema.json")) for f in sorted(glob.glob(os.path.join(root, "data", "*.json")))]
pairs += [(f, os.path.join(root, "schema", "source.schema.json")) for f in sorted(glob.glob(os.path.join(root, "sources", "*.json")))]
pairs += [(f, os.path.join(root, "schema", "alternate-names.schema.json")) for f in sorted(glob.glob(os.path.join(root, "lexicon", "alternate-names.json")))]
for data_file, schema_file in pairs:
    with open(data_file, encoding="utf-8") as d, open(schema_file, encoding="utf-8") as s:
        data, schema = json.load(d), json.load(s)
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    for e in errors:
        print(f"{os.path.relpath(data_file, root)}: {e.json_path}: {e.message}", file=sys.stderr)
    failures += len(errors)
    print(f"{os.path.relpath(data_file, root)}: {'ok' if not errors else f'{len(errors)} error(s)'}")
sys.exit(1 if failures else 0)
