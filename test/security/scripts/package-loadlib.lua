-- attack: load a native library
-- expect: global 'package'
local open = package.loadlib("/lib/x86_64-linux-gnu/libc.so.6", "system")
print("ESCAPED", open)
