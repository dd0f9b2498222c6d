// time on the real VM: functions, Time and Duration methods, INVALID errors, bad arguments, and
// sleep through the real scheduler and clock dispatcher.
import { afterAll, describe, expect, it } from 'vitest';
import { createVm } from '../vm';
import { timeModule } from '../../../src/modules/time';
import { fieldsOf } from '../../../src/types/manifest';

const vm = createVm({ env: {} });
afterAll(() => vm.stop());

describe('time functions', () => {
  it('exposes the unit constants (in seconds) and RFC3339', async () => {
    expect(await vm.values('return time.NANOSECOND, time.MICROSECOND, time.MILLISECOND, time.SECOND, time.MINUTE, time.HOUR, time.RFC3339'))
      .toEqual([1e-9, 1e-6, 0.001, 1, 60, 3600, '2006-01-02T15:04:05Z07:00']);
  });
  it('numbers are seconds wherever a duration is taken; nanoseconds stay available', async () => {
    expect(await vm.values(`
      local t = time.unix(0)
      return t:add(1.5):unix_milli(), t:add(250 * time.MILLISECOND):unix_milli(), t:add("2m"):unix(), t:add(-1):unix(),
        t:add(time.NANOSECOND):sub(t):nanoseconds(), time.parse_duration("1.5s"):nanoseconds()`)).toEqual([1500, 250, 120, -1, 1, 1.5e9]);
  });
  it('now() is the current time', async () => {
    const [sec] = await vm.values('return time.now():unix()');
    expect(Math.abs((sec as number) - Date.now() / 1000)).toBeLessThan(60);
  });
  it('unix(sec, nsec) builds a UTC time; bad arguments raise', async () => {
    expect(await vm.values('local t = time.unix(1700000000, 5e8) return t:format_rfc3339(), t:unix(), t:unix_milli(), tostring(t)'))
      .toEqual(['2023-11-14T22:13:20Z', 1700000000, 1700000000500, '2023-11-14T22:13:20.5Z']);
    expect(await vm.values('return time.unix(-1):format_rfc3339(), time.unix(1.25):unix_milli()')).toEqual(['1969-12-31T23:59:59Z', 1250]);
    expect(await vm.failure('time.unix("x")')).toMatch(/bad argument #1 to 'unix' \(number expected, got string\)/);
    expect(await vm.failure('time.unix(1, {})')).toMatch(/bad argument #2 to 'unix' \(number expected, got table\)/);
    expect(await vm.failure('time.unix(1e300)')).toMatch(/bad argument #1 to 'unix' \(time out of range/);
    expect(await vm.failure('time.unix(0/0)')).toMatch(/bad argument #1 to 'unix' \(finite number expected\)/);
    expect(await vm.failure('time.unix(0):add(1e300)')).toMatch(/bad argument #1 to 'add' \(the duration moves the time out of range\)/);
  });
  it('since(t) is a Duration; a non-Time raises', async () => {
    expect(await vm.values('local d = time.since(time.unix(0)) return d:hours() > 400000, tostring(d):sub(-1)')).toEqual([true, 's']);
    expect(await vm.failure('time.since(5)')).toMatch(/bad argument #1 to 'since' \(time\.Time expected, got number\)/);
  });
  it('parse reads Go-style layouts and returns INVALID on mismatch', async () => {
    expect(await vm.values(`
      local t = assert(time.parse(time.RFC3339, "2024-02-29T12:30:00+02:00"))
      local u = assert(time.parse("Jan 2 2006 3:04PM", "Mar 5 2021 9:07PM"))
      return t:utc():format_rfc3339(), t:format_rfc3339(), t:hour(), u:format_rfc3339()`))
      .toEqual(['2024-02-29T10:30:00Z', '2024-02-29T12:30:00+02:00', 12, '2021-03-05T21:07:00Z']);
    expect(await vm.values('local t, err = time.parse("2006-01-02", "2024-13-01") return t, err:kind(), err:message()'))
      .toEqual([null, 'INVALID', 'parsing time "2024-13-01": month out of range']);
    expect(await vm.failure('time.parse({}, "x")')).toMatch(/bad argument #1 to 'parse' \(string expected, got table\)/);
    expect(await vm.failure('time.parse("2006")')).toMatch(/bad argument #2 to 'parse' \(string expected, got no value\)/);
  });
  it('parse_duration reads Go durations and returns INVALID otherwise', async () => {
    expect(await vm.values('local d = time.parse_duration("1h30m") return d:minutes(), d:string(), time.parse_duration("250ms"):nanoseconds()'))
      .toEqual([90, '1h30m0s', 250e6]);
    expect(await vm.values('local d, err = time.parse_duration("5 days") return d, err:kind(), err:message()'))
      .toEqual([null, 'INVALID', 'invalid duration "5 days": unknown unit " days"']);
    expect(await vm.failure('time.parse_duration()')).toMatch(/bad argument #1 to 'parse_duration' \(string expected, got no value\)/);
  });
});

describe('time.Time methods', () => {
  it('reads fields in the time zone of the value', async () => {
    expect(await vm.values(`local t = time.unix(1136214245) return t:year(), t:month(), t:day(), t:hour(), t:minute(), t:second(), t:weekday()`))
      .toEqual([2006, 1, 2, 15, 4, 5, 1]);
  });
  it('formats, adds, subtracts and compares', async () => {
    expect(await vm.values(`
      local t = time.unix(1136214245)
      local later = t:add(90 * time.MINUTE)
      local d = later:sub(t)
      local back = later:add(time.parse_duration("-90m"))
      return t:format("Mon Jan _2 15:04:05 MST 2006"), later:format("15:04"), d:string(), d:hours(), back:equal(t), later:after(t), later:before(t), t < later, t == back, t:add(d) == later`))
      .toEqual(['Mon Jan  2 15:04:05 UTC 2006', '16:34', '1h30m0s', 1.5, true, true, false, true, true, true]);
  });
  it('raises on a bad receiver or argument', async () => {
    expect(await vm.failure('local t = time.now() t.year()')).toMatch(/time\.Time expected/);
    expect(await vm.failure('time.now():add({})')).toMatch(/bad argument #1 to 'add' \(duration expected \(Duration, seconds or text like "250ms"\), got table\)/);
    expect(await vm.failure('time.now():add(0/0)')).toMatch(/bad argument #1 to 'add' \(finite duration expected, got NaN\)/);
    expect(await vm.failure('time.now():sub(5)')).toMatch(/bad argument #1 to 'sub' \(time\.Time expected, got number\)/);
    expect(await vm.failure('time.now():before(nil)')).toMatch(/bad argument #1 to 'before' \(time\.Time expected, got nil\)/);
    expect(await vm.failure('time.now():format()')).toMatch(/bad argument #1 to 'format' \(string expected, got no value\)/);
  });
});

describe('every Time and Duration method', () => {
  for (const [type, make] of [['Time', 'time.now()'], ['Duration', 'time.parse_duration("1s")']] as const) {
    const methods = Object.keys(fieldsOf(timeModule.types().lookupType(type)!.type)!);
    it(`${type}: each of ${methods.length} methods raises when called without a ${type} receiver`, async () => {
      const [out] = await vm.values(`
        local v = ${make}
        local r = {}
        for _, name in ipairs({ ${methods.map((m) => JSON.stringify(m)).join(', ')} }) do
          local ok, err = pcall(v[name], 42)
          r[#r + 1] = name .. "=" .. tostring(ok) .. ":" .. tostring(err):match("time%.${type} expected, got number") 
        end
        return table.concat(r, " ")`);
      expect(out).toBe(methods.map((m) => `${m}=false:time.${type} expected, got number`).join(' '));
    });
  }
});

describe('time.Duration methods', () => {
  it('converts to every unit and prints like Go', async () => {
    expect(await vm.values(`local d = time.parse_duration("1h1m1.5s") return d:nanoseconds(), d:milliseconds(), d:seconds(), d:minutes() > 61, d:hours() > 1, d:string(), tostring(time.parse_duration("1.5us"))`))
      .toEqual([3661.5e9, 3661500, 3661.5, true, true, '1h1m1.5s', '1.5µs']);
    expect(await vm.values(`return time.parse_duration("1s") < time.parse_duration("2s"), time.parse_duration("60s") == time.parse_duration("1m")`)).toEqual([true, true]);
  });
  it('raises on a bad receiver', async () => {
    expect(await vm.failure('local d = time.parse_duration("1s") d.seconds()')).toMatch(/time\.Duration expected/);
  });
});

describe('time.sleep', () => {
  it('suspends the script through the scheduler: other scripts run meanwhile', async () => {
    const order: string[] = [];
    await Promise.all([
      vm.values(`print("sleeper starts") time.sleep("30ms") print("sleeper wakes")`, { output: (t) => order.push(t.trim()) }),
      vm.values(`print("other script ran")`, { output: (t) => order.push(t.trim()) }),
    ]);
    expect(order).toEqual(['sleeper starts', 'other script ran', 'sleeper wakes']);
  });
  it('accepts a Duration, seconds and text; returns nothing; zero is fine', async () => {
    expect(await vm.values(`
      local t0 = time.now()
      time.sleep(time.parse_duration("2ms"))
      time.sleep(2 * time.MILLISECOND)
      time.sleep(0.002)
      time.sleep("2ms")
      time.sleep(0)
      return select("#", time.sleep(0)), time.since(t0):milliseconds() >= 8`)).toEqual([0, true]);
  });
  it('a number is seconds: time.sleep(0.03) sleeps 30 ms', async () => {
    expect(await vm.values('local t0 = time.now() time.sleep(0.03) return time.since(t0):milliseconds() >= 29')).toEqual([true]);
  });
  it('raises for a bad argument, bad duration text, NaN, infinity or a negative duration', async () => {
    expect(await vm.failure('time.sleep({})')).toMatch(/bad argument #1 to 'sleep' \(duration expected \(Duration, seconds or text like "250ms"\), got table\)/);
    expect(await vm.failure('time.sleep("soon")')).toMatch(/bad argument #1 to 'sleep' \(invalid duration "soon"/);
    expect(await vm.failure('time.sleep()')).toMatch(/bad argument #1 to 'sleep' \(duration expected \(Duration, seconds or text like "250ms"\), got no value\)/);
    expect(await vm.failure('time.sleep(0/0)')).toMatch(/bad argument #1 to 'sleep' \(finite duration expected, got NaN\)/);
    expect(await vm.failure('time.sleep(math.huge)')).toMatch(/bad argument #1 to 'sleep' \(finite duration expected, got Infinity\)/);
    expect(await vm.failure('time.sleep(-5)')).toMatch(/bad argument #1 to 'sleep' \(non-negative duration expected\)/);
    expect(await vm.failure('time.sleep("-1s")')).toMatch(/bad argument #1 to 'sleep' \(non-negative duration expected\)/);
  });
});
