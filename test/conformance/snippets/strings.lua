-- @@ len-bytes
print(#"hello", #"", #"h\0llo", ("x"):len(), #"\u{48}\u{e9}")
-- @@ sub
local s = "hello world"
print(s:sub(1, 5), s:sub(-5), s:sub(3), s:sub(0), s:sub(5, 3), s:sub(-100, 2), s:sub(2, -2), s:sub(100))
-- @@ upper-lower
print(("Hello World 123"):upper(), ("Hello World 123"):lower(), ("\xe9"):upper() == "\xe9")
-- @@ rep
print(("ab"):rep(3), ("ab"):rep(3, ","), ("x"):rep(0), ("x"):rep(-1), ("x"):rep(1, "sep"))
-- @@ reverse
print(("hello"):reverse(), (""):reverse(), ("a\0b"):reverse() == "b\0a")
-- @@ byte-char
print(("ABC"):byte(), ("ABC"):byte(2), ("ABC"):byte(1, -1), ("ABC"):byte(10), string.char(72, 105), string.char())
print(pcall(string.char, 256))
print(pcall(string.char, -1))
-- @@ escapes
print("a\tb", "a\\b", "\65\066\x43", "\z
      continued", "\u{7FF}" == "\xDF\xBF", #"\u{10FFFF}")
-- @@ long-strings
print([[
first line
second]], [==[with ]] inside]==])
-- @@ find-plain
print(("hello world"):find("o"), ("hello world"):find("o", 6), ("hello world"):find("xyz"), ("a.b"):find(".", 1, true), ("a.b"):find("."), ("abc"):find("", 10), ("abc"):find("", 4))
-- @@ find-pattern
print(("hello 123 world"):find("%d+"), ("key=value"):find("(%w+)=(%w+)"), ("  trim  "):find("^%s*(.-)%s*$"))
-- @@ match
print(("hello 123"):match("%d+"), ("key = value"):match("(%w+)%s*=%s*(%w+)"), ("abc"):match("().()"), ("2024-01-15"):match("(%d+)-(%d+)-(%d+)"))
-- @@ match-anchors
print(("hello"):match("^h"), ("hello"):match("^e"), ("hello"):match("o$"), ("hello"):match("^hello$"), ("a$b"):match("%$"))
-- @@ classes
local s = "aZ9 _.\t\n!"
for _, c in ipairs{"%a","%d","%l","%s","%u","%w","%x","%p","%c","%g","%A","%D","%S","%W"} do print(c, (s:gsub(c, "#"))) end
-- @@ sets
print(("hello world"):gsub("[aeiou]", "*"), ("hello"):gsub("[^l]", "."), ("a-b]c"):gsub("[%]%-]", "_"), ("abc123"):gsub("[a-c1-2]", "X"))
-- @@ quantifiers
print(("aaa"):match("a-"), ("aaa"):match("a-$"), ("aaa"):match("a*"), ("aaa"):match("a+"), ("baaa"):match("ba?"), ("<a><b>"):match("<.->"), ("<a><b>"):match("<.*>"))
-- @@ balanced
print(("f(a(b)c)d"):match("%b()"), ("[[x]]"):match("%b[]"), ("if x then y end"):match("%bie"))
-- @@ frontier
print(("THE (quick) fox"):gsub("%f[%a]%a+", "W"), ("hello world"):find("%f[%w]%w+", 2))
-- @@ backref
print(("hello \"quoted\" text"):match("([\"'])(.-)%1"), ("abcabc"):find("(abc)%1"))
-- @@ position-capture
print(("hello"):match("()ll()"), ("abc"):gsub("()", "%1"))
-- @@ gsub-string
print(("hello world"):gsub("o", "0"), ("hello world"):gsub("o", "0", 1), ("abc"):gsub("%w", "%0%0"), ("abc"):gsub("(a)(b)", "%2%1"), ("x"):gsub("x", "%%"))
-- @@ gsub-table
local t = {name="Lua", ver="5.3"}
print(("$name $ver $missing"):gsub("%$(%w+)", t))
-- @@ gsub-function
print(("1 2 3"):gsub("%d", function(d) return d * 2 end), ("a b"):gsub("%w", function() return nil end), ("a b"):gsub("%w", function() return false end))
-- @@ gsub-errors
print(pcall(string.gsub, "x", "x", "%2"))
print(pcall(string.gsub, "x", "(", ""))
print(pcall(string.gsub, "x", "[a", ""))
print(pcall(string.gsub, "x", "%", ""))
print(pcall(string.gsub, "x", "x", {x = {}}))
-- @@ gmatch
for k, v in ("a=1, b=2, c=3"):gmatch("(%w+)=(%w+)") do print(k, v) end
for w in ("one two  three"):gmatch("%a+") do print(w) end
-- @@ gmatch-anchor
local n = 0 for w in ("aaa"):gmatch("^a") do n = n + 1 end print(n)
for p in ("abc"):gmatch("()") do print(p) end
-- @@ format-in-gsub
print((("%d items"):gsub("%%d", "%%%%d")))
-- @@ tostring-values
print(tostring(nil), tostring(true), tostring(false), tostring("s"), tostring(12), tostring(-0.0))
print(tostring(print):match("^builtin: ") or tostring(print):match("^function: ") and "function: ADDR")
print(tostring({}):match("^table: ") and "table: ADDR")
-- @@ string-compare
print("a" < "b", "abc" < "abd", "a" < "aa", "" < "a", "B" < "a", "a\0b" < "a\0c", "\255" > "a")
-- @@ concat-errors
print(pcall(function() return "a" .. {} end))
print(pcall(function() return "a" .. nil end))
print(pcall(function() local t = {} return t.x .. "a" end))
-- @@ table-concat
print(table.concat({1, 2, 3}), table.concat({1, 2, 3}, ", "), table.concat({"a", "b", "c"}, "-", 2), table.concat({}, "x"), table.concat({1.5, 2, "z"}, " "))
print(pcall(table.concat, {1, {}, 3}))
-- @@ string-lib-errors
print(pcall(string.rep))
print(pcall(string.sub))
print(pcall(string.upper, {}))
print(pcall(("x").rep, "x", "y"))
-- @@ pattern-too-complex
print(pcall(string.find, ("a"):rep(10), "(((((((((((((((((((((((((((((((((a)))))))))))))))))))))))))))))))))"))
-- @@ malformed
print(pcall(string.find, "a", "%b"))
print(pcall(string.find, "a", "%f"))
print(pcall(string.match, "a", "(()"))
print(pcall(string.match, "a", "%1"))
-- @@ find-init
print(("abcabc"):find("b", -2), ("abcabc"):find("b", -100), ("abc"):find("c", 3), ("abc"):find("a", 4), ("abc"):find("", 0))
-- @@ special-chars
print(("a.b*c+d?e"):gsub("[%.%*%+%?]", "_"), ("x^y"):find("^", 1, true), ("x^y"):find("%^"))
-- @@ latin1-bytes
local s = "caf\xe9"
print(#s, s:byte(4), s:upper():byte(4), ("\xff"):byte())
-- @@ tostring-int-float-keys
local t = {[1]="i", [1.5]="f", ["1"]="s"}
print(t[1], t[1.5], t["1"], t[1.0])
-- @@ string-len-limits
print(#("x"):rep(1000), #("ab"):rep(500, "c"))
-- @@ greedy-match-ending-at-start
print(string.find("aAbB!?", "%a*%f[%a]"), string.find("ab", "a*%f[a]"), string.match("xyz", "()x*()"), string.gsub("abc", "%a*%f[%a]", "-"))
-- @@ backref-to-position-capture
print(string.match("foo_bar9 baz", "%f[%a]()(.)%1", 10), string.find("aab", "()a%1"), pcall(string.find, "aa", "(a%1)"))
