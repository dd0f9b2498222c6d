-- ansicolors: escape sequences for color names (bytes shown escaped).
local colors = require("ansicolors")
local function show(s) return (s:gsub("\27", "\\27")) end
print(show(colors("%{red}red%{reset} %{bright blue underline}text%{reset}")))
print(show(colors.noReset("%{greenbg}x")), show(colors("plain")), pcall(colors, "%{nosuchcolor}"))
