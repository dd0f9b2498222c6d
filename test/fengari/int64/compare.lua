-- comparisons: integer vs float exact, as luaV_lessthan / LTnum / LEnum
local max, min = math.maxinteger, math.mininteger
print(2^53 == 2^53 + 1, (1 << 53) == (1 << 53) + 1, (1 << 53) + 1 == 2^53, (1 << 53) == 2^53)
print((1 << 53) + 1 > 2^53, (1 << 53) + 1 >= 2^53, (1 << 53) + 1 < 2^53 + 2, -((1 << 53) + 1) < -2^53)
print(max < 2^63, max <= 2^63, max == 2^63, max + 0.0 == 2^63, max >= 2^63, max > 2^63 - 1024)
print(min == -2^63, min < -2^63, min <= -2^63, min > -2^63 - 2048, -2^63 == min)
print(1 < 1.5, 1 <= 1.0, 2 > 1.5, 1 == 1.0, -0.0 == 0, 0.0 == -0)
print(max < math.huge, min > -math.huge, max < 0/0, max > 0/0, max == 0/0, 0/0 ~= 0/0)
print((1 << 62) < (1 << 62) + 1, (1 << 62) + 1 > 2^62, 2^62 < (1 << 62) + 1, 2^62 <= (1 << 62), 2^62 >= (1 << 62))
print(9007199254740993 < 9007199254740992.0, 9007199254740993 > 9007199254740992.0, 9007199254740993 <= 9007199254740994.0)
print(math.max(1 << 62, 2^62, (1 << 62) + 1), math.min(min, -2^63) == min, math.type(math.min(min, -2^63)))
print(rawequal(2^53, 1 << 53), rawequal((1 << 60) + 0.0, 1 << 60), rawequal(max, max + 0.0))
local t = {} for i = 1, 10 do t[i] = (i % 2 == 0) and (1 << (50 + i)) or -(1 << (50 + i)) end
table.sort(t) for i = 1, 10 do io.write(t[i], " ") end print()
table.sort(t, function(a, b) return a > b end) for i = 1, 10 do io.write(t[i], " ") end print()
