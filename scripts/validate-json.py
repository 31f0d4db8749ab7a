#!/usr/bin/env python3
"""Validate JSON documents (one per line, or one per file) against gongwen's JSON Schemas.

usage: validate-json.py SCHEMA_DIR SCHEMA_NAME FILE...
Prints one line per invalid document and exits 1 if any is invalid, 0 otherwise.
"""
import json
import pathlib
import sys

import jsonschema
from referencing import Registry, Resource


def main() -> int:
    folder, name, files = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3:]
    schemas = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.schema.json"))]
    registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas)
    schema = next(s for s in schemas if s["$id"].endswith("/" + name))
    validator = jsonschema.Draft202012Validator(schema, registry=registry)
    bad = 0
    count = 0
    for path in files:
        text = pathlib.Path(path).read_text(encoding="utf-8")
        records = [json.loads(line) for line in text.splitlines() if line.strip()] if path.endswith(".jsonl") else [json.loads(text)]
        for record in records:
            count += 1
            for error in validator.iter_errors(record):
                bad += 1
                where = "/".join(str(p) for p in error.absolute_path)
                print(f"{record.get('source', path)}: {where}: {error.message}")
    print(f"validated {count} documents against {name}: {bad} errors")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
