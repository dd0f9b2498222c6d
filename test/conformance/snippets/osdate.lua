-- @@ all-conversions-1
print(os.date("!%a %A %b %B %c %d %D %e %F %g %G %h %H %I %j %m %M %n %p %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%", 0))
print(os.date("%a %A %b %B %c %d %D %e %F %g %G %h %H %I %j %m %M %n %p %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%", 0))
-- @@ all-conversions-2
print(os.date("!%a %A %b %B %c %d %D %e %F %g %G %h %H %I %j %m %M %n %p %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%", 86399))
print(os.date("%a %A %b %B %c %d %D %e %F %g %G %h %H %I %j %m %M %n %p %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%", 86399))
-- @@ all-conversions-3
print(os.date("!%a %A %b %B %c %d %D %e %F %g %G %h %H %I %j %m %M %n %p %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%", 951782400))
print(os.date("%a %A %b %B %c %d %D %e %F %g %G %h %H %I %j %m %M %n %p %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%", 951782400))
-- @@ all-conversions-4
print(os.date("!%a %A %b %B %c %d %D %e %F %g %G %h %H %I %j %m %M %n %p %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%", 1000000000))
print(os.date("%a %A %b %B %c %d %D %e %F %g %G %h %H %I %j %m %M %n %p %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%", 1000000000))
-- @@ all-conversions-5
print(os.date("!%a %A %b %B %c %d %D %e %F %g %G %h %H %I %j %m %M %n %p %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%", 1234567890))
print(os.date("%a %A %b %B %c %d %D %e %F %g %G %h %H %I %j %m %M %n %p %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%", 1234567890))
-- @@ all-conversions-6
print(os.date("!%a %A %b %B %c %d %D %e %F %g %G %h %H %I %j %m %M %n %p %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%", 1700000000))
print(os.date("%a %A %b %B %c %d %D %e %F %g %G %h %H %I %j %m %M %n %p %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%", 1700000000))
-- @@ all-conversions-7
print(os.date("!%a %A %b %B %c %d %D %e %F %g %G %h %H %I %j %m %M %n %p %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%", 1609459199))
print(os.date("%a %A %b %B %c %d %D %e %F %g %G %h %H %I %j %m %M %n %p %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%", 1609459199))
-- @@ all-conversions-8
print(os.date("!%a %A %b %B %c %d %D %e %F %g %G %h %H %I %j %m %M %n %p %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%", 1704067200))
print(os.date("%a %A %b %B %c %d %D %e %F %g %G %h %H %I %j %m %M %n %p %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%", 1704067200))
-- @@ all-conversions-9
print(os.date("!%a %A %b %B %c %d %D %e %F %g %G %h %H %I %j %m %M %n %p %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%", 1735603200))
print(os.date("%a %A %b %B %c %d %D %e %F %g %G %h %H %I %j %m %M %n %p %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%", 1735603200))
-- @@ all-conversions-10
print(os.date("!%a %A %b %B %c %d %D %e %F %g %G %h %H %I %j %m %M %n %p %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%", 1230681600))
print(os.date("%a %A %b %B %c %d %D %e %F %g %G %h %H %I %j %m %M %n %p %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%", 1230681600))
-- @@ all-conversions-11
print(os.date("!%a %A %b %B %c %d %D %e %F %g %G %h %H %I %j %m %M %n %p %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%", 1104537600))
print(os.date("%a %A %b %B %c %d %D %e %F %g %G %h %H %I %j %m %M %n %p %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%", 1104537600))
-- @@ all-conversions-12
print(os.date("!%a %A %b %B %c %d %D %e %F %g %G %h %H %I %j %m %M %n %p %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%", 2147483647))
print(os.date("%a %A %b %B %c %d %D %e %F %g %G %h %H %I %j %m %M %n %p %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%", 2147483647))
-- @@ all-conversions-13
print(os.date("!%a %A %b %B %c %d %D %e %F %g %G %h %H %I %j %m %M %n %p %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%", 946684800))
print(os.date("%a %A %b %B %c %d %D %e %F %g %G %h %H %I %j %m %M %n %p %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%", 946684800))
-- @@ all-conversions-14
print(os.date("!%a %A %b %B %c %d %D %e %F %g %G %h %H %I %j %m %M %n %p %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%", 1262304000))
print(os.date("%a %A %b %B %c %d %D %e %F %g %G %h %H %I %j %m %M %n %p %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%", 1262304000))
-- @@ all-conversions-15
print(os.date("!%a %A %b %B %c %d %D %e %F %g %G %h %H %I %j %m %M %n %p %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%", 1293840000))
print(os.date("%a %A %b %B %c %d %D %e %F %g %G %h %H %I %j %m %M %n %p %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%", 1293840000))
-- @@ conv-a
for _, t in ipairs{0, 1e9, 1.7e9, 1230768000, 1262217600, 1293753600} do print(os.date("!%a|", t)) end
-- @@ conv-A
for _, t in ipairs{0, 1e9, 1.7e9, 1230768000, 1262217600, 1293753600} do print(os.date("!%A|", t)) end
-- @@ conv-b
for _, t in ipairs{0, 1e9, 1.7e9, 1230768000, 1262217600, 1293753600} do print(os.date("!%b|", t)) end
-- @@ conv-B
for _, t in ipairs{0, 1e9, 1.7e9, 1230768000, 1262217600, 1293753600} do print(os.date("!%B|", t)) end
-- @@ conv-c
for _, t in ipairs{0, 1e9, 1.7e9, 1230768000, 1262217600, 1293753600} do print(os.date("!%c|", t)) end
-- @@ conv-d
for _, t in ipairs{0, 1e9, 1.7e9, 1230768000, 1262217600, 1293753600} do print(os.date("!%d|", t)) end
-- @@ conv-D
for _, t in ipairs{0, 1e9, 1.7e9, 1230768000, 1262217600, 1293753600} do print(os.date("!%D|", t)) end
-- @@ conv-e
for _, t in ipairs{0, 1e9, 1.7e9, 1230768000, 1262217600, 1293753600} do print(os.date("!%e|", t)) end
-- @@ conv-F
for _, t in ipairs{0, 1e9, 1.7e9, 1230768000, 1262217600, 1293753600} do print(os.date("!%F|", t)) end
-- @@ conv-g
for _, t in ipairs{0, 1e9, 1.7e9, 1230768000, 1262217600, 1293753600} do print(os.date("!%g|", t)) end
-- @@ conv-G
for _, t in ipairs{0, 1e9, 1.7e9, 1230768000, 1262217600, 1293753600} do print(os.date("!%G|", t)) end
-- @@ conv-h
for _, t in ipairs{0, 1e9, 1.7e9, 1230768000, 1262217600, 1293753600} do print(os.date("!%h|", t)) end
-- @@ conv-H
for _, t in ipairs{0, 1e9, 1.7e9, 1230768000, 1262217600, 1293753600} do print(os.date("!%H|", t)) end
-- @@ conv-I
for _, t in ipairs{0, 1e9, 1.7e9, 1230768000, 1262217600, 1293753600} do print(os.date("!%I|", t)) end
-- @@ conv-j
for _, t in ipairs{0, 1e9, 1.7e9, 1230768000, 1262217600, 1293753600} do print(os.date("!%j|", t)) end
-- @@ conv-m
for _, t in ipairs{0, 1e9, 1.7e9, 1230768000, 1262217600, 1293753600} do print(os.date("!%m|", t)) end
-- @@ conv-M
for _, t in ipairs{0, 1e9, 1.7e9, 1230768000, 1262217600, 1293753600} do print(os.date("!%M|", t)) end
-- @@ conv-n
for _, t in ipairs{0, 1e9, 1.7e9, 1230768000, 1262217600, 1293753600} do print(os.date("!%n|", t)) end
-- @@ conv-p
for _, t in ipairs{0, 1e9, 1.7e9, 1230768000, 1262217600, 1293753600} do print(os.date("!%p|", t)) end
-- @@ conv-r
for _, t in ipairs{0, 1e9, 1.7e9, 1230768000, 1262217600, 1293753600} do print(os.date("!%r|", t)) end
-- @@ conv-R
for _, t in ipairs{0, 1e9, 1.7e9, 1230768000, 1262217600, 1293753600} do print(os.date("!%R|", t)) end
-- @@ conv-S
for _, t in ipairs{0, 1e9, 1.7e9, 1230768000, 1262217600, 1293753600} do print(os.date("!%S|", t)) end
-- @@ conv-t
for _, t in ipairs{0, 1e9, 1.7e9, 1230768000, 1262217600, 1293753600} do print(os.date("!%t|", t)) end
-- @@ conv-T
for _, t in ipairs{0, 1e9, 1.7e9, 1230768000, 1262217600, 1293753600} do print(os.date("!%T|", t)) end
-- @@ conv-u
for _, t in ipairs{0, 1e9, 1.7e9, 1230768000, 1262217600, 1293753600} do print(os.date("!%u|", t)) end
-- @@ conv-U
for _, t in ipairs{0, 1e9, 1.7e9, 1230768000, 1262217600, 1293753600} do print(os.date("!%U|", t)) end
-- @@ conv-V
for _, t in ipairs{0, 1e9, 1.7e9, 1230768000, 1262217600, 1293753600} do print(os.date("!%V|", t)) end
-- @@ conv-w
for _, t in ipairs{0, 1e9, 1.7e9, 1230768000, 1262217600, 1293753600} do print(os.date("!%w|", t)) end
-- @@ conv-W
for _, t in ipairs{0, 1e9, 1.7e9, 1230768000, 1262217600, 1293753600} do print(os.date("!%W|", t)) end
-- @@ conv-x
for _, t in ipairs{0, 1e9, 1.7e9, 1230768000, 1262217600, 1293753600} do print(os.date("!%x|", t)) end
-- @@ conv-X
for _, t in ipairs{0, 1e9, 1.7e9, 1230768000, 1262217600, 1293753600} do print(os.date("!%X|", t)) end
-- @@ conv-y
for _, t in ipairs{0, 1e9, 1.7e9, 1230768000, 1262217600, 1293753600} do print(os.date("!%y|", t)) end
-- @@ conv-Y
for _, t in ipairs{0, 1e9, 1.7e9, 1230768000, 1262217600, 1293753600} do print(os.date("!%Y|", t)) end
-- @@ conv-z
for _, t in ipairs{0, 1e9, 1.7e9, 1230768000, 1262217600, 1293753600} do print(os.date("!%z|", t)) end
-- @@ conv-Z
for _, t in ipairs{0, 1e9, 1.7e9, 1230768000, 1262217600, 1293753600} do print(os.date("!%Z|", t)) end
-- @@ conv-pct
for _, t in ipairs{0, 1e9, 1.7e9, 1230768000, 1262217600, 1293753600} do print(os.date("!%%|", t)) end
-- @@ star-t
local t = os.date("!*t", 1234567890)
print(t.year, t.month, t.day, t.hour, t.min, t.sec, t.wday, t.yday, t.isdst)
local u = os.date("*t", 0)
print(u.year, u.month, u.day, u.hour, u.min, u.sec, u.wday, u.yday, u.isdst)
-- @@ default-format
print(os.date("!%c", 0) == os.date("!%c", 0), #os.date("!", 0), os.date("!", 0) == "")
print(os.date("!%c", 1e9))
-- @@ invalid-conversions
for _, f in ipairs{"%Ez", "%Q", "%", "%5d", "%E", "%Oz", "%-d", "%#"} do print(f, pcall(os.date, f, 0)) end
-- @@ valid-E-O
print(os.date("!%Ec|%EC|%Ex|%EX|%Ey|%EY|%Od|%Oe|%OH|%OI|%Om|%OM|%OS|%Ou|%OU|%OV|%Ow|%OW|%Oy", 1e9))
-- @@ literal-text
print(os.date("!Year: %Y, day %d. Done", 1e9), os.date("!no conversions", 0))
-- @@ time-table
print(os.time{year = 2000, month = 1, day = 1, hour = 0})
print(os.time{year = 2020, month = 2, day = 30, hour = 12, min = 30, sec = 15})
print(os.time{year = 1970, month = 1, day = 1, hour = 0, sec = -1})
-- @@ time-table-normalize
local t = {year = 2021, month = 14, day = 35, hour = 25, min = 61, sec = 61}
print(os.time(t))
print(t.year, t.month, t.day, t.hour, t.min, t.sec, t.yday, t.wday)
-- @@ time-table-errors
print(pcall(os.time, {year = 2000}))
print(pcall(os.time, {year = 2000, month = "x", day = 1}))
print(pcall(os.time, {year = 2000, month = 1.5, day = 1}))
-- @@ time-2038
print(os.time{year = 2038, month = 1, day = 19, hour = 3, min = 14, sec = 8})
-- @@ difftime
print(os.difftime(10, 5), os.difftime(0, 1), math.type(os.difftime(2, 1)))
-- @@ date-float-time
print(os.date("!%H:%M:%S", 3661.9))
print(pcall(os.date, "!%H", 1.5e300))
-- @@ date-negative
print(os.date("!%Y-%m-%d %H:%M:%S %j %U %W %V %G %g %u %w", -86400))
print(os.date("!%Y-%m-%d", -1e10))
-- @@ date-errors
print(pcall(os.date, 1, "x"))
print(pcall(os.date, {}))
-- @@ clock-type
print(math.type(os.clock()), os.clock() >= 0)
