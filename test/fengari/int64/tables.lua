-- integer keys, float keys with integer values normalised
local t = {}
t[2^53] = "a" print(t[1 << 53], math.type(next(t)))
t[1 << 60] = "b" print(t[2^60], t[2.0^60], t[(1 << 60) + 1])
t[3.0] = "c" print(t[3], math.type(next({[3.0] = 1})))
for k, v in pairs({[2^40] = 1}) do print(k, math.type(k)) end
for k, v in pairs({[2^60] = 1}) do print(k, math.type(k)) end
t[-0.0] = "z" print(t[0])
local u = {} u[math.maxinteger] = 1 u[math.mininteger] = 2 u[math.maxinteger + 0.0] = 3
print(u[math.maxinteger], u[math.mininteger], u[2^63], u[-2^63])
local w = {} for i = 1, 5 do w[(1 << 62) + i] = i end
local sum = 0 for k, v in pairs(w) do sum = sum + v assert(w[k] == v) end print(sum, w[(1 << 62) + 3], w[2^62 + 4])
local seq = {} for i = 1, 10 do seq[i * 1.0] = i end print(#seq, seq[10], math.type(next(seq)))
print(rawget({[1 << 55] = "x"}, 2^55), rawget({[2^55] = "y"}, 1 << 55))
local r = {} rawset(r, 2^58, "v") print(r[1 << 58], math.type(next(r)))
print(#{1, 2, 3}, rawlen({1, 2}), select("#", table.unpack({1, 2, 3}, 1, 3)))
local m = table.move({1, 2, 3}, 1, 3, 2) print(m[1], m[2], m[3], m[4])
local z = table.move({10, 20}, 1, 2, (1 << 62), {}) print(z[1 << 62], z[(1 << 62) + 1])
print(next({}, nil), ipairs({}) ~= nil)
for i, v in ipairs({1, 2, 3}) do io.write(i, ":", v, " ") end print()
print(table.concat({1 << 60, -(1 << 60), 3}, ","), table.concat({1, 2, 3}, ",", 2, 3))
local big = setmetatable({}, {__index = function(_, k) return math.type(k) .. ":" .. tostring(k) end})
print(big[1 << 61], (big[2^61]:gsub(":.*", "")), (big[2^61 + 0.5 * 2^10]:gsub(":.*", "")))
