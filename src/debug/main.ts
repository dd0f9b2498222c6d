// The debug adapter as its own program (`dist/dap.js`, bundled into the VS Code extension as
// `client/dist/dap.js`): speaks DAP on stdin/stdout. `luamod dap` runs the same session.
import { builtinModules } from '../modules';
import { LuamodDebugSession } from './session';

const session = new LuamodDebugSession(builtinModules);
session.setRunAsServer(false);
session.start(process.stdin, process.stdout);
