-- fs: files under the fs root (run from the repository root: the default root is the current folder).
local fs = require("fs")

local dir = "examples/modules/data"
local path = dir .. "/greeting.txt"

local ok, err = fs.write(path, "hello from luamod\n")
if not ok then error(err) end
print("exists: " .. tostring(fs.exists(path)))
print("read: " .. fs.read(path))

for _, name in ipairs(fs.list(dir)) do
  print("entry: " .. name)
end

local _, denied = fs.read("../outside.txt")
print("escaping the root: " .. denied:kind())
local _, missing = fs.read(dir .. "/missing.txt")
print("missing file: " .. missing:kind())

assert(fs.remove(path))
print("removed: " .. tostring(not fs.exists(path)))
