-- Takes an order from stock and mails the warehouse when an item runs low.
local sku, n = ..., 3
sku = sku or "apple"

local item, err = inventory.get(sku)
if not item then error(err) end

local left, take_err = item:take(n)
if not left then
  print("cannot take " .. n .. ": " .. tostring(take_err))
  return nil, take_err:kind()
end
print(tostring(item))

if left < 8 then
  local id, mail_err = mailer.send("ops@example.com", "restock " .. item:sku() .. " (" .. left .. " left)")
  if not id then return nil, mail_err:kind() end
  return left, id
end
return left
