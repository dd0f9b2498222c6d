-- attack: read a file above the fs root with ..
-- fsroot: yes
-- flags: --allow fs.*
-- expect: leaves the fs root
local data, err = fs.read("../secret.txt")
if data then print("ESCAPED", data) end
local data2, err2 = fs.read("a/../../secret.txt")
if data2 then print("ESCAPED", data2) end
error(err)
