-- End-to-end fixture for the Test Explorer: one passing case, one failing test.
local test = require("test")

test.case("adds", function()
  test.eq(1 + 1, 2)
end)

return {
  breaks = function()
    test.eq({ a = 1 }, { a = 2 })
  end,
}
