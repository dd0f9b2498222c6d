-- An example test file for `luamod test examples/runtime`.
local test = require("test")

local function greet(name)
  if name == "" then return nil, errors.new{message = "empty name", kind = errors.INVALID} end
  return "Hello, " .. name .. "!"
end

test.case("greets by name", function()
  test.eq(greet("Ann"), "Hello, Ann!")
end)

return {
  empty_name_is_invalid = function()
    local v, err = greet("")
    test.eq(v, nil)
    test.ok(errors.is(err, errors.INVALID))
  end,
  wrap_keeps_kind = function()
    local _, err = greet("")
    local wrapped = assert(errors.wrap(err, "greeting"))
    test.eq(wrapped:message(), "greeting: empty name")
    test.eq(wrapped:kind(), "INVALID")
  end,
  module_tables_are_read_only = function()
    ---@diagnostic disable-next-line: readonly-assign
    test.fails(function() errors.new = nil end, "attempt to modify read-only table 'errors'")
  end,
}
