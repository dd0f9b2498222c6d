"use strict";

const {
    constant_types: {
        LUA_TBOOLEAN,
        LUA_TCCL,
        LUA_TLCF,
        LUA_TLCL,
        LUA_TLIGHTUSERDATA,
        LUA_TLNGSTR,
        LUA_TNIL,
        LUA_TNUMFLT,
        LUA_TNUMINT,
        LUA_TSHRSTR,
        LUA_TTABLE,
        LUA_TTHREAD,
        LUA_TUSERDATA
    },
    to_luastring
} = require('./defs.js');
const {
    LUA_MAXINTEGER
} = require('./luaconf.js');
const { lua_assert } = require('./llimits.js');
const ldebug  = require('./ldebug.js');
const lobject = require('./lobject.js');
const lint64  = require('./lint64.js');
const {
    luaS_hashlongstr,
    TString
} = require('./lstring.js');
const lstate  = require('./lstate.js');

/* used to prevent conflicts with lightuserdata keys */
let lightuserdata_hashes = new WeakMap();
const get_lightuserdata_hash = function(v) {
    let hash = lightuserdata_hashes.get(v);
    if (!hash) {
        /* Hash should be something unique that is a valid WeakMap key
           so that it ends up in dead_weak when removed from a table */
        hash = {};
        lightuserdata_hashes.set(v, hash);
    }
    return hash;
};

const table_hash = function(L, key) {
    switch(key.type) {
        case LUA_TNIL:
            return ldebug.luaG_runerror(L, to_luastring("table index is nil", true));
        case LUA_TNUMFLT: {
            let v = key.value;
            if (isNaN(v))
                return ldebug.luaG_runerror(L, to_luastring("table index is NaN", true));
            /* 64-bit integers (luamod patch): an integer beyond 2^53 is a BigInt, so a
               float with the same (integral) value must hash to that BigInt */
            if ((v > 9007199254740991 || v < -9007199254740991) && v >= -9223372036854775808 && v < 9223372036854775808)
                return BigInt(v);
            return v;
        }
        case LUA_TNUMINT: /* takes advantage of floats and integers being same in JS (BigInts beyond 2^53) */
        case LUA_TBOOLEAN:
        case LUA_TTABLE:
        case LUA_TLCL:
        case LUA_TLCF:
        case LUA_TCCL:
        case LUA_TUSERDATA:
        case LUA_TTHREAD:
            return key.value;
        case LUA_TSHRSTR:
        case LUA_TLNGSTR:
            return luaS_hashlongstr(key.tsvalue());
        case LUA_TLIGHTUSERDATA: {
            let v = key.value;
            switch(typeof v) {
                case "string":
                    /* possible conflict with LUA_TSTRING.
                       prefix this string with "*" so they don't clash */
                    return "*" + v;
                case "bigint":  /* luamod patch: 64-bit integers beyond 2^53 are BigInts */
                case "number":
                    /* possible conflict with LUA_TNUMBER.
                       turn into string and prefix with "#" to avoid clash with other strings */
                    return "#" + v;
                case "boolean":
                    /* possible conflict with LUA_TBOOLEAN. use strings ?true and ?false instead */
                    return v?"?true":"?false";
                case "function":
                    /* possible conflict with LUA_TLCF.
                       indirect via a weakmap */
                    return get_lightuserdata_hash(v);
                case "object":
                    /* v could be a lua_State, CClosure, LClosure, Table or Userdata from this state as returned by lua_topointer */
                    if ((v instanceof lstate.lua_State && v.l_G === L.l_G) ||
                        v instanceof Table ||
                        v instanceof lobject.Udata ||
                        v instanceof lobject.LClosure ||
                        v instanceof lobject.CClosure) {
                        /* indirect via a weakmap */
                        return get_lightuserdata_hash(v);
                    }
                    /* fall through */
                default:
                    return v;
            }
        }
        default:
            throw new Error("unknown key type: " + key.type);
    }
};

class Table {
    constructor(L) {
        this.id = L.l_G.id_counter++;
        this.strong = new Map();
        this.dead_strong = new Map();
        this.dead_weak = void 0; /* initialised when needed */
        this.f = void 0; /* first entry */
        this.l = void 0; /* last entry */
        this.metatable = null;
        this.flags = ~0;
        /* luamod: size of the "array part": keys 1..asize are visited first, in order, by
           luaH_next, and luaH_getn searches as C Lua does with sizearray */
        this.asize = 0;
    }
}

const invalidateTMcache = function(t) {
    t.flags = 0;
};

const add = function(t, hash, key, value) {
    t.dead_strong.clear();
    t.dead_weak = void 0;
    let prev = null;
    let entry = {
        key: key,
        value: value,
        p: prev = t.l,
        n: void 0
    };
    if (!t.f) t.f = entry;
    if (prev) prev.n = entry;
    t.strong.set(hash, entry);
    t.l = entry;
    /* luamod: a new key may grow the array part (contiguous keys from 1), as a C rehash would;
       its nil top is dropped first (never during a traversal: no new keys then) */
    let a = t.asize;
    if (a > 0 && !t.strong.has(a)) {
        do a--; while (a > 0 && !t.strong.has(a));
    }
    if (typeof hash === "number") {
        while (t.strong.has(a + 1)) a++;
    }
    t.asize = a;
};

/* luamod: an array part of at least 'n' (constructors, lua_createtable) */
const luaH_resizearray = function(t, n) {
    if (n > t.asize) t.asize = n;
};

const is_valid_weakmap_key = function(k) {
    return typeof k === 'object' ? k !== null : typeof k === 'function';
};

/* Move out of 'strong' part and into 'dead' part. */
const mark_dead = function(t, hash) {
    let e = t.strong.get(hash);
    if (e) {
        e.key.setdeadvalue();
        e.value = void 0;
        let next = e.n;
        let prev = e.p;
        e.p = void 0; /* no need to know previous item any more */
        if(prev) prev.n = next;
        if(next) next.p = prev;
        if(t.f === e) t.f = next;
        if(t.l === e) t.l = prev;
        t.strong.delete(hash);
        if (is_valid_weakmap_key(hash)) {
            if (!t.dead_weak) t.dead_weak = new WeakMap();
            t.dead_weak.set(hash, e);
        } else {
            /* can't be used as key in weakmap */
            t.dead_strong.set(hash, e);
        }
    }
};

const luaH_new = function(L) {
    return new Table(L);
};

const getgeneric = function(t, hash) {
    let v = t.strong.get(hash);
    return v ? v.value : lobject.luaO_nilobject;
};

const luaH_getint = function(t, key) {
    lua_assert(typeof key === "number" ? Number.isSafeInteger(key) : typeof key === "bigint");
    return getgeneric(t, key);
};

const luaH_getstr = function(t, key) {
    lua_assert(key instanceof TString);
    return getgeneric(t, luaS_hashlongstr(key));
};

const luaH_get = function(L, t, key) {
    lua_assert(key instanceof lobject.TValue);
    if (key.ttisnil() || (key.ttisfloat() && isNaN(key.value)))
        return lobject.luaO_nilobject;
    return getgeneric(t, table_hash(L, key));
};

const luaH_setint = function(t, key, value) {
    lua_assert((typeof key === "number" ? Number.isSafeInteger(key) : typeof key === "bigint") && value instanceof lobject.TValue);
    let hash = key; /* table_hash known result */
    if (value.ttisnil()) {
        mark_dead(t, hash);
        return;
    }
    let e = t.strong.get(hash);
    if (e) {
        let tv = e.value;
        tv.setfrom(value);
    } else {
        let k = new lobject.TValue(LUA_TNUMINT, key);
        let v = new lobject.TValue(value.type, value.value);
        add(t, hash, k, v);
    }
};

const luaH_setfrom = function(L, t, key, value) {
    lua_assert(key instanceof lobject.TValue);
    let hash = table_hash(L, key);
    if (value.ttisnil()) { /* delete */
        mark_dead(t, hash);
        return;
    }

    let e = t.strong.get(hash);
    if (e) {
        e.value.setfrom(value);
    } else {
        let k;
        let kv = key.value;
        let ik;
        if (key.ttisfloat() && Number.isInteger(kv) && (ik = lint64.fromfloat(kv)) !== false) { /* does index fit in an integer? */
            /* insert it as an integer */
            k = new lobject.TValue(LUA_TNUMINT, ik);
        } else {
            k = new lobject.TValue(key.type, kv);
        }
        let v = new lobject.TValue(value.type, value.value);
        add(t, hash, k, v);
    }
};

/*
** Try to find a boundary in table 't'. A 'boundary' is an integer index
** such that t[i] is non-nil and t[i+1] is nil (and 0 if t[1] is nil).
*/
const luaH_getn = function(t) {
    /* luamod: C Lua 5.3's luaH_getn, with 'asize' as the array part */
    let j = t.asize;
    if (j > 0 && !t.strong.has(j)) {
        let i = 0;
        while (j - i > 1) {
            let m = Math.floor((i+j)/2);
            if (!t.strong.has(m)) j = m;
            else i = m;
        }
        return i;
    }
    let i = j;
    j++;
    /* find 'i' and 'j' such that i is present and j is not */
    while (t.strong.has(j)) {
        i = j;
        if (j > LUA_MAXINTEGER / 2) {  /* overflow? */
            /* table was built with bad purposes: resort to linear search */
            i = 1;
            while (t.strong.has(i)) i++;
            return i - 1;
        }
        j *= 2;
    }
    /* now do a binary search between them */
    while (j - i > 1) {
        let m = Math.floor((i+j)/2);
        if (!t.strong.has(m)) j = m;
        else i = m;
    }
    return i;
};

/* luamod: is 'k' (a key's value) an index of the array part? */
const in_array = function(t, k) {
    return typeof k === "number" && k >= 1 && k <= t.asize && Math.floor(k) === k;
};

/* luamod: the first live entry from 'entry' on that is not in the array part */
const hash_from = function(table, entry) {
    while (entry && (entry.key.ttisdeadkey() || (entry.key.type === LUA_TNUMINT && in_array(table, entry.key.value))))
        entry = entry.n;
    return entry;
};

const luaH_next = function(L, table, keyI) {
    let keyO = L.stack[keyI];

    /* luamod: the array part first, in ascending order, then the other keys in insertion order */
    let entry;
    let i = 0;
    if (keyO.type === LUA_TNIL) {
        i = 1;
    } else if ((keyO.type === LUA_TNUMINT || keyO.type === LUA_TNUMFLT) && in_array(table, keyO.value)) {
        i = keyO.value + 1;
    }
    if (i > 0) {
        for (; i <= table.asize; i++) {
            entry = table.strong.get(i);
            if (entry) {
                L.stack[keyI].setivalue(i);
                lobject.setobj2s(L, keyI+1, entry.value);
                return true;
            }
        }
        entry = hash_from(table, table.f);
    } else {
        /* First find current key */
        let hash = table_hash(L, keyO);
        /* Look in main part of table */
        entry = table.strong.get(hash);
        if (entry) {
            entry = hash_from(table, entry.n);
        } else {
            /* Try dead keys */
            entry = (table.dead_weak && table.dead_weak.get(hash)) || table.dead_strong.get(hash);
            if (!entry)
                /* item not in table */
                return ldebug.luaG_runerror(L, to_luastring("invalid key to 'next'"));
            /* Iterate until either out of keys, or until finding a non-dead key */
            entry = hash_from(table, entry.n);
        }
    }
    if (!entry)
        return false;
    lobject.setobj2s(L, keyI, entry.key);
    lobject.setobj2s(L, keyI+1, entry.value);
    return true;
};

module.exports.invalidateTMcache = invalidateTMcache;
module.exports.luaH_get     = luaH_get;
module.exports.luaH_getint  = luaH_getint;
module.exports.luaH_getn    = luaH_getn;
module.exports.luaH_getstr  = luaH_getstr;
module.exports.luaH_setfrom = luaH_setfrom;
module.exports.luaH_setint  = luaH_setint;
module.exports.luaH_new     = luaH_new;
module.exports.luaH_next    = luaH_next;
module.exports.luaH_resizearray = luaH_resizearray;
module.exports.Table        = Table;
