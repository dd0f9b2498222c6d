-- Tests of util.lua (run: luamod test examples/project).
local test = require("test")
local util = require("util")
local shapes = require("shapes")

return {
  adds = function()
    test.eq(util.add(1, 2), 3)
  end,
  splits_keeping_empty_fields = function()
    test.eq(#util.split("a,,b", ","), 3)
    test.eq(util.split("a.b", ".")[2], "b")
  end,
  check_fails_with_the_reason = function()
    test.fails(function() util.check("broken") end, "util: broken")
  end,
  total_area = function()
    test.eq(shapes.totalArea({ { w = 2, h = 2 }, { w = 1, h = 1 } }), 5)
  end,
}
