#!/bin/sh
# Runs once in compose's prometheus-init (the Prometheus image: promtool and prometheus on the PATH), before
# Prometheus starts: loads the simulator's backfilled history, then records the SLO and alert series over it
# with `promtool tsdb create-blocks-from rules`, one dependency level at a time (each level reads the series
# the previous ones wrote, so each runs against a temporary Prometheus on the data loaded so far), so that the
# SLO pages show the whole history's budget from the first minute. The page harness does the same in tests.
#
# Everything is built in a staging TSDB beside the data and only its finished blocks are moved into the data
# directory, so a run that fails half-way leaves Prometheus' data as it was and the next start begins afresh.
set -eu
# Overridable so the test suite can run this very script against the OS package's Prometheus.
DATA=${PROMETHEUS_DATA:-/prometheus}
HISTORY=${HISTORY_DIR:-/history}
BACKFILL_PORT=${BACKFILL_PORT:-9091}
DONE="$DATA/.history-loaded"
STAGE="$DATA/.history-staging"
# The Prometheus image has busybox wget; a machine without it may have curl.
http_ok() {
  if command -v wget >/dev/null 2>&1; then wget -q -O /dev/null "$1"; else curl -fsS -o /dev/null "$1"; fi
}
if [ -f "$DONE" ]; then
  echo "history already loaded"
  exit 0
fi
rm -rf "$STAGE"
mkdir -p "$STAGE"

for f in "$HISTORY"/sim/metrics/*.om; do
  promtool tsdb create-blocks-from openmetrics "$f" "$STAGE"
done

# START and END of the history (epoch seconds), written by the plan beside the level files.
. "$HISTORY/rules/window.env"
echo "recording SLO and alert series from $START to $END"

CONFIG=$(mktemp)
printf 'global:\n  scrape_interval: 1m\n' > "$CONFIG"
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -f "$CONFIG"' EXIT
for level in "$HISTORY"/rules/level-*.rules.yml; do
  prometheus --config.file="$CONFIG" --storage.tsdb.path="$STAGE" \
    --storage.tsdb.retention.time=45d --web.listen-address="127.0.0.1:$BACKFILL_PORT" --log.level=warn &
  pid=$!
  tries=0
  until http_ok "http://127.0.0.1:$BACKFILL_PORT/-/ready"; do
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
    if [ -e "$block" ]; then mv "$block" "$STAGE"/; fi
  done
  rmdir "$out"
done

# Only the blocks (directories with a meta.json), not the temporary Prometheus' WAL and head chunks.
for block in "$STAGE"/*; do
  if [ -f "$block/meta.json" ]; then mv "$block" "$DATA"/; fi
done
touch "$DONE"
rm -rf "$STAGE"
echo "history loaded"
