-- attack: read a host file by absolute path
-- fsroot: yes
-- flags: --allow fs.*
-- expect: outside the fs root
local data, err = fs.read("/etc/passwd")
if data then print("ESCAPED", #data) end
error(err)
