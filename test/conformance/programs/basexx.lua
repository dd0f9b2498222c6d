-- basexx: base16/32/64/85, z85, crockford, bit; round trips over all byte values.
local basexx = require("basexx")
local all = {} for i = 0, 255 do all[#all + 1] = string.char(i) end
all = table.concat(all)
for _, name in ipairs{"bit", "hex", "base32", "crockford", "base64", "url64"} do
  local enc = basexx["to_" .. name]("Hello, World!")
  print(name, enc, basexx["from_" .. name](enc))
  print(name, basexx["from_" .. name](basexx["to_" .. name](all)) == all, #basexx["to_" .. name](all))
end
print(basexx.to_z85("1234"), basexx.from_z85(basexx.to_z85("abcd")))
print(basexx.from_base64("invalid*"), basexx.from_hex("zz"))
