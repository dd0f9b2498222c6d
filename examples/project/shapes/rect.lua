local M = {}

--- The area of a rectangle.
---@param r { w: number, h: number }
---@return number
function M.area(r)
  return r.w * r.h
end

return M
