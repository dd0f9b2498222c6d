// The Debug Adapter Protocol side: requests from the client mapped onto a Debuggee. Launch
// arguments are checked up front (a bad one is a clear error naming the field).
import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import {
  DebugSession, ExitedEvent, Handles, InitializedEvent, OutputEvent, Scope, Source, StackFrame, StoppedEvent, TerminatedEvent, Thread,
} from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { lua, type lua_State } from 'fengari';
import type { ModuleDef } from '../module/module-def';
import { configFor } from '../config/config';
import { parseGrant, rootRelativeFsResources } from '../runtime/security';
import { Breakpoints } from './breakpoints';
import { Debuggee } from './debuggee';
import { localsOf, pushLocal, pushUpvalue, setLocal, setUpvalue, upvaluesOf, type Frame } from './frames';
import { childrenOf, showValue, type Pusher } from './show-value';

/** The launch arguments of a `luamod` debug configuration. */
export interface LaunchArguments extends DebugProtocol.LaunchRequestArguments {
  program?: unknown;
  args?: unknown;
  cwd?: unknown;
  allow?: unknown;
  fsRoot?: unknown;
  timeout?: unknown;
  workflow?: unknown;
  stopOnEntry?: unknown;
  test?: unknown;
  testFilter?: unknown;
}

type Ref =
  | { readonly kind: 'scope'; readonly frame: Frame; readonly scope: 'locals' | 'upvalues' | 'globals' }
  | { readonly kind: 'value'; readonly push: Pusher };

const THREAD_ID = 1;

export class LuamodDebugSession extends DebugSession {
  private debuggee: Debuggee | null = null;
  private launchArgs: LaunchArguments | null = null;
  private readonly refs = new Handles<Ref>();

  constructor(private readonly modules: readonly ModuleDef[]) {
    super();
    this.setDebuggerLinesStartAt1(true);
    this.setDebuggerColumnsStartAt1(true);
  }

  protected override initializeRequest(response: DebugProtocol.InitializeResponse): void {
    response.body = {
      supportsConfigurationDoneRequest: true,
      supportsConditionalBreakpoints: true,
      supportsHitConditionalBreakpoints: true,
      supportsLogPoints: true,
      supportsEvaluateForHovers: true,
      supportsSetVariable: true,
      supportsTerminateRequest: true,
      supportsRestartRequest: true,
      exceptionBreakpointFilters: [
        { filter: 'uncaught', label: 'Uncaught Errors', default: true },
        { filter: 'all', label: 'All Errors (caught by pcall too)', default: false },
      ],
    };
    this.sendResponse(response);
  }

  private pendingStart: (() => void) | null = null;
  private configured = false;
  /** Breakpoints and exception filters set before launch, applied to each new debuggee. */
  private readonly breakpointArgs = new Map<string, DebugProtocol.SourceBreakpoint[]>();
  private filters = { uncaught: true, all: false };

  protected override configurationDoneRequest(response: DebugProtocol.ConfigurationDoneResponse): void {
    this.configured = true;
    this.sendResponse(response);
    const start = this.pendingStart;
    this.pendingStart = null;
    start?.();
  }

  protected override launchRequest(response: DebugProtocol.LaunchResponse, args: LaunchArguments): void {
    let debuggee: Debuggee;
    try {
      debuggee = this.createDebuggee(args);
    } catch (e) {
      this.sendErrorResponse(response, 1, `luamod launch: ${(e as Error).message}`);
      return;
    }
    this.launchArgs = args;
    this.debuggee = debuggee;
    this.sendResponse(response);
    this.sendEvent(new InitializedEvent());
    const start = () => this.startDebuggee(debuggee);
    if (this.configured) start();
    else this.pendingStart = start;
  }

  private startDebuggee(d: Debuggee): void {
    for (const [path, bps] of this.breakpointArgs) d.breakpoints.set(path, bps.map(spec));
    d.exceptions.uncaught = this.filters.uncaught;
    d.exceptions.all = this.filters.all;
    d.start();
  }

  private createDebuggee(args: LaunchArguments): Debuggee {
    if (typeof args.program !== 'string' || args.program === '') throw new Error("'program' must be the path of a Lua file");
    const cwd = resolve(optString(args.cwd, 'cwd') ?? dirname(resolve(args.program)));
    const program = isAbsolute(args.program) ? args.program : resolve(cwd, args.program);
    const list = (v: unknown, field: string): string[] => {
      if (v === undefined) return [];
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new Error(`'${field}' must be an array of strings`);
      return v as string[];
    };
    const scriptArgs = list(args.args, 'args');
    const fsRoot = resolve(cwd, optString(args.fsRoot, 'fsRoot') ?? '.');
    let roots = [fsRoot];
    try { const real = realpathSync(fsRoot); if (real !== fsRoot) roots = [fsRoot, real]; } catch { /* not there yet */ }
    const policies = list(args.allow, 'allow').map((g) => {
      try { return rootRelativeFsResources(parseGrant(g), roots); } catch (e) { throw new Error(`'allow': ${(e as Error).message}`); }
    });
    let timeoutMs: number | undefined;
    if (args.timeout !== undefined) {
      if (typeof args.timeout !== 'number' || !Number.isFinite(args.timeout) || args.timeout <= 0) throw new Error("'timeout' must be a positive number of milliseconds");
      timeoutMs = args.timeout;
    }
    const bool = (v: unknown, field: string): boolean => {
      if (v === undefined) return false;
      if (typeof v !== 'boolean') throw new Error(`'${field}' must be true or false`);
      return v;
    };
    const found = configFor(program);
    if (found.error) throw new Error(found.error.message);
    const self: Debuggee = new Debuggee({
      program, args: scriptArgs, cwd, fsRoot, scope: { policies }, timeoutMs,
      workflow: bool(args.workflow, 'workflow'), stopOnEntry: bool(args.stopOnEntry, 'stopOnEntry'),
      test: bool(args.test, 'test'), testFilter: optString(args.testFilter, 'testFilter'),
      modules: this.modules, env: process.env as Record<string, string>,
      project: { root: found.config.dir, path: found.config.runtimePath, external: found.config.external, chunkBase: cwd },
    }, {
      output: (category, text) => this.sendEvent(new OutputEvent(text, category)),
      stopped: (reason, description, text) => {
        this.refs.reset();
        const ev = new StoppedEvent(reason, THREAD_ID, text) as DebugProtocol.StoppedEvent;
        if (description !== undefined) ev.body.description = description;
        this.sendEvent(ev);
      },
      exited: (code) => {
        if (this.debuggee !== self) return;
        this.sendEvent(new ExitedEvent(code));
        this.sendEvent(new TerminatedEvent());
      },
    });
    return self;
  }

  protected override setBreakPointsRequest(response: DebugProtocol.SetBreakpointsResponse, args: DebugProtocol.SetBreakpointsArguments): void {
    const path = args.source.path;
    if (!path) {
      response.body = { breakpoints: (args.breakpoints ?? []).map((b) => ({ verified: false, line: b.line, message: 'only files can have breakpoints' })) };
      this.sendResponse(response);
      return;
    }
    const specs = args.breakpoints ?? [];
    this.breakpointArgs.set(path, specs);
    const d = this.debuggee;
    const verified = (d?.breakpoints ?? new Breakpoints(process.cwd())).set(path, specs.map(spec));
    d?.refreshMask();
    response.body = { breakpoints: verified.map((v) => ({ id: v.id, verified: v.verified, line: v.line, ...(v.message ? { message: v.message } : {}), source: args.source })) };
    this.sendResponse(response);
  }

  protected override setExceptionBreakPointsRequest(response: DebugProtocol.SetExceptionBreakpointsResponse, args: DebugProtocol.SetExceptionBreakpointsArguments): void {
    this.filters = { uncaught: args.filters.includes('uncaught'), all: args.filters.includes('all') };
    if (this.debuggee) Object.assign(this.debuggee.exceptions, this.filters);
    this.sendResponse(response);
  }

  protected override threadsRequest(response: DebugProtocol.ThreadsResponse): void {
    response.body = { threads: [new Thread(THREAD_ID, 'main')] };
    this.sendResponse(response);
  }

  protected override stackTraceRequest(response: DebugProtocol.StackTraceResponse, args: DebugProtocol.StackTraceArguments): void {
    const frames = this.debuggee?.frames ?? [];
    const start = args.startFrame ?? 0;
    const end = args.levels ? start + args.levels : frames.length;
    const cwd = this.cwd();
    response.body = {
      stackFrames: frames.slice(start, end).map((f, i) => {
        const path = resolve(cwd, f.source);
        return new StackFrame(start + i, f.name, new Source(path.split(/[\\/]/).pop() ?? path, path), f.line);
      }),
      totalFrames: frames.length,
    };
    this.sendResponse(response);
  }

  protected override scopesRequest(response: DebugProtocol.ScopesResponse, args: DebugProtocol.ScopesArguments): void {
    const frame = this.debuggee?.frames[args.frameId];
    if (!frame) {
      this.sendErrorResponse(response, 2, `no frame ${args.frameId}`);
      return;
    }
    response.body = {
      scopes: [
        new Scope('Locals', this.refs.create({ kind: 'scope', frame, scope: 'locals' }), false),
        new Scope('Upvalues', this.refs.create({ kind: 'scope', frame, scope: 'upvalues' }), false),
        new Scope('Globals', this.refs.create({ kind: 'scope', frame, scope: 'globals' }), true),
      ],
    };
    this.sendResponse(response);
  }

  protected override variablesRequest(response: DebugProtocol.VariablesResponse, args: DebugProtocol.VariablesArguments): void {
    const d = this.debuggee;
    const ref = this.refs.get(args.variablesReference);
    if (!d || !ref) {
      response.body = { variables: [] };
      this.sendResponse(response);
      return;
    }
    const S = d.scratchThread;
    const variables: DebugProtocol.Variable[] = [];
    const add = (name: string, push: (s: lua_State) => void) => {
      push(S);
      variables.push(this.variable(name));
    };
    if (ref.kind === 'scope') {
      if (ref.scope === 'locals') for (const l of localsOf(ref.frame)) add(l.name, (s) => pushLocal(ref.frame, l.index, s));
      else if (ref.scope === 'upvalues') for (const u of upvaluesOf(ref.frame, S)) add(u.name, (s) => pushUpvalue(ref.frame, u.index, s));
      else {
        for (const c of childrenOf(S, (s) => lua.lua_rawgeti(s, lua.LUA_REGISTRYINDEX, d.envRef))) {
          if (c.name === '_G' || c.name === 'pcall' || c.name === 'xpcall') continue;
          add(c.name, c.push);
        }
      }
    } else {
      for (const c of childrenOf(S, ref.push, args.filter, args.start ?? 0, args.count ?? 0)) add(c.name, c.push);
    }
    lua.lua_settop(S, 0);
    response.body = { variables };
    this.sendResponse(response);
  }

  /** A variable for the value on top of the scratch thread (popped). */
  private variable(name: string): DebugProtocol.Variable {
    const S = (this.debuggee as Debuggee).scratchThread;
    const shown = showValue(S);
    lua.lua_pop(S, 1);
    const v: DebugProtocol.Variable = { name, value: shown.value, type: shown.type, variablesReference: shown.expand ? this.refs.create({ kind: 'value', push: shown.expand }) : 0 };
    if (shown.indexed !== undefined && shown.indexed > 100) {
      v.indexedVariables = shown.indexed;
      v.namedVariables = shown.named ?? 0;
    }
    return v;
  }

  protected override setVariableRequest(response: DebugProtocol.SetVariableResponse, args: DebugProtocol.SetVariableArguments): void {
    const d = this.debuggee;
    const ref = this.refs.get(args.variablesReference);
    if (!d || !ref || !d.isStopped) {
      this.sendErrorResponse(response, 3, 'setVariable: not stopped');
      return;
    }
    const frame = ref.kind === 'scope' ? ref.frame : d.frames[0];
    const r = d.evaluate(frame ?? null, args.value);
    const S = d.scratchThread;
    if (!r.ok) {
      this.sendErrorResponse(response, 4, `cannot evaluate '${args.value}': ${r.message}`);
      return;
    }
    lua.lua_settop(S, 1);
    if (r.count === 0) lua.lua_pushnil(S);
    const set = (): boolean => {
      if (ref.kind === 'scope' && ref.scope === 'locals') {
        const l = localsOf(ref.frame).find((x) => x.name === args.name);
        if (!l) return false;
        lua.lua_pushvalue(S, 1);
        setLocal(ref.frame, l.index, S);
        return true;
      }
      if (ref.kind === 'scope' && ref.scope === 'upvalues') {
        const u = upvaluesOf(ref.frame, S).find((x) => x.name === args.name);
        if (!u) return false;
        lua.lua_pushvalue(S, 1);
        setUpvalue(ref.frame, u.index, S);
        return true;
      }
      if (ref.kind === 'scope') lua.lua_rawgeti(S, lua.LUA_REGISTRYINDEX, d.envRef);
      else ref.push(S);
      if (lua.lua_type(S, -1) !== lua.LUA_TTABLE) return false;
      const m = /^\[(-?\d+)\]$/.exec(args.name);
      if (m) lua.lua_pushinteger(S, Number(m[1]));
      else lua.lua_pushstring(S, args.name);
      lua.lua_pushvalue(S, 1);
      lua.lua_rawset(S, -3);
      return true;
    };
    if (!set()) {
      lua.lua_settop(S, 0);
      this.sendErrorResponse(response, 5, `cannot set '${args.name}' here`);
      return;
    }
    lua.lua_settop(S, 1);
    const v = this.variable(args.name);
    lua.lua_settop(S, 0);
    response.body = { value: v.value, type: v.type, variablesReference: v.variablesReference };
    this.sendResponse(response);
  }

  protected override evaluateRequest(response: DebugProtocol.EvaluateResponse, args: DebugProtocol.EvaluateArguments): void {
    const d = this.debuggee;
    if (!d || !d.isStopped) {
      this.sendErrorResponse(response, 6, 'evaluate: the script is not stopped');
      return;
    }
    const frame = args.frameId !== undefined ? (d.frames[args.frameId] ?? null) : (d.frames[0] ?? null);
    const r = d.evaluate(frame, args.expression);
    const S = d.scratchThread;
    if (!r.ok) {
      lua.lua_settop(S, 0);
      this.sendErrorResponse(response, 7, r.message);
      return;
    }
    const shown: DebugProtocol.Variable[] = [];
    for (let i = r.count; i >= 1; i--) {
      lua.lua_settop(S, i);
      shown.unshift(this.variable(''));
    }
    lua.lua_settop(S, 0);
    response.body = {
      result: shown.length === 0 ? (args.context === 'repl' ? '' : 'nil') : shown.map((v) => v.value).join(', '),
      variablesReference: shown[0]?.variablesReference ?? 0,
      type: shown[0]?.type,
    };
    this.sendResponse(response);
  }

  protected override continueRequest(response: DebugProtocol.ContinueResponse): void {
    response.body = { allThreadsContinued: true };
    this.sendResponse(response);
    this.debuggee?.continue();
  }
  protected override nextRequest(response: DebugProtocol.NextResponse): void { this.sendResponse(response); this.debuggee?.next(); }
  protected override stepInRequest(response: DebugProtocol.StepInResponse): void { this.sendResponse(response); this.debuggee?.stepIn(); }
  protected override stepOutRequest(response: DebugProtocol.StepOutResponse): void { this.sendResponse(response); this.debuggee?.stepOut(); }
  protected override pauseRequest(response: DebugProtocol.PauseResponse): void { this.sendResponse(response); this.debuggee?.pause(); }

  protected override terminateRequest(response: DebugProtocol.TerminateResponse): void {
    this.sendResponse(response);
    this.debuggee?.terminate();
  }

  protected override disconnectRequest(response: DebugProtocol.DisconnectResponse): void {
    this.debuggee?.terminate();
    this.sendResponse(response);
    this.shutdown();
  }

  protected override restartRequest(response: DebugProtocol.RestartResponse, args: DebugProtocol.RestartArguments): void {
    const launch = (args.arguments as LaunchArguments | undefined) ?? this.launchArgs;
    if (!launch) {
      this.sendErrorResponse(response, 8, 'restart: nothing was launched');
      return;
    }
    let next: Debuggee;
    try {
      next = this.createDebuggee(launch);
    } catch (e) {
      this.sendErrorResponse(response, 1, `luamod restart: ${(e as Error).message}`);
      return;
    }
    const old = this.debuggee;
    this.debuggee = next;
    old?.terminate();
    this.launchArgs = launch;
    this.sendResponse(response);
    this.startDebuggee(next);
  }

  private cwd(): string {
    const c = this.launchArgs?.cwd;
    return typeof c === 'string' ? resolve(c) : dirname(resolve(String(this.launchArgs?.program ?? '.')));
  }
}

function spec(b: DebugProtocol.SourceBreakpoint) {
  return { line: b.line, condition: b.condition, hitCondition: b.hitCondition, logMessage: b.logMessage };
}

function optString(v: unknown, field: string): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new Error(`'${field}' must be a string`);
  return v;
}
