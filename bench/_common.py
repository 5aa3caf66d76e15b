"""What the bench scripts share: where the repository and the p4rtd binary are, and a p4rtd process to measure."""
import os, re, subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BIN = os.environ.get("P4RTD_BIN", os.path.join(ROOT, ".build/release/p4rtd"))


class P4rtdServer:
    """p4rtd started with `arguments` on an ephemeral loopback port (`self.port`, read from its ready line)."""

    def __init__(self, arguments):
        self.proc = subprocess.Popen([BIN, "--listen", "127.0.0.1:0", *arguments], stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        m = re.match(r"p4rtd listening on http://127\.0\.0\.1:(\d+)", line)
        if not m:
            raise SystemExit(f"p4rtd did not start: {line!r}")
        self.port = int(m.group(1))

    def stop(self):
        self.proc.terminate()
        self.proc.wait()
