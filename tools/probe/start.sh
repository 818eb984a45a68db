#!/usr/bin/env bash
# usage: tools/probe/start.sh BOTPORT CONNECTORPORT DATADIR
# Builds the bot (Debug), starts a fake Bot Connector on CONNECTORPORT (every call it receives is logged to
# DATADIR/conn.log with cards summarized) and the bot on BOTPORT (Development: unauthenticated, SQLite under DATADIR,
# seeded demo directory and sessions; log DATADIR/bot.log). User "mgr" (say.py --user mgr) is cluster manager of
# CITEVE (hitechtex-citeve); user "coord" is programme coordinator. Stop both: kill the PIDs it prints.
set -euo pipefail
bp=$1; cp=$2; dd=$(mkdir -p "$3" && cd "$3" && pwd)
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
dotnet build "$root/src/HiTechTex.Bot" -nologo -v q >/dev/null
mgr=$(python3 -c "import uuid;print(uuid.uuid5(uuid.NAMESPACE_DNS,'mgr'))")
coord=$(python3 -c "import uuid;print(uuid.uuid5(uuid.NAMESPACE_DNS,'coord'))")
nohup python3 "$here/connector.py" "$cp" > "$dd/conn.log" 2>&1 &
echo "connector pid $!"
cd "$root/src/HiTechTex.Bot/bin/Debug/net10.0"
nohup env ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development XDG_DATA_HOME="$dd" ASPNETCORE_URLS="http://127.0.0.1:$bp" \
  "Roles__ClusterManagers__${mgr}__0=hitechtex-citeve" "Roles__Coordinators__0=${coord}" \
  dotnet HiTechTex.Bot.dll > "$dd/bot.log" 2>&1 &
echo "bot pid $!"
for _ in $(seq 1 150); do
  if curl -fsS -o /dev/null "http://127.0.0.1:$bp/healthz" 2>/dev/null; then echo "bot up on $bp, connector on $cp"; exit 0; fi
  sleep 0.2
done
echo "bot did not start:"; tail -20 "$dd/bot.log"; exit 1
