-- attack: swallow the time limit with pcall and keep looping
-- flags: --timeout 1500
-- expect: time limit
while true do
  pcall(function() while true do end end)
end
