// The Lua side of `luamod test`: the `test` library (eq, neq, ok, fails, near, case, mock) and the driver
// that runs a test file's functions one by one under xpcall. Trusted code, compiled once per engine.
// Nothing here is reachable from the test file: the runner's functions arrive as the driver's
// arguments (kept in locals), the driver reads only the base functions it captured before the test
// file ran, and `test` is a read-only view.

/**
 * The driver chunk: `...` is the names of tests not to run (already run before a test stopped the
 * process), the runner (a table of JS functions only the driver sees: wanted, begin, record,
 * handler, readonly, text, mock, restore) and the compiled test file (a `function(_ENV, ...)`).
 */
export const TEST_DRIVER = String.raw`
local skip_list, R, testmain = ...
local env = _ENV
local wanted, begin, record, handler, readonly, errtext = R.wanted, R.begin, R.record, R.handler, R.readonly, R.text
local mock, restore = R.mock, R.restore
R = nil
-- The base functions the driver uses, taken before the test file can replace its globals.
local type, tostring, pairs, ipairs, xpcall, pcall, error, rawequal = type, tostring, pairs, ipairs, xpcall, pcall, error, rawequal
local format, find, match, sort, concat, mtype, abs = string.format, string.find, string.match, table.sort, table.concat, math.type, math.abs
local skip = {}
for _, name in ipairs(skip_list) do skip[name] = true end
local cases = {}
local loading = true
local last = nil

local function repr(v, depth)
  depth = depth or 0
  local t = type(v)
  if t == "string" then return format("%q", v) end
  if t ~= "table" or depth > 3 then return tostring(v) end
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  sort(keys, function(a, b)
    if type(a) == type(b) and (type(a) == "number" or type(a) == "string") then return a < b end
    return type(a) < type(b)
  end)
  local parts = {}
  local n = #v
  for _, k in ipairs(keys) do
    if mtype(k) == "integer" and k >= 1 and k <= n then
      parts[#parts + 1] = repr(v[k], depth + 1)
    else
      local key = (type(k) == "string" and match(k, "^[%a_][%w_]*$")) and k or ("[" .. repr(k, depth + 1) .. "]")
      parts[#parts + 1] = key .. " = " .. repr(v[k], depth + 1)
    end
  end
  return "{" .. concat(parts, ", ") .. "}"
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
  if type(actual) ~= "number" or abs(actual - expected) > eps then
    fail((msg and msg .. ": " or "") .. "expected " .. repr(expected) .. " (within " .. eps .. "), got " .. repr(actual), expected, actual, true)
  end
end
function T.fails(fn, pattern, msg)
  local ok, err = pcall(fn)
  if ok then fail(msg or "expected an error, got none", nil, nil, false) end
  if pattern ~= nil then
    -- The error's text as an uncaught error would show it (safe for any error value).
    local text = errtext(err)
    if not find(text, pattern, 1, true) then
      fail((msg and msg .. ": " or "") .. "expected an error containing " .. repr(pattern) .. ", got " .. repr(text), pattern, text, true)
    end
  end
  return err
end
function T.case(name, fn)
  if type(name) ~= "string" or type(fn) ~= "function" then error("test.case(name, fn): expected a string and a function", 2) end
  if not loading then error("test.case: register cases while the file loads, not from inside a test", 2) end
  cases[#cases + 1] = { name = name, fn = fn }
end
function T.mock(mod, name, value)
  if type(name) ~= "string" then error("test.mock(module, name, value): name must be a string", 2) end
  mock(mod, name, value)
end
T = readonly(T, "test")

test = T
-- require("test") finds T in the process's own package.loaded: no wrapper around require, so
-- errors raised by require keep the test file's position and a module may yield while it loads.
package.loaded.test = T

local function run(name, fn)
  if skip[name] or not wanted(name) then return end
  last = nil
  begin(name, fn)
  local ok, err = xpcall(fn, handler)
  restore()  -- a test's mocks end with it
  local l = last
  last = nil
  if ok then record(name, true) else record(name, false, err, l and l.expected, l and l.actual) end
end

begin("(load)", testmain)
-- The file's tests, taken once it has loaded: (name, function) pairs, cases first, then the
-- returned table's functions sorted by name. A test cannot add, replace or remove another.
local list = {}
local loaded, problem = xpcall(function()
  local returned = testmain(env)
  loading = false
  for _, c in ipairs(cases) do list[#list + 1] = c end
  if type(returned) == "table" then
    local names, fns = {}, {}
    for k, v in pairs(returned) do
      if type(k) == "string" and type(v) == "function" then names[#names + 1] = k fns[k] = v end
    end
    sort(names)
    for _, name in ipairs(names) do list[#list + 1] = { name = name, fn = fns[name] } end
  end
end, handler)
loading = false
restore()  -- mocks made while the file loads do not reach its tests
if not loaded then
  record("(load)", false, problem)
  return
end
record("(load)", true)
for i = 1, #list do run(list[i].name, list[i].fn) end
`;
