-- @@ tostring-1
print(1e15)
print(tostring(1e15), (1e15) .. "", type(1e15), math.type(1e15))
-- @@ tostring-2
print(1e-7)
print(tostring(1e-7), (1e-7) .. "", type(1e-7), math.type(1e-7))
-- @@ tostring-3
print(1e14)
print(tostring(1e14), (1e14) .. "", type(1e14), math.type(1e14))
-- @@ tostring-4
print(1e16)
print(tostring(1e16), (1e16) .. "", type(1e16), math.type(1e16))
-- @@ tostring-5
print(-1e15)
print(tostring(-1e15), (-1e15) .. "", type(-1e15), math.type(-1e15))
-- @@ tostring-6
print(2^53)
print(tostring(2^53), (2^53) .. "", type(2^53), math.type(2^53))
-- @@ tostring-7
print(2^63)
print(tostring(2^63), (2^63) .. "", type(2^63), math.type(2^63))
-- @@ tostring-8
print(-2^63)
print(tostring(-2^63), (-2^63) .. "", type(-2^63), math.type(-2^63))
-- @@ tostring-9
print(0.1)
print(tostring(0.1), (0.1) .. "", type(0.1), math.type(0.1))
-- @@ tostring-10
print(1/3)
print(tostring(1/3), (1/3) .. "", type(1/3), math.type(1/3))
-- @@ tostring-11
print(-1/3)
print(tostring(-1/3), (-1/3) .. "", type(-1/3), math.type(-1/3))
-- @@ tostring-12
print(100/2)
print(tostring(100/2), (100/2) .. "", type(100/2), math.type(100/2))
-- @@ tostring-13
print(3.0)
print(tostring(3.0), (3.0) .. "", type(3.0), math.type(3.0))
-- @@ tostring-14
print(-0.0)
print(tostring(-0.0), (-0.0) .. "", type(-0.0), math.type(-0.0))
-- @@ tostring-15
print(0.0)
print(tostring(0.0), (0.0) .. "", type(0.0), math.type(0.0))
-- @@ tostring-16
print(1/0)
print(tostring(1/0), (1/0) .. "", type(1/0), math.type(1/0))
-- @@ tostring-17
print(-1/0)
print(tostring(-1/0), (-1/0) .. "", type(-1/0), math.type(-1/0))
-- @@ tostring-18
print(0/0)
print(tostring(0/0), (0/0) .. "", type(0/0), math.type(0/0))
-- @@ tostring-19
print(-(0/0))
print(tostring(-(0/0)), (-(0/0)) .. "", type(-(0/0)), math.type(-(0/0)))
-- @@ tostring-20
print(math.huge)
print(tostring(math.huge), (math.huge) .. "", type(math.huge), math.type(math.huge))
-- @@ tostring-21
print(-math.huge)
print(tostring(-math.huge), (-math.huge) .. "", type(-math.huge), math.type(-math.huge))
-- @@ tostring-22
print(math.pi)
print(tostring(math.pi), (math.pi) .. "", type(math.pi), math.type(math.pi))
-- @@ tostring-23
print(-math.pi)
print(tostring(-math.pi), (-math.pi) .. "", type(-math.pi), math.type(-math.pi))
-- @@ tostring-24
print(1e100)
print(tostring(1e100), (1e100) .. "", type(1e100), math.type(1e100))
-- @@ tostring-25
print(1e-100)
print(tostring(1e-100), (1e-100) .. "", type(1e-100), math.type(1e-100))
-- @@ tostring-26
print(5e-324)
print(tostring(5e-324), (5e-324) .. "", type(5e-324), math.type(5e-324))
-- @@ tostring-27
print(1.7976931348623157e308)
print(tostring(1.7976931348623157e308), (1.7976931348623157e308) .. "", type(1.7976931348623157e308), math.type(1.7976931348623157e308))
-- @@ tostring-28
print(123456789012345.0)
print(tostring(123456789012345.0), (123456789012345.0) .. "", type(123456789012345.0), math.type(123456789012345.0))
-- @@ tostring-29
print(12345678901234.5)
print(tostring(12345678901234.5), (12345678901234.5) .. "", type(12345678901234.5), math.type(12345678901234.5))
-- @@ tostring-30
print(12345678901235.5)
print(tostring(12345678901235.5), (12345678901235.5) .. "", type(12345678901235.5), math.type(12345678901235.5))
-- @@ tostring-31
print(0.5)
print(tostring(0.5), (0.5) .. "", type(0.5), math.type(0.5))
-- @@ tostring-32
print(2.5)
print(tostring(2.5), (2.5) .. "", type(2.5), math.type(2.5))
-- @@ tostring-33
print(1e-5)
print(tostring(1e-5), (1e-5) .. "", type(1e-5), math.type(1e-5))
-- @@ tostring-34
print(0.0001)
print(tostring(0.0001), (0.0001) .. "", type(0.0001), math.type(0.0001))
-- @@ tostring-35
print(0.00001)
print(tostring(0.00001), (0.00001) .. "", type(0.00001), math.type(0.00001))
-- @@ tostring-36
print(123.456)
print(tostring(123.456), (123.456) .. "", type(123.456), math.type(123.456))
-- @@ tostring-37
print(99999999999999.99)
print(tostring(99999999999999.99), (99999999999999.99) .. "", type(99999999999999.99), math.type(99999999999999.99))
-- @@ tostring-38
print(1e300*1e10)
print(tostring(1e300*1e10), (1e300*1e10) .. "", type(1e300*1e10), math.type(1e300*1e10))
-- @@ tostring-39
print(2^24)
print(tostring(2^24), (2^24) .. "", type(2^24), math.type(2^24))
-- @@ tostring-40
print(2^31)
print(tostring(2^31), (2^31) .. "", type(2^31), math.type(2^31))
-- @@ tostring-41
print(2^-1074)
print(tostring(2^-1074), (2^-1074) .. "", type(2^-1074), math.type(2^-1074))
-- @@ tostring-42
print(3.14159265358979)
print(tostring(3.14159265358979), (3.14159265358979) .. "", type(3.14159265358979), math.type(3.14159265358979))
-- @@ tostring-43
print(1.5e300)
print(tostring(1.5e300), (1.5e300) .. "", type(1.5e300), math.type(1.5e300))
-- @@ tostring-44
print(7.0e-10)
print(tostring(7.0e-10), (7.0e-10) .. "", type(7.0e-10), math.type(7.0e-10))
-- @@ tostring-45
print(255/256)
print(tostring(255/256), (255/256) .. "", type(255/256), math.type(255/256))
-- @@ tostring-46
print(1e21)
print(tostring(1e21), (1e21) .. "", type(1e21), math.type(1e21))
-- @@ tostring-47
print(2^70)
print(tostring(2^70), (2^70) .. "", type(2^70), math.type(2^70))
-- @@ tostring-48
print(0.1+0.2)
print(tostring(0.1+0.2), (0.1+0.2) .. "", type(0.1+0.2), math.type(0.1+0.2))
-- @@ tostring-49
print(1-1e-16)
print(tostring(1-1e-16), (1-1e-16) .. "", type(1-1e-16), math.type(1-1e-16))
-- @@ tostring-50
print(100000000000000)
print(tostring(100000000000000), (100000000000000) .. "", type(100000000000000), math.type(100000000000000))
-- @@ tostring-51
print(1e14+0.5)
print(tostring(1e14+0.5), (1e14+0.5) .. "", type(1e14+0.5), math.type(1e14+0.5))
-- @@ tostring-52
print(-123.0)
print(tostring(-123.0), (-123.0) .. "", type(-123.0), math.type(-123.0))
-- @@ tostring-53
print(6.02214076e23)
print(tostring(6.02214076e23), (6.02214076e23) .. "", type(6.02214076e23), math.type(6.02214076e23))
-- @@ tostring-54
print(1.602176634e-19)
print(tostring(1.602176634e-19), (1.602176634e-19) .. "", type(1.602176634e-19), math.type(1.602176634e-19))
-- @@ concat-mixed
print(1 .. 2, 1.5 .. "|", 2^63 .. "", -0.0 .. "x", (0/0) .. "", 10 // 3 .. "", 10 / 2 .. "")
-- @@ int-float-results
print(3 // 1, 3.0 // 1, 7 % 3, 7.5 % 2, -7 % 3, -7.5 % 2, 7 % -3, 5.3 % -2, 2^2, 10/5, 3 * 1.0)
-- @@ mod-zero
print(pcall(function() return 1 % 0 end))
print(1 % 0.0, -1 % 0.0, 1 // 0.0, -1 // 0.0, 0/0 ~= 0/0)
-- @@ intdiv-zero
print(pcall(function() return 1 // 0 end))
-- @@ tonumber
print(tonumber("10"), tonumber("10.0"), tonumber("0x10"), tonumber("1e2"), tonumber("  12  "), tonumber("12a"), tonumber(""), tonumber("0x1p4"), tonumber(".5"), tonumber("5."), tonumber("inf"), tonumber("nan"))
-- @@ tonumber-base
print(tonumber("ff", 16), tonumber("zz", 36), tonumber("777", 8), tonumber("101", 2), tonumber("8", 8), tonumber("  1010  ", 2), tonumber("-ff", 16))
-- @@ string-arith
print("10" + 1, "3.5" * 2, "0x10" + 0, 10 .. 20, "2" ^ 2, -"2", "10" // "3")
-- @@ math-floor-ceil
print(math.floor(3.7), math.ceil(3.2), math.floor(-3.7), math.ceil(-3.2), math.floor(2^40), math.type(math.floor(3.7)), math.floor(1e100))
-- @@ math-fns
print(math.abs(-3), math.abs(-3.5), math.max(1, 2.5, -1), math.min(3, 1.0), math.sqrt(16), math.exp(0), math.log(1), math.log(8, 2), math.log(100, 10))
-- @@ math-trig
print(math.sin(0), math.cos(0), string.format("%.10f", math.tan(1)), math.atan(1, 1) * 4 == math.pi, math.asin(1), math.acos(1))
-- @@ math-tointeger
print(math.tointeger(3.0), math.tointeger(3.5), math.tointeger("8"), math.tointeger(2^31 - 1), math.type(1), math.type(1.0), math.type("1"))
-- @@ math-fmod
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(7.5, 2), math.fmod(-7.5, 2))
print(pcall(math.fmod, 1, 0))
-- @@ math-modf
print(math.modf(3.7), math.modf(-3.7), math.modf(5), math.modf(1/0), math.modf(-1/0))
-- @@ math-ult
print(math.ult(1, 2), math.ult(-1, 2), math.ult(2, -1))
-- @@ float-compare
print(1 == 1.0, 1 < 1.5, 2^53 == 2^53 + 1, -0.0 == 0.0, 1/0 > 2^1000, 0/0 == 0/0, 3 <= 3.0, "a" < "b", "Z" < "a", "" < "a")
-- @@ float-keys
local t = {}
t[1.0] = "a"; t[2] = "b"; t[2^53] = "c"
print(t[1], t[2.0], math.type(next(t)), #t)
local u = {[1.0]=1, [2.0]=2}
print(math.type(next(u)), u[1], u[2], #u)
-- @@ numeric-for-float
for i = 1, 2, 0.5 do print(i) end
for i = 1.0, 3 do print(i) end
for i = 3, 1, -1 do print(i) end
-- @@ hex-floats
print(0x10, 0xA.8p0, 0x.1p4, 0x1p-2, 0xffp0, 1e2, 1E2, .5e1)
-- @@ int-overflow-float
print(2^31, 2^31 | 0 == 2^31, 1e308 * 10, -1e308 * 10, 2^1023 * 2)
-- @@ float-to-int-conv
print(pcall(function() return 1.5 | 0 end))
print(3.0 | 0, math.type(3.0 | 0), "7" | 0)
print(pcall(function() return "1.5" | 0 end))
-- @@ string-to-number-coerce
print(10 == "10", "10" + 0 == 10, #tostring(12.0), tostring(1e15):len())
-- @@ tostring-int
print(0, -1, 2147483647, -2147483647, 1000000, 123456789)
-- @@ large-int-literal
print(2147483648, 4294967296, 9007199254740993, math.type(2147483648))
-- @@ maxinteger
print(math.maxinteger, math.mininteger, math.maxinteger + 1 == math.mininteger)
-- @@ int-mul-overflow
print(1000000 * 1000000, 0x7fffffffffffffff, 1 << 32, 1 << 62, 1 << 63, 1 << 64)
-- @@ int-div-big
print(2^53 // 1, 9007199254740992 // 3, math.tointeger(2^53))
-- @@ random-range
math.randomseed(42)
local ok = true
for i = 1, 1000 do local r = math.random(1, 6) if r < 1 or r > 6 or math.type(r) ~= "integer" then ok = false end end
local f = math.random()
print(ok, f >= 0 and f < 1, pcall(math.random, 2, 1))
-- @@ nan-signs
local n, p = 0/0, -(0/0)
print(n, p, n^2, p^2, 2^n, n + 1, p * 2, -n, math.log(n), math.log(p), math.log(-1), math.log(-1, 2), math.log(-1, 10), math.log(-1, 3), (-7)^0.5, (-8)^(1/3), math.huge - math.huge, math.huge * 0, math.sqrt(-1))
-- @@ bnot-coercions
local f, s = 3.0, "10"
print(~f, ~s, ~"3.0", ~-1.0, pcall(function() return ~1.5 end))
print(pcall(function() return ~"x" end))
-- @@ c99-pow-and-fmod
print(7.0 % 0, 1 ^ (1/0), (-1) ^ (1/0), 1 ^ (0/0), (0/0) ^ 0, math.fmod(7, 0.0), math.fmod(1/0, 2), 5.5 % (1/0), -5.5 % (1/0), 5 % -(0/0), 0 ^ -1, (-0.0) ^ -1, (-8) ^ (1/0))
