# The judgements of bench/precision/judgements.json, written as rules over the findings of a run
# (LUAMOD_PRECISION_DUMP=/tmp/f.json npm run bench precision; python3 bench/precision/judge-rules.py /tmp/f.json).
# Each rule was decided by reading the code around the finding; a finding no rule covers is left
# unjudged (the bench prints how many), so a checker change that moves findings shows up.
import json, sys

T, D, F = 'true', 'defensible', 'false'
RULES = [
  # (code, file contains, line or None, message contains or None, verdict, reason)
  ('duplicate-index', '', None, None, T, 'the same key twice in one constructor: the first value is silently overwritten'),
  ('accidental-global', 'jsontest.lua', 602, None, T, "`value` is assigned inside escapeutf8 without `local`: it leaks into _G"),
  ('accidental-global', 'my_test_suite.lua', 23, None, T, '`function closure(x)` inside adder defines a global on every call'),
  ('accidental-global', 'my_test_suite.lua', 58, None, T, '`f = adder(3)` inside a test method leaks a global'),
  ('accidental-global', 'cgilua.lua', 634, None, T, '`result, err = ...`: `err` is not declared anywhere in the file and leaks into _G'),
  ('accidental-global', 'authentication.lua', 217, None, T, '`username` is assigned in a function, never declared: a global shared by all requests'),
  ('accidental-global', 'dispatcher.lua', 62, None, T, '`f, args = route_map(...)` inside route: both leak as globals'),
  ('accidental-global', 'cgilua/lp.lua', 109, None, T, '`f, err = load(...)` inside compile: both leak as globals'),
  ('accidental-global', 'luaunit.lua', 3412, None, T, '`testNames = ...` inside runSuite leaks a global'),
  ('redundant-parameter', 'printer.lua', 102, None, T, 'get_max_label_length() takes no parameter; `state` is ignored'),
  ('redundant-parameter', 'printer.lua', 179, None, T, 'the local print(fragment) takes one argument: `#arg` is never printed'),
  ('redundant-parameter', 'luaunit.lua', 2667, None, T, 'setArg(cmdArg, state) takes two parameters; `result` is ignored'),
  ('redundant-parameter', 'orbit/model.lua', None, None, T, 'escape.datetime(v) takes one parameter; `row.driver` is ignored'),
  ('redundant-parameter', 'pl/xml.lua', 692, None, T, '_dostring has 6 parameters; the 7th argument (xml_preface) is dropped (the bug named in issue #14)'),
  ('syntax-error', 'ldoc/builtin/', None, None, T, "LDoc's API description files are not valid Lua (`function f(ld [, source])`, `(···)`)"),
  ('syntax-error', 'lua53_ops.lua', None, None, D, 'Lua 5.3 operators in a file of a package configured as 5.1 (luacheck loads it only on 5.3)'),
  ('undefined-global', 'ldoc/builtin/io.lua', None, None, D, '`function file:close()` in a documentation stub: `file` is indeed never defined'),
  ('undefined-global', 'blog.lua', 293, None, D, '`time` is defined nowhere in the example; it may come from the orbit module environment, which the checker cannot see'),
  ('undefined-global', 'cosmo/grammar.lua', 132, None, T, '`ast` is never defined in the file: ast_subtemplate would fail'),
  ('undefined-global', 'leg/scanner.lua', 131, None, T, 'reads the undeclared `i` as the init of find (the bug named in issue #14)'),
  ('undefined-global', 'lyaml/implicit.lua', 47, None, T, 'inside the initializer of `local tointeger`, `tointeger` is the (undefined) global'),
  ('undefined-global', 'orbit/pages.lua', 40, None, T, 'typo: `contens:sub(4)` for `contents`'),
  ('undefined-field', 'ldoc/markup.lua', 257, None, T, 'io.exit does not exist (os.exit was meant): the error path raises instead'),
  ('undefined-field', 'moses', None, 'uniqueid', T, 'typo: the function is uniqueId, so M.uid is nil'),
  ('param-type-mismatch', 'outputHandlers/base.lua', 148, None, D, 'insertTable comes from a lookup by status that gives nil for an unknown status'),
  ('param-type-mismatch', 'gtest.lua', 268, None, D, '`string` is set only in the four status branches; another status leaves it nil'),
  ('param-type-mismatch', 'dkjson.lua', 182, None, F, 'the match on tostring(0.5) always succeeds; the checker cannot know'),
  ('param-type-mismatch', 'luaunit.lua', None, None, D, 'strsplit returns nil for a nil text, and stackTrace may be nil'),
  ('need-check-nil', 'markdown.lua', None, None, T, 'io.open result used without a check: a missing file crashes with "attempt to index a nil value"'),
  ('need-check-nil', 'makedoc.lua', None, None, T, 'io.open result used without a check'),
  ('need-check-nil', 'moonscript.lua', None, None, T, 'io.open result used without a check'),
  ('need-check-nil', 'luaunit.lua', None, None, D, 'strsplit returns nil for a nil text, and stackTrace may be nil'),
  ('need-check-nil', 'soap.lua', None, None, D, 'list_children(o)() gives nil when the Body has no element child; decode would crash on obj.attr'),
  ('need-check-nil', 'wsapi/request.lua', 89, None, T, 'string.find gives nil when the boundary is absent: `state.pos + 1` raises'),
  ('need-check-nil', 'pl/sip.lua', None, None, F, 'create_pattern returns nothing or all three values; the check of the first covers fieldtypes (third value)'),
  ('need-check-nil', 'pl/xml.lua', 1003, None, F, '`if not ni then break end` covers j (the second value of the same find)'),
]

def judge(f):
    short = f['file']
    for code, part, line, msg, verdict, reason in RULES:
        if f['code'] == code and part in short and (line is None or f['line'] == line) and (msg is None or msg in f['message']):
            return verdict, reason
    return None

def main(path):
    findings = json.load(open(path))
    out, missing = [], 0
    for f in findings:
        if f['severity'] not in ('error', 'warning') or f['code'] == 'unknown-module':
            continue
        j = judge(f)
        if not j:
            missing += 1
            print('unjudged:', f['file'], f['line'], f['code'], f['message'], file=sys.stderr)
            continue
        out.append({'key': f"{f['file']}:{f['line']}:{f['code']}:{f['message']}", 'verdict': j[0], 'reason': j[1], 'source': f['source']})
    out.sort(key=lambda j: j['key'])
    json.dump(out, open('bench/precision/judgements.json', 'w'), indent=1, ensure_ascii=False)
    open('bench/precision/judgements.json', 'a').write('\n')
    print(f'{len(out)} judged, {missing} unjudged')

main(sys.argv[1] if len(sys.argv) > 1 else '/tmp/f.json')
