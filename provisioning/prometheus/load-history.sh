#!/bin/sh
# Runs once in compose's prometheus-init (the Prometheus image: promtool and prometheus on the PATH), before
# Prometheus starts: loads the simulator's backfilled history, then records the SLO and alert series over it
# with `promtool tsdb create-blocks-from rules`, one dependency level at a time (each level reads the series
# the previous ones wrote, so each runs against a temporary Prometheus on the data loaded so far), so that the
# SLO pages show the whole history's budget from the first minute. The page harness does the same in tests.
set -eu
# Overridable so the test suite can run this very script against the OS package's Prometheus.
DATA=${PROMETHEUS_DATA:-/prometheus}
HISTORY=${HISTORY_DIR:-/history}
BACKFILL_PORT=${BACKFILL_PORT:-9091}
DONE="$DATA/.history-loaded"
if [ -f "$DONE" ]; then
  echo "history already loaded"
  exit 0
fi

for f in "$HISTORY"/sim/metrics/*.om; do
  promtool tsdb create-blocks-from openmetrics "$f" "$DATA"
done

# START and END of the history (epoch seconds), written by the plan beside the level files.
. "$HISTORY/rules/window.env"
echo "recording SLO and alert series from $START to $END"

CONFIG=$(mktemp)
printf 'global:\n  scrape_interval: 1m\n' > "$CONFIG"
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -f "$CONFIG"' EXIT
for level in "$HISTORY"/rules/level-*.rules.yml; do
  prometheus --config.file="$CONFIG" --storage.tsdb.path="$DATA" \
    --storage.tsdb.retention.time=45d --web.listen-address="127.0.0.1:$BACKFILL_PORT" --log.level=warn &
  pid=$!
  tries=0
  until wget -q -O /dev/null "http://127.0.0.1:$BACKFILL_PORT/-/ready"; do
    tries=$((tries + 1))
    if [ "$tries" -gt 120 ] || ! kill -0 "$pid" 2>/dev/null; then
      echo "the backfill Prometheus did not become ready" >&2
      exit 1
    fi
    sleep 1
  done
  out=$(mktemp -d)
  promtool tsdb create-blocks-from rules --quiet --url="http://127.0.0.1:$BACKFILL_PORT" --start="$START" --end="$END" \
    --eval-interval=4m --output-dir="$out" "$level"
  kill "$pid"
  wait "$pid" || true
  pid=
  for block in "$out"/*; do
    [ -e "$block" ] && mv "$block" "$DATA"/
  done
  rmdir "$out"
done
touch "$DONE"
