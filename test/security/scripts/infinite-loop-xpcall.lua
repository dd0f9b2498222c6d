-- attack: loop inside an xpcall message handler, then carry on
-- flags: --timeout 1500
-- expect: time limit
xpcall(function() error("boom") end, function() while true do end end)
print("ESCAPED")
