-- attack: get the writable table behind a read-only view through next/pairs and write into it
-- expect: read-only
for k, v in pairs(string) do
  if type(v) == "table" then rawset(v, "x", 1) print("ESCAPED") end
end
local k, v = next(json)
rawset(json, k, nil)
print("ESCAPED")
