-- attack: sleep for an hour so the process lingers long after its time limit
-- flags: --timeout 1000
-- expect: time limit of 1000 ms
time.sleep("1h")
print("ESCAPED")
