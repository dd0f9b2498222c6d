-- attack: keep re-entering an xpcall whose message handler loops
-- flags: --timeout 1500
-- expect: time limit
while true do
  xpcall(function() error("boom") end, function() while true do end end)
end
