-- math library with 64-bit integers
local function E(f, ...) local ok, e = pcall(f, ...) print(ok, (tostring(e):gsub("^[^:]*:%d+: ", ""))) end
local max, min = math.maxinteger, math.mininteger
print(math.maxinteger, math.mininteger, math.type(max), math.type(min))
print(math.abs(min), math.abs(-5), math.abs(-(1 << 60)), math.abs(max), math.type(math.abs(-3)), math.abs(-9007199254740993))
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(min, -1), math.fmod(min, 1), math.fmod(max, 2), math.fmod(-6, 3))
print(math.fmod(-(1 << 60), 7), math.fmod(1 << 60, -7), math.fmod(min, 10), math.fmod(min, max), math.type(math.fmod(5, 2)))
E(math.fmod, 1, 0) E(math.fmod, min, 0)
print(math.ult(1, -1), math.ult(-1, 1), math.ult(1 << 62, 1 << 61), math.ult(min, max), math.ult(max, min), math.ult(-2, -1), math.ult(0, 0))
print(math.type(1 << 62), math.type(2^62), math.type("1"), math.type(nil))
print(math.random(1 << 62, (1 << 62) + 10) >= 1 << 62, math.random(5, 5), math.random(min, min), math.random(max, max), math.type(math.random(10)))
E(math.random, min, max) print(pcall(math.random, 0, max) == true) E(math.random, 2, 1) E(math.random, -1, max)
for i = 1, 20 do local v = math.random(-(1 << 61), 1 << 61) assert(v >= -(1 << 61) and v <= 1 << 61 and math.type(v) == "integer") end
for i = 1, 20 do local v = math.random(max - 5, max) assert(v >= max - 5) end
print(math.max(3, 1 << 60, -(1 << 62)), math.min(3, 1 << 60, -(1 << 62)), math.max(max, 2^63) == 2^63)
print(math.tointeger(max), math.tointeger(min), math.floor(max), math.ceil(min), math.floor(-2^62 - 0.0))
print(select(2, math.modf(5)), math.type(math.modf(1 << 60)), math.modf(1 << 60) == 1 << 60)
