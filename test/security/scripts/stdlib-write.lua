-- attack: replace a standard library function for everyone (direct assignment)
-- expect: read-only
string.rep = function() return "pwned" end
print("ESCAPED")
