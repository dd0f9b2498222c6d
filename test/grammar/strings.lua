-- SYNTAX TEST "source.lua" "strings: quoted, escapes, every long-bracket level"
local a = "double \"quoted\" \n \x41 \u{48} \65 \z end"
--        ^ string.quoted.double.lua punctuation.definition.string.begin.lua
--                ^^ constant.character.escape.lua
--                           ^^ constant.character.escape.lua
--                              ^^^^ constant.character.escape.lua
--                                   ^^^^^^ constant.character.escape.lua
--                                          ^^^ constant.character.escape.lua
--                                              ^^ constant.character.escape.lua
--                                                 ^^^ string.quoted.double.lua - keyword
--                                                    ^ punctuation.definition.string.end.lua
local b = 'single \' ok' .. 'bad \q escape'
--        ^^^^^^^^^^^^^^ string.quoted.single.lua
--                ^^ constant.character.escape.lua
--                       ^^ keyword.operator.concatenation.lua - string
--                               ^^ invalid.illegal.character.escape.lua
local c = [[level 0 "not a quote" -- not a comment ]] .. x
--        ^^ string.quoted.other.multiline.lua punctuation.definition.string.begin.lua
--                  ^^^^^^^^^^^^^ string.quoted.other.multiline.lua - string.quoted.double
--                                ^^ string.quoted.other.multiline.lua - comment
--                                                 ^^ punctuation.definition.string.end.lua
--                                                       ^ variable.other.lua - string
local d = [=[level 1 with ]] inside]=]
--        ^^^ punctuation.definition.string.begin.lua
--                        ^^ string.quoted.other.multiline.lua - punctuation
--                                 ^^^ punctuation.definition.string.end.lua
local e = [==[level 2 ]=] and ]] ]==] .. y
--                    ^^^ string.quoted.other.multiline.lua - punctuation
--                               ^^^^ punctuation.definition.string.end.lua
--                                       ^ variable.other.lua - string
local f = [===[
level 3 across lines ]==] still inside
-- <-------------------------------------- string.quoted.other.multiline.lua
]===] .. z
-- <----- string.quoted.other.multiline.lua punctuation.definition.string.end.lua
--       ^ variable.other.lua - string
local g = [====[ level 4 ]====] w = 1
--        ^^^^^^ punctuation.definition.string.begin.lua
--                       ^^^^^^ punctuation.definition.string.end.lua
--                              ^ variable.other.lua - string
local h = [==========[ level 10 ]==========]
--                              ^^^^^^^^^^^^ punctuation.definition.string.end.lua
