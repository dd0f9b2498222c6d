-- @@ load-string
local f = load("return 1 + 1") print(f())
print(load("syntax error here"))
-- @@ load-name
print(type(load("error('x')", "=mychunk")))
print(pcall(load("error('x')", "=mychunk")))
print(pcall(load("error('x')", "@file.lua")))
print(pcall(load("error('x')", "some code")))
-- @@ load-function-reader
local parts = {"return ", "1 ", "+ 41"}
local i = 0
local f = load(function() i = i + 1 return parts[i] end)
print(f())
-- @@ load-env
local env = {x = 5}
local f = load("return x", "chunk", "t", env)
print(f())
local g = load("y = 1", "c", "t", env) g() print(env.y, y)
-- @@ load-mode-b-refuses-text
print(load("return 1", "chunk", "b"))
-- @@ load-mode-t-refuses-binary
print(load("\27Lua", "chunk", "t"))
-- @@ load-mode-invalid
print(pcall(load, "return 1", "chunk", "x"))
-- @@ load-syntax-messages
print(load("x = "))
print(load("for"))
print(load("x = 1 +* 2"))
print(load("local 1"))
print(load("return \"unfinished"))
print(load("x = [[unfinished"))
print(load("goto nowhere"))
print(load("break"))
-- @@ load-varargs
local f = load("return ...")
print(f(1, 2, 3))
-- @@ load-upvalue-env
x = "global"
local f = load("return x")
print(f())
-- @@ load-number-escape-errors
print(load("return \"\\300\""))
print(load("return \"\\xZZ\""))
print(load("return \"\\u{110000000}\""))
-- @@ load-long-chunkname
print(load("error('e')", ("x"):rep(100)) and pcall(load("error('e')", ("x"):rep(100))))
-- @@ load-shebang
print(load("#!/bin/lua\nreturn 1"))
-- @@ dofile-absent
print(loadstring, unpack, setfenv, module, table.getn)
-- @@ select-negative
print(select(-2, "a", "b", "c"))
print(pcall(select, -5, 1))
-- @@ version
print(_VERSION)
-- @@ integer-literals-syntax
print(load("return 0x"), load("return 1e"), load("return 3..2"))
-- @@ math-constants
print(math.pi, -math.pi, math.huge, -math.huge)
-- @@ bitwise-32
print(5 & 3, 5 | 3, 5 ~ 3, ~5, 1 << 4, 256 >> 4, -1 >> 28 == 0xF or -1 >> 60 == 0xF, 3.0 & 1)
-- @@ bitwise-64
print(-1 >> 1, 1 << 31, 1 << 40, ~0 >> 32)
-- @@ integer-wrap
print(math.maxinteger + 1 == math.mininteger, math.mininteger - 1 == math.maxinteger, math.maxinteger * 2)
