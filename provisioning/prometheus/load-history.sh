#!/bin/sh
# Runs once in compose's prometheus-init (the Prometheus image), before Prometheus starts: moves the history the
# `history` service built (pkg/dashboards/scripts/compose-history.ts: simulator history with the SLO and alert
# series already recorded over it, as TSDB blocks) into Prometheus' data, so that the SLO pages and the executive
# summary show the whole history's budget from the first minute.
#
# The blocks are copied into a staging directory beside the data and only moved into the data directory once all
# are copied, so a run that fails half-way leaves Prometheus' data as it was and the next start begins afresh.
set -eu
# Overridable so the test suite can run this very script on the OS packages.
DATA=${PROMETHEUS_DATA:-/prometheus}
HISTORY=${HISTORY_DIR:-/history}
DONE="$DATA/.history-loaded"
STAGE="$DATA/.history-staging"
if [ -f "$DONE" ]; then
  echo "history already loaded"
  exit 0
fi
rm -rf "$STAGE"
mkdir -p "$STAGE"

copied=0
for block in "$HISTORY"/tsdb/*; do
  # Only blocks (directories with a meta.json).
  if [ -f "$block/meta.json" ]; then
    cp -R "$block" "$STAGE"/
    copied=$((copied + 1))
  fi
done
if [ "$copied" -eq 0 ]; then
  echo "no TSDB blocks in $HISTORY/tsdb: did the history service finish?" >&2
  exit 1
fi

for block in "$STAGE"/*; do
  mv "$block" "$DATA"/
done
touch "$DONE"
rm -rf "$STAGE"
echo "history loaded: $copied blocks"
