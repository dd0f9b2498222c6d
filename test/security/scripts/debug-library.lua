-- attack: use the debug library to reach upvalues, the registry or metatables
-- expect: global 'debug'
local reg = debug.getregistry()
print("ESCAPED", reg)
