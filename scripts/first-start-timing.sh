#!/bin/sh
# Times compose's first start outside Docker, on the OS packages' prometheus and promtool: the `history`
# service's command and then prometheus-init's load-history.sh, as docker-compose.yaml runs them, RUNS times
# (default 2). Prints one line per run and the medians. Usage: sh scripts/first-start-timing.sh [RUNS] [DAYS]
set -eu
RUNS=${1:-2}
DAYS=${2:-14}
cd "$(dirname "$0")/.."
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
now() { date +%s.%N; }
echo "load before: $(uptime)"
i=1
: > "$WORK/times"
while [ "$i" -le "$RUNS" ]; do
  rm -rf "$WORK/history" "$WORK/data"
  mkdir -p "$WORK/history" "$WORK/data"
  t0=$(now)
  npx tsx pkg/dashboards/scripts/compose-history.ts build --days "$DAYS" \
    --rules provisioning/prometheus/rules --out "$WORK/history/tsdb" > "$WORK/history/summary.json"
  t1=$(now)
  PROMETHEUS_DATA="$WORK/data" HISTORY_DIR="$WORK/history" sh provisioning/prometheus/load-history.sh > /dev/null
  t2=$(now)
  history=$(echo "$t1 - $t0" | bc)
  load=$(echo "$t2 - $t1" | bc)
  total=$(echo "$t2 - $t0" | bc)
  echo "run $i: history ${history} s, load-history.sh ${load} s, total ${total} s; $(cat "$WORK/history/summary.json"); $(uptime)"
  echo "$total $history $load" >> "$WORK/times"
  i=$((i + 1))
done
for col in 1 2 3; do
  cut -d' ' -f"$col" "$WORK/times" | sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%s", m }' > "$WORK/median"
  case $col in 1) name=total ;; 2) name=history ;; 3) name=load-history.sh ;; esac
  echo "median $name: $(cat "$WORK/median") s over $RUNS runs"
done
