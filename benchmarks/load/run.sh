#!/usr/bin/env bash
# Load benchmark: the real bot (Release, Production settings except unauthenticated requests — whose per-request
# dev-mode warning is silenced so the figure is the production path — SQLite, logging at
# Warning) against a ceiling (a bare minimal API that only reads the activity and writes an ExpectedReplies body),
# both under the same wrk load of `message` activities with deliveryMode expectReplies in ever new conversations.
# A third run, "bot-1conv", sends every turn in one conversation: the difference to "bot" is the cost of storing a
# new conversation reference per turn. Prints turns/s, p50/p99 latency, peak memory (VmHWM) and the bot/ceiling
# ratios. A fourth run, "bot-dialog", is a 2-step dialog per conversation with durable conversation and user state
# (issue 3's benchmark). ~1.5 minutes with the defaults (UNIQUE=0 / SINGLE=0 / DIALOG=0 skip those runs). The
# cpu_ms/turn column is the server's own CPU time per turn, the figure to compare on a busy shared machine.
#
#   benchmarks/load/run.sh                       # 10 s, 32 connections, 2 threads, 3 s warm-up per server
#   DURATION=30s CONNECTIONS=64 benchmarks/load/run.sh
#
# Needs: dotnet, wrk (Debian: apt-get install -y wrk), curl, python3 (free ports; optional).
set -euo pipefail

DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-2s}
UNIQUE=${UNIQUE:-1}
SINGLE=${SINGLE:-1}
DIALOG=${DIALOG:-1}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
STARTUP_SECONDS=${STARTUP_SECONDS:-60}

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d /tmp/htt-bench.XXXXXX)
pids=()

cleanup() {
  local status=$?
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  if [ "$status" != 0 ]; then
    echo "benchmark failed; server logs kept in $work" >&2
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for tool in dotnet wrk curl; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed (wrk: apt-get install -y wrk)" >&2; exit 2; }
done

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000))
}

# Starts "$@" in the background with the given port, waits for /healthz; sets server_pid.
start_server() {
  local name=$1 dir=$2 port=$3
  shift 3
  (cd "$dir" && exec env "$@" >"$work/$name.log" 2>&1) &
  server_pid=$!
  pids+=("$server_pid")
  local deadline=$((SECONDS + STARTUP_SECONDS))
  until curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null; do
    if ! kill -0 "$server_pid" 2>/dev/null; then
      echo "$name exited during start-up:" >&2; cat "$work/$name.log" >&2; exit 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "$name did not answer /healthz within ${STARTUP_SECONDS}s:" >&2; cat "$work/$name.log" >&2; exit 1
    fi
    sleep 0.2
  done
}

# Checks one expectReplies turn by hand before loading a server: a 200 with an activities array.
smoke() {
  local name=$1 port=$2 body
  body=$(curl -fsS -H 'Content-Type: application/json' --data-binary @- "http://127.0.0.1:$port/api/messages" <<'JSON'
{"type":"message","id":"smoke-1","channelId":"msteams","serviceUrl":"http://127.0.0.1:9/_connector","text":"hi","textFormat":"plain","deliveryMode":"expectReplies","from":{"id":"29:smoke","aadObjectId":"00000000-0000-0000-0000-0000000000aa"},"recipient":{"id":"28:bot"},"conversation":{"id":"a:smoke","conversationType":"personal","tenantId":"00000000-0000-0000-0000-0000000000cc"},"channelData":{"tenant":{"id":"00000000-0000-0000-0000-0000000000cc"}}}
JSON
  ) || { echo "$name: the smoke turn failed" >&2; cat "$work/$name.log" >&2; exit 1; }
  case "$body" in
    *'"activities"'*) ;;
    *) echo "$name: the smoke turn returned no activities: $body" >&2; exit 1 ;;
  esac
}

# CPU time (user + system) a process has used so far, in milliseconds.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$1/stat"; }

# Warms up, measures, prints the RESULT line (from message.lua's done()) prefixed with the server name, plus the
# server's CPU milliseconds per turn during the measurement (cpu_ms_per_turn: robust on a shared, busy machine where
# turns/s mostly measures the neighbours). A third argument "single" keeps all turns in one conversation.
load() {
  local name=$1 port=$2 mode=${3:-unique} pid=$4
  wrk -t "$THREADS" -c "$CONNECTIONS" -d "$WARMUP" -s "$here/message.lua" "http://127.0.0.1:$port" -- "$mode" >/dev/null
  local cpu_before
  cpu_before=$(cpu_ms "$pid")
  wrk -t "$THREADS" -c "$CONNECTIONS" -d "$DURATION" --latency -s "$here/message.lua" "http://127.0.0.1:$port" -- "$mode" \
    >"$work/$name.wrk"
  local cpu_used result requests
  cpu_used=$(( $(cpu_ms "$pid") - cpu_before ))
  result=$(grep '^RESULT ' "$work/$name.wrk") || { cat "$work/$name.wrk" >&2; exit 1; }
  requests=$(field "${result#RESULT }" requests)
  echo "$name ${result#RESULT } cpu_ms_per_turn=$(awk -v c="$cpu_used" -v r="$requests" 'BEGIN { printf "%.3f", (r > 0 ? c / r : 0) }')"
}

field() { printf '%s\n' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
vmhwm_mb() { awk '/^VmHWM:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }

echo "==> building Release (bot, ceiling)"
build() {
  dotnet build "$1" -c Release -o "$2" -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
}
build "$root/src/HiTechTex.Bot/HiTechTex.Bot.csproj" "$work/bot"
build "$root/benchmarks/HiTechTex.Bot.Ceiling/HiTechTex.Bot.Ceiling.csproj" "$work/ceiling"

echo "==> load: ${DURATION} (after ${WARMUP} warm-up), ${CONNECTIONS} connections, ${THREADS} threads, on $(nproc) cores"

# One fresh bot process per run, so each peak-memory figure is its own.
run_bot() {
  local name=$1 mode=$2 port
  port=$(free_port)
  start_server "$name" "$work/bot" "$port" \
    ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production \
    DangerouslyAllowUnauthenticatedRequests=true MicrosoftAppId= \
    ConnectionStrings__Bot="Data Source=$work/$name.db" \
    Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.AspNetCore=Warning \
    Logging__LogLevel__HiTechTex.Bot.Protocol.Authentication.BotFrameworkAuthenticator=Error \
    dotnet "$work/bot/HiTechTex.Bot.dll"
  local pid=$server_pid
  smoke "$name" "$port"
  result=$(load "$name" "$port" "$mode" "$pid")
  mem=$(vmhwm_mb "$pid")
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

if [ "$UNIQUE" = 1 ]; then
  run_bot bot unique
  bot_result=$result; bot_mem=$mem
fi
if [ "$SINGLE" = 1 ]; then
  run_bot bot-1conv single
  single_result=$result; single_mem=$mem
fi
if [ "$DIALOG" = 1 ]; then
  run_bot bot-dialog dialog
  dialog_result=$result; dialog_mem=$mem
fi

ceiling_port=$(free_port)
start_server ceiling "$work/ceiling" "$ceiling_port" \
  ASPNETCORE_URLS="http://127.0.0.1:$ceiling_port" ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production \
  dotnet "$work/ceiling/HiTechTex.Bot.Ceiling.dll"
ceiling_pid=$server_pid
smoke ceiling "$ceiling_port"
ceiling_result=$(load ceiling "$ceiling_port" unique "$ceiling_pid")
ceiling_mem=$(vmhwm_mb "$ceiling_pid")
kill "$ceiling_pid"; wait "$ceiling_pid" 2>/dev/null || true

echo
printf '%-10s %12s %10s %10s %10s %12s %12s %8s %8s\n' server turns/s p50_ms p99_ms max_ms peak_mem_MB cpu_ms/turn non2xx errors
names=""; [ "$UNIQUE" = 1 ] && names="bot"; [ "$SINGLE" = 1 ] && names="$names bot-1conv"; [ "$DIALOG" = 1 ] && names="$names bot-dialog"
for name in $names ceiling; do
  case $name in
    bot) r=$bot_result; mem=$bot_mem ;;
    bot-1conv) r=$single_result; mem=$single_mem ;;
    bot-dialog) r=$dialog_result; mem=$dialog_mem ;;
    *) r=$ceiling_result; mem=$ceiling_mem ;;
  esac
  printf '%-10s %12s %10s %10s %10s %12s %12s %8s %8s\n' "$name" "$(field "$r" rps)" "$(field "$r" p50_ms)" \
    "$(field "$r" p99_ms)" "$(field "$r" max_ms)" "$mem" "$(field "$r" cpu_ms_per_turn)" "$(field "$r" non2xx)" "$(field "$r" socket_errors)"
done
ratio() {
  awk -v name="$1" -v br="$(field "$2" rps)" -v bp="$(field "$2" p99_ms)" -v bm="$3" \
      -v cr="$(field "$ceiling_result" rps)" -v cp="$(field "$ceiling_result" p99_ms)" -v cm="$ceiling_mem" \
      'BEGIN { printf "%-10s / ceiling: throughput %.3f (%.1f %%), p99 latency x%.1f, peak memory x%.2f\n", name, br / cr, 100 * br / cr, bp / cp, bm / cm }'
}
echo
if [ "$UNIQUE" = 1 ]; then ratio bot "$bot_result" "$bot_mem"; fi
if [ "$SINGLE" = 1 ]; then ratio bot-1conv "$single_result" "$single_mem"; fi
if [ "$DIALOG" = 1 ]; then
  ratio bot-dialog "$dialog_result" "$dialog_mem"
  # Two turns per conversation (warm-up included): the peak memory above is for this many conversations.
  echo "bot-dialog: $(( ($(field "$dialog_result" requests) + 1) / 2 )) conversations measured (plus the warm-up's), peak ${dialog_mem} MB"
fi

bad=0
if [ "$UNIQUE" = 1 ]; then
  bad=$(( $(field "$bot_result" non2xx) + $(field "$bot_result" socket_errors) ))
fi
if [ "$SINGLE" = 1 ]; then
  bad=$(( bad + $(field "$single_result" non2xx) + $(field "$single_result" socket_errors) ))
fi
if [ "$DIALOG" = 1 ]; then
  bad=$(( bad + $(field "$dialog_result" non2xx) + $(field "$dialog_result" socket_errors) ))
fi
if [ "$bad" -gt 0 ]; then
  echo "WARNING: the bot answered $bad request(s) with an error or dropped them; see $work/bot*.log" >&2
  exit 1
fi
