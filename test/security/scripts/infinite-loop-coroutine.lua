-- attack: loop inside a coroutine the script drives itself
-- flags: --timeout 1500
-- expect: time limit
local co = coroutine.wrap(function() while true do coroutine.yield() end end)
while true do co() end
