"""How each cost grows from one scale to the next: reads the raw results of several bench/run.sh scales (stdout: Markdown)."""
import json
import os
import re
import sys

scales = sys.argv[1:]  # folders of $BENCH_DIR/<scale>, smallest first
names = [os.path.basename(s.rstrip("/")) for s in scales]


def read(folder, name):
    path = os.path.join(folder, "results", name)
    return open(path, encoding="utf-8").read() if os.path.exists(path) else ""


def row(label, values):
    print(f"| {label} | " + " | ".join(values) + " |")


print("| cost | " + " | ".join(names) + " |")
print("|---|" + "---:|" * len(names))
worlds = [read(s, "world.txt").strip().split("|") for s in scales]
row("open positions / veterans / interactions", [f"{int(w[0]):,} / {int(w[1]):,} / {int(w[2]):,}" if len(w) >= 3 else "?" for w in worlds])
row("generation (s)", [open(os.path.join(s, "generated")).read().strip() if os.path.exists(os.path.join(s, "generated")) else "?" for s in scales])
runs = [{(r["name"], int(r["clients"])): r for r in map(json.loads, filter(str.strip, read(s, "wrk.jsonl").splitlines()))} for s in scales]
for name in ("bare", "opening", "search", "matches", "candidates", "apply"):
    row(f"{name}: p50 / p95, 1 client (ms)", [f"{r[(name, 1)]['p50']:.1f} / {r[(name, 1)]['p95']:.1f}" if (name, 1) in r else "—" for r in runs])
    row(f"{name}: req/s, 8 clients", [f"{r[(name, 8)]['rps']:,.1f}" if (name, 8) in r else "—" for r in runs])
for label, key in (("service VmRSS after the load", "VmRSS"), ("service VmHWM (peak)", "VmHWM")):
    row(label, [next((line.split(":", 1)[1].strip() for line in read(s, "memory.txt").splitlines() if line.startswith(key)), "—") for s in scales])
for prefix in ("JobMatch ranker, in process", "BM25, Lucene.Net, in process", "pg_trgm, GiST", "ts_rank, GIN"):
    values = []
    for s in scales:
        line = next((l for l in read(s, "alternatives.md").splitlines() if l.startswith("| " + prefix)), None)
        values.append(line.strip("|").split("|")[2].strip() if line else "—")
    row(f"{prefix}: p95 top 20", values)
