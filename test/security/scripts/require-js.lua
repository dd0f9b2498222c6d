-- attack: load fengari-interop or fengari itself as a module
-- expect: module 'js' not found
for _, name in ipairs({ "fengari", "fengari-interop", "interop" }) do
  if pcall(require, name) then print("ESCAPED", name) end
end
require("js")
print("ESCAPED")
