-- Uses the project module mathutil.lua.
local mathutil = require("mathutil")
print(mathutil.add(1, 2))
