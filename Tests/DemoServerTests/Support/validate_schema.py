#!/usr/bin/env python3
"""Validate a JSON answer against the response schema of one operation of an OpenAPI spec.

Usage: validate_schema.py SPEC METHOD PATH_TEMPLATE JSON_FILE [ERRATA_FILE]

Prints one line per violation (`<where in the answer>: <message>`) and exits 1 when there
are any, 0 when the answer conforms. Exit 3 means the check cannot run here (no jsonschema
module, or no such operation in the spec); the caller skips with the printed reason.

The spec's schemas forbid unlisted keys (`additionalProperties: false`). Two things widen
them, and nothing else does:
  * the solved plugin's keys, which the spec does not describe, are allowed wherever keys
    are closed: accepted_answer, has_accepted_answer, can_accept_answer,
    can_unaccept_answer;
  * ERRATA_FILE, a JSON list of documented corrections where the spec (rswag schemas
    captured from one small response) is narrower than what Discourse really sends. Each
    entry names the operation ("get /t/{id}.json"), the object (`at`, a dotted path with
    `[]` for array items, "" for the root), and what it allows: `keys` (name -> schema),
    `nullable` (keys that may also be null), `types` (key -> extra JSON types) or
    `optional` (required keys that may be absent), with the evidence in `reason`.
"""
import copy
import json
import sys

SOLVED_KEYS = {
    "accepted_answer": {"type": ["boolean", "object", "null"]},
    "has_accepted_answer": {"type": "boolean"},
    "can_accept_answer": {"type": "boolean"},
    "can_unaccept_answer": {"type": "boolean"},
}


def fail_setup(message):
    print(f"SKIP: {message}")
    sys.exit(3)


def allow_solved_keys(schema):
    """Adds the solved plugin's keys to every closed object schema, recursively."""
    if isinstance(schema, dict):
        if schema.get("additionalProperties") is False:
            properties = schema.setdefault("properties", {})
            for key, key_schema in SOLVED_KEYS.items():
                properties.setdefault(key, key_schema)
        for value in schema.values():
            allow_solved_keys(value)
    elif isinstance(schema, list):
        for value in schema:
            allow_solved_keys(value)


def find_object_schema(schema, at):
    """The object schema at a dotted path (`post_stream.posts[]`), or None."""
    node = schema
    if not at:
        return node
    for part in at.split("."):
        is_array = part.endswith("[]")
        name = part[:-2] if is_array else part
        if name:
            node = node.get("properties", {}).get(name)
            if node is None:
                return None
        if is_array:
            node = node.get("items")
            if node is None:
                return None
    return node


def widen_type(key_schema, extra_types):
    types = key_schema.get("type")
    if types is None:
        return
    types = [types] if isinstance(types, str) else list(types)
    for extra in extra_types:
        if extra not in types:
            types.append(extra)
    key_schema["type"] = types


def apply_errata(schema, operation, errata):
    for entry in errata:
        if entry.get("operation") != operation:
            continue
        target = find_object_schema(schema, entry.get("at", ""))
        if target is None:
            print(f"errata entry does not match the spec: {entry.get('operation')} at {entry.get('at')!r}")
            sys.exit(2)
        properties = target.setdefault("properties", {})
        for key, key_schema in entry.get("keys", {}).items():
            properties.setdefault(key, key_schema)
        for key in entry.get("nullable", []):
            if key in properties:
                widen_type(properties[key], ["null"])
        for key, extra in entry.get("types", {}).items():
            if key in properties:
                widen_type(properties[key], extra)
        optional = set(entry.get("optional", []))
        if optional and "required" in target:
            target["required"] = [key for key in target["required"] if key not in optional]


def location(error):
    """Where in the answer, with array indices folded to `[]` so repeats group together."""
    parts = []
    for part in error.absolute_path:
        parts.append("[]" if isinstance(part, int) else f".{part}")
    return "".join(parts) or "(root)"


def main(argv):
    if len(argv) not in (5, 6):
        print(__doc__)
        return 2
    try:
        import jsonschema
    except ImportError:
        fail_setup(f"{sys.executable} has no jsonschema module (Debian: apt-get install python3-jsonschema)")
    spec_path, method, template, answer_path = argv[1:5]
    errata = []
    if len(argv) == 6:
        with open(argv[5], encoding="utf-8") as handle:
            errata = json.load(handle)
    with open(spec_path, encoding="utf-8") as handle:
        spec = json.load(handle)
    try:
        operation_spec = spec["paths"][template][method.lower()]
        schema = operation_spec["responses"]["200"]["content"]["application/json"]["schema"]
    except KeyError:
        fail_setup(f"the spec has no 200 JSON response for {method.upper()} {template}")
    schema = copy.deepcopy(schema)
    allow_solved_keys(schema)
    apply_errata(schema, f"{method.lower()} {template}", errata)
    with open(answer_path, encoding="utf-8") as handle:
        answer = json.load(handle)

    validator = jsonschema.Draft202012Validator(schema)
    grouped = {}
    for error in validator.iter_errors(answer):
        key = (location(error), error.message[:300])
        grouped[key] = grouped.get(key, 0) + 1
    for (where, message), count in sorted(grouped.items()):
        times = f" ({count} times)" if count > 1 else ""
        print(f"{where}: {message}{times}")
    return 1 if grouped else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
