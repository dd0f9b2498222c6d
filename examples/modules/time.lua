-- time: instants, durations, Go-style layouts and sleeping.
local time = require("time")

local t = time.unix(1700000000)
print("unix 1700000000 is " .. t:format_rfc3339())
print("as a date: " .. t:format("Monday, January 2, 2006 at 3:04pm (MST)"))
print(string.format("fields: %d-%02d-%02d weekday %d", t:year(), t:month(), t:day(), t:weekday()))

local parsed, err = time.parse(time.RFC3339, "2024-02-29T12:30:00+02:00")
if err then error(err) end
print("parsed: " .. parsed:utc():format_rfc3339())

local _, bad = time.parse("2006-01-02", "2024-13-01")
if bad then print("bad date: " .. bad:kind() .. " - " .. bad:message()) end

local d = assert(time.parse_duration("1h30m"))
print("1h30m = " .. d:minutes() .. " minutes, printed " .. d:string())

local later = t:add(90 * time.MINUTE)
print("90 minutes later: " .. later:format("15:04") .. ", after? " .. tostring(later:after(t)))
print("difference: " .. tostring(later:sub(t)))

local started = time.now()
time.sleep("20ms")
local slept = time.since(started)
print("slept at least 20ms: " .. tostring(slept:milliseconds() >= 19))
