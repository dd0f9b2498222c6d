-- attack: write a file without an fs.write grant
-- fsroot: yes
-- expect: permission denied: fs.write
local ok, err = fs.write("out.txt", "data")
if ok then print("ESCAPED") end
error(err)
