/**
 * The store's atomic steps as Lua, run by Redis one at a time: whatever replica calls them, no
 * other command runs in between. Keys: `timers` (sorted set id → dueAt), `timer` (hash id → JSON),
 * `st:<session>` (set of the session's timer ids).
 */

/** KEYS: timers, timer, st:<session>. ARGV: id, dueAt, json, ttlMs. */
export const PUT_TIMER = `
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
redis.call('SADD', KEYS[3], ARGV[1])
redis.call('PEXPIRE', KEYS[3], ARGV[4])
return 1`;

/** Removes one timer; the session's set is found from the record. */
const FORGET = `
local function forget(prefix, timersKey, timerKey, id)
  local json = redis.call('HGET', timerKey, id)
  redis.call('ZREM', timersKey, id)
  redis.call('HDEL', timerKey, id)
  if json then
    local sessionId = cjson.decode(json).sessionId
    redis.call('SREM', prefix .. 'st:' .. sessionId, id)
  end
  return json
end
`;

/** KEYS: timers, timer. ARGV: prefix, id, now. The timer's JSON if it was due and still there. */
export const CLAIM_TIMER = `${FORGET}
local due = redis.call('ZSCORE', KEYS[1], ARGV[2])
if not due or tonumber(due) > tonumber(ARGV[3]) then return false end
return forget(ARGV[1], KEYS[1], KEYS[2], ARGV[2])`;

/** KEYS: timers, timer. ARGV: prefix, now, max. JSON of the due timers, earliest first. */
export const CLAIM_DUE_TIMERS = `${FORGET}
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[2], 'LIMIT', 0, tonumber(ARGV[3]))
local out = {}
for _, id in ipairs(ids) do
  local json = forget(ARGV[1], KEYS[1], KEYS[2], id)
  if json then table.insert(out, json) end
end
return out`;

/**
 * KEYS: timers, timer, st:<session>. ARGV: prefix, slots (JSON array or ''), except (JSON array).
 * Removes the session's timers in \`slots\` (all when '') and not in \`except\`; returns their JSON.
 */
export const DELETE_TIMERS = `${FORGET}
local slots = ARGV[2] ~= '' and cjson.decode(ARGV[2]) or nil
local except = cjson.decode(ARGV[3])
local function has(list, value)
  for _, v in ipairs(list) do if v == value then return true end end
  return false
end
local out = {}
for _, id in ipairs(redis.call('SMEMBERS', KEYS[3])) do
  local json = redis.call('HGET', KEYS[2], id)
  if json then
    local slot = cjson.decode(json).slot
    if (not slots or has(slots, slot)) and not has(except, slot) then
      forget(ARGV[1], KEYS[1], KEYS[2], id)
      table.insert(out, json)
    end
  else
    redis.call('SREM', KEYS[3], id)
  end
end
return out`;

/**
 * KEYS: lock:<id>, s:<id>. ARGV: token, lockMs. Takes the session's lock and returns its JSON
 * ('' when there is no such session), or false when another replica holds the lock.
 */
export const LOCK_AND_READ = `
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return false end
return redis.call('GET', KEYS[2]) or ''`;

/**
 * KEYS: lock:<id>, s:<id>. ARGV: token, json ('' to write nothing), ttlMs. Writes the session if
 * this caller still holds the lock, then releases it; 0 when the lock had expired meanwhile.
 */
export const WRITE_AND_UNLOCK = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[2] ~= '' and redis.call('EXISTS', KEYS[2]) == 1 then
  redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
end
redis.call('DEL', KEYS[1])
return 1`;

/**
 * KEYS: once:<key>. ARGV: now, expiresAt, ttlMs. Records the key until \`expiresAt\` on the
 * simulator's clock (Redis forgets it after ttlMs of real time); 1 when it was new or had expired.
 */
export const USE_ONCE = `
local expiry = redis.call('GET', KEYS[1])
if expiry and tonumber(expiry) > tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1`;
