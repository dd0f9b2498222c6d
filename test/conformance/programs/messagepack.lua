-- lua-MessagePack: pack/unpack round trips; the bytes shown as hex.
local mp = require("MessagePack")
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
for _, v in ipairs{0, 1, 127, 128, 255, 256, 65535, 65536, -1, -32, -33, -128, -129, -32768, 1.5, -0.25, 1e300, "", "hi", ("x"):rep(40), true, false} do
  local s = mp.pack(v)
  print(hex(s), mp.unpack(s))
end
print(hex(mp.pack({1, 2, 3})), hex(mp.pack({})))
local t = mp.unpack(mp.pack({a = 1}))
print(t.a)
local arr = mp.unpack(mp.pack({10, 20, {30, {40}}}))
print(arr[1], arr[2], arr[3][1], arr[3][2][1])
mp.set_number("float")
print(hex(mp.pack(1.5)))
mp.set_number("double")
mp.set_string("binary")
print(hex(mp.pack("ab")))
for _, v in mp.unpacker(mp.pack(1) .. mp.pack("two") .. mp.pack({3})) do print(type(v), type(v) == "table" and v[1] or v) end
