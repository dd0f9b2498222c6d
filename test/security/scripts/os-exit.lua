-- attack: terminate the host process
-- expect: field 'exit'
os.exit(0)
print("ESCAPED")
