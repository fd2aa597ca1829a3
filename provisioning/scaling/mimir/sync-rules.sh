#!/bin/sh
# Loads the rule files that `hybridlens-slo generate` and `hybridlens-calibration rules` write
# (provisioning/prometheus/rules) into Mimir's ruler, one namespace per file, and removes the hybridlens
# namespaces whose file is gone. Needs mimirtool; MIMIR_ADDRESS and MIMIR_TENANT_ID (and MIMIR_API_KEY for
# Grafana Cloud) as mimirtool reads them.
#   MIMIR_ADDRESS=http://mimir:8080 MIMIR_TENANT_ID=hybridlens provisioning/scaling/mimir/sync-rules.sh
set -eu
RULES=${1:-$(dirname "$0")/../../prometheus/rules}
: "${MIMIR_ADDRESS:?set MIMIR_ADDRESS to the Mimir (or Grafana Cloud Prometheus) URL}"
: "${MIMIR_TENANT_ID:?set MIMIR_TENANT_ID to the tenant (Grafana Cloud: the instance id)}"
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
for file in "$RULES"/*.yml; do
  name=$(basename "$file" .yml)
  name=${name%.rules}
  # mimirtool's rule files name their namespace; the generated files are plain Prometheus rule files.
  { echo "namespace: hybridlens.$name"; cat "$file"; } > "$STAGE/$name.yml"
done
mimirtool rules sync --namespaces-regex '^hybridlens\.' "$STAGE"/*.yml
