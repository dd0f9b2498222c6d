-- A project module: its functions are followed across files (go to definition, hover).
local M = {}

--- Adds two numbers.
---@param a number
---@param b number
---@return number
function M.add(a, b)
  return a + b
end

return M
