-- attack: load a precompiled (binary) chunk
-- expect: binary chunk
local f, err = load("\27Lua\83\0\25\147\13\10\26\10\4\8\4\8\120\86\0\0\0\0\0\0\0\0\0\0\0\40\119\64\1")
if f then print("ESCAPED") end
error(err)
