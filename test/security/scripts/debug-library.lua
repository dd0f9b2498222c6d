-- attack: use the debug library to reach upvalues, the registry, hooks, metatables or stack functions
-- expect: attempt to call a nil value \(field 'getregistry'\)
for _, name in ipairs{"getlocal", "setlocal", "getupvalue", "setupvalue", "upvaluejoin", "sethook", "gethook", "getuservalue", "setuservalue", "getregistry", "upvalueid"} do
  if debug[name] then print("ESCAPED", name) end
end
local info = debug.getinfo(1, "f")
if info.func then print("ESCAPED", "getinfo func") end
for level = 1, 20 do
  local i = debug.getinfo(level)
  if i and i.func then print("ESCAPED", "getinfo func at level", level) end
end
if pcall(function() debug.getregistry = function() end end) then print("ESCAPED", "debug is writable") end
-- getmetatable/setmetatable are the base library's: protected metatables stay protected.
for _, v in ipairs{string, _G, "", debug, os} do
  local mt = debug.getmetatable(v)
  if type(mt) == "table" and (mt.__index ~= nil or mt.__newindex ~= nil) then print("ESCAPED", "metatable of", tostring(v)) end
end
if pcall(debug.setmetatable, string, {}) or pcall(debug.setmetatable, _G, {}) then print("ESCAPED", "setmetatable") end
local reg = debug.getregistry()
print("ESCAPED", reg)
