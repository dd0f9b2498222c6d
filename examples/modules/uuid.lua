-- uuid: generate and check UUIDs.
local uuid = require("uuid")

local a = uuid.v4()
local b = uuid.v7()
print("v4 valid: " .. tostring(uuid.validate(a)) .. ", version " .. uuid.version(a))
print("v7 valid: " .. tostring(uuid.validate(b)) .. ", version " .. uuid.version(b))
print("'nope' valid: " .. tostring(uuid.validate("nope")))

local _, err = uuid.version("nope")
if err then print("version of 'nope': " .. err:kind()) end
