#!/usr/bin/env python3
"""`lb apply` at scale (make bench): p4rtctl pushing kubectl output for N services x 10 endpoints to the node program.

    bench/lb_apply_bench.py [SERVICES] [ENDPOINTS]      # default 10000 services, 10 endpoints each

Starts the release p4rtd with programs/node on the software target on an ephemeral loopback port, writes
`kubectl get svc -A -o json` and `kubectl get endpointslices -A -o json` shaped files (one TCP port per service,
one slice per service, every endpoint ready, every endpoint a distinct pod: 10,000 x 10 is 100,000 backends, each
service filling its 64 buckets), then times, end to end (process start to exit):

    lb-apply initial N services T s          p4rtctl lb apply onto the empty node
    lb-apply unchanged T ms                  the same files again (must write nothing)
    lb-apply flows F SYNs injected ...       F SYNs through the node (LB_BENCH_FLOWS, default 20000), a tenth to the
                                             service changed next: each learns a forward and a reverse pin
    lb-apply one-endpoint T ms               one endpoint of one service moved to a new pod IP, applied with
                                             --partial and the changed Service and slice only (its buckets
                                             rewritten, the pins of the moved backend's flows deleted)
    lb-apply one-endpoint-full-input T ms    the whole input again, the change included (must write nothing)

and checks, from p4rtctl's JSON summary and from the server's /metrics (p4rtd_http_requests_total of the write
route), that the first apply wrote every entry in one request, the unchanged one wrote nothing, and the
one-endpoint one wrote only the entries that changed. Exits 1 when a check fails.
"""
import http.client, json, os, re, resource, subprocess, sys, tempfile, time

from _common import BIN, ROOT, P4rtdServer

CTL = os.path.join(os.path.dirname(BIN), "p4rtctl")
NODE = os.path.join(ROOT, "programs/node")


def ip(value):
    return f"{value >> 24}.{value >> 16 & 255}.{value >> 8 & 255}.{value & 255}"


def uid(kind, i):
    return f"{kind:08x}-{i >> 16 & 0xffff:04x}-4{i >> 4 & 0xfff:03x}-8{i & 0xfff:03x}-{i * 7919 & 0xffffffffffff:012x}"


def service(i):
    name = f"svc-{i:05d}"
    return {
        "apiVersion": "v1", "kind": "Service",
        "metadata": {"creationTimestamp": "2026-11-02T09:14:51Z", "labels": {"app": name}, "name": name,
                     "namespace": f"ns-{i % 50:02d}", "resourceVersion": str(10000 + i), "uid": uid(1, i)},
        "spec": {"clusterIP": ip(0x0A600000 + i + 1), "clusterIPs": [ip(0x0A600000 + i + 1)],
                 "internalTrafficPolicy": "Cluster", "ipFamilies": ["IPv4"], "ipFamilyPolicy": "SingleStack",
                 "ports": [{"name": "http", "port": 80, "protocol": "TCP", "targetPort": 8080}],
                 "selector": {"app": name}, "sessionAffinity": "None", "type": "ClusterIP"},
        "status": {"loadBalancer": {}},
    }


BUCKETS = 64  # buckets per service (programs/node/node.p4 LB_BUCKETS)


def pod_ip(i, j, endpoints):
    """Endpoint j of service i: distinct for every (i, j), from 10.128.0.1 on."""
    return ip(0x0A800000 + i * endpoints + j + 1)


def slice_(i, endpoints, moved=None):
    name = f"svc-{i:05d}"
    eps = []
    for j in range(endpoints):
        address = moved if moved is not None and j == 0 else pod_ip(i, j, endpoints)
        eps.append({"addresses": [address], "conditions": {"ready": True, "serving": True, "terminating": False},
                    "nodeName": f"node-{(i + j) % 100}",
                    "targetRef": {"kind": "Pod", "name": f"{name}-7768647bf9-{j:05d}", "namespace": f"ns-{i % 50:02d}",
                                  "uid": uid(2, i * 16 + j)}})
    return {
        "addressType": "IPv4", "apiVersion": "discovery.k8s.io/v1", "endpoints": eps, "kind": "EndpointSlice",
        "metadata": {"generateName": f"{name}-",
                     "labels": {"endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io",
                                "kubernetes.io/service-name": name},
                     "name": f"{name}-6tjbr", "namespace": f"ns-{i % 50:02d}",
                     "ownerReferences": [{"apiVersion": "v1", "blockOwnerDeletion": True, "controller": True,
                                          "kind": "Service", "name": name, "uid": uid(1, i)}],
                     "resourceVersion": str(20000 + i), "uid": uid(3, i)},
        "ports": [{"name": "http", "port": 8080, "protocol": "TCP"}],
    }


def write_list(path, items):
    with open(path, "w") as out:
        json.dump({"apiVersion": "v1", "items": items, "kind": "List", "metadata": {"resourceVersion": ""}}, out, indent=4)


def syn(client, client_port, vip):
    """An Ethernet/IPv4/TCP SYN client:client_port → vip:80 on the node's uplink, as hex (the node's parser checks
    neither checksum)."""
    ethernet = "020000000001" "02000000000a" "0800"
    ipv4 = f"450000280000000040060000{client:08x}{vip:08x}"
    tcp = f"{client_port:04x}0050" "00000001" "00000000" "5002ffff" "00000000"
    return ethernet + ipv4 + tcp


class Server(P4rtdServer):
    def __init__(self):
        super().__init__(["--p4info", os.path.join(ROOT, "p4info/node.p4info.txt"),
                          "--spec", os.path.join(NODE, "node.spec"), "--context", os.path.join(NODE, "context.json")])

    def writes(self):
        """Write requests answered so far (every route and status), from /metrics."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        conn.request("GET", "/metrics")
        text = conn.getresponse().read().decode()
        conn.close()
        return sum(float(m.group(1)) for m in
                   re.finditer(r'^p4rtd_http_requests_total\{[^}]*route="/v1/write"[^}]*\} (\S+)$', text, re.M))

    def inject(self, port, frame_hex):
        """Runs one packet through the node on in-memory port `port` (POST /v1/packets), on a kept-alive connection."""
        if getattr(self, "_packets", None) is None:
            self._packets = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        self._packets.request("POST", f"/v1/packets/{port}", body=frame_hex)
        response = self._packets.getresponse()
        response.read()
        if response.status != 200:
            raise SystemExit(f"packet injection failed: HTTP {response.status}")

    def count_entries(self, table):
        """The entries of `table` (friendly name), learned ones included, from a streamed read."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        conn.request("GET", f"/v1/tables/{table}/entries")
        body = conn.getresponse().read()
        conn.close()
        answer = json.loads(body)
        return len(answer if isinstance(answer, list) else answer.get("entities", []))

    def cpu_seconds(self):
        """The server's CPU time so far (user + system)."""
        with open(f"/proc/{self.proc.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def apply(server, files, *options):
    """Runs p4rtctl lb apply; returns wall seconds, the JSON summary, and a note with the CPU seconds of client and
    server (the machine may be shared: CPU time is the load-independent figure)."""
    env = dict(os.environ, P4RTCTL_SERVER=f"http://127.0.0.1:{server.port}")
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    server_cpu = server.cpu_seconds()
    start = time.perf_counter()
    done = subprocess.run([CTL, "lb", "apply", "--verbose", "--output", "json", *options, *files], env=env, capture_output=True,
                          text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"p4rtctl lb apply failed ({done.returncode}): {done.stderr.strip()[:500]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    client_cpu = (after.ru_utime - children.ru_utime) + (after.ru_stime - children.ru_stime)
    note = f"cpu: p4rtctl {client_cpu:.2f} s, p4rtd {server.cpu_seconds() - server_cpu:.2f} s"
    phases = re.search(r"lb apply: (.*)", done.stderr)
    if phases:
        print(f"  phases: {phases.group(1)}", flush=True)
    return elapsed, json.loads(done.stdout), note


def main():
    services = int(sys.argv[1]) if len(sys.argv) > 1 else int(os.environ.get("LB_BENCH_SERVICES", "10000"))
    endpoints = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    for path in (BIN, CTL):
        if not os.access(path, os.X_OK):
            raise SystemExit(f"{path} is not built (make release)")
    failures = []
    with tempfile.TemporaryDirectory(prefix="lb-bench-") as tmp:
        svc, eps = os.path.join(tmp, "services.json"), os.path.join(tmp, "endpointslices.json")
        write_list(svc, [service(i) for i in range(services)])
        write_list(eps, [slice_(i, endpoints) for i in range(services)])
        size = (os.path.getsize(svc) + os.path.getsize(eps)) / 1e6
        print(f"lb-apply input {services} services x {endpoints} distinct endpoints ({services * endpoints} pods), "
              f"{size:.1f} MB of kubectl JSON", flush=True)
        server = Server()
        try:
            expected = services * (1 + BUCKETS)  # a services entry and 64 bucket entries each
            before = server.writes()
            elapsed, summary, note = apply(server, [svc, eps])
            requests = server.writes() - before
            print(f"lb-apply initial {services} services {elapsed:.3f} s ({summary['updates']} updates, "
                  f"{requests:.0f} write request; {note})", flush=True)
            if summary["updates"] != expected or requests != 1:
                failures.append(f"initial apply wrote {summary['updates']} updates in {requests:.0f} requests, "
                                f"expected {expected} in 1")

            before = server.writes()
            elapsed, summary, note = apply(server, [svc, eps])
            requests = server.writes() - before
            print(f"lb-apply unchanged {elapsed * 1000:.1f} ms ({summary['updates']} updates; {note})", flush=True)
            if summary["updates"] != 0 or requests != 0:
                failures.append(f"unchanged apply wrote {summary['updates']} updates in {requests:.0f} requests")

            changed = services // 2
            moved = ip(0x0AC00001)
            # Tracked flows, as a busy node has them: every SYN through the node learns a forward and a reverse pin;
            # a tenth of them go to the service whose endpoint moves, so its removed backend has pins to delete.
            flows = int(os.environ.get("LB_BENCH_FLOWS", "20000"))
            start = time.perf_counter()
            for k in range(flows):
                server.inject(0, syn(0x0A010000 + k // 1000, 1024 + k % 1000,
                                     0x0A600000 + (changed if k % 10 == 0 else k % services) + 1))
            pins = server.count_entries("ct_forward") + server.count_entries("ct_reverse")
            print(f"lb-apply flows {flows} SYNs injected in {time.perf_counter() - start:.1f} s: {pins} conntrack pins",
                  flush=True)
            # The change as a controller applies it: the changed Service and its slice only, with --partial.
            one_svc, one_eps = os.path.join(tmp, "one-service.json"), os.path.join(tmp, "one-endpointslice.json")
            write_list(one_svc, [service(changed)])
            write_list(one_eps, [slice_(changed, endpoints, moved=moved)])
            before = server.writes()
            elapsed, summary, note = apply(server, [one_svc, one_eps], "--partial")
            requests = server.writes() - before
            changes = {k: v for k, v in summary.items() if isinstance(v, int) and v and k != "updates"}
            print(f"lb-apply one-endpoint {elapsed * 1000:.1f} ms ({summary['updates']} updates: "
                  f"{', '.join(f'{k} {v}' for k, v in sorted(changes.items()))}; lb apply --partial of the changed "
                  f"service; {note})", flush=True)
            # One backend replaced in one service: only the buckets it held are rewritten (⌊64/E⌋ or ⌈64/E⌉ of them,
            # 6 or 7 for 10 endpoints), and the pins of that service's flows to it deleted; nothing else.
            most = -(-BUCKETS // endpoints)
            buckets, pins_deleted = summary.get("bucketsModified", 0), summary.get("pinsDeleted", 0)
            if not 1 <= buckets <= most or summary["updates"] != buckets + pins_deleted or requests != 1 \
                    or (flows >= 1000 and pins_deleted == 0):
                failures.append(f"one-endpoint apply wrote {summary['updates']} updates ({buckets} buckets, "
                                f"{pins_deleted} pins) in {requests:.0f} requests")

            # The same state given as the whole input again (every Service and slice, the change included): a full
            # apply re-reads the node and finds nothing to write.
            write_list(eps, [slice_(i, endpoints, moved=moved if i == changed else None) for i in range(services)])
            before = server.writes()
            elapsed, summary, note = apply(server, [svc, eps])
            requests = server.writes() - before
            print(f"lb-apply one-endpoint-full-input {elapsed * 1000:.1f} ms ({summary['updates']} updates; {note})",
                  flush=True)
            if summary["updates"] != 0 or requests != 0:
                failures.append(f"full re-apply after the partial one wrote {summary['updates']} updates")
        finally:
            server.stop()
    for failure in failures:
        print(f"lb-apply FAILED: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
