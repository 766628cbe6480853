"""Checks that the deployment files agree with the binary: probe paths, ports, signals and the healthcheck.

The schema validation of the Kubernetes manifests is kubernetes-validate's job; this checks what a schema cannot:
that the values point at what the server actually serves.
"""
import re
import sys

import yaml

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


with open("deploy/kubernetes/deployment.yaml") as f:
    deployment = yaml.safe_load(f)
container = deployment["spec"]["template"]["spec"]["containers"][0]
env = {e["name"]: e.get("value") for e in container.get("env", [])}
port = int(env.get("PORT", "8080"))
check(container["ports"][0]["containerPort"] == port, "containerPort differs from PORT")
check(container["readinessProbe"]["httpGet"]["path"] == "/readyz", "readiness probe must use /readyz")
check(container["livenessProbe"]["httpGet"]["path"] == "/healthz", "liveness probe must use /healthz")
for probe in ("readinessProbe", "livenessProbe", "startupProbe"):
    check(container[probe]["httpGet"]["port"] in ("http", port), f"{probe} port is not the container port")
pre_stop = container["lifecycle"]["preStop"]["sleep"]["seconds"]
grace = deployment["spec"]["template"]["spec"]["terminationGracePeriodSeconds"]
shutdown_grace = int(re.match(r"(\d+)s$", env.get("SHUTDOWN_GRACE", "10s")).group(1))
check(pre_stop + shutdown_grace <= grace, "preStop pause + SHUTDOWN_GRACE must fit in terminationGracePeriodSeconds")
check(container["resources"]["requests"] and container["resources"]["limits"], "resource requests and limits are required")

with open("deploy/kubernetes/service.yaml") as f:
    service = yaml.safe_load(f)
check(service["spec"]["selector"] == deployment["spec"]["selector"]["matchLabels"], "Service selector does not match the Deployment")
check(service["spec"]["ports"][0]["targetPort"] in ("http", port), "Service targetPort is not the container port")

with open("deploy/docker-compose.yml") as f:
    compose = yaml.safe_load(f)
services = compose["services"]
check({"api1", "api2", "api3", "nginx"} <= set(services), "compose needs nginx and three replicas")
check(all(services[s]["environment"]["PORT"] == "8080" for s in ("api1", "api2", "api3")), "compose replicas must listen on 8080")

with open("deploy/nginx.conf") as f:
    nginx = f.read()
for needle in ("keepalive ", "proxy_http_version 1.1", "proxy_next_upstream", "gzip_types application/json", "X-Forwarded-For", "X-Forwarded-Prefix"):
    check(needle in nginx, f"nginx.conf lacks {needle}")
check(all(f"server api{i}:8080" in nginx for i in (1, 2, 3)), "nginx upstream must name the three compose replicas on 8080")
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
