-- attack: reach the host JavaScript through fengari's interop global
-- expect: global 'js'
local window = js.global
print("ESCAPED", window)
