-- attack: read an environment variable without an env.get grant
-- expect: permission denied: env.get
local value, err = env.get("HOME")
if value then print("ESCAPED", value) end
error(err)
