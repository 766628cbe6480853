#!/usr/bin/env bash
# Generates a typed Python client from the OpenAPI document a running server publishes, and uses it:
#   1. openapi-spec-validator: the document is valid OpenAPI 3.1;
#   2. openapi-python-client generates the client (a warning fails it: a skipped operation is a missing function);
#   3. mypy --strict on the generated package and on .ci/client_smoke.py, which calls it;
#   4. .ci/client_smoke.py against the server: a list with `fields` and `include` lists, one entity, a search, a
#      paragraph, each answer checked by content.
# Usage: .ci/client-check.sh BASE_URL [client_smoke.py options]      e.g. .ci/client-check.sh http://127.0.0.1:8080
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ $# -lt 1 ]]; then
  echo "usage: $0 BASE_URL [client_smoke.py options]" >&2
  exit 2
fi
base="${1%/}"
shift

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

PIP_ROOT_USER_ACTION=ignore python3 -m pip install --quiet --disable-pip-version-check \
  openapi-spec-validator openapi-python-client mypy

curl --fail --silent --show-error "$base/openapi.json" -o "$work/openapi.json"
openapi-spec-validator "$work/openapi.json"

# The default layout (the package inside a project directory, formatted with the project's ruff settings): with
# `--meta none` ruff formats it without them and rewrites `*args: Any` to `*args: object`, which mypy rejects.
openapi-python-client generate --path "$work/openapi.json" --output-path "$work/client" --fail-on-warning
echo "CI: generated $(find "$work/client" -type f | wc -l) files," \
  "$(find "$work/client" -path '*/api/*' -name '*.py' ! -name '__init__.py' | wc -l) operations"

(cd "$work/client" && mypy --strict --no-incremental kazakhstan_api_client)
MYPYPATH="$work/client" mypy --strict --no-incremental .ci/client_smoke.py

python3 .ci/client_smoke.py --base-url "$base" --client-dir "$work/client" "$@"
