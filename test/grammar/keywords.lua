-- SYNTAX TEST "source.lua" "keywords, operators and constants"
local x = nil
-- <----- storage.modifier.local.lua
--    ^ variable.other.lua
--      ^ keyword.operator.assignment.lua
--        ^^^ constant.language.nil.lua
if x and not y or true then
-- <-- keyword.control.conditional.lua
--   ^^^ keyword.operator.logical.lua
--       ^^^ keyword.operator.logical.lua
--             ^^ keyword.operator.logical.lua
--                ^^^^ constant.language.boolean.lua
--                     ^^^^ keyword.control.conditional.lua
elseif x ~= false then else end
-- <------ keyword.control.conditional.lua
--       ^^ keyword.operator.comparison.lua
--          ^^^^^ constant.language.boolean.lua
--                     ^^^^ keyword.control.conditional.lua
--                          ^^^ keyword.control.lua
for i = 1, 10 do break end
-- <--- keyword.control.loop.lua
--            ^^ keyword.control.loop.lua
--               ^^^^^ keyword.control.loop.lua
--                     ^^^ keyword.control.lua
for k, v in pairs(t) do end
--       ^^ keyword.control.loop.lua
--          ^^^^^ support.function.builtin.lua
while x do repeat x = x // 2 until x < 1 end
-- <----- keyword.control.loop.lua
--         ^^^^^^ keyword.control.loop.lua
--                      ^^ keyword.operator.arithmetic.lua
--                           ^^^^^ keyword.control.loop.lua
--                                   ^ keyword.operator.comparison.lua
goto continue
-- <---- keyword.control.goto.lua
--   ^^^^^^^^ entity.name.label.lua
::continue::
-- <-- punctuation.section.label.begin.lua
--^^^^^^^^ entity.name.label.lua
local s = "a" .. #t .. 1 << 2 ~ 3 & 4 | 5 >> 1 + 2 * 3 / 4 % 5 ^ 6 - 7
--            ^^ keyword.operator.concatenation.lua
--               ^ keyword.operator.length.lua
--                       ^^ keyword.operator.bitwise.lua
--                            ^ keyword.operator.bitwise.lua
--                                ^ keyword.operator.bitwise.lua
--                                    ^ keyword.operator.bitwise.lua
--                                        ^^ keyword.operator.bitwise.lua
--                                             ^ keyword.operator.arithmetic.lua
--                                                 ^ keyword.operator.arithmetic.lua
--                                                     ^ keyword.operator.arithmetic.lua
--                                                         ^ keyword.operator.arithmetic.lua
--                                                             ^ keyword.operator.arithmetic.lua
--                                                                 ^ keyword.operator.arithmetic.lua
return self, ..., _G, _VERSION
-- <------ keyword.control.lua
--     ^^^^ variable.language.self.lua
--           ^^^ variable.language.vararg.lua
--                ^^ support.constant.lua
--                    ^^^^^^^^ support.constant.lua
local ending, do_it, functional = 1, 2, 3
--    ^^^^^^ variable.other.lua - keyword
--            ^^^^^ variable.other.lua - keyword
--                   ^^^^^^^^^^ variable.other.lua - keyword
