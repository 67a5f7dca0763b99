#!/usr/bin/env python3
"""What the candidate cap costs in ranking quality: the top 20 of a capped request against the top 20 when (nearly)
everything is scored. Used by bench/matching/cap.sh; see bench/matching/README.md.

  cap.py collect PORT TOKEN PATHS N OUT.json   -- GET the first N paths, keep the model and each item's id and score
  cap.py compare BASE.json OTHER.json...       -- one line per OTHER against BASE (the largest cap)
"""
import http.client
import json
import statistics
import sys


def collect(port, token, paths_file, n, out):
    paths = [line.strip() for line in open(paths_file) if line.strip()][: int(n)]
    connection = http.client.HTTPConnection("127.0.0.1", int(port), timeout=600)
    result = {}
    for path in paths:
        connection.request("GET", path, headers={"Authorization": "Bearer " + token})
        response = connection.getresponse()
        body = json.loads(response.read())
        if response.status != 200:
            sys.exit(f"{path} answered {response.status}: {body}")
        result[path] = {"model": body["model"],
                        "items": [[i.get("openingId") or i.get("candidateId"), i["score"]] for i in body["items"]]}
    json.dump(result, open(out, "w"))


def compare(base_file, *others):
    base = json.load(open(base_file))
    for other_file in others:
        other = json.load(open(other_file))
        models = {r["model"] for r in list(base.values()) + list(other.values())}
        if len(models) != 1:
            sys.exit(f"the runs ranked with different models: {models}")
        same_ids, qualified, worst = [], [], 1.0
        for path, full in base.items():
            top, capped = full["items"], other[path]["items"]
            if not top:
                continue
            same_ids.append(len({i for i, _ in top} & {i for i, _ in capped}) / len(top))
            # Ties are common (positions of one template score alike), so ids alone undercount: an item qualifies when
            # its score reaches the 20th best score of the uncapped ranking.
            bar = min(s for _, s in top) - 1e-4
            share = sum(1 for _, s in capped if s >= bar) / len(top)
            qualified.append(share)
            worst = min(worst, share)
        print(f"| {other_file} | {len(qualified)} | {statistics.mean(same_ids):.3f} | {statistics.mean(qualified):.3f} | {worst:.2f} |")


if __name__ == "__main__":
    if sys.argv[1:2] == ["collect"] and len(sys.argv) == 7:
        collect(*sys.argv[2:])
    elif sys.argv[1:2] == ["compare"] and len(sys.argv) >= 4:
        compare(*sys.argv[2:])
    else:
        sys.exit(__doc__)
