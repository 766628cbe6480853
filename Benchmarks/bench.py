"""kazakhstan-api vs nginx on the same bytes: throughput, latency and CPU per request, plus start-up time, memory and
a soak. Loopback only. Run through Benchmarks/run.sh, which builds the release binary first.

Both servers get one core each way: the server is pinned to core 0 with one event loop (nginx: one worker), wrk to
core 1. Runs alternate (ours, nginx, ours, nginx, …) so drift on a noisy machine hits both; the table shows medians.
"""
import argparse
import os
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

CLK_TCK = os.sysconf("SC_CLK_TCK")
CORES = os.cpu_count() or 1

ENDPOINTS = [
    # name, target, extra wrk headers
    ("entity", "/organizations/oic", []),
    ("collection", "/organizations", []),
    ("search", "/search?q=" + urllib.parse.quote("قطر"), []),
    ("filtered+sorted", "/countries?status=current&sort=-name.ar&fields=id,name", []),
    ("304", "/organizations/oic", ["If-None-Match: {etag}"]),
    ("404", "/no/such/resource", []),
]


def pin(core):
    return ["taskset", "-c", str(core)] if CORES >= 2 else []


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_listening(port, timeout=10):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.01)
    raise RuntimeError(f"nothing listens on {port}")


def wait_idle(pid, timeout=10):
    """Until the process stops using CPU: the server encodes its sub-collections on a warm-up thread just after it
    starts listening, and that thread shares the pinned core with the loop, so the first run must not overlap it."""
    deadline = time.time() + timeout
    last = cpu_seconds(pid)
    while time.time() < deadline:
        time.sleep(0.2)
        now = cpu_seconds(pid)
        if now == last:
            return
        last = now


def fetch(port, target, headers=()):
    """Raw HTTP GET: status, headers dict (lowercase names), body bytes."""
    with socket.create_connection(("127.0.0.1", port)) as s:
        head = f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + "".join(h + "\r\n" for h in headers) + "\r\n"
        s.sendall(head.encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    fields = {k.lower(): v.strip() for k, v in (l.split(":", 1) for l in lines[1:])}
    return status, fields, body


def cpu_seconds(pid):
    """utime + stime of a process and its children that were waited for (nginx master + worker)."""
    total = 0.0
    for p in [pid] + children(pid):
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / CLK_TCK
        except FileNotFoundError:
            pass
    return total


def children(pid):
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                        out.append(int(entry))
            except (FileNotFoundError, ProcessLookupError):
                pass
    return out


def rss_kib(pid):
    total = 0
    for p in [pid] + children(pid):
        try:
            with open(f"/proc/{p}/status") as f:
                total += int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1))
        except (FileNotFoundError, AttributeError):
            pass
    return total


def parse_latency(text, unit_line):
    m = re.search(unit_line + r"\s+([\d.]+)(us|ms|s)", text)
    if not m:
        return float("nan")
    value, unit = float(m.group(1)), m.group(2)
    return value * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def run_wrk(port, target, connections, seconds, headers, pid):
    cmd = pin(1) + ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for h in headers:
        cmd += ["-H", h]
    cmd.append(f"http://127.0.0.1:{port}{target}")
    before = cpu_seconds(pid)
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    after = cpu_seconds(pid)
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    errors = re.search(r"Socket errors: (.*)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": parse_latency(out, r"\n\s+50%"),
        "p99": parse_latency(out, r"\n\s+99%"),
        "cpu_us": (after - before) / max(requests, 1) * 1e6,
        "errors": errors.group(1) if errors else "",
        "non2xx": int(non2xx.group(1)) if non2xx else 0,
    }


class Ours:
    name = "ours"

    def __init__(self, binary):
        self.port = free_port()
        self.proc = subprocess.Popen(pin(0) + [binary, "--host", "127.0.0.1", "--port", str(self.port), "--threads", "1", "--access-log", "off"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_listening(self.port)
        self.pid = self.proc.pid
        wait_idle(self.pid)

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout=15)


class Nginx:
    """nginx serving the exact bytes ours sends, as static files with the same Content-Type and status."""
    name = "nginx"

    def __init__(self, responses, workdir):
        self.port = free_port()
        root = os.path.join(workdir, "root")
        os.makedirs(root, exist_ok=True)
        mapping = []
        not_found = None
        for i, (target, (status, fields, body)) in enumerate(responses.items()):
            # The extension picks the Content-Type (see `types` below), so nginx sends exactly ours.
            ext = "problem" if fields.get("content-type", "").startswith("application/problem+json") else "json"
            name = f"/r{i}.{ext}"
            with open(root + name, "wb") as f:
                f.write(body)
            if status == 404:
                not_found = name  # served through error_page, so the status stays 404
            else:
                mapping.append((target, name))
        map_lines = "\n".join(f'        "{t}" {n};' for t, n in mapping)
        conf = f"""
pid {workdir}/nginx.pid;
error_log {workdir}/error.log;
worker_processes 1;
events {{ worker_connections 20000; }}
http {{
    access_log off;
    keepalive_requests 1000000;
    map_hash_bucket_size 256;
    keepalive_timeout 75s;
    client_body_temp_path {workdir}/tmp; proxy_temp_path {workdir}/tmp; fastcgi_temp_path {workdir}/tmp;
    uwsgi_temp_path {workdir}/tmp; scgi_temp_path {workdir}/tmp;
    types {{ application/json json; application/problem+json problem; }}
    charset utf-8;
    charset_types application/json;
    map $request_uri $bench_file {{
        default /nonexistent;
{map_lines}
    }}
    server {{
        listen 127.0.0.1:{self.port};
        root {root};
        location / {{
            try_files $bench_file =404;
        }}
        error_page 404 /404;
        location = /404 {{ internal; default_type application/problem+json; alias {root}{not_found}; }}
    }}
}}
"""
        os.makedirs(os.path.join(workdir, "tmp"), exist_ok=True)
        path = os.path.join(workdir, "nginx.conf")
        with open(path, "w") as f:
            f.write(conf)
        subprocess.run(pin(0) + ["nginx", "-c", path, "-p", workdir], check=True)
        wait_listening(self.port)
        with open(os.path.join(workdir, "nginx.pid")) as f:
            self.pid = int(f.read())

    def stop(self):
        os.kill(self.pid, signal.SIGQUIT)
        time.sleep(0.3)


def measure_table(binary, seconds, repeats, workdir):
    ours = Ours(binary)
    responses = {}
    for _, target, _ in ENDPOINTS:
        responses[target] = fetch(ours.port, target)
    etag_ours = responses["/organizations/oic"][1]["etag"]
    nginx = Nginx(responses, workdir)
    # nginx's ETag for the same file is its own (mtime-size); each server is revalidated with its own tag.
    etag_nginx = fetch(nginx.port, "/organizations/oic")[1]["etag"]
    for target, (status, fields, body) in responses.items():
        _, nf, nb = fetch(nginx.port, target)
        assert nb == body, f"nginx does not serve the same bytes for {target}"
    rows = []
    runs = [(name, target, hdrs, c) for name, target, hdrs in ENDPOINTS for c in (1, 64)]
    runs.append(("new conn/request", "/organizations/oic", ["Connection: close"], 64))
    for name, target, hdrs, conns in runs:
        results = {"ours": [], "nginx": []}
        for _ in range(repeats):
            for server, etag in ((ours, etag_ours), (nginx, etag_nginx)):
                headers = [h.format(etag=etag) for h in hdrs]
                results[server.name].append(run_wrk(server.port, target, conns, seconds, headers, server.pid))
        med = {k: {m: statistics.median(r[m] for r in v) for m in ("rps", "p50", "p99", "cpu_us")} for k, v in results.items()}
        errs = {k: [r["errors"] for r in v if r["errors"]] for k, v in results.items()}
        rows.append((name, conns, med, errs))
    idle_rss = rss_kib(ours.pid)
    ours.stop()
    nginx.stop()
    return rows, idle_rss


def print_table(rows):
    print(f"\n{'endpoint':<18}{'conns':>6} | {'ours rps':>10}{'p50 ms':>8}{'p99 ms':>8}{'cpu µs':>8} | {'nginx rps':>10}{'p50 ms':>8}{'p99 ms':>8}{'cpu µs':>8} | {'rps ×':>6}{'cpu ×':>6}{'p99 ×':>6}")
    print("-" * 130)
    for name, conns, med, errs in rows:
        o, n = med["ours"], med["nginx"]
        print(f"{name:<18}{conns:>6} | {o['rps']:>10.0f}{o['p50']:>8.3f}{o['p99']:>8.3f}{o['cpu_us']:>8.2f} | {n['rps']:>10.0f}{n['p50']:>8.3f}{n['p99']:>8.3f}{n['cpu_us']:>8.2f} | "
              f"{o['rps'] / n['rps']:>6.2f}{o['cpu_us'] / n['cpu_us']:>6.2f}{o['p99'] / n['p99']:>6.2f}")
        for k, e in errs.items():
            if e:
                print(f"    {k}: socket errors {e}")


def startup_ms(binary):
    """Exec to the first answered request, the best of 10 (a VM's scheduling noise is large at this scale)."""
    best = float("inf")
    for _ in range(10):
        port = free_port()
        start = time.perf_counter()
        proc = subprocess.Popen([binary, "--host", "127.0.0.1", "--port", str(port), "--access-log", "off"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while True:
            try:
                if fetch(port, "/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.0005)
        best = min(best, (time.perf_counter() - start) * 1000)
        proc.send_signal(signal.SIGTERM)
        proc.wait()
    return best


def idle_connections(binary, count):
    """RSS with `count` idle keep-alive connections, each having made one request: bytes per connection."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, count * 2 + 1000), hard))
    port = free_port()
    proc = subprocess.Popen(["bash", "-c", f"ulimit -n {count * 2 + 1000}; exec {binary} --host 127.0.0.1 --port {port} --threads 1 --access-log off"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_listening(port)
    fetch(port, "/organizations/oic")
    time.sleep(0.3)
    base = rss_kib(proc.pid)
    sockets = []
    request = b"GET /organizations/oic HTTP/1.1\r\nHost: x\r\n\r\n"
    for _ in range(count):
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(request)
        sockets.append(s)
    for s in sockets:
        got = b""
        while b"\r\n\r\n" not in got:
            got += s.recv(65536)
        length = int(re.search(rb"Content-Length: (\d+)", got).group(1))
        body = got.split(b"\r\n\r\n", 1)[1]
        while len(body) < length:
            body += s.recv(65536)
    time.sleep(0.5)
    loaded = rss_kib(proc.pid)
    for s in sockets:
        s.close()
    proc.send_signal(signal.SIGTERM)
    proc.wait()
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    return base, loaded, (loaded - base) * 1024 / count


def golden_queries():
    """The search golden set's queries (Tests/StoreTests/SearchGolden/queries.tsv): what people type."""
    path = os.path.join(os.path.dirname(__file__), "..", "Tests", "StoreTests", "SearchGolden", "queries.tsv")
    queries = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 3 and not line.startswith("#") and parts[0] != "category":
                queries.append(parts[1])
    return queries


def search_script(workdir, name, limit):
    """A wrk script asking the golden queries in turn, each pass with the next offset: no target repeats within a
    run (`limit` tells two runs' targets apart)."""
    script = os.path.join(workdir, name)
    with open(script, "w") as f:
        f.write("local targets = {\n")
        for q in golden_queries():
            f.write(f"  {f'/search?q={urllib.parse.quote(q)}&limit={limit}'!r},\n".replace("'", '"'))
        f.write("}\nlocal n = 0\nrequest = function()\n  n = n + 1\n")
        f.write("  local t = targets[(n % #targets) + 1] .. \"&offset=\" .. (math.floor(n / #targets) % 5000)\n")
        f.write("  return wrk.format(\"GET\", t)\nend\n")
    return script


def uncached_search(binary, seconds, workdir):
    """Search latency when the response cache cannot help: one connection, every request a different query string
    (the golden queries, each with a rising offset, so no two targets are equal and the cycle is longer than any
    cache), measured twice: wrk on the server's core, and wrk on the other core as in the table. With one connection
    client and server take turns, so sharing a core costs nothing, and it leaves out what the VM adds when one vCPU
    wakes the other (a halted vCPU waits for the host to run it again: tens of µs at the median, milliseconds at
    the tail on a busy host). Returns one dict per setup."""
    return {"same core": uncached_search_run(binary, seconds, workdir, wrk_core=0),
            "separate cores": uncached_search_run(binary, seconds, workdir, wrk_core=1)}


def uncached_search_run(binary, seconds, workdir, wrk_core):
    """One server, its response cache filled first by a run of other targets (`limit=9`): measured, every answer
    replaces the least recently used one, as on a server that has been up a while, instead of growing the heap page
    by page (a page fault and an `mprotect` every other request while a cold cache fills). Then the connection's
    floor (`/healthz`, which does almost nothing: the loopback round trip, wrk and the VM's scheduling) and the
    golden queries. The access log (to a file) gives each answer's time inside the server (`duration_us`: from the
    parsed request to the queued response)."""
    warm = search_script(workdir, "fill-cache.lua", 9)
    script = search_script(workdir, "uncached-search.lua", 10)
    port = free_port()
    log_path = os.path.join(workdir, "uncached-access.log")
    with open(log_path, "w") as log:
        proc = subprocess.Popen(pin(0) + [binary, "--host", "127.0.0.1", "--port", str(port), "--threads", "1", "--access-log", "json"],
                                stdout=log, stderr=subprocess.DEVNULL)
    wait_listening(port)
    wait_idle(proc.pid)
    wrk = pin(wrk_core) + ["wrk", "-t1", "-c1", f"-d{seconds}s", "--latency"]
    subprocess.run(pin(wrk_core) + ["wrk", "-t1", "-c1", "-d8s", "-s", warm, f"http://127.0.0.1:{port}/"], capture_output=True)
    floor = subprocess.run(wrk + [f"http://127.0.0.1:{port}/healthz"], capture_output=True, text=True).stdout
    out = subprocess.run(wrk + ["-s", script, f"http://127.0.0.1:{port}/"], capture_output=True, text=True).stdout
    proc.send_signal(signal.SIGTERM)
    proc.wait()
    def percentile(text, label):
        m = re.search(label + r"\s+([\d.]+)(us|ms|s)", text)
        value, unit = float(m.group(1)), m.group(2)
        return value * {"us": 1, "ms": 1000, "s": 1_000_000}[unit]
    inside = []
    with open(log_path, encoding="utf-8") as f:
        for line in f:
            if '"target":"/search?' in line and "&limit=10&" in line:
                inside.append(int(re.search(r'"duration_us":(\d+)', line).group(1)))
    inside.sort()
    return {"queries": len(golden_queries()), "p50": percentile(out, "50%"), "p99": percentile(out, "99%"),
            "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
            "floor p50": percentile(floor, "50%"), "floor p99": percentile(floor, "99%"),
            "inside p50": inside[len(inside) // 2], "inside p99": inside[min(len(inside) - 1, len(inside) * 99 // 100)],
            "answers": len(inside)}


def soak(binary, total, seconds_cap):
    """Mixed wrk load in rounds until `total` requests; RSS after each round."""
    port = free_port()
    proc = subprocess.Popen(pin(0) + [binary, "--host", "127.0.0.1", "--port", str(port), "--threads", "1", "--access-log", "off"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_listening(port)
    samples = [rss_kib(proc.pid)]
    done = 0
    started = time.time()
    targets = [t for _, t, h in ENDPOINTS if not h] + ["/countries?offset=1&limit=2", "/search?q=Astana", "/visits?host=kz"]
    i = 0
    while done < total and time.time() - started < seconds_cap:
        target = targets[i % len(targets)]
        i += 1
        out = subprocess.run(pin(1) + ["wrk", "-t1", "-c64", "-d3s", f"http://127.0.0.1:{port}{target}"], capture_output=True, text=True).stdout
        done += int(re.search(r"(\d+) requests in", out).group(1))
        samples.append(rss_kib(proc.pid))
    proc.send_signal(signal.SIGTERM)
    proc.wait()
    return done, samples


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--quick", action="store_true", help="a few seconds: keeps the benchmark working in CI")
    ap.add_argument("--seconds", type=int, default=5)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--idle", type=int, default=10000)
    ap.add_argument("--soak", type=int, default=3_000_000)
    args = ap.parse_args()
    if args.quick:
        args.seconds, args.repeats, args.idle, args.soak = 1, 1, 200, 50_000
    workdir = tempfile.mkdtemp(prefix="kz-bench-")
    os.chmod(workdir, 0o755)  # nginx's workers run as an unprivileged user and must read the files
    try:
        with open("/proc/cpuinfo") as f:
            model = re.search(r"model name\s*:\s*(.*)", f.read())
        print(f"machine: {CORES} cores, {model.group(1) if model else '?'}, kernel {os.uname().release}")
        print(f"wrk: -t1, {args.seconds}s per run, {args.repeats} alternating repeats; server pinned to core 0 (1 loop / 1 worker), wrk to core 1")
        rows, idle_rss = measure_table(args.binary, args.seconds, args.repeats, workdir)
        print_table(rows)
        print(f"\nstart-up: first answered request {startup_ms(args.binary):.1f} ms after exec (best of 10)")
        for setup, r in uncached_search(args.binary, max(args.seconds, 2), workdir).items():
            print(f"uncached search, wrk on the {setup}: {r['queries']} golden queries, each target distinct, 1 connection: "
                  f"p50 {r['p50']:.0f} us, p99 {r['p99']:.0f} us, {r['rps']:.0f} requests/s; inside the server "
                  f"(access log, {r['answers']} answers) p50 {r['inside p50']} us, p99 {r['inside p99']} us; "
                  f"the connection's floor (/healthz) p50 {r['floor p50']:.0f} us, p99 {r['floor p99']:.0f} us")
        base, loaded, per = idle_connections(args.binary, args.idle)
        print(f"memory: idle RSS {base} KiB; with {args.idle} idle keep-alive connections {loaded} KiB -> {per:.0f} bytes per connection")
        done, samples = soak(args.binary, args.soak, 60 if args.quick else 1800)
        print(f"soak: {done} mixed requests; RSS KiB start {samples[0]}, after first round {samples[1] if len(samples) > 1 else '-'}, end {samples[-1]}, max {max(samples)}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
