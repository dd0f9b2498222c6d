-- attack: reach io through _G, _ENV and rawget instead of the global name
-- expect: io is unreachable
local candidates = { _G.io, _ENV.io, rawget(_G, "io"), rawget(_ENV, "io") }
for _, lib in pairs(candidates) do print("ESCAPED", lib) end
error("io is unreachable")
