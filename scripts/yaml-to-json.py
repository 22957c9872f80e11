#!/usr/bin/env python3
"""Writes a YAML file as JSON, so C++ tests can read docs/openapi.yaml with QJsonDocument.

Usage: yaml-to-json.py IN.yaml OUT.json (needs the Debian package python3-yaml).
"""
import json
import sys

import yaml

with open(sys.argv[1], encoding="utf-8") as source:
    document = yaml.safe_load(source)
with open(sys.argv[2], "w", encoding="utf-8") as target:
    json.dump(document, target, ensure_ascii=False, indent=1)
    target.write("\n")
