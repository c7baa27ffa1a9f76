-- wrk script for bench/api: replays the request paths of a file (one per line, written by
-- `Sdc.Bench api-load`) in order, round and round, each with the bearer token, and prints one
-- machine-readable RESULT line at the end.
--   wrk -t1 -cN -dD --latency -s bench/wrk/replay.lua http://127.0.0.1:PORT -- <paths file> <token file>
local requests = {}
local next_index = 1

function init(args)
  local paths, token_file = args[1], args[2]
  local file = assert(io.open(token_file, "r"))
  local token = file:read("*l")
  file:close()
  local headers = { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" }
  for path in io.lines(paths) do
    if #path > 0 then
      requests[#requests + 1] = wrk.format("GET", path, headers)
    end
  end
  assert(#requests > 0, "no request paths in " .. paths)
  -- Each connection count starts somewhere else in the list, so runs do not replay the same prefix.
  next_index = math.random(#requests)
end

function request()
  local r = requests[next_index]
  next_index = next_index % #requests + 1
  return r
end

function done(summary, latency, _)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d status_errors=%d connect_errors=%d read_errors=%d write_errors=%d timeouts=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.status, e.connect, e.read, e.write, e.timeout))
end
