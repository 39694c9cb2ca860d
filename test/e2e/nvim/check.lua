-- Headless Neovim check that the Trustlint server works with an editor that is not VS Code.
-- Neovim 0.7 (Debian 12) has no vim.lsp.start and no pull diagnostics, so this uses start_client +
-- buf_attach_client and relies on pushed textDocument/publishDiagnostics.
-- Usage: TRUSTLINT_SERVER=/abs/dist/server.js nvim --headless --clean -n -c "luafile check.lua" FILE.playbook
-- Prints one line per step and exits non-zero when any step fails.
local out = io.stdout
local server = os.getenv('TRUSTLINT_SERVER')
local timeout = tonumber(os.getenv('TRUSTLINT_NVIM_TIMEOUT_MS') or '20000')
local bufnr = vim.api.nvim_get_current_buf()
local passed = 0
local client_id

local function step(name)
  passed = passed + 1
  out:write('  ✔ ' .. name .. '\n')
end

-- The latest pushed diagnostics for our buffer, and how many pushes arrived so far.
local pushes = 0
local latest = nil

local function same(a, b)
  return a.code == b.code and a.range.start.line == b.range.start.line
    and a.range.start.character == b.range.start.character
end

local function main()
  assert(server and server ~= '', 'set TRUSTLINT_SERVER to the absolute path of dist/server.js')
  assert(vim.api.nvim_buf_line_count(bufnr) > 1, 'open an example playbook')
  -- The language id Neovim sends is the filetype; .playbook is unknown to Neovim 0.7.
  vim.bo[bufnr].filetype = 'playbook'
  local uri = vim.uri_from_bufnr(bufnr)

  client_id = vim.lsp.start_client({
    name = 'trustlint',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.getcwd(),
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        if result and result.uri == uri then
          pushes = pushes + 1
          latest = result.diagnostics
        end
        return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      end,
    },
  })
  assert(client_id, 'the server did not start')
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'could not attach the buffer')

  assert(vim.wait(timeout, function() return latest ~= nil and #latest > 0 end, 50),
    'no pushed diagnostics within ' .. timeout .. ' ms')
  for _, d in ipairs(latest) do
    assert(d.source == 'trustlint', 'diagnostic source is ' .. tostring(d.source))
    assert(type(d.code) == 'string' and d.code:match('^[a-z0-9-]+$'), 'diagnostic code is a rule id: ' .. tostring(d.code))
    assert(d.range and d.range.start and d.range['end'], 'diagnostic has a range')
  end
  step(string.format('received %d pushed diagnostics from Trustlint', #latest))
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    out:write(string.format('    %s:%d:%d [%s] %s\n', vim.fn.expand('%:t'), d.lnum + 1, d.col + 1,
      vim.diagnostic.severity[d.severity], d.message))
  end

  local first = latest[1]
  local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover',
    { textDocument = { uri = uri }, position = first.range.start }, timeout) or {}
  local hover_text = ''
  for _, r in pairs(hover) do
    if r.result and r.result.contents then
      local c = r.result.contents
      hover_text = hover_text .. (type(c) == 'table' and (c.value or vim.fn.json_encode(c)) or tostring(c))
    end
  end
  assert(#hover_text > 20, 'no hover text for ' .. first.code)
  step('hover explains ' .. first.code)

  local params = {
    textDocument = { uri = uri },
    range = first.range,
    context = { diagnostics = { first }, only = { 'quickfix' } },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, timeout) or {}
  local action
  for _, r in pairs(responses) do
    assert(not r.err, 'codeAction failed: ' .. vim.inspect(r.err))
    for _, a in ipairs(r.result or {}) do
      if a.isPreferred and not action then action = a end
    end
  end
  assert(action, 'no preferred quick fix for ' .. first.code)
  assert(action.edit, 'the quick fix "' .. action.title .. '" has no edit')
  step('preferred quick fix offered: ' .. action.title)

  local before = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  local pushes_before = pushes
  vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
  local after = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  assert(after ~= before, 'applying the quick fix did not change the text')
  step('quick fix applied')

  -- The edit reaches the server as didChange; wait for a push without the fixed finding.
  assert(vim.wait(timeout, function()
    if pushes == pushes_before then return false end
    for _, d in ipairs(latest) do
      if same(d, first) then return false end
    end
    return true
  end, 50), 'the fixed finding ' .. first.code .. ' is still reported')
  step(string.format('finding %s gone after the fix (%d left)', first.code, #latest))

  vim.lsp.stop_client(client_id)
  out:write(string.format('  %d passing\n', passed))
end

local ok, err = pcall(main)
if not ok then
  out:write('  ✘ ' .. tostring(err) .. '\n')
  out:write(string.format('  %d passing\n  1 failing\n', passed))
  if client_id then vim.lsp.stop_client(client_id, true) end
  vim.cmd('cquit 1')
else
  vim.cmd('qall!')
end
