"""Validates every example under schemas/examples with Python's jsonschema (draft 2020-12).

    validate_schemas.py SCHEMAS_DIR

Each schemas/<name>.schema.json must itself be a valid schema and have examples in
schemas/examples/<name>/{valid,invalid}/*.json; valid examples must pass, invalid ones must fail.
Exits 1 listing every disagreement.
"""
import glob
import json
import os
import sys

import jsonschema


def main(root):
    failures = []
    checked = 0
    for path in sorted(glob.glob(os.path.join(root, "*.schema.json"))):
        name = os.path.basename(path)[: -len(".schema.json")]
        with open(path) as handle:
            schema = json.load(handle)
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        examples = sorted(glob.glob(os.path.join(root, "examples", name, "*", "*.json")))
        if not examples:
            failures.append(f"{name}: no examples")
        for example in examples:
            with open(example) as handle:
                errors = list(validator.iter_errors(json.load(handle)))
            expected_valid = os.path.basename(os.path.dirname(example)) == "valid"
            checked += 1
            if expected_valid and errors:
                failures.append(f"{example}: rejected: {errors[0].message[:200]}")
            elif not expected_valid and not errors:
                failures.append(f"{example}: accepted but should be invalid")
    for failure in failures:
        print(failure)
    print(f"checked {checked} examples, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
