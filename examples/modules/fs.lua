-- fs: files under the fs root (the default root is the current folder).
-- Run from the repository root:  luamod run examples/modules/fs.lua --allow 'fs.*'
local fs = require("fs")

local dir = "examples/modules/data"
local path = dir .. "/greeting.txt"

local ok, err = fs.write(path, "hello from luamod\n")
if err then
  print("fs.write failed: " .. err:kind() .. " - " .. err:message())
  print("(the CLI denies file access unless you pass --allow 'fs.*'; run from the repository root)")
  return
end
print("written: " .. tostring(ok))
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
