-- Headless Neovim as an LSP client of the Presence server (works on Neovim 0.7, Debian's, and later).
-- Started by test/nvim/nvim.test.ts as:
--   nvim --headless -u test/nvim/init.lua memo.md
-- Environment: PRESENCE_SERVER (path of dist/server.js), PRESENCE_NODE (node binary), PRESENCE_NVIM_OUT
-- (where to write the diagnostics as JSON), PRESENCE_NVIM_TIMEOUT_MS (give up after this long).
-- It starts the server over stdio, attaches it to the Markdown buffer, waits until diagnostics whose source
-- is "presence" arrive, writes them out and quits.
vim.o.swapfile = false
vim.o.shadafile = 'NONE'
vim.cmd('filetype on')

local server = assert(os.getenv('PRESENCE_SERVER'), 'PRESENCE_SERVER is not set')
local node = os.getenv('PRESENCE_NODE') or 'node'
local out = assert(os.getenv('PRESENCE_NVIM_OUT'), 'PRESENCE_NVIM_OUT is not set')
local timeout_ms = tonumber(os.getenv('PRESENCE_NVIM_TIMEOUT_MS') or '30000')

local function finish(result)
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qall!')
end

local function presence_diagnostics(bufnr)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.source == 'presence' then
      local lsp = (d.user_data or {}).lsp or {}
      local code = d.code or lsp.code
      if type(code) == 'table' then code = code.value end
      table.insert(found, {
        lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
        severity = d.severity, message = d.message, code = code,
      })
    end
  end
  return found
end

local function start()
  local bufnr = vim.api.nvim_get_current_buf()
  if vim.bo[bufnr].filetype == '' then vim.bo[bufnr].filetype = 'markdown' end
  local exited = nil
  local client_id = vim.lsp.start_client({
    name = 'presence',
    cmd = { node, server, '--stdio' },
    root_dir = vim.fn.getcwd(),
    on_exit = function(code, signal) exited = { code = code, signal = signal } end,
  })
  if not client_id then
    return finish({ error = 'vim.lsp.start_client returned nil' })
  end
  vim.lsp.buf_attach_client(bufnr, client_id)

  local started = vim.loop.now()
  local timer = vim.loop.new_timer()
  timer:start(100, 100, vim.schedule_wrap(function()
    local found = presence_diagnostics(bufnr)
    local elapsed = vim.loop.now() - started
    if #found > 0 or exited or elapsed > timeout_ms then
      timer:stop()
      local client = vim.lsp.get_client_by_id(client_id)
      finish({
        nvim = vim.version(),
        file = vim.api.nvim_buf_get_name(bufnr),
        filetype = vim.bo[bufnr].filetype,
        server_name = client and client.server_info and client.server_info.name or vim.NIL,
        diagnostics = found,
        ms = elapsed,
        timed_out = #found == 0 and elapsed > timeout_ms,
        server_exit = exited or vim.NIL,
      })
    end
  end))
end

vim.api.nvim_create_autocmd('VimEnter', { once = true, callback = start })
