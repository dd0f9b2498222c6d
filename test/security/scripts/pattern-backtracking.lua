-- attack: a backtracking pattern that runs for hours inside one string.find call (no Lua instruction runs, so the count hook never fires)
-- flags: --timeout 1000
-- expect: time limit of 1000 ms inside a library call \[TIMEOUT\]
print(string.rep("a", 3000):find(".-.-.-.-x"))
print("ESCAPED")
