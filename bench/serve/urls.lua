-- urls.lua: wrk script for bench/serve/load.sh: each request takes the next
-- path of the file $SR_SERVE_URLS (one per line), round robin, so the load
-- spreads over every endpoint and filter.  Each wrk thread starts at another
-- offset of the list.
local paths = {}
for line in io.lines(os.getenv("SR_SERVE_URLS")) do
  if line ~= "" then paths[#paths + 1] = line end
end
local i = 0

function setup(thread)
  thread:set("offset", math.random(#paths))
end

function init(args)
  i = (offset or 0) % #paths
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
