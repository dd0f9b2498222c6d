-- SYNTAX TEST "source.lua" "numbers: integers, floats, exponents, hexadecimal, hex floats"
local n = 42 + 3.0 + 3. + .5 + 1e10 + 2.5E-3 + 6e+2
--        ^^ constant.numeric.integer.lua
--             ^^^ constant.numeric.float.lua
--                   ^^ constant.numeric.float.lua
--                        ^^ constant.numeric.float.lua
--                             ^^^^ constant.numeric.float.lua
--                                    ^^^^^^ constant.numeric.float.lua
--                                             ^^^^ constant.numeric.float.lua
local h = 0xff + 0XA0 + 0x7fffffff
--        ^^^^ constant.numeric.integer.hexadecimal.lua
--               ^^^^ constant.numeric.integer.hexadecimal.lua
--                      ^^^^^^^^^^ constant.numeric.integer.hexadecimal.lua
local hf = 0x1p4 + 0xA.8p-1 + 0x.1P+2 + 0x1.8
--         ^^^^^ constant.numeric.float.hexadecimal.lua
--                 ^^^^^^^^ constant.numeric.float.hexadecimal.lua
--                            ^^^^^^^ constant.numeric.float.hexadecimal.lua
--                                      ^^^^^ constant.numeric.float.hexadecimal.lua
local v1 = t.x1 + a1
--          ^ punctuation.accessor.lua
--           ^^ variable.other.property.lua - constant
--                ^^ variable.other.lua - constant
local r = 1..2
--        ^^^^ invalid.illegal.number.lua
