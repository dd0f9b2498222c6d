--!workflow
-- One of each diagnostic luamod reports (excluded from `luamod check examples` by
-- examples/.luamodrc.json). Run `luamod check examples/diagnostics` to see them all.
local time = require("time")                      -- workflow-unsafe: time is nondeterministic
local json = require("jsn")                       -- unknown-module
print(json, undefined_name)                       -- undefined-global
local function reset() counted = 0 end            -- accidental-global
reset()
local now = time.now()
print(now:unixx())                                -- undefined-field
print(time.unix())                                -- missing-parameter
print(time.now(1))                                -- redundant-parameter
print(time.unix("soon"))                          -- param-type-mismatch

---@type integer
local retries = 0
retries = "many"                                  -- assign-type-mismatch
print(retries)

---@return string
local function label()
  return 42                                       -- return-type-mismatch
end
print(label())

local t, err = time.parse("2006-01-02", "2024-05-01")
print(t:unix(), err)                              -- need-check-nil
print(now.unix())                                 -- method-call-style
time.now = nil                                    -- readonly-assign
local greeting = "hi"
print(greeting())                                 -- not-callable
print({ a = 1, a = 2 })                           -- duplicate-index
table.sort({ 3, 1 }, function(a, b)
  time.sleep(1)                                   -- not-yieldable
  return a < b
end)

---@deprecated use label
local function old_label() return "old" end
print(old_label())                                -- deprecated
local unused = 1                                  -- unused-local

local function stop()
  error("stop")
  print("never")                                  -- unreachable-code
end
print(pcall(stop))

---@type Strng                                    -- annotation-error
local label = "x"
print(label)
print(1 +)                                        -- syntax-error
