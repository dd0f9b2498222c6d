-- attack: double a string 40 times with `..`: it reaches GBs between two count-hook checks (fengari strings are Uint8Arrays, off the V8 heap)
-- expect: script exceeded its memory limit of 256 MiB \[UNAVAILABLE\]
local s = "x"
for i = 1, 40 do s = s .. s end
print("ESCAPED", #s)
