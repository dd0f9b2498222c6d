"use strict";

const conf = (process.env.FENGARICONF ? JSON.parse(process.env.FENGARICONF) : {});

const {
    LUA_VERSION_MAJOR,
    LUA_VERSION_MINOR,
    to_luastring
} = require('./defs.js');

/*
** LUA_PATH_SEP is the character that separates templates in a path.
** LUA_PATH_MARK is the string that marks the substitution points in a
** template.
** LUA_EXEC_DIR in a Windows path is replaced by the executable's
** directory.
*/
const LUA_PATH_SEP  = ";";
module.exports.LUA_PATH_SEP = LUA_PATH_SEP;

const LUA_PATH_MARK = "?";
module.exports.LUA_PATH_MARK = LUA_PATH_MARK;

const LUA_EXEC_DIR  = "!";
module.exports.LUA_EXEC_DIR = LUA_EXEC_DIR;

/*
@@ LUA_PATH_DEFAULT is the default path that Lua uses to look for
** Lua libraries.
@@ LUA_JSPATH_DEFAULT is the default path that Lua uses to look for
** JS libraries.
** CHANGE them if your machine has a non-conventional directory
** hierarchy or if you want to install your libraries in
** non-conventional directories.
*/
const LUA_VDIR = LUA_VERSION_MAJOR + "." + LUA_VERSION_MINOR;
module.exports.LUA_VDIR = LUA_VDIR;

if (typeof process === "undefined") {
    const LUA_DIRSEP = "/";
    module.exports.LUA_DIRSEP = LUA_DIRSEP;

    const LUA_LDIR = "./lua/" + LUA_VDIR + "/";
    module.exports.LUA_LDIR = LUA_LDIR;

    const LUA_JSDIR = LUA_LDIR;
    module.exports.LUA_JSDIR = LUA_JSDIR;

    const LUA_PATH_DEFAULT = to_luastring(
        LUA_LDIR + "?.lua;" + LUA_LDIR + "?/init.lua;" +
        /* LUA_JSDIR excluded as it is equal to LUA_LDIR */
        "./?.lua;./?/init.lua"
    );
    module.exports.LUA_PATH_DEFAULT = LUA_PATH_DEFAULT;

    const LUA_JSPATH_DEFAULT = to_luastring(
        LUA_JSDIR + "?.js;" + LUA_JSDIR + "loadall.js;./?.js"
    );
    module.exports.LUA_JSPATH_DEFAULT = LUA_JSPATH_DEFAULT;
} else if (require('os').platform() === 'win32') {
    const LUA_DIRSEP = "\\";
    module.exports.LUA_DIRSEP = LUA_DIRSEP;

    /*
    ** In Windows, any exclamation mark ('!') in the path is replaced by the
    ** path of the directory of the executable file of the current process.
    */
    const LUA_LDIR = "!\\lua\\";
    module.exports.LUA_LDIR = LUA_LDIR;

    const LUA_JSDIR = "!\\";
    module.exports.LUA_JSDIR = LUA_JSDIR;

    const LUA_SHRDIR = "!\\..\\share\\lua\\" + LUA_VDIR + "\\";
    module.exports.LUA_SHRDIR = LUA_SHRDIR;

    const LUA_PATH_DEFAULT = to_luastring(
        LUA_LDIR + "?.lua;" + LUA_LDIR + "?\\init.lua;" +
        LUA_JSDIR + "?.lua;" + LUA_JSDIR + "?\\init.lua;" +
        LUA_SHRDIR + "?.lua;" + LUA_SHRDIR + "?\\init.lua;" +
        ".\\?.lua;.\\?\\init.lua"
    );
    module.exports.LUA_PATH_DEFAULT = LUA_PATH_DEFAULT;

    const LUA_JSPATH_DEFAULT = to_luastring(
        LUA_JSDIR + "?.js;" +
        LUA_JSDIR + "..\\share\\lua\\" + LUA_VDIR + "\\?.js;" +
        LUA_JSDIR + "loadall.js;.\\?.js"
    );
    module.exports.LUA_JSPATH_DEFAULT = LUA_JSPATH_DEFAULT;
} else {
    const LUA_DIRSEP = "/";
    module.exports.LUA_DIRSEP = LUA_DIRSEP;

    const LUA_ROOT = "/usr/local/";
    module.exports.LUA_ROOT = LUA_ROOT;
    const LUA_ROOT2 = "/usr/";

    const LUA_LDIR = LUA_ROOT + "share/lua/" + LUA_VDIR + "/";
    const LUA_LDIR2 = LUA_ROOT2 + "share/lua/" + LUA_VDIR + "/";
    module.exports.LUA_LDIR = LUA_LDIR;

    const LUA_JSDIR = LUA_LDIR;
    module.exports.LUA_JSDIR = LUA_JSDIR;
    const LUA_JSDIR2 = LUA_LDIR2;

    const LUA_PATH_DEFAULT = to_luastring(
        LUA_LDIR + "?.lua;" + LUA_LDIR + "?/init.lua;" +
        LUA_LDIR2 + "?.lua;" + LUA_LDIR2 + "?/init.lua;" +
        /* LUA_JSDIR(2) excluded as it is equal to LUA_LDIR(2) */
        "./?.lua;./?/init.lua"
    );
    module.exports.LUA_PATH_DEFAULT = LUA_PATH_DEFAULT;

    const LUA_JSPATH_DEFAULT = to_luastring(
        LUA_JSDIR + "?.js;" + LUA_JSDIR + "loadall.js;" +
        LUA_JSDIR2 + "?.js;" + LUA_JSDIR2 + "loadall.js;" +
        "./?.js"
    );
    module.exports.LUA_JSPATH_DEFAULT = LUA_JSPATH_DEFAULT;
}

/*
@@ LUA_COMPAT_FLOATSTRING makes Lua format integral floats without a
@@ a float mark ('.0').
** This macro is not on by default even in compatibility mode,
** because this is not really an incompatibility.
*/
const LUA_COMPAT_FLOATSTRING = conf.LUA_COMPAT_FLOATSTRING || false;

/* 64-bit integers (luamod patch): BigInt constants; see lint64.js for the representation */
const lint64 = require('./lint64.js');
const LUA_MAXINTEGER = lint64.LUA_MAXINTEGER;
const LUA_MININTEGER = lint64.LUA_MININTEGER;

/*
@@ LUAI_MAXSTACK limits the size of the Lua stack.
** CHANGE it if you need a different limit. This limit is arbitrary;
** its only purpose is to stop Lua from consuming unlimited stack
** space (and to reserve some numbers for pseudo-indices).
*/
/* luamod: 200000 (C Lua: 1000000): a fengari stack slot is a JS object, ~10x a C TValue, so a
   runaway recursion ends as a catchable "stack overflow" long before a memory limit (~200k frames) */
const LUAI_MAXSTACK = conf.LUAI_MAXSTACK || 200000;

/*
@@ LUA_IDSIZE gives the maximum size for the description of the source
@@ of a function in debug information.
** CHANGE it if you want a different size.
*/
const LUA_IDSIZE = conf.LUA_IDSIZE || (60-1); /* fengari uses 1 less than lua as we don't embed the null byte */

const lua_integer2str = function(n) {
    return String(n); /* should match behaviour of LUA_INTEGER_FMT */
};

/* luamod: C's "%.14g" (glibc): inf, -inf, nan/-nan by the sign bit, -0, exponent
   of at least two digits, exact ties rounded to even (JS rounds them up). */
const nan_view = new DataView(new ArrayBuffer(8));
const exact_tie = function(a, digits, e) {
    /* is |a| exactly the midpoint below the JS-rounded 'digits' x 10^(e - digits.length + 1)? */
    let k = e - digits.length + 1;
    let mid = BigInt(digits) * 10n - 5n; /* scaled by 10^(k-1) */
    nan_view.setFloat64(0, a);
    let hi = nan_view.getUint32(0), lo = nan_view.getUint32(4);
    let be = (hi >>> 20) & 0x7ff;
    let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
    if (be === 0) be = 1; else m |= 1n << 52n;
    let b2 = be - 1075; /* a = m * 2^b2 */
    let p10 = k - 1;
    /* compare m * 2^b2 with mid * 10^p10 */
    let lhs = m, rhs = mid;
    if (b2 >= 0) lhs <<= BigInt(b2); else rhs <<= BigInt(-b2);
    if (p10 >= 0) rhs *= 10n ** BigInt(p10); else lhs *= 10n ** BigInt(-p10);
    return lhs === rhs;
};
const lua_number2str = function(n) {
    if (n !== n) {
        nan_view.setFloat64(0, n);
        return (nan_view.getUint32(0) >>> 31) ? "-nan" : "nan";
    }
    if (n === Infinity) return "inf";
    if (n === -Infinity) return "-inf";
    if (n === 0) return 1/n < 0 ? "-0" : "0";
    let a = n < 0 ? -n : n;
    let s = a.toExponential(13);
    let ei = s.indexOf("e");
    let digits = s[0] + s.substring(2, ei);
    let e = +s.substring(ei + 1);
    if (digits[13] !== "0" && a === Number(digits.substring(0, 13) + (+digits[13] - 1) + "5e" + (e - 14)) && exact_tie(a, digits, e) && (+digits[13] & 1)) {
        /* JS rounded an exact tie up to an odd digit: C rounds it down to the even one */
        let d = (BigInt(digits) - 1n).toString();
        digits = d;
    }
    digits = digits.replace(/0+$/, "");
    let out;
    if (e < -4 || e >= 14) {
        out = digits[0] + (digits.length > 1 ? "." + digits.substring(1) : "") + "e" + (e < 0 ? "-" : "+") + (Math.abs(e) < 10 ? "0" : "") + Math.abs(e);
    } else if (e < 0) {
        out = "0." + "0".repeat(-e - 1) + digits;
    } else if (digits.length <= e + 1) {
        out = digits + "0".repeat(e + 1 - digits.length);
    } else {
        out = digits.substring(0, e + 1) + "." + digits.substring(e + 1);
    }
    return n < 0 ? "-" + out : out;
};

/* luamod: x86's default NaN (sign bit set), what C's invalid operations return: `(-7)^0.5` and
   `math.log(-1)` print "-nan" in C Lua; JS's Math functions return a positive NaN */
const NEG_NAN = (function() {
    const d = new DataView(new ArrayBuffer(8));
    d.setUint32(0, 0xfff80000);
    d.setUint32(4, 0);
    return d.getFloat64(0);
})();
const luai_numpow = function(a, b) {
    /* C99 (unlike JS): pow(1, y) is 1 for any y, even NaN; pow(-1, +-inf) is 1 */
    if (a === 1 || (a === -1 && (b === Infinity || b === -Infinity))) return 1;
    let r = Math.pow(a, b);
    return (r !== r && a === a && b === b) ? NEG_NAN : r;
};
/* C's fmod: an invalid operation (x infinite or y zero) is x86's default NaN */
const luai_fmod = function(a, b) {
    let m = a % b;
    return (m !== m && a === a && b === b) ? NEG_NAN : m;
};

/* a float with an integral value to an integer, or false if out of [-2^63, 2^63) */
const lua_numbertointeger = lint64.fromfloat;

const LUA_INTEGER_FRMLEN = "";
const LUA_NUMBER_FRMLEN = "";

const LUA_INTEGER_FMT = `%${LUA_INTEGER_FRMLEN}d`;
const LUA_NUMBER_FMT  = "%.14g";

const lua_getlocaledecpoint = function() {
    /* we hard-code the decimal point to '.' as a user cannot change the
       locale in most JS environments, and in that you can, a multi-byte
       locale is common.
    */
    return 46 /* '.'.charCodeAt(0) */;
};

/*
@@ LUAL_BUFFERSIZE is the buffer size used by the lauxlib buffer system.
*/
const LUAL_BUFFERSIZE = conf.LUAL_BUFFERSIZE || 8192;

// See: http://croquetweak.blogspot.fr/2014/08/deconstructing-floats-frexp-and-ldexp.html
const frexp = function(value) {
    if (value === 0) return [value, 0];
    var data = new DataView(new ArrayBuffer(8));
    data.setFloat64(0, value);
    var bits = (data.getUint32(0) >>> 20) & 0x7FF;
    if (bits === 0) { // denormal
        data.setFloat64(0, value * Math.pow(2, 64));  // exp + 64
        bits = ((data.getUint32(0) >>> 20) & 0x7FF) - 64;
    }
    var exponent = bits - 1022;
    var mantissa = ldexp(value, -exponent);
    return [mantissa, exponent];
};

const ldexp = function(mantissa, exponent) {
    var steps = Math.min(3, Math.ceil(Math.abs(exponent) / 1023));
    var result = mantissa;
    for (var i = 0; i < steps; i++)
        result *= Math.pow(2, Math.floor((exponent + i) / steps));
    return result;
};

module.exports.LUAI_MAXSTACK          = LUAI_MAXSTACK;
module.exports.LUA_COMPAT_FLOATSTRING = LUA_COMPAT_FLOATSTRING;
module.exports.LUA_IDSIZE             = LUA_IDSIZE;
module.exports.LUA_INTEGER_FMT        = LUA_INTEGER_FMT;
module.exports.LUA_INTEGER_FRMLEN     = LUA_INTEGER_FRMLEN;
module.exports.LUA_MAXINTEGER         = LUA_MAXINTEGER;
module.exports.LUA_MININTEGER         = LUA_MININTEGER;
module.exports.LUA_NUMBER_FMT         = LUA_NUMBER_FMT;
module.exports.LUA_NUMBER_FRMLEN      = LUA_NUMBER_FRMLEN;
module.exports.LUAL_BUFFERSIZE        = LUAL_BUFFERSIZE;
module.exports.frexp                  = frexp;
module.exports.ldexp                  = ldexp;
module.exports.lua_getlocaledecpoint  = lua_getlocaledecpoint;
module.exports.lua_integer2str        = lua_integer2str;
module.exports.lua_number2str         = lua_number2str;
module.exports.lua_numbertointeger    = lua_numbertointeger;
module.exports.luai_numpow            = luai_numpow;
module.exports.luai_fmod              = luai_fmod;
module.exports.NEG_NAN                = NEG_NAN;
