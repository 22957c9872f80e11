#!/usr/bin/env python3
"""Serves GPU figures in NVIDIA dcgm-exporter's text format, for a site without GPUs.

The figures come from a JSON file that is read again on every scrape, so a test (or a person running the site
demo) changes what Prometheus sees by rewriting it: replace the file whole (write a temporary file beside it, then
rename it over) so that a scrape never reads half a file. A file that does not parse is skipped: the last good
figures are served until it is fixed.

    {"gpus": [{"Hostname": "n1", "gpu": 0, "UUID": "GPU-...", "modelName": "NVIDIA H800",
               "util": 0, "fb_used": 0, "fb_free": 81559, "power": 65.0}, ...]}

With --init the file is first written with every GPU idle (--hosts n1,n2,n3 --gpus 8 --model "NVIDIA H800";
--host-count N names the hosts n1..nN instead). With --node-series it also serves node_exporter's CPU, memory and
filesystem series for each host, labelled instance="<host>" (scrape it with honor_labels), so that one process
stands in for a whole site's exporters (bench/gateway/bench_gateway.cpp).
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


# node_exporter's series for one host of 16 cores, 64 GiB and a 1 TB root filesystem; the idle CPU counter grows
# with the clock, so irate() has a rate
def node_lines(hosts):
    import time
    now = time.time()
    lines = ["# TYPE node_cpu_seconds_total counter"]
    for host in hosts:
        for cpu in range(16):
            lines.append(f'node_cpu_seconds_total{{cpu="{cpu}",mode="idle",instance="{host}"}} {now * 0.7:.3f}')
            lines.append(f'node_cpu_seconds_total{{cpu="{cpu}",mode="user",instance="{host}"}} {now * 0.3:.3f}')
    for metric, value in [("node_memory_MemTotal_bytes", 68719476736), ("node_memory_MemAvailable_bytes", 34359738368)]:
        lines.append(f"# TYPE {metric} gauge")
        lines.extend(f'{metric}{{instance="{host}"}} {value}' for host in hosts)
    for metric, value in [("node_filesystem_size_bytes", 1e12), ("node_filesystem_avail_bytes", 6e11)]:
        lines.append(f"# TYPE {metric} gauge")
        lines.extend(f'{metric}{{mountpoint="/",device="/dev/sda1",fstype="ext4",instance="{host}"}} {value:.0f}'
                     for host in hosts)
    return lines


def exposition(site, node_series=False):
    lines = node_lines(sorted({g["Hostname"] for g in site["gpus"]})) if node_series else []
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


def serve(port, values, node_series):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path.split("?")[0] != "/metrics":
                self.send_error(404)
                return
            body = exposition(values.read(), node_series)
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
    parser.add_argument("--host-count", type=int, help="hosts n1..nN (instead of --hosts)")
    parser.add_argument("--gpus", type=int, default=8)
    parser.add_argument("--model", default="NVIDIA H800")
    parser.add_argument("--node-series", action="store_true", help="also serve node_exporter's series per host")
    args = parser.parse_args()
    if args.init:
        tmp = args.values + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            hosts = [f"n{i}" for i in range(1, args.host_count + 1)] if args.host_count else args.hosts.split(",")
            json.dump(idle_site(hosts, args.gpus, args.model), f, indent=1)
        os.replace(tmp, args.values)
    serve(args.port, Values(args.values), args.node_series)


if __name__ == "__main__":
    main()
