-- wrk: each thread (one connection) records stances on its own states, on top of the version
-- the last answer gave, so that an accepted write is never a conflict with another client.
-- Arguments: CAMPAIGN TOKENS_FILE STATES_FILE THREADS. The note of each write is "v" and the
-- version it makes, which the live boards check (LoadTool boards).
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local common = require("common")

local stances = { "YES", "LEANING_YES", "UNDECIDED", "ABSTAIN", "LEANING_NO", "NO" }

setup = common.setup

function init(args)
   local campaign, tokens, states, threads = args[1], common.lines(args[2]), common.lines(args[3]), tonumber(args[4])
   mine, versions = {}, {}
   for i = id, #states, threads do
      local iso3, version = states[i]:match("^(%a+) (%d+)")
      mine[#mine + 1] = iso3
      versions[iso3] = tonumber(version)
   end
   prefix = "/api/v1/campaigns/" .. campaign .. "/stances/"
   headers = { ["Authorization"] = "Bearer " .. tokens[(id - 1) % #tokens + 1],
               ["Content-Type"] = "application/json" }
   next_state, turn = 1, id
   accepted, conflicts, errors = 0, 0, 0
end

function request()
   current = mine[next_state]
   next_state = next_state % #mine + 1
   turn = turn + 1
   local version = versions[current]
   local body = string.format('{"stance":"%s","expectedVersion":%d,"note":"v%d"}',
      stances[turn % #stances + 1], version, version + 1)
   return wrk.format("PUT", prefix .. current, headers, body)
end

function response(status, headers, body)
   local version = body and body:match('"version":(%d+)')
   if status == 200 then
      accepted = accepted + 1
   elseif status == 409 then
      conflicts = conflicts + 1
   else
      errors = errors + 1
      if errors <= 3 then io.stderr:write(status .. " " .. (body or "") .. "\n") end
   end
   if version then versions[current] = tonumber(version) end
end

function done(summary, latency, requests)
   common.report(summary, latency, { "accepted", "conflicts", "errors" })
end
