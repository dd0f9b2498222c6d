-- End-to-end fixture: a script using a module of the project (util.lua).
local util = require("util")
print(util.add(2, 3))
