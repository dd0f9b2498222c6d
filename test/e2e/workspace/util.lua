-- End-to-end fixture: a module of the project, required by app.lua.
local M = {}

--- Adds two numbers.
function M.add(a, b)
  return a + b
end

return M
