-- Every request asks for another item id, so that each one misses the response cache.
local counter = 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

function init(args)
  counter = 0
end

request = function()
  counter = counter + 1
  return wrk.format("GET", "/bench/items?id=" .. thread_id .. "-" .. counter .. "-" .. math.random(1, 1000000000),
    { ["x-client"] = "wrk" })
end
