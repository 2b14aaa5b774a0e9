#!/usr/bin/env python3
"""Print the graph of top-level modules under src/ and fail on a cycle.

Reads every `crate::<module>` path (in `use` lines and in expressions, comments
stripped) per file, maps each file to its top-level module (src/db/models/x.rs -> db),
and reports:
  - the edges, with the files that make them (with -v);
  - every cycle between top-level modules (strongly connected components);
  - any import from `domain` into a module that does I/O.

The same check runs in the test suite (tests/api/layers.rs), so CI keeps it true;
this script is for reading the graph by hand. Exit status 1 when a rule is broken.
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")
PATH = re.compile(r"\bcrate::([a-z_][a-z0-9_]*)")
GROUP = re.compile(r"\bcrate::\{([^}]*)\}", re.S)
DOMAIN_MAY_NOT_USE = {"db", "email", "auth", "views", "routes", "state", "startup", "jobs"}


def strip_comments(text):
    out = []
    for line in text.splitlines():
        quotes = 0
        cut = len(line)
        i = 0
        while i < len(line) - 1:
            c = line[i]
            if c == '"' and (i == 0 or line[i - 1] != "\\"):
                quotes += 1
            if c == "/" and line[i + 1] == "/" and quotes % 2 == 0:
                cut = i
                break
            i += 1
        out.append(line[:cut])
    return "\n".join(out)


def top_module(path):
    rel = os.path.relpath(path, ROOT)
    first = rel.split(os.sep)[0]
    return first[:-3] if first.endswith(".rs") else first


def graph():
    edges = {}
    for dirpath, _, files in os.walk(ROOT):
        for name in files:
            if not name.endswith(".rs"):
                continue
            path = os.path.join(dirpath, name)
            source = top_module(path)
            if source in ("lib", "main"):
                continue
            with open(path, encoding="utf-8") as f:
                text = strip_comments(f.read())
            targets = set(PATH.findall(text))
            for group in GROUP.findall(text):
                for item in group.split(","):
                    item = item.strip()
                    if item:
                        targets.add(re.split(r"::|\s", item)[0])
            for target in targets:
                if target != source:
                    edges.setdefault(source, {}).setdefault(target, []).append(
                        os.path.relpath(path, os.path.join(ROOT, ".."))
                    )
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
    edges = graph()
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
    bad = DOMAIN_MAY_NOT_USE & set(edges.get("domain", {}))
    if bad:
        failed = True
        print(f"domain imports {', '.join(sorted(bad))}")
    if not failed:
        print("no cycles between top-level modules")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
