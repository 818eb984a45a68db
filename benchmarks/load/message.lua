-- wrk script: POSTs Teams `message` activities with deliveryMode expectReplies, each in a new conversation
-- (so per-conversation state — dialog stack, references — is created, not served from one hot row).
-- `wrk ... -s message.lua URL -- single` keeps every request in one conversation instead.
-- `wrk ... -s message.lua URL -- dialog` runs a 2-step dialog per conversation (and per user): "hi" starts the
-- first-use profile dialog (its first question), "yes" answers it (the next question) — durable conversation and
-- user state are read and written on every turn. Like a person, who answers after reading the question, the "yes"
-- of a conversation is sent LAG requests of its thread after its "hi": a thread has at most its connections' count
-- of requests in flight, so by then the first turn has been answered. (wrk's connections of a thread send
-- concurrently; sending the two turns back to back made about a third of the second turns overtake their first one
-- and get the "still busy" answer — a race test, not a dialog. `-- dialog-race` keeps that mode.)
-- done() prints one machine-readable RESULT line for run.sh.

local threads = {}
local thread_count = 0

-- Every wrk run (the warm-up, then the measurement) gets ids of its own: reusing the warm-up's activity ids made the
-- first part of the measurement duplicates, which the bot skips (cheaply) instead of running a turn.
local run_id = os.time() % 100000

function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_id", thread_count)
  thread:set("run_id", run_id)
  table.insert(threads, thread)
end

-- The serviceUrl points at a closed loopback port: with expectReplies nothing may be sent to it.
local template = [[{"type":"message","id":"act-%d-%d-%d","channelId":"msteams","serviceUrl":"http://127.0.0.1:9/_connector",]]
  .. [["timestamp":"2026-01-01T00:00:00.000Z","localTimestamp":"2026-01-01T01:00:00.000+01:00","localTimezone":"Europe/Berlin",]]
  .. [["locale":"en-US","textFormat":"plain","text":"%s",]]
  .. [["deliveryMode":"expectReplies",]]
  .. [["from":{"id":"29:bench-user-%d-%d","name":"Bench User","aadObjectId":"00000000-0000-0000-0000-0000000000aa"},]]
  .. [["recipient":{"id":"28:00000000-0000-0000-0000-00000000bbbb","name":"HiTechTex Bot"},]]
  .. [["conversation":{"id":"a:bench-%d-%d-%d","conversationType":"personal","tenantId":"00000000-0000-0000-0000-0000000000cc"},]]
  .. [["channelData":{"tenant":{"id":"00000000-0000-0000-0000-0000000000cc"}},]]
  .. [["entities":[{"type":"clientInfo","locale":"en-US","platform":"Web","timezone":"Europe/Berlin"}]}]]

local headers = { ["Content-Type"] = "application/json" }

-- Requests of a thread between the two turns of one conversation (well above its connections: 32 / 2 threads = 16).
local LAG = 64

function init(args)
  counter = 0
  single = args[1] == "single"
  dialog = args[1] == "dialog"
  race = args[1] == "dialog-race"
end

function request()
  counter = counter + 1
  local tid = thread_id or 0
  -- In single mode the sender is fixed too: in a personal chat a new sender is a changed reference (a write).
  local owner = single and 0 or tid
  local conversation = single and 0 or counter
  local text = "hi " .. counter
  if race then
    conversation = math.floor((counter + 1) / 2)
    owner = tid * 10000000 + conversation
    text = (counter % 2 == 1) and "hi" or "yes"
  elseif dialog then
    -- Odd requests open conversation n with "hi"; even ones answer conversation n - LAG with "yes" (the first LAG
    -- even requests open conversations of their own instead).
    local n = math.floor((counter + 1) / 2)
    if counter % 2 == 1 then
      conversation, text = n, "hi"
    elseif n > LAG then
      conversation, text = n - LAG, "yes"
    else
      conversation, text = 5000000 + n, "hi"
    end
    owner = tid * 10000000 + conversation
  end
  local run = run_id or 0
  local body = string.format(template, run, tid, counter, text, run, owner, run, owner, conversation)
  return wrk.format("POST", "/api/messages", headers, body)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f non2xx=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.status, e.connect + e.read + e.write + e.timeout))
end
