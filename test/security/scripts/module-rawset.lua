-- attack: bypass __newindex with rawset on a module table
-- expect: read-only
rawset(require("json"), "encode", print)
print("ESCAPED")
