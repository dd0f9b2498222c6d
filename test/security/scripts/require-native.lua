-- attack: require a C module or a standard library the sandbox left out
-- expect: module 'socket' not found
for _, name in ipairs({ "io", "os", "debug", "package" }) do
  local ok, lib = pcall(require, name)
  if ok and type(lib) == "table" and (lib.open or lib.execute or lib.getregistry or lib.loadlib) then print("ESCAPED", name) end
end
require("socket")
print("ESCAPED")
