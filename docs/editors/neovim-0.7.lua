-- luamod for Neovim 0.7 – 0.9 (no vim.lsp.start, vim.fs or vim.lsp.config there).
-- Put this in your init.lua (or `:luafile` it). It is the exact set-up test/editors/neovim.test.ts runs.
-- `luamod` must be on PATH (see docs/language-server.md#putting-luamod-on-path), or put its absolute
-- path in `cmd`.
local function root_of(path)
  local dir = vim.fn.fnamemodify(path, ":p:h")
  while dir and dir ~= "" do
    if vim.fn.filereadable(dir .. "/.luamodrc.json") == 1 or vim.fn.isdirectory(dir .. "/.git") == 1 then
      return dir
    end
    local parent = vim.fn.fnamemodify(dir, ":h")
    if parent == dir then break end
    dir = parent
  end
  return vim.fn.fnamemodify(path, ":p:h")
end

local clients = {} -- one client per project root

vim.api.nvim_create_autocmd("FileType", {
  pattern = "lua",
  callback = function(args)
    local root = root_of(vim.api.nvim_buf_get_name(args.buf))
    if not clients[root] then
      clients[root] = vim.lsp.start_client({
        name = "luamod",
        cmd = { "luamod", "lsp", "--stdio" },
        root_dir = root,
        workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
        -- Neovim 0.7 does not answer workspace/configuration: settings go in init_options.
        init_options = { settings = { inlayHints = { enable = false } } },
      })
    end
    if clients[root] then vim.lsp.buf_attach_client(args.buf, clients[root]) end
  end,
})
