-- base64: binary-safe encoding of byte strings.
local base64 = require("base64")

local encoded = base64.encode("hello, world")
print(encoded)
print(base64.decode(encoded))

local bytes = "\0\1\2\255"
local back = base64.decode(base64.encode(bytes))
print("binary round trip: " .. tostring(back == bytes))

local _, err = base64.decode("not base64!")
if err then print("bad input: " .. err:kind() .. " - " .. err:message()) end
