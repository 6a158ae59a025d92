// Imported first by scripts/server.ts. "server-only" throws when a module is loaded
// outside React's server environment, to keep server code out of browser bundles. The
// HTTP server process is nothing but server: there it resolves to the empty module, so the
// lean lookup path can use the same lib/ modules as the app's routes.
import { createRequire } from "node:module";

const local = createRequire(__filename);
const id = local.resolve("server-only");
local.cache[id] = {
  id,
  filename: id,
  loaded: true,
  exports: {},
  children: [],
  paths: [],
  path: id,
  require: local,
} as unknown as NodeJS.Module;
