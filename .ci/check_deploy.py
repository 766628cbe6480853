"""Checks that the deployment files agree with the binary: probe paths, ports, signals and the healthcheck, and
keep the habits operators expect (disruption budget, hardening, spread, timings, log rotation, proxy keep-alive).

The schema validation of the Kubernetes manifests is kubernetes-validate's job; this checks what a schema cannot:
that the values point at what the server actually serves, and that they fit together.
"""
import ipaddress
import re
import sys

import yaml

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def seconds(duration):
    """A duration as the server reads it: 10, 10s, 1.5s, 500ms, 2m."""
    match = re.fullmatch(r"(\d+(?:\.\d+)?)(ms|s|m)?", duration)
    if not match:
        failures.append(f"cannot read the duration {duration!r}")
        return 0
    return float(match.group(1)) * {"ms": 0.001, "s": 1, "m": 60, None: 1}[match.group(2)]


with open("deploy/kubernetes/deployment.yaml") as f:
    deployment = yaml.safe_load(f)
pod = deployment["spec"]["template"]["spec"]
labels = deployment["spec"]["selector"]["matchLabels"]
container = pod["containers"][0]
env = {e["name"]: e.get("value") for e in container.get("env", [])}
env_sources = {e["name"]: e.get("valueFrom") for e in container.get("env", [])}
port = int(env.get("PORT", "8080"))
check(container["ports"][0]["containerPort"] == port, "containerPort differs from PORT")
check(container["readinessProbe"]["httpGet"]["path"] == "/readyz", "readiness probe must use /readyz")
check(container["livenessProbe"]["httpGet"]["path"] == "/healthz", "liveness probe must use /healthz")
for probe in ("readinessProbe", "livenessProbe", "startupProbe"):
    check(container[probe]["httpGet"]["port"] in ("http", port), f"{probe} port is not the container port")
pre_stop = container["lifecycle"]["preStop"]["sleep"]["seconds"]
grace = pod["terminationGracePeriodSeconds"]
stop = pre_stop + seconds(env.get("DRAIN_DELAY") or "0s") + seconds(env.get("SHUTDOWN_GRACE") or "10s")
check(stop < grace, f"terminationGracePeriodSeconds ({grace}) must exceed preStop + DRAIN_DELAY + SHUTDOWN_GRACE ({stop:g} s)")
check(container["resources"]["requests"] and container["resources"]["limits"], "resource requests and limits are required")

# The HPA owns the replica count: a fixed one would reset it on every apply.
check("replicas" not in deployment["spec"], "the Deployment must not fix replicas: hpa.yaml owns the count")
check(pod.get("automountServiceAccountToken") is False, "automountServiceAccountToken must be false (the API never calls Kubernetes)")
seccomp = (pod.get("securityContext", {}).get("seccompProfile") or container.get("securityContext", {}).get("seccompProfile") or {})
check(seccomp.get("type") == "RuntimeDefault", "seccompProfile must be RuntimeDefault")
check(
    any(
        c.get("topologyKey") == "kubernetes.io/hostname"
        and c.get("whenUnsatisfiable") == "ScheduleAnyway"
        and c.get("labelSelector", {}).get("matchLabels") == labels
        for c in pod.get("topologySpreadConstraints", [])
    ),
    "replicas must be spread across nodes (topologySpreadConstraints on kubernetes.io/hostname, ScheduleAnyway)",
)
threads = (env_sources.get("THREADS") or {}).get("resourceFieldRef", {})
check(
    threads.get("resource") == "limits.cpu"
    and str(threads.get("divisor", "1")) == "1"
    and threads.get("containerName", container["name"]) == container["name"],
    "THREADS must come from this container's limits.cpu (resourceFieldRef, divisor 1)",
)
# Forwarded headers are believed only from the ingress: no range wider than one node's pod range.
proxies = [p.strip() for p in (env.get("TRUSTED_PROXIES") or "").split(",") if p.strip() and p.strip() != "unix"]
check(proxies, "TRUSTED_PROXIES must name the ingress controller")
for proxy in proxies:
    network = ipaddress.ip_network(proxy, strict=False)
    check(network.prefixlen >= (24 if network.version == 4 else 64), f"TRUSTED_PROXIES {proxy} is wider than an ingress needs")

with open("deploy/kubernetes/hpa.yaml") as f:
    hpa = yaml.safe_load(f)
target = hpa["spec"]["scaleTargetRef"]
check(target["kind"] == "Deployment" and target["name"] == deployment["metadata"]["name"], "the HPA must scale the Deployment")
check(hpa["spec"]["minReplicas"] >= 2, "the HPA must keep at least two replicas")

with open("deploy/kubernetes/pdb.yaml") as f:
    pdb = yaml.safe_load(f)
check(pdb["kind"] == "PodDisruptionBudget", "pdb.yaml must hold a PodDisruptionBudget")
check(pdb["spec"]["selector"]["matchLabels"] == labels, "the PodDisruptionBudget selector does not match the Deployment")
check(pdb["spec"].get("maxUnavailable") == 1 or "minAvailable" in pdb["spec"], "the PodDisruptionBudget must bound evictions")

with open("deploy/kubernetes/service.yaml") as f:
    service = yaml.safe_load(f)
check(service["spec"]["selector"] == deployment["spec"]["selector"]["matchLabels"], "Service selector does not match the Deployment")
check(service["spec"]["ports"][0]["targetPort"] in ("http", port), "Service targetPort is not the container port")

with open("deploy/docker-compose.yml") as f:
    compose = yaml.safe_load(f)
services = compose["services"]
check({"api1", "api2", "api3", "nginx"} <= set(services), "compose needs nginx and three replicas")
check(all(services[s]["environment"]["PORT"] == "8080" for s in ("api1", "api2", "api3")), "compose replicas must listen on 8080")
for name in ("api1", "api2", "api3"):
    logging = services[name].get("logging", {})
    options = logging.get("options", {})
    check(
        logging.get("driver") == "json-file" and "max-size" in options and "max-file" in options,
        f"compose {name} must rotate its logs (json-file with max-size and max-file)",
    )

with open("deploy/nginx.conf") as f:
    nginx = f.read()
for needle in ("keepalive ", "proxy_http_version 1.1", "proxy_next_upstream", "gzip_types application/json", "X-Forwarded-For", "X-Forwarded-Prefix"):
    check(needle in nginx, f"nginx.conf lacks {needle}")
check(all(f"server api{i}:8080" in nginx for i in (1, 2, 3)), "nginx upstream must name the three compose replicas on 8080")
upstream = re.search(r"upstream kazakhstan_api \{(.*?)\n    \}", nginx, re.S)
upstream = upstream.group(1) if upstream else ""
requests = re.search(r"^\s*keepalive_requests (\d+);", upstream, re.M)
check(requests and int(requests.group(1)) > 1000, "the nginx upstream must raise keepalive_requests above the default 1000")
check(all(re.search(rf"^\s*server api{i}:8080 [^;]*\bresolve;", upstream, re.M) for i in (1, 2, 3)), "nginx must re-resolve the replica names (server ... resolve)")
check(re.search(r"^\s*zone \S+ \S+;", upstream, re.M), "an upstream with resolve needs a shared memory zone")
check(re.search(r"^\s*resolver \S+.* valid=\d+s", nginx, re.M), "nginx needs a resolver with valid= for resolve")
# Links follow only hosts the operator allowed: nginx sends one fixed X-Forwarded-Host (never the client's Host), and
# the replicas allow exactly that one.
forwarded_host = re.search(r"proxy_set_header X-Forwarded-Host (\S+);", nginx)
check(forwarded_host and "$" not in forwarded_host.group(1), "nginx must send a fixed X-Forwarded-Host, not a client's Host")
check(
    forwarded_host and all(services[s]["environment"].get("FORWARDED_HOSTS") == forwarded_host.group(1) for s in ("api1", "api2", "api3")),
    "compose FORWARDED_HOSTS must be the X-Forwarded-Host nginx sends",
)

with open("Dockerfile") as f:
    dockerfile = f.read()
for needle in ("--static-swift-stdlib", "USER ", "EXPOSE 8080", "STOPSIGNAL SIGTERM", 'HEALTHCHECK', '"healthcheck"', "COPY --from=build /src/Resources /app/Resources"):
    check(needle in dockerfile, f"Dockerfile lacks {needle}")

for f in failures:
    print(f"check_deploy: {f}", file=sys.stderr)
print(f"check_deploy: {'ok' if not failures else f'{len(failures)} problem(s)'}")
sys.exit(1 if failures else 0)
