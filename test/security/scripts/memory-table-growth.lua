-- attack: grow a table until the machine runs out of memory
-- flags: --timeout 120000
-- expect: memory limit
local t = {}
local i = 0
while true do i = i + 1; t[i] = { i, tostring(i) } end
