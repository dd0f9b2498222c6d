-- logger: structured JSON lines on the log sink (stderr for the CLI).
local logger = require("logger")

logger:info("starting", { version = 1 })
local log = logger:named("billing"):with({ customer = "c-42" })
log:debug("computing total")
log:warn("card expires soon", { months = 1 })
log:error("payment failed", { code = "E_DECLINED" })
print("logged 4 lines to stderr")
