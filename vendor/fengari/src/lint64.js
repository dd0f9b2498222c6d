"use strict";

/*
** 64-bit Lua integers (luamod patch; upstream fengari has 32-bit integers).
**
** Representation: an integer TValue holds
**   - a JS number when it is a safe integer (|x| <= 2^53 - 1): the fast path;
**   - a BigInt otherwise, always normalised: a BigInt value is never within the
**     safe range, and always within [-2^63, 2^63 - 1].
** So two equal integers always have the same JS type and `===` is exact equality,
** and JS `<`/`<=` compare numbers and BigInts by their mathematical values.
**
** Every operation takes the fast path when both operands are numbers and the
** result is a safe integer; it recomputes with BigInt (wrapping modulo 2^64 as
** C Lua does) otherwise.
*/

const MAX_SAFE = Number.MAX_SAFE_INTEGER;     /*  2^53 - 1 */
const MIN_SAFE = -Number.MAX_SAFE_INTEGER;    /* -2^53 + 1 */
const TWO63 = 9223372036854775808;            /* 2^63 as a float (exact) */

const LUA_MAXINTEGER = 9223372036854775807n;
const LUA_MININTEGER = -9223372036854775808n;

/* Normalise a BigInt: wrap to 64 bits, then back to a number when safe. */
const norm = function(b) {
    b = BigInt.asIntN(64, b);
    return (b >= -9007199254740991n && b <= 9007199254740991n) ? Number(b) : b;
};

/* A float with an integral value in [-2^63, 2^63) to an integer, or false. */
const fromfloat = function(f) {
    if (f >= MIN_SAFE && f <= MAX_SAFE) return f + 0; /* +0: no -0 integers */
    if (f >= -TWO63 && f < TWO63) return BigInt(f);
    return false;
};

/* Integer to float (C's cast: round to nearest). */
const tofloat = function(i) {
    return typeof i === "number" ? i : Number(i);
};

const add = function(a, b) {
    if (typeof a === "number" && typeof b === "number") {
        let r = a + b;
        if (r <= MAX_SAFE && r >= MIN_SAFE) return r;
    }
    return norm(BigInt(a) + BigInt(b));
};

const sub = function(a, b) {
    if (typeof a === "number" && typeof b === "number") {
        let r = a - b;
        if (r <= MAX_SAFE && r >= MIN_SAFE) return r;
    }
    return norm(BigInt(a) - BigInt(b));
};

const mul = function(a, b) {
    if (typeof a === "number" && typeof b === "number") {
        let r = a * b;
        if (r <= MAX_SAFE && r >= MIN_SAFE) return r + 0; /* no -0 */
    }
    return norm(BigInt(a) * BigInt(b));
};

/* floor division; the caller has checked b != 0 */
const idiv = function(a, b) {
    if (typeof a === "number" && typeof b === "number")
        return Math.floor(a / b) + 0;
    a = BigInt(a); b = BigInt(b);
    let q = a / b;
    if ((a % b !== 0n) && ((a < 0n) !== (b < 0n))) q -= 1n;
    return norm(q);
};

/* modulo with the sign of the divisor; the caller has checked b != 0 */
const mod = function(a, b) {
    if (typeof a === "number" && typeof b === "number") {
        let r = a % b;
        if (r === 0) return 0;
        if ((r < 0) !== (b < 0)) r += b;
        return r;
    }
    a = BigInt(a); b = BigInt(b);
    let r = a % b;
    if (r !== 0n && ((r < 0n) !== (b < 0n))) r += b;
    return norm(r);
};

const unm = function(a) {
    if (typeof a === "number") return 0 - a;
    return norm(-a);
};

/* int32 operands: JS 32-bit bitwise results sign-extend to the 64-bit ones */
const band = function(a, b) {
    if (typeof a === "number" && typeof b === "number" && (a | 0) === a && (b | 0) === b) return a & b;
    return norm(BigInt(a) & BigInt(b));
};

const bor = function(a, b) {
    if (typeof a === "number" && typeof b === "number" && (a | 0) === a && (b | 0) === b) return a | b;
    return norm(BigInt(a) | BigInt(b));
};

const bxor = function(a, b) {
    if (typeof a === "number" && typeof b === "number" && (a | 0) === a && (b | 0) === b) return a ^ b;
    return norm(BigInt(a) ^ BigInt(b));
};

const bnot = function(a) {
    if (typeof a === "number") {
        let r = -a - 1;
        if (r >= MIN_SAFE) return r;
    }
    return norm(~BigInt(a));
};

/* POW2[i] = 2^i, exact doubles */
const POW2 = [];
for (let i = 0, p = 1; i < 64; i++, p *= 2) POW2.push(p);

/* x << y (y < 0: logical shift right), as luaV_shiftl */
const shiftl = function(x, y) {
    if (typeof y !== "number") /* |y| >= 2^53 */
        return 0;
    if (y < 0) {  /* shift right */
        if (y <= -64) return 0;
        if (typeof x === "number" && x >= 0) {
            if (x <= 0x7fffffff) return y > -32 ? x >> -y : 0;  /* int32: JS shift */
            return Math.floor(x / POW2[-y]);
        }
        return norm(BigInt.asUintN(64, BigInt(x)) >> BigInt(-y));
    } else {  /* shift left */
        if (y >= 64) return 0;
        if (typeof x === "number") {
            let r = x * POW2[y];
            if (r <= MAX_SAFE && r >= MIN_SAFE) return r;
        }
        return norm(BigInt(x) << BigInt(y));
    }
};

const shiftr = function(x, y) {
    if (typeof y !== "number") return 0;
    return shiftl(x, 0 - y);
};

/* unsigned comparison a < b (math.ult) */
const ult = function(a, b) {
    if (typeof a === "number" && typeof b === "number" && a >= 0 && b >= 0)
        return a < b;
    return BigInt.asUintN(64, BigInt(a)) < BigInt.asUintN(64, BigInt(b));
};

/* decimal text of an integer, as C's "%lld" */
const tostr = function(i) {
    return String(i);
};

/*
** C printf of a 64-bit integer: `spec` is a conversion ('%' flags width
** precision conversion, the conversion one of d i o u x X c) as string.format
** has validated it; `i` a Lua integer.
*/
const format = function(spec, i) {
    let m = /^%([-+ #0]*)([0-9]*)(?:\.([0-9]*))?([a-zA-Z]*?)([diouxXc])$/.exec(spec);
    if (m === null) throw new RangeError("invalid integer format " + spec);
    let flags = m[1], width = m[2] === "" ? 0 : Number(m[2]), conv = m[5];
    let prec = m[3] === undefined ? -1 : Number(m[3] || "0");
    let left = flags.includes("-");
    let body, prefix = "";
    if (conv === "c") {
        body = String.fromCharCode(Number(BigInt.asUintN(8, BigInt(i))));
    } else {
        if (conv === "d" || conv === "i") {
            let b = BigInt(i);
            if (b < 0n) { prefix = "-"; b = -b; }
            else if (flags.includes("+")) prefix = "+";
            else if (flags.includes(" ")) prefix = " ";
            body = b.toString(10);
        } else {
            let u = tounsigned(i);
            body = u.toString(conv === "o" ? 8 : conv === "u" ? 10 : 16);
            if (conv === "X") body = body.toUpperCase();
            if (flags.includes("#")) {
                if (conv === "x" && u !== 0n) prefix = "0x";
                else if (conv === "X" && u !== 0n) prefix = "0X";
            }
        }
        if (prec >= 0) {
            if (prec === 0 && body === "0") body = "";
            while (body.length < prec) body = "0" + body;
        }
        if (conv === "o" && flags.includes("#") && body[0] !== "0") body = "0" + body;
        if (prec < 0 && !left && flags.includes("0")) {
            while (prefix.length + body.length < width) body = "0" + body;
        }
    }
    let r = prefix + body;
    while (r.length < width) r = left ? r + " " : " " + r;
    return r;
};

/* unsigned 64-bit value (a BigInt in [0, 2^64)) of an integer */
const tounsigned = function(i) {
    return BigInt.asUintN(64, BigInt(i));
};

/* A JS number or bigint from the host to a Lua integer, or false if it is not an
** integer within [-2^63, 2^63). */
const fromhost = function(v) {
    if (typeof v === "number")
        return Number.isInteger(v) ? fromfloat(v) : false;
    if (typeof v === "bigint")
        return (v >= LUA_MININTEGER && v <= LUA_MAXINTEGER) ? norm(v) : false;
    return false;
};

/* Is `i` an integer value in the exact Lua representation? */
const isint = function(i) {
    return (typeof i === "number" && Number.isSafeInteger(i) && !Object.is(i, -0)) ||
        (typeof i === "bigint" && (i > 9007199254740991n || i < -9007199254740991n) &&
         i >= LUA_MININTEGER && i <= LUA_MAXINTEGER);
};

/* Clamp an integer to a JS number in [-2^53, 2^53]: for positions and sizes, where
** every value beyond behaves the same (no string or table is that large). */
const clamp = function(i) {
    if (typeof i === "number") return i;
    return i < 0n ? -9007199254740992 : 9007199254740992;
};

module.exports.LUA_MAXINTEGER = LUA_MAXINTEGER;
module.exports.LUA_MININTEGER = LUA_MININTEGER;
module.exports.add        = add;
module.exports.band       = band;
module.exports.bnot       = bnot;
module.exports.bor        = bor;
module.exports.bxor       = bxor;
module.exports.clamp      = clamp;
module.exports.format     = format;
module.exports.fromfloat  = fromfloat;
module.exports.fromhost   = fromhost;
module.exports.idiv       = idiv;
module.exports.isint      = isint;
module.exports.mod        = mod;
module.exports.mul        = mul;
module.exports.norm       = norm;
module.exports.shiftl     = shiftl;
module.exports.shiftr     = shiftr;
module.exports.sub        = sub;
module.exports.tofloat    = tofloat;
module.exports.tostr      = tostr;
module.exports.tounsigned = tounsigned;
module.exports.ult        = ult;
module.exports.unm        = unm;
