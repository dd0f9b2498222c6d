-- attack: loop inside a metamethod called from a library function (table.sort comparator)
-- flags: --timeout 1500
-- expect: time limit
local t = { 3, 2, 1 }
table.sort(t, function(a, b) while true do end end)
print("ESCAPED")
