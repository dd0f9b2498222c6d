-- attack: bypass __newindex with rawset on a standard library table
-- expect: read-only
rawset(math, "pi", 3)
print("ESCAPED")
