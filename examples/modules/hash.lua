-- hash: digests and HMAC as lowercase hex.
local hash = require("hash")

print("md5    " .. hash.md5("abc"))
print("sha1   " .. hash.sha1("abc"))
print("sha256 " .. hash.sha256("abc"))
print("sha512 " .. hash.sha512("abc"):sub(1, 32) .. "...")
print("hmac   " .. hash.hmac_sha256("what do ya want for nothing?", "Jefe"))
