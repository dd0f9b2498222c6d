-- string.format integer conversions with 64-bit values
local function E(f, ...) local ok, e = pcall(f, ...) print(ok, (tostring(e):gsub("^[^:]*:%d+: ", ""))) end
local max, min = math.maxinteger, math.mininteger
print(string.format("%d %x %X %o %i", min, -1, max, 8, 1 << 62))
print(string.format("[%5d] [%-5d] [%05d] [%+d] [% d] [%.3d] [%.0d] [%#x] [%#o] [%5.2x]", 42, 42, 42, 42, 42, 7, 0, 255, 8, 10))
print(string.format("[%20d] [%-20d] [%020d] [%+d] [% d] [%.20d]", min, max, min, max, max, -1))
print(string.format("[%x] [%X] [%#X] [%o] [%#o] [%.0x] [%#.3o]", min, max, 1 << 60, min, max, 0, 8))
print(string.format("%5x|%-8X|%08x|%#10x|%-#10o|", 255, 3054, 1 << 31, -1 >> 36, 511))
print(string.format("%c%c%c|%3c|%-3c|", 76, 117, 97, 65, 66), #string.format("%c", 200), string.format("%c", 256 + 65))
print(string.format("%q", min), string.format("%q", 1 << 60), string.format("%q", max), string.format("%q", -5))
print(string.format("%u %u", -1, max), string.format("%i|%5i|%-5i|", -(1 << 53), 7, 7))
print(string.format("%d", 2^53), string.format("%x", 2^53), string.format("%d", -2^63), string.format("%x %X", 255.0, -2^62))
E(string.format, "%d", 2^63) E(string.format, "%d", "x") E(string.format, "%x", 1.5) E(string.format, "%d")
print(string.format("%d items, %x hex, %s str", 1 << 61, 1 << 61, 1 << 61))
print(string.format("%3d|%-3d|%03d", 1 << 40, 1 << 40, -(1 << 40)))
