#!/usr/bin/env python3
"""Checks the layering of docs/architecture.md ("Layers").

Two checks, both printing one line per violation and exiting 1 if any:
  * every #include "..." in models/, widgets/, ui/, server/ and app/ resolves (the way the compiler does:
    the including file's folder first, then the project's include roots) to a file of the same or a
    lower layer, and inside models/ only to a sub-library it may depend on;
  * every target below the GUI (models/, server/, app/nodesim, app/snapshot) links, directly or through
    other targets, neither Qt6::Gui nor Qt6::Widgets, models/ targets link only the models/
    sub-libraries they may depend on, and widgets/ targets never link models/cache (SQLite). The link graph is the file tests/architecture/CMakeLists.txt
    writes at configure time.

Usage: check_layers.py --root <source dir> [--links <targets file>]
"""

import argparse
import os
import re
import sys

LAYER_RANK = {"models": 0, "widgets": 1, "ui": 2, "app": 3}
# The protocol server library: beside widgets/ and ui/, not above them. It uses models/ only, and
# only the programs of app/ use it.
SERVER_LAYER = "server"

# What each models/ sub-library may include and link besides itself. Siblings not listed here are
# independent of each other: a type two of them need belongs in a lower one (usually domain).
MODELS_DEPENDS = {
    "domain": set(),
    "geo": {"domain"},
    "api": {"domain"},
    "cache": {"domain", "state"},
    "state": {"domain"},
    "charts": {"domain", "state"},
    "itemmodels": {"domain", "state"},
    "placement": {"domain"},
    "auth": {"domain", "api"},
    "jobs": {"domain", "api", "placement"},
    "report": {"domain", "state", "cache"},
    "alarms": {"domain", "api"},
}

# models/ sub-libraries widgets/ never uses, not even through another library: the charts read the
# cache through charts::HistorySource, which the console implements, so no widget links SQLite.
WIDGETS_NEVER_USE = {"cache"}

# Programs of app/ that run without a window: they may use models/ only.
HEADLESS_APPS = {"nodesim", "snapshot", "gateway"}

# Where "#include" looks after the including file's own folder (the target_include_directories of
# the project's CMakeLists.txt files).
INCLUDE_ROOTS = ["models", ".", "server", "app/console", "app/nodesim", "app/snapshot", "app/gateway"]

SOURCE_SUFFIXES = (".h", ".hpp", ".cpp", ".cc")
INCLUDE_RE = re.compile(r'^\s*#\s*include\s*"([^"]+)"')
GUI_LIBRARIES = {"Qt6::Gui", "Qt6::Widgets", "Qt::Gui", "Qt::Widgets"}


def unit_of(rel_path):
    """(layer, part) of a path relative to the source root, or None outside the layers.

    part is the sub-library for models/ and the program for app/.
    """
    parts = rel_path.split("/")
    layer = parts[0]
    if layer not in LAYER_RANK and layer != SERVER_LAYER:
        return None
    if layer in ("models", "app"):
        return (layer, parts[1]) if len(parts) > 2 else None
    return (layer, None)


def unit_name(unit):
    return unit[0] + ("/" + unit[1] if unit[1] else "")


def may_use(user, used):
    """True when code of unit `user` may include or link code of unit `used`."""
    if user == used:
        return True
    (user_layer, user_part), (used_layer, used_part) = user, used
    if user_layer == SERVER_LAYER:
        return used_layer == "models"
    if used_layer == SERVER_LAYER:
        return user_layer == "app"
    if user_layer == "models" and used_layer == "models":
        return used_part in MODELS_DEPENDS.get(user_part, set())
    if user_layer == "widgets" and used_layer == "models" and used_part in WIDGETS_NEVER_USE:
        return False
    if user_layer == "app":
        if user_part in HEADLESS_APPS:
            return used_layer in ("models", SERVER_LAYER)
        return used_layer != "app"
    return LAYER_RANK[used_layer] <= LAYER_RANK[user_layer]


def resolve_include(root, including_rel, name):
    """Path (relative to root) the compiler would open for #include "name", or None."""
    candidates = [os.path.dirname(including_rel)] + INCLUDE_ROOTS
    for folder in candidates:
        rel = os.path.normpath(os.path.join(folder, name))
        if os.path.isfile(os.path.join(root, rel)):
            return rel.replace(os.sep, "/")
    return None


def source_files(root):
    for layer in list(LAYER_RANK) + [SERVER_LAYER]:
        for folder, dirs, files in os.walk(os.path.join(root, layer)):
            dirs.sort()
            for f in sorted(files):
                if f.endswith(SOURCE_SUFFIXES):
                    yield os.path.relpath(os.path.join(folder, f), root).replace(os.sep, "/")


def include_violations(root):
    found = []
    for rel in source_files(root):
        user = unit_of(rel)
        if user is None:
            continue
        with open(os.path.join(root, rel), encoding="utf-8", errors="replace") as f:
            for number, line in enumerate(f, 1):
                m = INCLUDE_RE.match(line)
                if not m:
                    continue
                target = resolve_include(root, rel, m.group(1))
                used = unit_of(target) if target else None
                if used is not None and not may_use(user, used):
                    found.append(f"{rel}:{number}: {unit_name(user)} includes {target} "
                                 f"({unit_name(used)})")
    return found


def read_targets(path):
    """{target: (source dir relative to root, direct libraries, all libraries)} from the file
    tests/architecture/CMakeLists.txt writes: one target a line, tab-separated fields, libraries
    separated by ';'."""
    targets = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 4:
                continue
            name, source_dir, direct, closure = fields
            targets[name] = (source_dir, set(filter(None, direct.split(";"))),
                             set(filter(None, closure.split(";"))))
    return targets


def link_violations(targets):
    found = []
    unit_of_target = {name: unit_of(src + "/x") for name, (src, _, _) in targets.items()}
    for name, (src, direct, closure) in sorted(targets.items()):
        user = unit_of_target[name]
        if user is None:
            continue
        headless = user[0] in ("models", SERVER_LAYER) or (user[0] == "app" and user[1] in HEADLESS_APPS)
        for lib in sorted(closure & GUI_LIBRARIES if headless else set()):
            found.append(f"{src}: target {name} ({unit_name(user)}) links {lib}")
        for lib in sorted(direct):
            used = unit_of_target.get(lib)
            if used is not None and not may_use(user, used):
                found.append(f"{src}: target {name} ({unit_name(user)}) links {lib} "
                             f"({unit_name(used)})")
        if user[0] == "widgets":
            for lib in sorted(closure - direct):
                used = unit_of_target.get(lib)
                if used is not None and used[0] == "models" and used[1] in WIDGETS_NEVER_USE:
                    found.append(f"{src}: target {name} ({unit_name(user)}) links {lib} "
                                 f"({unit_name(used)}) through another library")
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", required=True, help="the project's source directory")
    parser.add_argument("--links", help="the targets file the configure step writes")
    args = parser.parse_args()

    violations = include_violations(args.root)
    if args.links:
        violations += link_violations(read_targets(args.links))
    for v in violations:
        print(v)
    if violations:
        print(f"{len(violations)} layering violation(s); the rules are in docs/architecture.md")
        return 1
    print("layering ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
