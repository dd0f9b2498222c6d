-- A module of the project: `require("util")` in main.lua and util_test.lua finds this file.
local M = {}

--- Adds two numbers.
---@param a number
---@param b number
---@return number
function M.add(a, b)
  return a + b
end

--- Splits `text` at each `sep` (one character), keeping empty fields.
---@param text string
---@param sep string
---@return string[]
function M.split(text, sep)
  local parts = {}
  for field in (text .. sep):gmatch("(.-)" .. sep:gsub("%p", "%%%0")) do
    parts[#parts + 1] = field
  end
  return parts
end

--- Fails with a message naming this file and line (see docs/projects.md).
---@param why string
function M.check(why)
  if why ~= "" then error("util: " .. why, 2) end
end

return M
