-- attack: run or load a host file
-- expect: global 'dofile'
local f = loadfile and loadfile("/etc/passwd")
if f then print("ESCAPED") end
dofile("/etc/passwd")
print("ESCAPED")
