-- attack: follow a symlink inside the root that points outside it (read and write)
-- fsroot: yes
-- flags: --allow fs.*
-- expect: resolves outside the fs root
local ok = fs.write("outside-link/planted.txt", "pwned")
if ok then print("ESCAPED", "write") end
local data, err = fs.read("secret-link")
if data then print("ESCAPED", data) end
error(err)
