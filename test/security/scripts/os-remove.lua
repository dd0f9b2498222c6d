-- attack: delete or rename host files
-- expect: field '(rename|remove)'
os.rename("/tmp/a", "/tmp/b")
os.remove("/tmp/luamod-security-victim")
print("ESCAPED")
