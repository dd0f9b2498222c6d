-- A script written against the `shop` module, which the host implements and describes in
-- manifests/shop.json. `luamod check examples/shop` type-checks it with that manifest.
local shop = require("shop")

local cart = shop.new_cart("ada")

local ok, err = cart:add({ sku = "tea-001", qty = 2 })
if not ok then
  print("could not add: " .. err:message() .. " (" .. err:kind() .. ")")
  return
end
cart:add({ sku = "mug-007", qty = 1, note = "gift wrap" })

local cents = math.floor(cart:total() * 100)
print(shop.join(" ", "total:", shop.format_price(cents, "EUR")))
print("shop module " .. shop.VERSION)
