"""Turns the raw results of bench/run.sh into the Markdown tables of docs/PERFORMANCE.md (printed to stdout)."""
import argparse
import json
import os
import re
import subprocess
from datetime import datetime, timezone

parser = argparse.ArgumentParser()
for name in ("--scale", "--results", "--generated", "--uptime-before", "--uptime-after"):
    parser.add_argument(name, required=True)
a = parser.parse_args()
R = a.results


def read(name, default=""):
    path = os.path.join(R, name)
    return open(path, encoding="utf-8").read().strip() if os.path.exists(path) else default


def cell(table_text, row_prefix, column):
    """A cell of a Markdown table row starting with row_prefix (column counted from 0 after the leading pipe)."""
    for line in table_text.splitlines():
        if line.startswith("| " + row_prefix):
            return line.strip("|").split("|")[column].strip()
    return None


def number(text):
    match = re.search(r"-?[0-9][0-9,]*\.?[0-9]*", text or "")
    return float(match.group(0).replace(",", "")) if match else None


runs = [json.loads(line) for line in read("wrk.jsonl").splitlines() if line.strip()]
by = {(r["name"], int(r["clients"])): r for r in runs}
bare1, bare8 = by.get(("bare", 1)), by.get(("bare", 8))
positions, veterans, interactions, model = (read("world.txt", "?|?|?|?").split("|") + ["?"] * 4)[:4]
memory = dict(line.split(":", 1) for line in read("memory.txt").splitlines() if ":" in line)
commit = subprocess.run(["git", "-C", os.path.dirname(os.path.abspath(__file__)), "rev-parse", "--short", "HEAD"],
                        capture_output=True, text=True).stdout.strip()

print(f"# Performance run, scale {a.scale}")
print()
print(f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, commit {commit}, {os.cpu_count()} cores. "
      f"Database: {int(positions):,} open positions, {int(veterans):,} veterans, {int(interactions):,} interactions "
      f"(generated in {a.generated} s). Ranking: {model}.")
print()
print(f"Load before the HTTP runs: `{a.uptime_before.strip()}`; after: `{a.uptime_after.strip()}`.")
print()
print("## HTTP load (wrk, same machine, Release build, embedded PostgreSQL, warm)")
print()
print("One client: latency percentiles. Eight clients (2 wrk threads): throughput. Ratios are to the bare endpoint "
      "(one primary-key query through Npgsql in a minimal ASP.NET Core app, no auth).")
print()
print("| request | p50 | p95 | p99 | 1 client req/s | 8 clients req/s | p50 ÷ bare p50 | 8-client req/s ÷ bare | errors |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
labels = {
    "bare": "bare endpoint: `GET /positions/{id}`",
    "opening": "opening by id: `GET /api/openings/{id}`",
    "search": "opening search: `GET /api/openings?q=&district=`",
    "matches": "matches for a veteran: `GET /api/veterans/{id}/matches?limit=20`",
    "candidates": "candidates for an opening: `GET /api/openings/{id}/candidates?limit=20`",
    "apply": "apply: `POST /api/openings/{id}/applications` + Idempotency-Key",
}
for name, label in labels.items():
    one, eight = by.get((name, 1)), by.get((name, 8))
    if not one or not eight:
        print(f"| {label} | not run | | | | | | | |")
        continue
    ratio_latency = one["p50"] / bare1["p50"] if bare1 else float("nan")
    ratio_rps = eight["rps"] / bare8["rps"] if bare8 else float("nan")
    print(f"| {label} | {one['p50']:.2f} ms | {one['p95']:.2f} ms | {one['p99']:.2f} ms | {one['rps']:,.1f} | {eight['rps']:,.1f} | "
          f"{ratio_latency:,.1f}× | {100 * ratio_rps:.1f} % | {one['errors'] + eight['errors']} |")
print()
print(f"Resident memory of the service after the load: VmRSS {memory.get('VmRSS', '?').strip()}, "
      f"peak VmHWM {memory.get('VmHWM', '?').strip()} (the API process; PostgreSQL's own processes are not included).")
print()
print("## The alternatives, on the same matching queries")
print()
alternatives = read("alternatives.md", "(not run)")
print(alternatives)
print()
bdn = read("bdn.md")
if bdn:
    print("BenchmarkDotNet, in process (synthetic world, 1,000 openings: the candidate cap):")
    print()
    print(bdn.replace("&#39;", "'"))
    print()
print("## Import throughput against raw binary COPY")
print()
imports = read("import.md", "(not run)")
print(imports)
print()

# Targets of issue 10, each with its figure.
def verdict(ok):
    return "met" if ok else "**missed**"

print("## Targets")
print()
print("| target | measured | verdict |")
print("|---|---|---|")
m, c, o = by.get(("matches", 1)), by.get(("candidates", 1)), by.get(("opening", 8))
if m:
    print(f"| matches p95 < 50 ms at 100,000 positions | {m['p95']:.1f} ms at {int(positions):,} | {verdict(m['p95'] < 50)} |")
if c:
    print(f"| candidates p95 < 150 ms at 1,000,000 veterans | {c['p95']:.1f} ms at {int(veterans):,} | {verdict(c['p95'] < 150)} |")
def median(values):
    values = sorted(values)
    return values[len(values) // 2]


rounds = list(zip(*([r["rps"] for r in runs if r["name"] == f"{name}-pair"] for name in ("bare", "opening", "bare-full"))))
if rounds:
    share = median(100 * o / b for b, o, _ in rounds)
    full = median(100 * f / b for b, _, f in rounds)
    detail = ", ".join(f"{o:,.0f}/{b:,.0f}" for b, o, _ in rounds)
    print(f"| opening-by-id throughput ≥ 50 % of the bare endpoint | {share:.1f} % (median of {len(rounds)} alternating 10 s rounds, req/s: {detail}); "
          f"the API's query and JSON without its middleware: {full:.1f} % | {verdict(share >= 50)} |")
elif o and bare8:
    share = 100 * o["rps"] / bare8["rps"]
    print(f"| opening-by-id throughput ≥ 50 % of the bare endpoint | {share:.1f} % ({o['rps']:,.0f} vs {bare8['rps']:,.0f} req/s) | {verdict(share >= 50)} |")
csv_ratio = number(cell(imports, "100,000 rows CSV", 5))
if csv_ratio is not None:
    print(f"| import ≥ 25 % of raw COPY rows per second | {csv_ratio:.1f} % (CSV), {number(cell(imports, '100,000 rows XLSX', 5)) or 0:.1f} % (XLSX) | {verdict(csv_ratio >= 25)} |")
ranker = number(cell(alternatives, "JobMatch ranker", 1))
bm25 = number(cell(alternatives, "BM25", 1))
trgm = number(cell(alternatives, "pg_trgm similarity, C.UTF-8", 1))
if None not in (ranker, bm25, trgm):
    margin = ranker - max(bm25, trgm)
    print(f"| ranker NDCG@10 ≥ 0.05 above both alternatives | {ranker:.4f} vs BM25 {bm25:.4f}, pg_trgm {trgm:.4f}: +{margin:.4f} | {verdict(margin >= 0.05)} |")
    ranker_p95 = number(cell(alternatives, "JobMatch ranker, in process", 2))
    bm25_p95 = number(cell(alternatives, "BM25, Lucene.Net, in process", 2))
    trgm_p95 = number(cell(alternatives, "pg_trgm, GiST", 2))
    if None not in (ranker_p95, bm25_p95, trgm_p95):
        # "Comparable" is read as within twice the slower alternative's p95.
        print(f"| … at comparable or better latency (p95 within 2× the slower alternative) | ranker p95 {ranker_p95:.1f} ms in process (matches over HTTP: {m['p95'] if m else float('nan'):.1f} ms) "
              f"vs BM25 {bm25_p95:.1f} ms, pg_trgm {trgm_p95:.1f} ms | {verdict(ranker_p95 <= 2 * max(bm25_p95, trgm_p95))} |")
