#!/usr/bin/env python3
"""HTTP benchmarks of p4rtd (make bench): bulk writes, single-update writes over keep-alive, streamed reads.

Starts the release p4rtd on an ephemeral loopback port with bench.p4info.txt (P4Info-only device) and prints one
line per figure, e.g. `http bulk-write-ndjson 100000 entries 0.412 s 242718 entries/s`. Single-update writes use
wrk (Debian package `wrk`) with bench/single_write.lua; that figure is skipped with a message when wrk is absent.
"""
import base64, http.client, os, re, subprocess, sys, time

from _common import BIN, HERE, P4rtdServer


def b64(value, width):
    raw = value.to_bytes(width, "big").lstrip(b"\0") or b"\0"
    return base64.b64encode(raw).decode()


def update_line(i):
    src, sport = 0x0A000000 | (i >> 8), 1024 + (i & 0xFF)
    return ('{"type":"INSERT","entity":{"tableEntry":{"tableId":33554433,"match":['
            f'{{"fieldId":1,"exact":{{"value":"{b64(src, 4)}"}}}},'
            f'{{"fieldId":2,"exact":{{"value":"{b64(0x0A600001, 4)}"}}}},'
            f'{{"fieldId":3,"exact":{{"value":"{b64(6, 1)}"}}}},'
            f'{{"fieldId":4,"exact":{{"value":"{b64(sport, 2)}"}}}},'
            f'{{"fieldId":5,"exact":{{"value":"{b64(80, 2)}"}}}}],'
            '"action":{"action":{"actionId":16777217,"params":['
            f'{{"paramId":1,"value":"{b64(i % 64, 4)}"}},{{"paramId":2,"value":"{b64(i, 4)}"}}]}}}}}}}}}}')


def rss_kb(pid, field):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


class Server(P4rtdServer):
    def __init__(self):
        super().__init__(["--p4info", os.path.join(HERE, "bench.p4info.txt")])

    def post(self, path, body, headers):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=600)
        conn.request("POST", path, body=body, headers=headers)
        response = conn.getresponse()
        data = response.read()
        conn.close()
        if response.status != 200:
            raise SystemExit(f"POST {path}: {response.status} {data[:300]!r}")
        return data


def bulk_write(server, first, count, label):
    body = ("\n".join(update_line(i) for i in range(first, first + count)) + "\n").encode()
    start = time.perf_counter()
    server.post("/v1/write?deviceId=1", body, {"Content-Type": "application/x-ndjson"})
    elapsed = time.perf_counter() - start
    if label:
        print(f"http {label} {count} entries {elapsed:.3f} s {count / elapsed:.0f} entries/s", flush=True)


def json_write(server, first, count):
    body = ('{"deviceId":"1","updates":[' + ",".join(update_line(i) for i in range(first, first + count)) + "]}").encode()
    start = time.perf_counter()
    server.post("/v1/write", body, {"Content-Type": "application/json"})
    elapsed = time.perf_counter() - start
    print(f"http write-json {count} entries {elapsed:.3f} s {count / elapsed:.0f} entries/s", flush=True)


def single_writes(server, seconds):
    wrk = subprocess.run(["which", "wrk"], capture_output=True, text=True).stdout.strip()
    if not wrk:
        print("http single-write skipped: wrk is not installed (apt-get install wrk)")
        return
    out = subprocess.run([wrk, "-t1", "-c32", f"-d{seconds}s", "--latency", "-s", os.path.join(HERE, "single_write.lua"),
                          f"http://127.0.0.1:{server.port}/v1/write"], capture_output=True, text=True).stdout
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    scale = {"us": 0.001, "ms": 1, "s": 1000}
    p99ms = float(p99.group(1)) * scale[p99.group(2)] if p99 else float("nan")
    print(f"http single-write {float(rate.group(1)):.0f} requests/s p99 {p99ms:.2f} ms"
          + (f" ({non2xx.group(1)} non-2xx)" if non2xx else ""), flush=True)


def streamed_read(server):
    before = rss_kb(server.proc.pid, "VmRSS")
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=600)
    start = time.perf_counter()
    conn.request("POST", "/v1/read", body=b'{"deviceId":"1","entities":[{"tableEntry":{"tableId":33554433}}]}',
                 headers={"Content-Type": "application/json", "Accept": "application/x-ndjson"})
    response = conn.getresponse()
    lines = 0
    peak = before
    while True:
        chunk = response.read1(1 << 20)
        if not chunk:
            break
        lines += chunk.count(b"\n")
        if lines % 64 == 0:
            peak = max(peak, rss_kb(server.proc.pid, "VmRSS"))
    elapsed = time.perf_counter() - start
    peak = max(peak, rss_kb(server.proc.pid, "VmRSS"))
    conn.close()
    print(f"http read-stream {lines} entries {elapsed:.3f} s {lines / elapsed:.0f} entries/s "
          f"rss-growth {(peak - before) / 1024:.1f} MB", flush=True)


def main():
    if not os.access(BIN, os.X_OK):
        raise SystemExit(f"{BIN} is not built (make release)")
    seconds = int(os.environ.get("BENCH_SECONDS", "10"))
    server = Server()
    try:
        bulk_write(server, 0, 100_000, "bulk-write-ndjson")
        json_write(server, 100_000, 100_000)
        single_writes(server, seconds)
        total = 200_000
        while total < 1_000_000:
            bulk_write(server, 10_000_000 + total, 100_000, None)
            total += 100_000
        streamed_read(server)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
