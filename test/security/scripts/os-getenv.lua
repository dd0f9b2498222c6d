-- attack: read the host environment without the env module's permission
-- expect: field 'getenv'
print("ESCAPED", os.getenv("HOME"))
