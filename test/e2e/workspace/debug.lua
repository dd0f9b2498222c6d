-- End-to-end fixture for the debugger: the test sets a breakpoint on the `message` line.
local items = { 3, 4, 5 }
local total = 0
for _, n in ipairs(items) do
  total = total + n
end
local message = "total=" .. total
print(message)
