-- @@ int-1
for _, v in ipairs{0, 1, -1, 42, -42, 255, 65535, 2147483647, -2147483647, 7.0} do print(string.format("[%d]", v)) end
-- @@ int-2
for _, v in ipairs{0, 1, -1, 42, -42, 255, 65535, 2147483647, -2147483647, 7.0} do print(string.format("[%5d]", v)) end
-- @@ int-3
for _, v in ipairs{0, 1, -1, 42, -42, 255, 65535, 2147483647, -2147483647, 7.0} do print(string.format("[%-5d|]", v)) end
-- @@ int-4
for _, v in ipairs{0, 1, -1, 42, -42, 255, 65535, 2147483647, -2147483647, 7.0} do print(string.format("[%05d]", v)) end
-- @@ int-5
for _, v in ipairs{0, 1, -1, 42, -42, 255, 65535, 2147483647, -2147483647, 7.0} do print(string.format("[%+d]", v)) end
-- @@ int-6
for _, v in ipairs{0, 1, -1, 42, -42, 255, 65535, 2147483647, -2147483647, 7.0} do print(string.format("[% d]", v)) end
-- @@ int-7
for _, v in ipairs{0, 1, -1, 42, -42, 255, 65535, 2147483647, -2147483647, 7.0} do print(string.format("[%.3d]", v)) end
-- @@ int-8
for _, v in ipairs{0, 1, -1, 42, -42, 255, 65535, 2147483647, -2147483647, 7.0} do print(string.format("[%8.3d]", v)) end
-- @@ int-9
for _, v in ipairs{0, 1, -1, 42, -42, 255, 65535, 2147483647, -2147483647, 7.0} do print(string.format("[%-8.3d|]", v)) end
-- @@ int-10
for _, v in ipairs{0, 1, -1, 42, -42, 255, 65535, 2147483647, -2147483647, 7.0} do print(string.format("[%+05d]", v)) end
-- @@ int-11
for _, v in ipairs{0, 1, -1, 42, -42, 255, 65535, 2147483647, -2147483647, 7.0} do print(string.format("[%i]", v)) end
-- @@ int-12
for _, v in ipairs{0, 1, 42, 255, 65535, 2147483647, 7.0} do print(string.format("[%x]", v)) end
-- @@ int-13
for _, v in ipairs{0, 1, 42, 255, 65535, 2147483647, 7.0} do print(string.format("[%X]", v)) end
-- @@ int-14
for _, v in ipairs{0, 1, 42, 255, 65535, 2147483647, 7.0} do print(string.format("[%#x]", v)) end
-- @@ int-15
for _, v in ipairs{0, 1, 42, 255, 65535, 2147483647, 7.0} do print(string.format("[%#X]", v)) end
-- @@ int-16
for _, v in ipairs{0, 1, 42, 255, 65535, 2147483647, 7.0} do print(string.format("[%08x]", v)) end
-- @@ int-17
for _, v in ipairs{0, 1, 42, 255, 65535, 2147483647, 7.0} do print(string.format("[%.4x]", v)) end
-- @@ int-18
for _, v in ipairs{0, 1, 42, 255, 65535, 2147483647, 7.0} do print(string.format("[%#.4x]", v)) end
-- @@ int-19
for _, v in ipairs{0, 1, 42, 255, 65535, 2147483647, 7.0} do print(string.format("[%o]", v)) end
-- @@ int-20
for _, v in ipairs{0, 1, 42, 255, 65535, 2147483647, 7.0} do print(string.format("[%#o]", v)) end
-- @@ int-21
for _, v in ipairs{0, 1, 42, 255, 65535, 2147483647, 7.0} do print(string.format("[%5o]", v)) end
-- @@ int-22
for _, v in ipairs{65, 97, 48, 126} do print(string.format("[%c]", v)) end
-- @@ int-23
for _, v in ipairs{0, 1, 42, 255, 65535, 2147483647, 7.0} do print(string.format("[%u]", v)) end
-- @@ int-24
for _, v in ipairs{0, 1, -1, 42, -42, 255, 65535, 2147483647, -2147483647, 7.0} do print(string.format("[%-+6d|]", v)) end
-- @@ int-25
for _, v in ipairs{0, 1, -1, 42, -42, 255, 65535, 2147483647, -2147483647, 7.0} do print(string.format("[% 05d]", v)) end
-- @@ float-1
for _, v in ipairs{0.0, -0.0, 1.0, -1.5, 3.14159265358979, 255.5, 1e-5, 123456789.125, 1e20, 2.5, 0.5, 1.5, 1/0, -1/0} do print(string.format("[%f]", v)) end
-- @@ float-2
for _, v in ipairs{0.0, -0.0, 1.0, -1.5, 3.14159265358979, 255.5, 1e-5, 123456789.125, 1e20, 2.5, 0.5, 1.5, 1/0, -1/0} do print(string.format("[%.0f]", v)) end
-- @@ float-3
for _, v in ipairs{0.0, -0.0, 1.0, -1.5, 3.14159265358979, 255.5, 1e-5, 123456789.125, 1e20, 2.5, 0.5, 1.5, 1/0, -1/0} do print(string.format("[%.1f]", v)) end
-- @@ float-4
for _, v in ipairs{0.0, -0.0, 1.0, -1.5, 3.14159265358979, 255.5, 1e-5, 123456789.125, 1e20, 2.5, 0.5, 1.5, 1/0, -1/0} do print(string.format("[%.3f]", v)) end
-- @@ float-5
for _, v in ipairs{0.0, -0.0, 1.0, -1.5, 3.14159265358979, 255.5, 1e-5, 123456789.125, 1e20, 2.5, 0.5, 1.5, 1/0, -1/0} do print(string.format("[%10.3f]", v)) end
-- @@ float-6
for _, v in ipairs{0.0, -0.0, 1.0, -1.5, 3.14159265358979, 255.5, 1e-5, 123456789.125, 1e20, 2.5, 0.5, 1.5, 1/0, -1/0} do print(string.format("[%-10.3f|]", v)) end
-- @@ float-7
for _, v in ipairs{0.0, -0.0, 1.0, -1.5, 3.14159265358979, 255.5, 1e-5, 123456789.125, 1e20, 2.5, 0.5, 1.5, 1/0, -1/0} do print(string.format("[%+.2f]", v)) end
-- @@ float-8
for _, v in ipairs{0.0, -0.0, 1.0, -1.5, 3.14159265358979, 255.5, 1e-5, 123456789.125, 1e20, 2.5, 0.5, 1.5, 1/0, -1/0} do print(string.format("[% .2f]", v)) end
-- @@ float-9
for _, v in ipairs{0.0, -0.0, 1.0, -1.5, 3.14159265358979, 255.5, 1e-5, 123456789.125, 1e20, 2.5, 0.5, 1.5, 1/0, -1/0} do print(string.format("[%010.2f]", v)) end
-- @@ float-10
for _, v in ipairs{0.0, -0.0, 1.0, -1.5, 3.14159265358979, 255.5, 1e-5, 123456789.125, 1e20, 2.5, 0.5, 1.5, 1/0, -1/0} do print(string.format("[%#.0f]", v)) end
-- @@ float-11
for _, v in ipairs{0.0, -0.0, 1.0, -1.5, 3.14159265358979, 255.5, 1e-5, 123456789.125, 1e20, 2.5, 0.5, 1.5, 1/0, -1/0} do print(string.format("[%e]", v)) end
-- @@ float-12
for _, v in ipairs{0.0, -0.0, 1.0, -1.5, 3.14159265358979, 255.5, 1e-5, 123456789.125, 1e20, 2.5, 0.5, 1.5, 1/0, -1/0} do print(string.format("[%.0e]", v)) end
-- @@ float-13
for _, v in ipairs{0.0, -0.0, 1.0, -1.5, 3.14159265358979, 255.5, 1e-5, 123456789.125, 1e20, 2.5, 0.5, 1.5, 1/0, -1/0} do print(string.format("[%.3e]", v)) end
-- @@ float-14
for _, v in ipairs{0.0, -0.0, 1.0, -1.5, 3.14159265358979, 255.5, 1e-5, 123456789.125, 1e20, 2.5, 0.5, 1.5, 1/0, -1/0} do print(string.format("[%E]", v)) end
-- @@ float-15
for _, v in ipairs{0.0, -0.0, 1.0, -1.5, 3.14159265358979, 255.5, 1e-5, 123456789.125, 1e20, 2.5, 0.5, 1.5, 1/0, -1/0} do print(string.format("[%12.4e]", v)) end
-- @@ float-16
for _, v in ipairs{0.0, -0.0, 1.0, -1.5, 3.14159265358979, 255.5, 1e-5, 123456789.125, 1e20, 2.5, 0.5, 1.5, 1/0, -1/0} do print(string.format("[%#.0e]", v)) end
-- @@ float-17
for _, v in ipairs{0.0, -0.0, 1.0, -1.5, 3.14159265358979, 255.5, 1e-5, 123456789.125, 1e20, 2.5, 0.5, 1.5, 1/0, -1/0} do print(string.format("[%g]", v)) end
-- @@ float-18
for _, v in ipairs{0.0, -0.0, 1.0, -1.5, 3.14159265358979, 255.5, 1e-5, 123456789.125, 1e20, 2.5, 0.5, 1.5, 1/0, -1/0} do print(string.format("[%.3g]", v)) end
-- @@ float-19
for _, v in ipairs{0.0, -0.0, 1.0, -1.5, 3.14159265358979, 255.5, 1e-5, 123456789.125, 1e20, 2.5, 0.5, 1.5, 1/0, -1/0} do print(string.format("[%10g]", v)) end
-- @@ float-20
for _, v in ipairs{0.0, -0.0, 1.0, -1.5, 3.14159265358979, 255.5, 1e-5, 123456789.125, 1e20, 2.5, 0.5, 1.5, 1/0, -1/0} do print(string.format("[%-10g|]", v)) end
-- @@ float-21
for _, v in ipairs{0.0, -0.0, 1.0, -1.5, 3.14159265358979, 255.5, 1e-5, 123456789.125, 1e20, 2.5, 0.5, 1.5, 1/0, -1/0} do print(string.format("[%#g]", v)) end
-- @@ float-22
for _, v in ipairs{0.0, -0.0, 1.0, -1.5, 3.14159265358979, 255.5, 1e-5, 123456789.125, 1e20, 2.5, 0.5, 1.5, 1/0, -1/0} do print(string.format("[%#.3g]", v)) end
-- @@ float-23
for _, v in ipairs{0.0, -0.0, 1.0, -1.5, 3.14159265358979, 255.5, 1e-5, 123456789.125, 1e20, 2.5, 0.5, 1.5, 1/0, -1/0} do print(string.format("[%G]", v)) end
-- @@ float-24
for _, v in ipairs{0.0, -0.0, 1.0, -1.5, 3.14159265358979, 255.5, 1e-5, 123456789.125, 1e20, 2.5, 0.5, 1.5, 1/0, -1/0} do print(string.format("[%.0g]", v)) end
-- @@ float-25
for _, v in ipairs{0.0, -0.0, 1.0, -1.5, 3.14159265358979, 255.5, 1e-5, 123456789.125, 1e20, 2.5, 0.5, 1.5, 1/0, -1/0} do print(string.format("[%.10g]", v)) end
-- @@ float-26
for _, v in ipairs{0.0, -0.0, 1.0, -1.5, 3.14159265358979, 255.5, 1e-5, 123456789.125, 1e20, 2.5, 0.5, 1.5, 1/0, -1/0} do print(string.format("[%.17g]", v)) end
-- @@ float-27
for _, v in ipairs{0.0, -0.0, 1.0, -1.5, 3.14159265358979, 255.5, 1e-5, 123456789.125, 1e20, 2.5, 0.5, 1.5, 1/0, -1/0} do print(string.format("[%a]", v)) end
-- @@ float-28
for _, v in ipairs{0.0, -0.0, 1.0, -1.5, 3.14159265358979, 255.5, 1e-5, 123456789.125, 1e20, 2.5, 0.5, 1.5, 1/0, -1/0} do print(string.format("[%A]", v)) end
-- @@ float-29
for _, v in ipairs{0.0, -0.0, 1.0, -1.5, 3.14159265358979, 255.5, 1e-5, 123456789.125, 1e20, 2.5, 0.5, 1.5, 1/0, -1/0} do print(string.format("[%.3a]", v)) end
-- @@ float-30
for _, v in ipairs{0.0, -0.0, 1.0, -1.5, 3.14159265358979, 255.5, 1e-5, 123456789.125, 1e20, 2.5, 0.5, 1.5, 1/0, -1/0} do print(string.format("[%+g]", v)) end
-- @@ float-31
for _, v in ipairs{0.0, -0.0, 1.0, -1.5, 3.14159265358979, 255.5, 1e-5, 123456789.125, 1e20, 2.5, 0.5, 1.5, 1/0, -1/0} do print(string.format("[%.20f]", v)) end
-- @@ float-32
for _, v in ipairs{0.0, -0.0, 1.0, -1.5, 3.14159265358979, 255.5, 1e-5, 123456789.125, 1e20, 2.5, 0.5, 1.5, 1/0, -1/0} do print(string.format("[%F]", v)) end
-- @@ float-33
for _, v in ipairs{0.0, -0.0, 1.0, -1.5, 3.14159265358979, 255.5, 1e-5, 123456789.125, 1e20, 2.5, 0.5, 1.5, 1/0, -1/0} do print(string.format("[% e]", v)) end
-- @@ float-34
for _, v in ipairs{0.0, -0.0, 1.0, -1.5, 3.14159265358979, 255.5, 1e-5, 123456789.125, 1e20, 2.5, 0.5, 1.5, 1/0, -1/0} do print(string.format("[%+E]", v)) end
-- @@ float-35
for _, v in ipairs{0.0, -0.0, 1.0, -1.5, 3.14159265358979, 255.5, 1e-5, 123456789.125, 1e20, 2.5, 0.5, 1.5, 1/0, -1/0} do print(string.format("[%08.3g]", v)) end
-- @@ float-36
for _, v in ipairs{0.0, -0.0, 1.0, -1.5, 3.14159265358979, 255.5, 1e-5, 123456789.125, 1e20, 2.5, 0.5, 1.5, 1/0, -1/0} do print(string.format("[%.1g]", v)) end
-- @@ float-nan
print(string.format("%f %e %g %a %5.1f %-6g| %+f", 0/0, 0/0, -(0/0), 0/0, 0/0, -(0/0), -(0/0)))
-- @@ float-inf
print(string.format("%f %e %g %a %8.1f %-6g| %+f %08f %F %E %G %A", 1/0, -1/0, 1/0, -1/0, 1/0, 1/0, 1/0, 1/0, 1/0, -1/0, 1/0, -1/0))
-- @@ round-half-even
for _, v in ipairs{0.5, 1.5, 2.5, 3.5, -0.5, -2.5, 0.125, 0.375, 2.675, 1.005, 1e15 + 0.5} do print(string.format("%.0f %.2f %.1e", v, v, v)) end
-- @@ g-boundaries
for _, v in ipairs{1e-4, 1e-5, 9.9999e-5, 123456, 1234567, 1e6, 1e15, 1e16, 0.0001234} do print(string.format("%g %.3g %#g", v, v, v)) end
-- @@ a-values
for _, v in ipairs{1, 2, 0.5, 0.1, -3.75, 1e-310, 2^-1074, 1.7976931348623157e308, 0} do print(string.format("%a %.2a %.0a %#a", v, v, v, v)) end
-- @@ strings
print(string.format("[%s] [%10s] [%-10s] [%.2s] [%5.1s] [%s]", "hello", "hi", "hi", "hello", "abc", 42))
print(string.format("%s %s %s %s", nil, true, 1.5, {} ~= nil))
-- @@ s-tostring-meta
local t = setmetatable({}, {__tostring = function() return "OBJ" end})
print(string.format("%s|%5s|%-5s|", t, t, t))
-- @@ percent
print(string.format("100%% %d%%", 5), string.format("%%"))
-- @@ q-strings
print(string.format("%q", "hello \"world\"\n\\ \0 \1 \0012 \r \t \127 \200 \255"))
-- @@ q-numbers
print(string.format("%q %q %q %q %q %q", 1, -1, 0, 2147483647, 7.0, 0.1))
print(string.format("%q %q %q", 1/0, -1/0, 0/0))
-- @@ q-other
print(string.format("%q %q %q", true, false, nil))
print(pcall(string.format, "%q", {}))
-- @@ q-minint
print(string.format("%q", math.mininteger))
-- @@ errors-missing
print(pcall(string.format, "%d"))
print(pcall(string.format, "%d %d", 1))
-- @@ errors-type
print(pcall(string.format, "%d", "x"))
print(pcall(string.format, "%d", 1.5))
print(pcall(string.format, "%f", "x"))
print(pcall(string.format, "%s"))
-- @@ errors-invalid
print(pcall(string.format, "%y", 1))
print(pcall(string.format, "%10.123f", 1))
print(pcall(string.format, "%123d", 1))
print(pcall(string.format, "%-+ #0-+ #0d", 1))
-- @@ string-coercion
print(string.format("%d %x %f %s", "10", "255", "1.5", 10), string.format("%5.1f", "3"))
-- @@ method-call
print(("%d-%s"):format(5, "x"), ("%5.2f"):format(math.pi))
-- @@ many-args
print(string.format("%d %d %d %d %d %d %d %d %d %d", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
-- @@ d-of-float-int
print(string.format("%d %i %x", 3.0, -2.0, 255.0))
-- @@ s-embedded-zero
local s = string.format("%s|%q", "a\0b", "a\0b")
print(#s, (s:gsub("%z", "<0>")))
-- @@ c-zero
local s = string.format("%c%c%c", 0, 255, 10)
print(#s, s:byte(1, -1))
-- @@ d-64
print(string.format("%d %x %X %o", math.maxinteger, -1, math.mininteger, -1))
-- @@ width-star-invalid
print(pcall(string.format, "%*d", 5, 1))
-- @@ long-precision-f
print(string.format("%.99f", 1/3))
print(#string.format("%99.99f", -1e308))
-- @@ precision-g-large
print(string.format("%.30g", 0.1), string.format("%.25e", 1/3))
-- @@ x-negative
print(string.format("%x %X %o", -1, -255, -8))
-- @@ exponent-near-power-of-ten
for _, v in ipairs{1e-7, 1e-5, 1e22, 1e23, 9.999999999999999e22, 0.001, 1e300} do print(string.format("%.17g|%#.17g|%.0e|%.3e|%.20f", v, v, v, v, v < 1 and v or 0)) end
