#!/bin/sh
# Load the simulator's backfilled history into Prometheus' data dir, once.
set -eu
if [ -f /prometheus/.history-loaded ]; then
  echo "history already loaded"
  exit 0
fi
for f in /history/metrics/*.om; do
  promtool tsdb create-blocks-from openmetrics "$f" /prometheus
done
touch /prometheus/.history-loaded
