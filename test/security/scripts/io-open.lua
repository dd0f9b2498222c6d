-- attack: read a host file through the io library
-- expect: global 'io'
local f = io.open("/etc/passwd", "r")
print("ESCAPED", f:read("a"))
