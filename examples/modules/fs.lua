-- fs: files under the fs root (run from the repository root: the default root is the current folder).
local fs = require("fs")

local dir = "examples/modules/data"
local path = dir .. "/greeting.txt"

local ok, err = fs.write(path, "hello from luamod\n")
if not ok then error(err) end
print("exists: " .. tostring(fs.exists(path)))
print("read: " .. assert(fs.read(path)))

for _, name in ipairs(assert(fs.list(dir))) do
  print("entry: " .. name)
end

local _, denied = fs.read("../outside.txt")
if denied then print("escaping the root: " .. denied:kind()) end
local _, missing = fs.read(dir .. "/missing.txt")
if missing then print("missing file: " .. missing:kind()) end

assert(fs.remove(path))
print("removed: " .. tostring(not fs.exists(path)))
