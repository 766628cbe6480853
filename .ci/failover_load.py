"""Bounded load through the proxy while replicas are stopped: counts every request that did not get a 200.

Usage: failover_load.py URL TOTAL WORKERS TERM_PID KILL_PID
Sends TOTAL GETs over WORKERS keep-alive connections. After 30% of them it sends SIGTERM to TERM_PID, after 60%
SIGKILL to KILL_PID. Prints the counts and exits 1 if any request failed.
"""
import http.client
import os
import signal
import sys
import threading
import time
import urllib.parse

url, total, workers, term_pid, kill_pid = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
parts = urllib.parse.urlsplit(url)
lock = threading.Lock()
state = {"sent": 0, "ok": 0, "failed": 0, "errors": {}, "termed": False, "killed": False}


def next_ticket():
    with lock:
        if state["sent"] >= total:
            return None
        state["sent"] += 1
        n = state["sent"]
        if not state["termed"] and n >= total * 0.3:
            state["termed"] = True
            os.kill(term_pid, signal.SIGTERM)
            print(f"request {n}: SIGTERM to {term_pid}", flush=True)
        if not state["killed"] and n >= total * 0.6:
            state["killed"] = True
            os.kill(kill_pid, signal.SIGKILL)
            print(f"request {n}: SIGKILL to {kill_pid}", flush=True)
        return n


def record(ok, why=None):
    with lock:
        if ok:
            state["ok"] += 1
        else:
            state["failed"] += 1
            state["errors"][why] = state["errors"].get(why, 0) + 1


def worker():
    conn = None
    while next_ticket() is not None:
        try:
            if conn is None:
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
            conn.request("GET", parts.path + ("?" + parts.query if parts.query else ""))
            response = conn.getresponse()
            response.read()
            record(response.status == 200, f"status {response.status}")
            if response.getheader("Connection", "").lower() == "close":
                conn.close()
                conn = None
        except Exception as e:  # a failure the client saw: count it, reconnect
            record(False, type(e).__name__)
            conn = None


started = time.time()
threads = [threading.Thread(target=worker) for _ in range(workers)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.time() - started
print(f"failover load: {state['sent']} requests in {elapsed:.1f}s, {state['ok']} ok, {state['failed']} failed {state['errors']}")
sys.exit(0 if state["failed"] == 0 and state["ok"] == total else 1)
