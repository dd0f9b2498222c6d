-- string.pack / unpack with 64-bit integers (sizes of C Lua on 64-bit Linux)
local function E(f, ...) local ok, e = pcall(f, ...) print(ok, (tostring(e):gsub("^[^:]*:%d+: ", ""))) end
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(#string.pack("j", 1), hex(string.pack("j", -2)), hex(string.pack(">J", math.mininteger)), hex(string.pack("<i8", 1 << 60)))
print(string.unpack("<I4", "\xff\xff\xff\xff"), string.unpack("<i4", "\xff\xff\xff\xff"), string.unpack("<j", string.pack("<j", math.maxinteger)))
print(hex(string.pack("<i16", -3)), hex(string.pack(">I16", 5)), string.unpack("<i16", string.pack("<i16", -3)), string.unpack(">I16", string.pack(">I16", math.maxinteger)))
E(string.unpack, "<i16", string.rep("\x01", 16))
E(string.unpack, "<I9", "\xff\xff\xff\xff\xff\xff\xff\xff\x01")
print(string.unpack("<I9", "\xff\xff\xff\xff\xff\xff\xff\xff\x00"), string.unpack("<i9", "\xff\xff\xff\xff\xff\xff\xff\xff\xff"))
E(string.pack, "i1", 128) E(string.pack, "I1", 256) E(string.pack, "I1", -1) print(hex(string.pack("i1", -128)))
E(string.pack, "i7", 1 << 55) print(hex(string.pack("i7", -(1 << 55)))) E(string.pack, "I7", 1 << 56) print(hex(string.pack("I7", (1 << 56) - 1)))
print(string.unpack("<i7", string.pack("<i7", -(1 << 55))), string.unpack("<I7", string.pack("<I7", (1 << 56) - 1)), string.unpack("<i6", string.pack("<i6", -5)))
print(#string.pack("l", 1), #string.pack("T", 1), #string.pack("s", "abc"), string.unpack("s", string.pack("s", "abc")))
print(string.packsize("j"), string.packsize("!jb"), string.packsize("i3"), string.packsize("!8 b j"), string.packsize("J"), string.packsize("L"))
E(string.packsize, "i17") E(string.pack, "i0", 1)
print(hex(string.pack("J", -1)), hex(string.pack("<I10", -1)), hex(string.pack("<i10", -1)), hex(string.pack(">i12", math.mininteger)))
print(string.unpack("<I8", "\xff\xff\xff\xff\xff\xff\xff\xff"), string.unpack("<i3", "\x00\x00\x80"), string.unpack(">I2", "\x12\x34"))
print(hex(string.pack(">i3 >I5 <h", -2, 0xffffffffff, -1)), string.unpack(">i3 >I5 <h", string.pack(">i3 >I5 <h", -2, 0xffffffffff, -1)))
print(hex(string.pack("<d", 1 << 60)), string.pack("z", "ab"):len(), hex(string.pack("<s1", "hi")), hex(string.pack(">s2", "hi")))
print(hex(string.pack("<!8 b j", 1, 2)), hex(string.pack("<!4 b j", 1, 2)), hex(string.pack("<j", 2^53)), string.unpack("<j", string.pack("<j", 3.0)))
for _, n in ipairs({0, 1, -1, 127, -128, 1 << 31, -(1 << 31), 1 << 53, (1 << 53) + 1, math.maxinteger, math.mininteger}) do
  local ok = string.unpack("<j", string.pack("<j", n)) == n and string.unpack(">j", string.pack(">j", n)) == n
  local u = string.unpack("<J", string.pack("<J", n)) == n
  io.write(tostring(ok and u), " ")
end print()
E(string.pack, "j", 1.5) E(string.pack, "j", 2^63) E(string.unpack, "j", "short")
