#!/usr/bin/env bash
# Runs the cachepair benchmarks (issue 6) and publishes their figures.
#
#   benchmarks/run.sh --quick   every figure but the 1M-dish preload and 4 replicas; <= 10 min on 2 cores
#   benchmarks/run.sh --full    adds the 1M-dish preload and 4 order replicas, longer JMH runs (~20 min)
#   benchmarks/run.sh --smoke   tiny sizes, proves everything runs (what ./mvnw verify runs too)
#
# Builds the service jars and this module with ./mvnw when they are missing, prints a table, writes
# benchmarks/results/latest.json and (quick and full) regenerates the results table of
# docs/benchmarks.md between its markers. Every process it starts is killed by PID on exit.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
mode=quick
case "${1:---quick}" in
  --quick) mode=quick ;;
  --full) mode=full ;;
  --smoke) mode=smoke ;;
  -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
  *) echo "usage: $0 [--quick|--full|--smoke]" >&2; exit 2 ;;
esac

menu_jar="$root/menu-service/target/menu-service-0.1.0-SNAPSHOT.jar"
order_jar="$root/order-service/target/order-service-0.1.0-SNAPSHOT.jar"
cd "$root"
if [[ ! -f "$menu_jar" || ! -f "$order_jar" || ! -f "$here/target/suite.classpath" \
      || ! -d "$here/target/classes/io" ]]; then
  echo "== building the service jars and the benchmarks (./mvnw -B -q ... install -DskipTests)"
  ./mvnw -B -q -pl benchmarks -am install -DskipTests -Dspotless.check.skip=true
fi

load="$(cut -d' ' -f1 /proc/loadavg)"
echo "== $(nproc) cores, load average $load before the run"
if [[ "$mode" != smoke ]] && awk "BEGIN{exit !($load >= 1.5)}"; then
  echo "!! load average $load >= 1.5: the figures will be noted as measured on a busy machine"
fi

suite_pid=""
cleanup() {
  # the suite kills its own JVMs (shutdown hooks, by PID); this covers a suite killed hard
  if [[ -n "$suite_pid" ]] && kill -0 "$suite_pid" 2>/dev/null; then
    kill "$suite_pid" 2>/dev/null || true
    sleep 3
    kill -9 "$suite_pid" 2>/dev/null || true
  fi
  if [[ -n "$suite_pid" ]]; then
    for child in $(pgrep -P "$suite_pid" 2>/dev/null || true); do kill -9 "$child" 2>/dev/null || true; done
  fi
}
trap cleanup EXIT INT TERM

work="$here/target/bench-$mode"
rm -rf "$work"
json="$here/results/latest.json"
args=("$mode" --work "$work" --json "$json" --command "benchmarks/run.sh --$mode")
if [[ "$mode" != smoke ]]; then
  args+=(--docs "$root/docs/benchmarks.md")
else
  json="$work/smoke.json"
  args=("$mode" --work "$work" --json "$json" --command "benchmarks/run.sh --$mode")
fi

cd "$here"
java -Xmx1g -Djava.net.preferIPv4Stack=true \
  -Dcachepair.menu.jar="$menu_jar" -Dcachepair.order.jar="$order_jar" \
  -cp "$here/target/classes:$(cat "$here/target/suite.classpath")" \
  io.cachepair.bench.BenchmarkSuite "${args[@]}" &
suite_pid=$!
wait "$suite_pid"
