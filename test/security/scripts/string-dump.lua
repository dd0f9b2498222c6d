-- attack: dump a function to bytecode (the first step of a bytecode exploit)
-- expect: field 'dump'
local code = string.dump(function() return 1 end)
print("ESCAPED", #code)
