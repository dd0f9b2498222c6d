-- inifile: parse and save from memory (the "memory" backend: no io).
local inifile = require("inifile")
local text = "; comment\n[section one]\nkey = value\nnum=42\n\n[two]\nflag=true\npath = /a/b=c\n"
local t = inifile.parse(text, "memory")
print(t["section one"].key, t["section one"].num, math.type(t["section one"].num), t.two.flag, t.two.path)
print(inifile.save("x.ini", {sec = {a = 1}}, "memory"))
local saved = inifile.save("x.ini", t, "memory")
local back = inifile.parse(saved, "memory")
print(back["section one"].key, back.two.path)
