-- attack: run a shell command
-- expect: field 'execute'
os.execute("touch /tmp/luamod-security-pwned")
print("ESCAPED")
