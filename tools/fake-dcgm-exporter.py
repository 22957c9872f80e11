#!/usr/bin/env python3
"""Serves GPU figures in NVIDIA dcgm-exporter's text format, for a site without GPUs.

The figures come from a JSON file that is read again on every scrape, so a test (or a person running the site
demo) changes what Prometheus sees by rewriting it: replace the file whole (write a temporary file beside it, then
rename it over) so that a scrape never reads half a file. A file that does not parse is skipped: the last good
figures are served until it is fixed.

    {"gpus": [{"Hostname": "n1", "gpu": 0, "UUID": "GPU-...", "modelName": "NVIDIA H800",
               "util": 0, "fb_used": 0, "fb_free": 81559, "power": 65.0}, ...]}

With --init the file is first written with every GPU idle (--hosts n1,n2,n3 --gpus 8 --model "NVIDIA H800").
"""
import argparse
import json
import os
import sys
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# (metric, JSON key, help text) in dcgm-exporter's names and units
METRICS = [
    ("DCGM_FI_DEV_GPU_UTIL", "util", "GPU utilization (in %)."),
    ("DCGM_FI_DEV_FB_USED", "fb_used", "Framebuffer memory used (in MiB)."),
    ("DCGM_FI_DEV_FB_FREE", "fb_free", "Framebuffer memory free (in MiB)."),
    ("DCGM_FI_DEV_POWER_USAGE", "power", "Power draw (in W)."),
]


def idle_site(hosts, gpus, model):
    return {"gpus": [{"Hostname": host, "gpu": index,
                      "UUID": "GPU-" + str(uuid.uuid5(uuid.NAMESPACE_DNS, f"{host}.{index}.cpn-site")),
                      "modelName": model, "util": 0, "fb_used": 0, "fb_free": 81559, "power": 65.0}
                     for host in hosts for index in range(gpus)]}


def exposition(site):
    lines = []
    for metric, key, help_text in METRICS:
        lines.append(f"# HELP {metric} {help_text}")
        lines.append(f"# TYPE {metric} gauge")
        for g in site["gpus"]:
            labels = (f'gpu="{g["gpu"]}",UUID="{g["UUID"]}",device="nvidia{g["gpu"]}",'
                      f'modelName="{g["modelName"]}",Hostname="{g["Hostname"]}"')
            lines.append(f"{metric}{{{labels}}} {g[key]}")
    return ("\n".join(lines) + "\n").encode()


class Values:
    def __init__(self, path):
        self.path = path
        self.last_good = {"gpus": []}

    def read(self):
        try:
            with open(self.path, encoding="utf-8") as f:
                self.last_good = json.load(f)
        except (OSError, ValueError) as e:
            print(f"fake-dcgm-exporter: keeping the last good figures: {e}", file=sys.stderr, flush=True)
        return self.last_good


def serve(port, values):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path.split("?")[0] != "/metrics":
                self.send_error(404)
                return
            body = exposition(values.read())
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; version=0.0.4")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass  # one line per scrape each second would only fill the log

    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--values", required=True, help="the JSON file of figures")
    parser.add_argument("--init", action="store_true", help="first write the file with every GPU idle")
    parser.add_argument("--hosts", default="n1,n2,n3")
    parser.add_argument("--gpus", type=int, default=8)
    parser.add_argument("--model", default="NVIDIA H800")
    args = parser.parse_args()
    if args.init:
        tmp = args.values + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(idle_site(args.hosts.split(","), args.gpus, args.model), f, indent=1)
        os.replace(tmp, args.values)
    serve(args.port, Values(args.values))


if __name__ == "__main__":
    main()
