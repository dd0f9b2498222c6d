-- End-to-end fixture: a planted error (a module that does not exist).
local missing = require("no_such_module")
print(missing)
