-- attack: load a native library
-- expect: field 'loadlib'
local open = package.loadlib("/lib/x86_64-linux-gnu/libc.so.6", "system")
print("ESCAPED", open)
