-- attack: require a C module or a standard library the sandbox left out
-- expect: module 'socket' not found
for _, name in ipairs({ "io", "os", "debug", "package" }) do
  local ok, lib = pcall(require, name)
  -- (require("os") and require("package") give the sandbox's read-only views, as the globals do.)
  if ok and (type(lib) == "table" or type(lib) == "userdata") and (lib.open or lib.execute or lib.getregistry or lib.loadlib or lib.searchers) then print("ESCAPED", name) end
end
require("socket")
print("ESCAPED")
