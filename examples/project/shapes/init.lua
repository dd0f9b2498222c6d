-- A folder module: `require("shapes")` loads shapes/init.lua; it requires its sibling `shapes.rect`.
local rect = require("shapes.rect")

local M = {}

--- The total area of a list of rectangles.
---@param list { w: number, h: number }[]
---@return number
function M.totalArea(list)
  local total = 0
  for _, r in ipairs(list) do total = total + rect.area(r) end
  return total
end

return M
