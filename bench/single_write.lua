-- wrk script: one single-update INSERT per request, each with a unique 5-tuple key (distinct per connection).
local counter = 0
local thread_id = 0

local function b64(n, width)
  local bytes = {}
  for i = width, 1, -1 do bytes[i] = string.char(n % 256); n = math.floor(n / 256) end
  local s = table.concat(bytes):gsub("^%z+", "")
  if s == "" then s = "\0" end
  local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
  return ((s:gsub(".", function(x)
    local r, b = "", x:byte()
    for i = 8, 1, -1 do r = r .. (b % 2 ^ i - b % 2 ^ (i - 1) > 0 and "1" or "0") end
    return r
  end) .. "0000"):gsub("%d%d%d?%d?%d?%d?", function(x)
    if #x < 6 then return "" end
    local c = 0
    for i = 1, 6 do c = c + (x:sub(i, i) == "1" and 2 ^ (6 - i) or 0) end
    return alphabet:sub(c + 1, c + 1)
  end) .. ({ "", "==", "=" })[#s % 3 + 1])
end

request = function()
  counter = counter + 1
  local src = 0x0B000000 + counter
  local body = '{"deviceId":"1","updates":[{"type":"INSERT","entity":{"tableEntry":{"tableId":33554433,"match":['
    .. '{"fieldId":1,"exact":{"value":"' .. b64(src, 4) .. '"}},'
    .. '{"fieldId":2,"exact":{"value":"CmAAAQ=="}},'
    .. '{"fieldId":3,"exact":{"value":"Bg=="}},'
    .. '{"fieldId":4,"exact":{"value":"BAA="}},'
    .. '{"fieldId":5,"exact":{"value":"UA=="}}],'
    .. '"action":{"action":{"actionId":16777217,"params":[{"paramId":1,"value":"AQ=="},{"paramId":2,"value":"Ag=="}]}}}}}]}'
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
end
