-- End-to-end fixture: prints, then fails at run time on line 4.
print("before the error")
local port = 8080
error("boom: cannot listen on port " .. port)
