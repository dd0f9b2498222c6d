-- attack: replace a function of a host module (direct assignment)
-- expect: read-only
json.encode = function() return "pwned" end
print("ESCAPED")
