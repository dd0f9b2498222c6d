-- attack: a backtracking pattern that runs for hours inside one string.find call (no Lua instruction runs, so the count hook never fires; the step budget of the patched matcher stops it)
-- flags: --timeout 1000
-- expect: :4: script exceeded its time limit of 1000 ms \[TIMEOUT\]
print(string.rep("a", 3000):find(".-.-.-.-x"))
print("ESCAPED")
