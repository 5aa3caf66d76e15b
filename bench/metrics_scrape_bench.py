#!/usr/bin/env python3
"""GET /metrics against 1,000,000 table entries (make bench): starts the release p4rtd with bench/idle (one exact
table on the software target), bulk-writes 1M entries, then times 5 scrapes and prints
`metrics scrape with N entries: best B ms, worst W ms, S bytes`. P4RTD_BIN overrides the binary."""
import os
import base64, http.client, re, subprocess, time, struct
p = subprocess.Popen([os.environ.get("P4RTD_BIN", ".build/release/p4rtd"),"--listen","127.0.0.1:0","--p4info","bench/idle/idle.p4info.txt","--spec","bench/idle/idle.spec"], stdout=subprocess.PIPE, text=True)
port = int(re.search(r":(\d+)", p.stdout.readline()).group(1))
def post(path, body, ct):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=600); c.request("POST", path, body=body, headers={"Content-Type": ct}); r = c.getresponse(); d = r.read(); assert r.status == 200, d[:200]
N = 1_000_000
for start in range(0, N, 200_000):
    lines = []
    for i in range(start, start + 200_000):
        k = base64.b64encode(struct.pack(">I", 0x0a000000 + i)).decode()
        lines.append('{"type":"INSERT","entity":{"tableEntry":{"tableId":33554433,"match":[{"fieldId":1,"exact":{"value":"%s"}}],"action":{"action":{"actionId":16777217,"params":[{"paramId":1,"value":"AQ=="}]}}}}}' % k)
    post("/v1/write?deviceId=1", "\n".join(lines).encode(), "application/x-ndjson")
times = []
for _ in range(5):
    c = http.client.HTTPConnection("127.0.0.1", port); t = time.perf_counter(); c.request("GET", "/metrics"); body = c.getresponse().read(); times.append(time.perf_counter() - t)
print(f"metrics scrape with {N} entries: best {min(times)*1000:.1f} ms, worst {max(times)*1000:.1f} ms, {len(body)} bytes")
print([l for l in body.decode().splitlines() if l.startswith("p4rtd_table_entries")][:3])
p.terminate()
