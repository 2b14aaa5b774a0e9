#!/usr/bin/env python3
"""Print the graph of top-level modules under src/ and fail on a cycle.

Usage: scripts/module_graph.py [-v] [SRC_DIR]   (SRC_DIR defaults to this repo's src/)

Reads every `crate::<module>` path, `crate::{a, b}` group and `super::` path that climbs
to the crate root (in `use` lines and in expressions; comments and strings stripped) per
file, maps each file to its top-level module (src/db/models/x.rs -> db), and reports:
  - the edges, with the files that make them (with -v);
  - every cycle between top-level modules (strongly connected components);
  - `domain` importing any other module, a layer importing one above it (FORBIDDEN).

The same check runs in the test suite (tests/api/layers.rs), so CI keeps it true;
this script is for reading the graph by hand. Exit status 1 when a rule is broken.
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")
# What each layer must never import (the same table as tests/api/layers.rs).
FORBIDDEN = {
    "auth": {"cli", "jobs", "routes", "startup"},
    "state": {"auth", "cli", "jobs", "routes", "startup"},
    "email": {"auth", "cli", "jobs", "routes", "startup", "state", "views"},
    "views": {"auth", "cli", "email", "jobs", "routes", "startup", "state"},
    "db": {"auth", "boundary", "cli", "email", "error", "jobs", "rate_limit", "routes",
           "startup", "state", "views"},
    "routes": {"cli", "jobs", "startup"},
}
NOISE = re.compile(
    r'//[^\n]*'                      # line comments
    r'|/\*.*?\*/'                    # block comments (not nested)
    r'|b?r(#*)".*?"\1'               # raw strings
    r'|b?"(?:\\.|[^"\\])*"'          # strings
    r"|'(?:\\.|[^'\\])'",            # char literals
    re.S,
)
PATH = re.compile(r"(?<![A-Za-z0-9_])((?:crate|(?:super\s*::\s*)+))\s*::\s*(\{|[A-Za-z_][A-Za-z0-9_]*)")


def code_only(text):
    return NOISE.sub('""', text)


def module_path(rel):
    parts = rel.split(os.sep)
    last = parts.pop()
    stem = last[:-3]
    if stem not in ("mod", "lib", "main"):
        parts.append(stem)
    return parts


def group_items(text, start):
    """First segments of every item of the {...} group opening at text[start]."""
    depth, item_start, out, i = 0, True, [], start
    while i < len(text):
        c = text[i]
        if c == "{":
            depth += 1
            item_start = depth == 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                break
        elif c == "," and depth == 1:
            item_start = True
        elif item_start and (c.isalnum() or c == "_"):
            m = re.match(r"[A-Za-z0-9_]+", text[i:])
            out.append(m.group(0))
            item_start = False
            i += len(m.group(0))
            continue
        i += 1
    return out


def targets(code, module, tops):
    found = set()
    for m in PATH.finditer(code):
        head = m.group(1)
        if head != "crate":
            # `super::` climbs from this file's module; out of every one is the root.
            climbs = head.count("super")
            if climbs < len(module):
                continue
        first = m.group(2)
        names = group_items(code, m.start(2)) if first == "{" else [first]
        found.update(n for n in names if n in tops)
    return found


def graph(root):
    tops = set()
    for name in os.listdir(root):
        if name.endswith(".rs") and name not in ("lib.rs", "main.rs"):
            tops.add(name[:-3])
        elif os.path.isdir(os.path.join(root, name)):
            tops.add(name)
    edges = {}
    for dirpath, _, files in os.walk(root):
        for name in files:
            if not name.endswith(".rs"):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            module = module_path(rel)
            if not module:
                continue
            source = module[0]
            with open(path, encoding="utf-8") as f:
                code = code_only(f.read())
            for target in targets(code, module, tops):
                if target != source:
                    edges.setdefault(source, {}).setdefault(target, []).append("src/" + rel)
    return edges


def cycles(edges):
    """Tarjan's strongly connected components with more than one module."""
    index, low, stack, on_stack, out = {}, {}, [], set(), []
    counter = [0]
    nodes = set(edges) | {t for ts in edges.values() for t in ts}

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in edges.get(v, {}):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(nodes):
        if v not in index:
            visit(v)
    return out


def main():
    verbose = "-v" in sys.argv
    paths = [a for a in sys.argv[1:] if a != "-v"]
    edges = graph(paths[0] if paths else ROOT)
    for source in sorted(edges):
        print(f"{source} -> {', '.join(sorted(edges[source]))}")
        if verbose:
            for target in sorted(edges[source]):
                for path in sorted(set(edges[source][target])):
                    print(f"    {target}: {path}")
    failed = False
    for component in cycles(edges):
        failed = True
        print(f"CYCLE between: {', '.join(component)}")
        for a in component:
            for b in component:
                if b in edges.get(a, {}):
                    print(f"    {a} -> {b}: {', '.join(sorted(set(edges[a][b])))}")
    rules = [("domain", set(edges.get("domain", {})))]
    rules += [(layer, above & set(edges.get(layer, {}))) for layer, above in FORBIDDEN.items()]
    for name, bad in rules:
        if bad:
            failed = True
            print(f"{name} imports {', '.join(sorted(bad))}")
    if not failed:
        print("no cycles between top-level modules")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
