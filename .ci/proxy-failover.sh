#!/usr/bin/env bash
# Proves deploy/nginx.conf end to end on loopback: three replicas behind nginx, checks through the proxy, then a
# bounded load during which one replica gets SIGTERM and another SIGKILL — the client must see zero failures.
# Usage: .ci/proxy-failover.sh PATH/TO/kazakhstan-api
set -euo pipefail
bin=$(realpath "$1")
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
    [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT
fail() { echo "proxy-failover: FAIL: $*" >&2; for f in "$work"/*.log; do echo "--- $f" >&2; tail -5 "$f" >&2; done; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

proxy=$(free_port)
ports=()
for i in 1 2 3; do
    port=$(free_port)
    ports+=("$port")
    # The one forwarded host links may use: what nginx.conf sends as X-Forwarded-Host, here the proxy's address.
    "$bin" --host 127.0.0.1 --port "$port" --threads 1 --trusted-proxies 127.0.0.1 --forwarded-hosts "127.0.0.1:$proxy" \
        --shutdown-grace 5s >"$work/replica$i.log" 2>&1 &
    pids+=("$!")
done
for port in "${ports[@]}"; do
    for _ in $(seq 1 100); do "$bin" healthcheck --url "http://127.0.0.1:$port/healthz" 2>/dev/null && break; sleep 0.1; done
    "$bin" healthcheck --url "http://127.0.0.1:$port/healthz" || fail "replica on $port did not start"
done

# The production example, pointed at the loopback replicas, with the proxy's own address as its fixed public host;
# nothing else changed, except that an nginx older than 1.27.3 (Debian 12 ships 1.22) rejects the upstream servers'
# `resolve` parameter: there it is dropped, which loses nothing here, where the replicas are addresses, not names.
grep -q 'proxy_set_header X-Forwarded-Host localhost:8080;' "$here/deploy/nginx.conf" || fail "nginx.conf's fixed X-Forwarded-Host moved"
nginx_version=$(nginx -v 2>&1 | sed -n 's|.*nginx/\([0-9.]*\).*|\1|p')
drop_resolve=()
if [ "$(printf '%s\n' 1.27.3 "$nginx_version" | sort -V | head -1)" != 1.27.3 ]; then
    echo "proxy-failover: nginx $nginx_version predates 1.27.3: running nginx.conf without the upstream 'resolve'"
    drop_resolve=(-e "s| resolve;|;|")
fi
sed -e "s|server api1:8080|server 127.0.0.1:${ports[0]}|" -e "s|server api2:8080|server 127.0.0.1:${ports[1]}|" \
    -e "s|server api3:8080|server 127.0.0.1:${ports[2]}|" -e "s|listen 80;|listen 127.0.0.1:$proxy;|" \
    -e "s|X-Forwarded-Host localhost:8080;|X-Forwarded-Host 127.0.0.1:$proxy;|" \
    -e "s|access_log /dev/stdout upstream;|access_log $work/nginx-access.log upstream;|" "${drop_resolve[@]}" \
    "$here/deploy/nginx.conf" >"$work/nginx.conf"
printf 'pid %s/nginx.pid;\nerror_log %s/nginx-error.log;\n' "$work" "$work" | cat - "$work/nginx.conf" >"$work/nginx.full.conf"
nginx -t -c "$work/nginx.full.conf" -p "$work" 2>"$work/nginx-test.log" || { cat "$work/nginx-test.log" >&2; fail "nginx -t"; }
nginx -c "$work/nginx.full.conf" -p "$work"
for _ in $(seq 1 50); do curl -fsS "http://127.0.0.1:$proxy/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
base="http://127.0.0.1:$proxy/api"

echo "== through the proxy: JSON"
headers=$(curl -fsS -D - -o "$work/orgs.json" "$base/organizations")
grep -qi '^content-type: application/json; charset=utf-8' <<<"$headers" || fail "content type"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["meta"]["total"] >= 5, d["meta"]' "$work/orgs.json" || fail "JSON body"

echo "== gzip"
curl -fsS -H 'Accept-Encoding: gzip' -D - -o /dev/null "$base/organizations" | grep -qi '^content-encoding: gzip' || fail "gzip"

echo "== ETag and 304"
etag=$(curl -fsS -D - -o /dev/null "$base/countries/kz" | grep -i '^etag:' | cut -d' ' -f2 | tr -d '\r')
[ -n "$etag" ] || fail "no ETag"
status=$(curl -sS -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$base/countries/kz")
[ "$status" = 304 ] || fail "If-None-Match gave $status"

echo "== CORS"
curl -fsS -D - -o /dev/null -H 'Origin: https://app.example' "$base/countries" | grep -qi '^access-control-allow-origin: \*' || fail "CORS"

# Every link of /countries/kz through the proxy is absolute under the proxy's /api/ (or the file given as $1 holds
# such an answer).
check_links() {
    local file=${1:-$work/kz.json}
    [ $# -gt 0 ] || curl -fsS "$base/countries/kz" >"$file"
    python3 - "$file" "http://127.0.0.1:$proxy" <<'PY'
import json, sys
body = json.load(open(sys.argv[1]))
origin = sys.argv[2]  # nginx forwards its fixed public host, the replicas allow it: links are absolute there
links = []
def walk(v, key=None):
    if isinstance(v, dict):
        for k, x in v.items(): walk(x, k)
    elif isinstance(v, list):
        for x in v: walk(x, key)
    elif isinstance(v, str) and (key == "href" or key in ("self", "collection")):
        links.append(v)
walk(body)
assert body["data"]["href"] == origin + "/api/countries/kz", body["data"]["href"]
bad = [l for l in links if not l.startswith(origin + "/api/")]
assert links and not bad, bad[:5]
print(f"{len(links)} links, all under /api/")
PY
}

echo "== links under the /api prefix"
check_links || fail "links under the prefix"

echo "== junk Host headers through nginx change nothing"
for i in $(seq 1 20); do
    junk="junk-$RANDOM-$i.attacker.example"
    curl -fsS -H "Host: $junk" -H "Forwarded: host=$junk;proto=https" "$base/countries/kz" >"$work/junk.json" \
        || fail "a junk Host was not answered"
    grep -q "$junk" "$work/junk.json" && fail "a junk Host ($junk) made it into the links"
    check_links "$work/junk.json" >/dev/null || fail "links for a junk Host"
done
check_links || fail "links after 20 junk Host headers"

echo "== forwarded client address in the replica's access log"
curl -fsS --interface 127.0.0.2 -H 'X-Request-ID: ci-forwarded-check' -o /dev/null "$base/healthz"
sleep 1.2 # the access log is flushed at least once a second
grep -h '"request_id":"ci-forwarded-check"' "$work"/replica*.log | grep -q '"client":"127.0.0.2"' || fail "forwarded client address not logged"

echo "== failover under load: SIGTERM one replica, SIGKILL another"
python3 "$here/.ci/failover_load.py" "$base/organizations/oic" 20000 8 "${pids[0]}" "${pids[1]}" || fail "the client saw failed requests"
wait "${pids[0]}" && echo "replica 1 exited 0 after SIGTERM" || fail "replica 1 did not exit 0 after SIGTERM"
"$bin" healthcheck --url "http://127.0.0.1:${ports[2]}/healthz" || fail "the surviving replica is not healthy"
echo "proxy-failover: OK"
