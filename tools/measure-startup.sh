#!/usr/bin/env bash
# Times `java -jar studybot.jar` from launch to the console's first prompt (the banner line; with
# stdin a pipe there is no "> "), on the embedded H2 database in a fresh data folder, with the
# bundled course. Then, after IDLE seconds of idling, reads the process's resident memory.
# Prints one line per run and the medians.
#
#   tools/measure-startup.sh [RUNS] [IDLE_SECONDS] [-- extra java options]
set -euo pipefail
runs=${1:-5}
idle=${2:-10}
shift $(( $# >= 2 ? 2 : $# ))
[[ ${1:-} == "--" ]] && shift
jar=${STUDYBOT_JAR:-$(dirname "$0")/../bot-app/target/studybot.jar}
banner="StudyBot console."
starts=() rsses=() cpus=()
for ((run = 1; run <= runs; run++)); do
  data=$(mktemp -d)
  fifo="$data/stdin"
  mkfifo "$fifo"
  begin=$(date +%s%N)
  STUDYBOT_DATA_DIR="$data" java "$@" -jar "$jar" <"$fifo" >"$data/stdout" 2>"$data/stderr" &
  pid=$!
  exec 3>"$fifo" # keeps stdin open, so the console waits for input
  until grep -q "$banner" "$data/stdout" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "run $run: studybot exited before the prompt:" >&2
      cat "$data/stderr" >&2
      exit 1
    fi
    sleep 0.01
  done
  end=$(date +%s%N)
  ms=$(((end - begin) / 1000000))
  ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  cpu_ms=$((ticks * 1000 / $(getconf CLK_TCK)))
  sleep "$idle"
  rss_kib=$(ps -o rss= -p "$pid" | tr -d ' ')
  rss=$((rss_kib / 1024))
  exec 3>&- # end of input: the console quits
  wait "$pid" || true
  echo "run $run: prompt after ${ms} ms (CPU ${cpu_ms} ms), RSS after ${idle} s idle ${rss} MiB"
  starts+=("$ms") cpus+=("$cpu_ms") rsses+=("$rss")
  rm -rf "$data"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
echo "median: prompt after $(median "${starts[@]}") ms (CPU $(median "${cpus[@]}") ms)," \
  "RSS $(median "${rsses[@]}") MiB"
