-- `luamod test scripts`: the modules come from .luamodrc.json "modules"; test.mock stubs a member.

return {
  takes_from_stock = function()
    local pear = assert(inventory.get("pear"))
    test.eq(pear:take(1), 3)
    test.eq(pear:quantity(), 3)
  end,
  refuses_more_than_stock = function()
    local pear = assert(inventory.get("pear"))
    local left, err = pear:take(100)
    test.eq(left, nil)
    test.eq(err and err:kind(), "CONFLICT")
  end,
  unknown_sku = function()
    local item, err = inventory.get("durian")
    test.eq(item, nil)
    test.eq(err and err:kind(), "NOT_FOUND")
  end,
  mailing_needs_a_permission = function()
    local id, err = mailer.send("ops@example.com", "hi")
    test.eq(id, nil)
    test.eq(err and err:kind(), "PERMISSION_DENIED")
  end,
  mailer_can_be_mocked = function()
    test.mock(mailer, "send", function() return "stub-id" end)
    test.eq(mailer.send("ops@example.com", "hi"), "stub-id")
  end,
  the_mock_is_gone_after_its_test = function()
    local id = mailer.send("ops@example.com", "hi")
    test.eq(id, nil)
  end,
}
