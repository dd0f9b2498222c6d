-- Driven by test/editors/neovim.test.ts inside `nvim --headless` (0.7): after the documented set-up
-- (docs/editors/neovim-0.7.lua) has attached luamod to the buffer, waits for diagnostics, then asks
-- for completion, hover and code actions, and writes what came back as JSON to $LUAMOD_PROBE_OUT.
local out = os.getenv("LUAMOD_PROBE_OUT")
local result = { diagnostics = {}, completion = {}, hover = "", actions = {} }

local function finish()
  local f = io.open(out, "w")
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd("qa!")
end

local ok, err = pcall(function()
  local buf = vim.api.nvim_get_current_buf()
  vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(result.diagnostics, { lnum = d.lnum, message = d.message, code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) })
  end
  local uri = vim.uri_from_bufnr(buf)
  -- Line 2 (0-based 1) is `time.` + cursor at its end.
  local line = vim.api.nvim_buf_get_lines(buf, 1, 2, false)[1]
  local comp = vim.lsp.buf_request_sync(buf, "textDocument/completion",
    { textDocument = { uri = uri }, position = { line = 1, character = #line } }, 10000)
  for _, r in pairs(comp or {}) do
    local items = r.result and (r.result.items or r.result) or {}
    for _, it in ipairs(items) do
      table.insert(result.completion, { label = it.label, insertText = it.insertText or vim.NIL, insertTextFormat = it.insertTextFormat or vim.NIL, documentation = it.documentation and 1 or 0 })
    end
  end
  local hov = vim.lsp.buf_request_sync(buf, "textDocument/hover",
    { textDocument = { uri = uri }, position = { line = 0, character = 7 } }, 10000)
  for _, r in pairs(hov or {}) do
    if r.result and r.result.contents then result.hover = r.result.contents.value or vim.inspect(r.result.contents) end
  end
  local diags = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    -- 0.7 keeps the LSP diagnostic in user_data.lsp only in some versions: rebuild it otherwise.
    table.insert(diags, (d.user_data and d.user_data.lsp) or {
      range = { start = { line = d.lnum, character = d.col }, ["end"] = { line = d.end_lnum or d.lnum, character = d.end_col or d.col } },
      message = d.message, code = d.code, severity = d.severity, source = d.source,
    })
  end
  local acts = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", {
    textDocument = { uri = uri },
    range = { start = { line = 3, character = 0 }, ["end"] = { line = 3, character = 4 } },
    context = { diagnostics = diags },
  }, 10000)
  for _, r in pairs(acts or {}) do
    if r.err then result.error = vim.inspect(r.err) end
    for _, a in ipairs(r.result or {}) do table.insert(result.actions, a.title) end
  end
end)
if not ok then result.error = tostring(err) end
finish()
