-- SYNTAX TEST "source.lua" "comments: line, block with levels, documentation lines"
-- a line comment with "quotes" and [[brackets]]
-- <-- comment.line.double-dash.lua punctuation.definition.comment.lua
--^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ comment.line.double-dash.lua - string
local x = 1 -- trailing comment
--          ^^ comment.line.double-dash.lua punctuation.definition.comment.lua
--            ^^^^^^^^^^^^^^^^^ comment.line.double-dash.lua
--[[ a block
comment ]] local y = 2
-- <-------- comment.block.lua
--      ^^ punctuation.definition.comment.end.lua
--         ^^^^^ storage.modifier.local.lua - comment
--[==[ level 2 with ]] and ]=] inside ]==] local z
-- <------ comment.block.lua punctuation.definition.comment.begin.lua
--    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ comment.block.lua
--                                    ^^^^ punctuation.definition.comment.end.lua
--                                         ^^^^^ storage.modifier.local.lua - comment
--[=[ one-line level 1 ]=] return
--                         ^^^^^^ keyword.control.lua - comment
---[[ not a block: a documentation line comment
-- <----------------------------------------------- comment.line.double-dash.documentation.lua
local w = 3
-- <----- storage.modifier.local.lua - comment
----------------------------------- separator
-- <----------------------------------- comment.line.double-dash.lua
