// The Lua side of `luamod test`: the `test` library (eq, neq, ok, fails, near, case) and the driver
// that runs a test file's functions one by one under xpcall. Trusted code, compiled once per engine.

/**
 * The driver chunk: `...` is the names of tests already run (a rerun after a test stopped the
 * process) and the compiled test file (a `function(_ENV, ...)`); the global
 * `__luamod_test` (begin, record) is the JS side that times each test and collects results.
 */
export const TEST_DRIVER = String.raw`
local skip_list, testmain = ...
local env = _ENV
local runner = __luamod_test
local skip = {}
for _, name in ipairs(skip_list) do skip[name] = true end
local cases = {}
local last = nil

local function repr(v, depth)
  depth = depth or 0
  local t = type(v)
  if t == "string" then return string.format("%q", v) end
  if t ~= "table" or depth > 3 then return tostring(v) end
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b)
    if type(a) == type(b) and (type(a) == "number" or type(a) == "string") then return a < b end
    return type(a) < type(b)
  end)
  local parts = {}
  local n = #v
  for _, k in ipairs(keys) do
    if math.type(k) == "integer" and k >= 1 and k <= n then
      parts[#parts + 1] = repr(v[k], depth + 1)
    else
      local key = (type(k) == "string" and k:match("^[%a_][%w_]*$")) and k or ("[" .. repr(k, depth + 1) .. "]")
      parts[#parts + 1] = key .. " = " .. repr(v[k], depth + 1)
    end
  end
  return "{" .. table.concat(parts, ", ") .. "}"
end

local function deepeq(a, b, seen)
  if a == b then return true end
  if type(a) ~= "table" or type(b) ~= "table" then return false end
  seen = seen or {}
  if seen[a] == b then return true end
  seen[a] = b
  for k, v in pairs(a) do if not deepeq(v, b[k], seen) then return false end end
  for k in pairs(b) do if a[k] == nil then return false end end
  return true
end

local function fail(message, expected, actual, has)
  last = has and { expected = repr(expected), actual = repr(actual) } or nil
  error(message, 3)
end

local T = {}
function T.eq(actual, expected, msg)
  if not deepeq(actual, expected) then
    fail((msg and msg .. ": " or "") .. "expected " .. repr(expected) .. ", got " .. repr(actual), expected, actual, true)
  end
end
function T.neq(actual, unexpected, msg)
  if deepeq(actual, unexpected) then
    fail((msg and msg .. ": " or "") .. "expected a value other than " .. repr(unexpected), nil, nil, false)
  end
end
function T.ok(value, msg)
  if not value then fail(msg or ("expected a true value, got " .. repr(value)), true, value, true) end
  return value
end
function T.near(actual, expected, eps, msg)
  eps = eps or 1e-9
  if type(actual) ~= "number" or math.abs(actual - expected) > eps then
    fail((msg and msg .. ": " or "") .. "expected " .. repr(expected) .. " (within " .. eps .. "), got " .. repr(actual), expected, actual, true)
  end
end
function T.fails(fn, pattern, msg)
  local ok, err = pcall(fn)
  if ok then fail(msg or "expected an error, got none", nil, nil, false) end
  if pattern ~= nil and not string.find(tostring(err), pattern, 1, true) then
    fail((msg and msg .. ": " or "") .. "expected an error containing " .. repr(pattern) .. ", got " .. repr(tostring(err)), pattern, tostring(err), true)
  end
  return err
end
function T.case(name, fn)
  if type(name) ~= "string" or type(fn) ~= "function" then error("test.case(name, fn): expected a string and a function", 2) end
  cases[#cases + 1] = { name = name, fn = fn }
end

function T.mock(mod, name, value)
  if type(name) ~= "string" then error("test.mock(module, name, value): name must be a string", 2) end
  runner.mock(mod, name, value)
end

local base_require = require
test = T
require = function(name)
  if name == "test" then return T end
  return base_require(name)
end

local function run(name, fn)
  if skip[name] or not runner.wanted(name) then return end
  last = nil
  runner.begin(name)
  local ok, err = xpcall(fn, function(e) return e end)
  runner.restore()
  if ok then
    runner.record({ name = name, ok = true })
  else
    local r = { name = name, ok = false, err = err }
    if type(err) ~= "string" and type(err) ~= "userdata" then r.err = tostring(err) end
    if last then r.expected = last.expected r.actual = last.actual end
    runner.record(r)
  end
end

runner.restore()  -- a test stopped by a limit left its mocks in place
runner.begin("(load)")
local loaded, returned = xpcall(testmain, function(e) return e end, env)
if not loaded then
  runner.record({ name = "(load)", ok = false, err = type(returned) == "userdata" and returned or tostring(returned) })
  return
end
for _, c in ipairs(cases) do run(c.name, c.fn) end
if type(returned) == "table" then
  local names = {}
  for k, v in pairs(returned) do
    if type(k) == "string" and type(v) == "function" then names[#names + 1] = k end
  end
  table.sort(names)
  for _, name in ipairs(names) do run(name, returned[name]) end
end
`;
