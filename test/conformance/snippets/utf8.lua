-- @@ char
print(utf8.char(72, 228, 8364, 128512), #utf8.char(0x7FF), #utf8.char(0xFFFF), #utf8.char(0x10FFFF), utf8.char())
-- @@ charpattern
print(utf8.charpattern, #utf8.charpattern)
for c in ("h\u{e9}\u{20ac}"):gmatch(utf8.charpattern) do print(#c) end
-- @@ codepoint
print(utf8.codepoint("h\u{e9}llo", 1, -1))
print(utf8.codepoint("\u{20ac}"))
print(pcall(utf8.codepoint, "\xff"))
-- @@ len
print(utf8.len("h\u{e9}llo"), utf8.len(""), utf8.len("\xff"), utf8.len("ab\xffcd"), utf8.len("h\u{e9}llo", 3), utf8.len("abc", 4))
print(pcall(utf8.len, "abc", 5))
-- @@ offset
local s = "a\u{e9}\u{20ac}b"
print(utf8.offset(s, 1), utf8.offset(s, 2), utf8.offset(s, 3), utf8.offset(s, 4), utf8.offset(s, 5), utf8.offset(s, 6), utf8.offset(s, -1), utf8.offset(s, 0, 3))
print(pcall(utf8.offset, s, 1, 3))
-- @@ codes
for p, c in utf8.codes("a\u{e9}\u{20ac}") do print(p, c) end
print(pcall(function() for p, c in utf8.codes("a\xff") do end end))
-- @@ char-errors
print(pcall(utf8.char, -1))
print(pcall(utf8.char, 0x80000000))
print(#utf8.char(0x7FFFFFFF))
-- @@ surrogates
print(utf8.len("\xed\xa0\x80"), utf8.codepoint("\u{D7FF}"), utf8.len("\xf4\x90\x80\x80"))
-- @@ overlong
print(utf8.len("\xc0\x80"), utf8.len("\xe0\x80\x80"))
-- @@ escapes-in-source
print("\u{48}\u{49}", #"\u{7FFFFFFF}")
