-- conversions between integers and floats
local function E(f, ...) local ok, e = pcall(f, ...) print(ok, (tostring(e):gsub("^[^:]*:%d+: ", ""))) end
local max, min = math.maxinteger, math.mininteger
print(math.tointeger(2^63), math.tointeger(-2^63), math.tointeger(2^53), math.tointeger(2^62 + 2^10), math.tointeger(3.5), math.tointeger("8"), math.tointeger(2^63 - 1024))
print(math.floor(2^62), math.floor(-2^63), math.ceil(2^62 + 0.0), math.floor(3.7), math.ceil(-3.7), math.floor(-0.0), math.type(math.floor(2^63)), math.type(math.floor(1e100)))
print(math.type(max + 0.0), (max + 0.0) == 2^63, math.type(9007199254740993 + 0.0), 9007199254740993 + 0.0 == 2^53)
print(string.format("%d", 3.0), string.format("%d", 2^62), string.format("%d", -2^63), string.format("%d", 1e15))
E(string.format, "%d", 3.5) E(string.format, "%d", 2^63) E(string.format, "%x", 1e100)
print(math.type(1e15), math.type(1 // 1), math.type(2^31), 2^31 | 0, math.type(2^31 | 0))
for _, v in ipairs({2^53, 2^53 + 2, 2^60, 2^62 * 1.5, -2^62 * 1.75, 123456789012.0}) do io.write(math.tointeger(v), " ") end print()
local t = {} for i = 1, 5 do t[#t + 1] = math.tointeger(2.0 ^ (58 + i)) end print(table.unpack(t))
print(tonumber("9223372036854775807"), tonumber("-9223372036854775808"), math.type(tonumber("9223372036854775808")), math.type(tonumber("-9223372036854775809")))
print(tonumber("0x7fffffffffffffff"), tonumber("0xffffffffffffffff"), tonumber("0x10000000000000000"), tonumber("0x1ffffffffffffffff"), tonumber("-0x1"))
print(tonumber("ffffffffffffffff", 16), tonumber("7fffffffffffffff", 16), tonumber("12z", 10), tonumber("z", 36), tonumber("-ff", 16), tonumber("1e1", 10))
print(tonumber("10000000000000000000000", 10), tonumber("  11  ", 2), tonumber("zzzzzzzzzzzzz", 36), tonumber("-8000000000000000", 16))
print(" 9007199254740993 " + 0 == 2^53, "9007199254740993" * 1 == 2^53, math.type("9007199254740993" * 1), "1e3" // 1)
