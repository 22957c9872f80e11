#!/usr/bin/env python3
"""check_layers.py on small source trees: it must report each kind of violation and pass clean code."""

import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_layers  # noqa: E402


class SourceTree:
    """A temporary project tree: write(path, text) adds a file."""

    def __init__(self):
        self._dir = tempfile.TemporaryDirectory()
        self.root = self._dir.name

    def write(self, rel, text=""):
        path = os.path.join(self.root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)

    def close(self):
        self._dir.cleanup()


class IncludeChecks(unittest.TestCase):
    def setUp(self):
        self.tree = SourceTree()
        self.addCleanup(self.tree.close)
        for header in ["models/domain/node.h", "models/cache/cachestore.h", "models/charts/samplestore.h",
                       "widgets/statuscolors.h", "widgets/charts/chartview.h", "ui/mainwindow.h",
                       "app/console/consoleapp.h", "app/nodesim/simulator.h", "server/apirouter.h"]:
            self.tree.write(header)

    def violations(self, rel, text):
        self.tree.write(rel, text)
        return check_layers.include_violations(self.tree.root)

    def test_allowed_includes_pass(self):
        self.tree.write("models/cache/cachestore.cpp", '#include "cache/cachestore.h"\n#include "domain/node.h"\n')
        self.tree.write("widgets/charts/chartview.cpp", '#include "chartview.h"\n#include "charts/samplestore.h"\n'
                        '#include "widgets/statuscolors.h"\n')
        self.tree.write("ui/mainwindow.cpp", '#include "ui/mainwindow.h"\n#include "widgets/charts/chartview.h"\n')
        self.tree.write("app/console/consoleapp.cpp", '#include "consoleapp.h"\n#include "ui/mainwindow.h"\n')
        self.tree.write("app/nodesim/simulator.cpp", '#include "simulator.h"\n#include "domain/node.h"\n'
                        '#include "apirouter.h"\n')
        self.tree.write("server/apirouter.cpp", '#include "apirouter.h"\n#include "domain/node.h"\n')
        self.assertEqual(check_layers.include_violations(self.tree.root), [])

    def test_server_including_the_simulator_fails(self):
        found = self.violations("server/apirouter.cpp", '#include "simulator.h"\n')
        self.assertEqual(found, ["server/apirouter.cpp:1: server includes app/nodesim/simulator.h (app/nodesim)"])

    def test_ui_including_the_server_fails(self):
        found = self.violations("ui/mainwindow.cpp", '#include "apirouter.h"\n')
        self.assertEqual(found, ["ui/mainwindow.cpp:1: ui includes server/apirouter.h (server)"])

    def test_models_including_widgets_fails(self):
        found = self.violations("models/domain/node.cpp", '#include <QString>\n#include "widgets/statuscolors.h"\n')
        self.assertEqual(found, ["models/domain/node.cpp:2: models/domain includes widgets/statuscolors.h (widgets)"])

    def test_widgets_including_ui_fails(self):
        found = self.violations("widgets/statuscolors.cpp", '  #  include "ui/mainwindow.h"\n')
        self.assertEqual(found, ["widgets/statuscolors.cpp:1: widgets includes ui/mainwindow.h (ui)"])

    def test_ui_including_app_through_an_include_root_fails(self):
        found = self.violations("ui/mainwindow.cpp", '#include "consoleapp.h"\n')
        self.assertEqual(found, ["ui/mainwindow.cpp:1: ui includes app/console/consoleapp.h (app/console)"])

    def test_sibling_models_without_an_allowed_dependency_fail(self):
        found = self.violations("models/charts/samplestore.cpp", '#include "cache/cachestore.h"\n')
        self.assertEqual(found,
                         ["models/charts/samplestore.cpp:1: models/charts includes models/cache/cachestore.h "
                          "(models/cache)"])

    def test_headless_app_including_widgets_fails(self):
        found = self.violations("app/nodesim/simulator.cpp", '#include "widgets/statuscolors.h"\n')
        self.assertEqual(found, ["app/nodesim/simulator.cpp:1: app/nodesim includes widgets/statuscolors.h (widgets)"])

    def test_widgets_including_the_cache_fails(self):
        found = self.violations("widgets/charts/chartview.cpp", '#include "cache/cachestore.h"\n')
        self.assertEqual(found, ["widgets/charts/chartview.cpp:1: widgets includes models/cache/cachestore.h "
                                 "(models/cache)"])

    def test_local_header_wins_over_an_include_root(self):
        # widgets/charts/samplestore.h shadows models/charts/samplestore.h for its neighbours only.
        self.tree.write("widgets/charts/samplestore.h")
        self.assertEqual(self.violations("widgets/charts/chartview.cpp", '#include "samplestore.h"\n'), [])


class LinkChecks(unittest.TestCase):
    def setUp(self):
        self.tree = SourceTree()
        self.addCleanup(self.tree.close)

    def violations(self, table):
        self.tree.write("targets.tsv", "".join("\t".join(row) + "\n" for row in table))
        return check_layers.link_violations(check_layers.read_targets(os.path.join(self.tree.root, "targets.tsv")))

    def test_clean_graph_passes(self):
        self.assertEqual(self.violations([
            ("cpn_domain", "models/domain", "Qt6::Core", "Qt6::Core"),
            ("cpn_cache", "models/cache", "cpn_domain;Qt6::Sql", "cpn_domain;Qt6::Sql;Qt6::Core"),
            ("cpn_widgets", "widgets", "cpn_domain;Qt6::Widgets", "cpn_domain;Qt6::Widgets;Qt6::Gui"),
        ]), [])

    def test_models_linking_gui_through_another_library_fails(self):
        self.assertEqual(self.violations([
            ("cpn_domain", "models/domain", "Qt6::Svg", "Qt6::Svg;Qt6::Gui;Qt6::Core"),
        ]), ["models/domain: target cpn_domain (models/domain) links Qt6::Gui"])

    def test_headless_app_linking_widgets_fails(self):
        self.assertEqual(self.violations([
            ("cpn_widgets", "widgets", "Qt6::Widgets", "Qt6::Widgets;Qt6::Gui"),
            ("cpn_snapshot_lib", "app/snapshot", "cpn_widgets", "cpn_widgets;Qt6::Widgets;Qt6::Gui"),
        ]), ["app/snapshot: target cpn_snapshot_lib (app/snapshot) links Qt6::Gui",
             "app/snapshot: target cpn_snapshot_lib (app/snapshot) links Qt6::Widgets",
             "app/snapshot: target cpn_snapshot_lib (app/snapshot) links cpn_widgets (widgets)"])

    def test_sibling_models_link_fails(self):
        self.assertEqual(self.violations([
            ("cpn_cache", "models/cache", "Qt6::Sql", "Qt6::Sql"),
            ("cpn_chartdata", "models/charts", "cpn_cache", "cpn_cache;Qt6::Sql"),
        ]), ["models/charts: target cpn_chartdata (models/charts) links cpn_cache (models/cache)"])

    def test_widgets_linking_the_cache_fails_even_through_another_library(self):
        self.assertEqual(self.violations([
            ("cpn_cache", "models/cache", "Qt6::Sql", "Qt6::Sql"),
            ("cpn_charts", "widgets/charts", "cpn_cache", "cpn_cache;Qt6::Sql"),
            ("cpn_map", "widgets/map", "cpn_charts", "cpn_charts;cpn_cache;Qt6::Sql"),
        ]), ["widgets/charts: target cpn_charts (widgets) links cpn_cache (models/cache)",
             "widgets/map: target cpn_map (widgets) links cpn_cache (models/cache) through another library"])

    def test_ui_may_link_the_cache(self):
        self.assertEqual(self.violations([
            ("cpn_cache", "models/cache", "Qt6::Sql", "Qt6::Sql"),
            ("cpn_ui_replay", "ui/replay", "cpn_cache", "cpn_cache;Qt6::Sql"),
        ]), [])


if __name__ == "__main__":
    unittest.main()
