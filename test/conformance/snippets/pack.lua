-- @@ pack-basic
local s = string.pack("i4", 100) print(#s, s:byte(1, -1))
print(string.unpack("i4", s))
-- @@ pack-endian
print(string.pack(">i2", 258):byte(1, -1)) print(string.pack("<i2", 258):byte(1, -1)) print(string.pack("=i2", 1):byte(1, -1))
-- @@ pack-sizes
for _, f in ipairs{"b", "B", "h", "H", "i", "I", "l", "L", "f", "d", "n", "T", "i1", "i3", "i7", "s1", "s2"} do print(f, string.packsize(f)) end
-- @@ pack-unsigned
print(string.unpack("B", "\255"), string.unpack("b", "\255"), string.unpack("<H", "\255\255"), string.unpack("<h", "\255\255"))
-- @@ pack-float
print(string.unpack("<d", string.pack("<d", 3.14)), string.unpack("<f", string.pack("<f", 0.5)), #string.pack("d", 1), string.pack(">d", 1):byte(1, -1))
-- @@ pack-strings
local s = string.pack("s1", "hello") print(#s, s:byte(1))
print(string.unpack("s1", s))
print(string.unpack("z", "abc\0def"))
print(string.pack("c5", "ab"):byte(1, -1))
-- @@ pack-multiple
local s = string.pack("<i2 i2 z B", 1, 2, "hi", 3)
print(#s, string.unpack("<i2 i2 z B", s))
-- @@ pack-alignment
print(#string.pack("!4 i1 i4", 1, 2), #string.pack("i1 i4", 1, 2), #string.pack("!8 i1 d", 1, 2), string.packsize("!4 i1 Xi4 i2"))
-- @@ pack-overflow
print(pcall(string.pack, "i1", 128))
print(pcall(string.pack, "i1", -129))
print(pcall(string.pack, "B", 256))
print(#string.pack("i1", -128))
-- @@ pack-errors
print(pcall(string.pack, "i17", 1))
print(pcall(string.pack, "y", 1))
print(pcall(string.unpack, "i4", "ab"))
print(pcall(string.pack, "c", "x"))
print(pcall(string.pack, "z", "a\0b"))
-- @@ unpack-position
local s = string.pack("i2 i2", 7, 8)
print(string.unpack("i2", s, 3), string.unpack("i2", s, -2))
print(pcall(string.unpack, "i2", s, 10))
-- @@ pack-i8
print(string.pack("<i8", 1):byte(1, -1))
print(string.unpack("<i8", string.pack("<i8", -2)))
-- @@ pack-j
print(#string.pack("j", 1), string.packsize("j"), string.packsize("J"))
-- @@ unpack-I4-max
print(string.unpack("<I4", "\255\255\255\255"), string.unpack("<i4", "\255\255\255\255"))
-- @@ pack-i8-big
print(string.unpack("<i8", "\255\255\255\255\255\255\255\127"))
-- @@ pack-space-and-options
print(string.unpack(" < i2 > i2 ", "\1\0\0\1"))
-- @@ pack-X
print(string.packsize("i1 X i4"), pcall(string.packsize, "X"))
-- @@ pack-s-big
local s = string.pack("s4", ("x"):rep(300)) print(#s, string.unpack("<I4", s))
-- @@ pack-number-coercion
print(string.unpack("i4", string.pack("i4", "12")), pcall(string.pack, "i4", 1.5))
-- @@ pack-n
print(string.unpack("n", string.pack("n", -0.25)), string.unpack("f", string.pack("f", 1/3)))
-- @@ unpack-z-unterminated
print(string.unpack("z", "abc"), string.unpack("z", "ab\0cd", 4), string.unpack("z", "\0"), string.unpack("zB", "hi\0\7"))
-- @@ pack-I4-negative
print(pcall(string.pack, "<I4", -1))
