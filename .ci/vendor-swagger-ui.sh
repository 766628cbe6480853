#!/usr/bin/env bash
# Vendors Swagger UI into Resources/web/docs/assets/<version>/ from the PyPI package swagger-ui-bundle-v2 (which ships
# the upstream swagger-ui-dist files), keeping only what /docs loads, and writes a .gz copy of each text file next to
# it: the server reads both at start-up and sends the gzip one to clients that accept it (no compression at run time).
# Run it again to move to another version, then change the version in Resources/web/docs/index.html.
# Usage: .ci/vendor-swagger-ui.sh [version]   (default 5.31.0)
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:-5.31.0}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -m pip download --quiet --disable-pip-version-check --no-deps -d "$work" "swagger-ui-bundle-v2==$version"
(cd "$work" && python3 -m zipfile -e ./*.whl unpacked)
from="$work/unpacked/swagger_ui_bundle/vendor/swagger-ui-$version"
license="$(ls "$work"/unpacked/swagger_ui_bundle_v2-*.dist-info/licenses/LICENSE)"
to=Resources/web/docs/assets/$version
rm -rf "$to"
mkdir -p "$to"
# The standalone preset and its top bar are not used (/docs shows this API's document only); the ES bundles,
# oauth2-redirect and the upstream index/initializer are replaced by our own page and initializer.
for file in swagger-ui-bundle.js swagger-ui.css favicon-32x32.png favicon-16x16.png; do
    cp "$from/$file" "$to/$file"
done
cp "$license" "$to/LICENSE"
# Source maps are not shipped: strip the trailing sourceMappingURL comment so browsers do not ask for them (404s).
sed -i -e 's|^//# sourceMappingURL=.*$||' -e 's|/\*# sourceMappingURL=.*\*/$||' "$to/swagger-ui-bundle.js" "$to/swagger-ui.css"
cat >"$to/VERSION" <<NOTE
Swagger UI $version (Apache License 2.0, see LICENSE), from the PyPI package swagger-ui-bundle-v2==$version,
files swagger_ui_bundle/vendor/swagger-ui-$version/{swagger-ui-bundle.js,swagger-ui.css,favicon-*.png}.
Vendored by .ci/vendor-swagger-ui.sh, which removed the trailing sourceMappingURL comments (the maps are not shipped)
and wrote the .gz copies (gzip -9 -n: reproducible bytes).
NOTE
# PNG is compressed already: only text gets a gzip variant.
for file in swagger-ui-bundle.js swagger-ui.css LICENSE VERSION; do
    gzip -9 -n -k -f "$to/$file"
done
ls -l "$to"
