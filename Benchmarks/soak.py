"""Soak: a few million mixed requests (wrk, keep-alive) with hostile clients alongside — slowloris connections,
garbage senders, a pipeliner that never reads, connect/reset churn. Reports RSS over time, wrk's errors and non-2xx
answers, and whether the server survived. Loopback only; bounded by request count and time.

Usage: python3 Benchmarks/soak.py --binary .build/release/kazakhstan-api [--requests 3000000] [--max-seconds 900]
"""
import argparse
import os
import random
import re
import signal
import socket
import struct
import subprocess
import threading
import time

from bench import free_port, pin, rss_kib, wait_listening


def hostile(port, stop, stats):
    """Runs until `stop`: each round one of the hostile behaviours, counted in `stats`."""
    rng = random.Random(7)
    slow = []
    while not stop.is_set():
        kind = rng.choice(["slowloris", "garbage", "greedy", "reset"])
        try:
            if kind == "slowloris":
                s = socket.create_connection(("127.0.0.1", port), timeout=5)
                s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ")
                slow.append(s)
                if len(slow) > 50:
                    slow.pop(0).close()
            elif kind == "garbage":
                with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
                    s.sendall(bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 4096))) + b"\r\n\r\n")
                    s.recv(65536)
            elif kind == "greedy":
                s = socket.create_connection(("127.0.0.1", port), timeout=5)
                s.setblocking(False)
                try:
                    s.send(b"GET /openapi.json HTTP/1.1\r\nHost: x\r\n\r\n" * 200)
                except BlockingIOError:
                    pass
                time.sleep(0.5)
                s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                s.close()
            else:
                s = socket.create_connection(("127.0.0.1", port), timeout=5)
                s.sendall(b"GET /countries HTTP/1.1\r\nHost: x\r\n")
                s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                s.close()
            stats[kind] = stats.get(kind, 0) + 1
        except OSError as e:
            stats["client-side errors"] = stats.get("client-side errors", 0) + 1
        time.sleep(0.02)
    for s in slow:
        s.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--requests", type=int, default=3_000_000)
    ap.add_argument("--max-seconds", type=int, default=900)
    args = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    port = free_port()
    server = subprocess.Popen(pin(0) + [args.binary, "--host", "127.0.0.1", "--port", str(port), "--threads", "1", "--access-log", "off",
                                        "--header-timeout", "2s"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wait_listening(port)
    start_rss = rss_kib(server.pid)
    stop = threading.Event()
    stats = {}
    threads = [threading.Thread(target=hostile, args=(port, stop, stats)) for _ in range(3)]
    for t in threads:
        t.start()
    done, errors, non2xx, samples = 0, [], 0, [(0, start_rss)]
    started = time.time()
    while done < args.requests and time.time() - started < args.max_seconds:
        out = subprocess.run(pin(1) + ["wrk", "-t1", "-c32", "-d10s", "-s", os.path.join(here, "mixed.lua"), f"http://127.0.0.1:{port}/"],
                             capture_output=True, text=True).stdout
        done += int(re.search(r"(\d+) requests in", out).group(1))
        if m := re.search(r"Socket errors: (.*)", out):
            errors.append(m.group(1))
        if m := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
            non2xx += int(m.group(1))
        samples.append((done, rss_kib(server.pid)))
        print(f"  {done:>9} requests, RSS {samples[-1][1]} KiB, hostile {dict(sorted(stats.items()))}", flush=True)
        if server.poll() is not None:
            break
    stop.set()
    for t in threads:
        t.join()
    alive = server.poll() is None
    end_rss = rss_kib(server.pid) if alive else 0
    if alive:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=20)
    print(f"soak: {done} requests in {time.time() - started:.0f}s with hostile clients {dict(sorted(stats.items()))}")
    print(f"soak: RSS start {start_rss} KiB, end {end_rss} KiB, max {max(r for _, r in samples)} KiB; "
          f"wrk socket errors: {errors or 'none'}; non-2xx/3xx: {non2xx}; server {'survived, exit ' + str(server.returncode) if alive else 'DIED'}")


if __name__ == "__main__":
    main()
