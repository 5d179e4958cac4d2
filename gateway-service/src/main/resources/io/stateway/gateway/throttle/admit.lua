-- Admits one request against every token bucket and the quota that apply to it, atomically.
-- Time is Redis's own (TIME, microseconds), so replicas with skewed clocks share one view.
--
-- KEYS[1..n]    bucket hashes {t = tokens, ts = microseconds of the last update}
-- KEYS[n+1..]   for a request with an API key: quota counter, first-period marker, usage counter
-- ARGV[1]       n, the number of buckets
-- ARGV[2i, 2i+1] rate (tokens/s) and burst of bucket i
-- then          quota limit (-1: none), offset, period label, period end (epoch s), usage TTL (s)
--
-- Returns {outcome, retry after ms, limit, remaining, bucket}: outcome 0 admitted, 1 throttled,
-- 2 quota exceeded; limit/remaining describe the bucket (1-based, 0: none) with the fewest tokens left.
local parts = redis.call('TIME')
local now = tonumber(parts[1]) * 1000000 + tonumber(parts[2])
local n = tonumber(ARGV[1])
local levels = {}
local tightest = 0
local retry = 0
for i = 1, n do
  local rate = tonumber(ARGV[2 * i])
  local burst = tonumber(ARGV[2 * i + 1])
  local state = redis.call('HMGET', KEYS[i], 't', 'ts')
  local level = tonumber(state[1])
  local ts = tonumber(state[2])
  if level == nil or ts == nil then
    level = burst
  elseif now > ts then
    level = math.min(burst, level + (now - ts) * rate / 1000000)
  end
  levels[i] = level
  if tightest == 0 or level < levels[tightest] then
    tightest = i
  end
  if level < 1 then
    local wait = 60000
    if rate > 0 then
      wait = math.ceil((1 - level) * 1000 / rate)
    end
    if wait > retry then
      retry = wait
    end
  end
end
local limit = 0
if tightest > 0 then
  limit = tonumber(ARGV[2 * tightest + 1])
end
if retry > 0 then
  return {1, retry, limit, 0, tightest}
end

local q = 2 * n + 2
local quotaLimit = tonumber(ARGV[q])
local hasQuota = quotaLimit >= 0
local quotaKey = KEYS[n + 1]
if hasQuota then
  local period = ARGV[q + 2]
  local first = redis.call('GET', KEYS[n + 2])
  if not first then
    redis.call('SET', KEYS[n + 2], period)
    first = period
  end
  if first == period then
    quotaLimit = quotaLimit - tonumber(ARGV[q + 1])
  end
  local used = tonumber(redis.call('GET', quotaKey) or '0')
  if used + 1 > quotaLimit then
    local nowSeconds = tonumber(parts[1])
    local wait = (tonumber(ARGV[q + 3]) - nowSeconds) * 1000
    if wait < 1000 then
      wait = 1000
    end
    return {2, wait, limit, math.floor(levels[tightest] or 0), tightest}
  end
end

for i = 1, n do
  local rate = tonumber(ARGV[2 * i])
  local burst = tonumber(ARGV[2 * i + 1])
  levels[i] = levels[i] - 1
  redis.call('HSET', KEYS[i], 't', string.format('%.6f', levels[i]), 'ts', string.format('%.0f', now))
  -- Once the bucket would be full again its state is the default: let Redis drop it.
  local ttl = 86400000
  if rate > 0 then
    ttl = math.ceil(burst * 1000 / rate) + 1000
  end
  redis.call('PEXPIRE', KEYS[i], ttl)
end
if hasQuota then
  redis.call('INCR', quotaKey)
  redis.call('EXPIREAT', quotaKey, tonumber(ARGV[q + 3]) + 86400)
end
if KEYS[n + 3] then
  redis.call('INCR', KEYS[n + 3])
  redis.call('EXPIRE', KEYS[n + 3], tonumber(ARGV[q + 4]))
end
local remaining = 0
if tightest > 0 then
  remaining = math.floor(levels[tightest])
end
return {0, 0, limit, remaining, tightest}
