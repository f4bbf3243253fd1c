-- wrk: GETs one path of the campaign (a stance, the tally or the board) with the tokens in
-- turn. Arguments: CAMPAIGN TOKENS_FILE PATH (after /api/v1/campaigns/CAMPAIGN).
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local common = require("common")

setup = common.setup

function init(args)
   local tokens = common.lines(args[2])
   path = "/api/v1/campaigns/" .. args[1] .. args[3]
   headers = { ["Authorization"] = "Bearer " .. tokens[(id - 1) % #tokens + 1] }
   ok, errors = 0, 0
end

function request()
   return wrk.format("GET", path, headers)
end

function response(status, headers, body)
   if status == 200 then
      ok = ok + 1
   else
      errors = errors + 1
      if errors <= 3 then io.stderr:write(status .. " " .. (body or "") .. "\n") end
   end
end

function done(summary, latency, requests)
   common.report(summary, latency, { "ok", "errors" })
end
