-- SYNTAX TEST "source.lua" "function definitions, calls and method calls"
local function add(a, b, ...)
-- <----- storage.modifier.local.lua
--    ^^^^^^^^ storage.type.function.lua
--             ^^^ entity.name.function.lua
--                ^ punctuation.definition.parameters.begin.lua
--                 ^ variable.parameter.function.lua
--                    ^ variable.parameter.function.lua
--                       ^^^ variable.parameter.varargs.lua
--                          ^ punctuation.definition.parameters.end.lua
  return a + b
end
function M.util.join(sep, list) end
-- <-------- storage.type.function.lua
--       ^ entity.name.type.lua
--        ^ punctuation.accessor.lua
--         ^^^^ entity.name.type.lua
--              ^^^^ entity.name.function.lua
--                   ^^^ variable.parameter.function.lua
function Account:deposit(v) self.balance = self.balance + v end
--       ^^^^^^^ entity.name.type.lua
--              ^ punctuation.accessor.lua
--               ^^^^^^^ entity.name.function.lua
--                       ^ variable.parameter.function.lua
--                          ^^^^ variable.language.self.lua
--                               ^^^^^^^ variable.other.property.lua
local cb = function(x) return x end
--         ^^^^^^^^ storage.type.function.lua
--                  ^ variable.parameter.function.lua
print(string.format("%d", 1), obj:method(1), obj:send "hi", obj:cfg{ a = 1 })
-- <----- support.function.builtin.lua
--    ^^^^^^ support.type.library.lua
--          ^ punctuation.accessor.lua
--           ^^^^^^ entity.name.function.call.lua
--                               ^ punctuation.accessor.method.lua
--                                ^^^^^^ entity.name.function.method.lua
--                                               ^^^^ entity.name.function.method.lua
--                                                              ^^^ entity.name.function.method.lua
local t = require("time").now()
--        ^^^^^^^ support.function.builtin.lua
--                        ^^^ entity.name.function.call.lua
greet("x") greet "y" greet { } greet [[z]]
-- <----- entity.name.function.call.lua
--         ^^^^^ entity.name.function.call.lua
--                   ^^^^^ entity.name.function.call.lua
--                             ^^^^^ entity.name.function.call.lua
local v = t.field + t[1]
--          ^^^^^ variable.other.property.lua - entity
--                  ^ variable.other.lua
