-- Shared by the wrk scripts of scripts/load-test.sh: reading the files that LoadTool's setup
-- wrote, numbering the threads (each wrk thread runs one connection: -t N -c N), and the
-- summary that the load test prints and parses.

local M = {}

function M.lines(path)
   local lines = {}
   for line in io.lines(path) do
      if line ~= "" then lines[#lines + 1] = line end
   end
   return lines
end

local threads = {}

-- called in the main state, once per thread, before init
function M.setup(thread)
   threads[#threads + 1] = thread
   thread:set("id", #threads)
end

-- sums a counter over the threads
function M.sum(name)
   local total = 0
   for _, thread in ipairs(threads) do
      total = total + (thread:get(name) or 0)
   end
   return total
end

function M.report(summary, latency, counters)
   local seconds = summary.duration / 1e6
   io.write(string.format("requests %d in %.1f s\n", summary.requests, seconds))
   for _, name in ipairs(counters) do
      local n = M.sum(name)
      io.write(string.format("%s %d (%.0f/s)\n", name, n, n / seconds))
   end
   io.write(string.format("socket errors: connect %d, read %d, write %d, timeout %d\n",
      summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
   io.write(string.format("latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f\n",
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000))
end

return M
