#!/usr/bin/env python3
"""Copies, unchanged, the OpenAPI operations the schema-conformance tests check out of the
official Discourse spec into Tests/DemoServerTests/Spec/openapi-subset.json.

Usage: scripts/extract-openapi-subset.py PATH/TO/openapi.json
"""
import json
import sys

OPERATIONS = {
    "get": [
        "/latest.json", "/top.json", "/c/{slug}/{id}.json", "/tag/{name}.json", "/t/{id}.json",
        "/t/{id}/posts.json", "/posts/{id}.json", "/categories.json", "/site.json",
        "/site/basic-info.json", "/search.json", "/notifications.json", "/u/{username}.json",
        "/topics/private-messages/{username}.json", "/topics/private-messages-sent/{username}.json",
        "/admin/users/{id}.json",
    ],
    "post": ["/posts.json", "/post_actions.json"],
    "put": [
        "/posts/{id}.json", "/t/{id}/status.json", "/t/-/{id}.json", "/notifications/mark-read.json",
        "/admin/users/{id}/silence.json", "/admin/users/{id}/suspend.json",
    ],
}


def main() -> None:
    spec = json.load(open(sys.argv[1]))
    subset = {"openapi": spec["openapi"], "info": spec["info"], "paths": {}}
    for method, paths in OPERATIONS.items():
        for path in paths:
            subset["paths"].setdefault(path, {})[method] = spec["paths"][path][method]
    with open("Tests/DemoServerTests/Spec/openapi-subset.json", "w") as out:
        json.dump(subset, out, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
