-- bitwise operators on 64 bits
local function E(f, ...) local ok, e = pcall(f, ...) print(ok, (tostring(e):gsub("^[^:]*:%d+: ", ""))) end
local max, min = math.maxinteger, math.mininteger
print(1 << 63 == min, 1 << 64, 1 << 62, 1 << 32, 1 << 31, 1 << -1, 2 << -1, 1 << 100, 1 << -100)
print(-1 >> 1 == max, -1 >> 1, -1 >> 63, -1 >> 64, min >> 63, 8 >> 1, 8 >> -1, 1 >> 0, -1 >> 0)
print(~0, ~max, ~min, ~(1 << 53), ~-(1 << 53), ~9007199254740991, ~-9007199254740992)
print(0xff & 0x0f, 0xf0 | 0x0f, 0xff ~ 0x0f, -1 & max, min | 1, max ~ min, -1 ~ 0)
print(0xFFFFFFFF & 0xFFFF0000, 0xFFFFFFFF | (1 << 40), 0x123456789 ~ 0xFFFFFFFFF, (1 << 53) & ((1 << 53) + 1))
print((1 << 60) | (1 << 3), (-(1 << 60)) & 0xFFFF, (-(1 << 60)) >> 4, (-(1 << 60)) << 4, 0x7FFFFFFFFFFFFFFF << 1)
print(3.0 | 0, 2^53 | 0, 2^62 | 0, -2^63 | 0, "3" | 0, "0x10" & 0xff, 1 << 63.0)
E(function() return 1.5 | 0 end) E(function() return 2^63 | 0 end) E(function() return "1.5" | 0 end) E(function() return {} | 0 end)
E(function() return 1 << 0.5 end) E(function() return -2^63 - 2^11 | 0 end)
local h = 0xcbf29ce484222325 for i = 1, 10 do h = h ~ i h = h * 0x100000001b3 end print(h, h >> 32, h & 0xffffffff)
local x = 0x9E3779B97F4A7C15 print(x, x >> 33, (x ~ (x >> 30)) * 0xBF58476D1CE4E5B9)
local r = 1 for i = 1, 64 do r = (r << 1) | (r >> 63) end print(r)
local c = 0 local v = -1 while v ~= 0 do v = v & (v - 1) c = c + 1 end print(c)
for i = 0, 65, 13 do io.write((1 << i) >> i, " ", -1 >> i, " ", -1 << i, ";") end print()
