-- attack: never return
-- flags: --timeout 1500
-- expect: time limit
while true do end
