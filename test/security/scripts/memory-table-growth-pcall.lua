-- attack: grow memory inside pcall so the error is swallowed, then carry on
-- flags: --timeout 120000 --max-memory 64
-- expect: memory limit
local t = {}
print(pcall(function() for i = 1, 1e9 do t[i] = "k" .. i end end))
print("ESCAPED")
