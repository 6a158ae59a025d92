// The doors a `next build` serves, read from its manifests rather than guessed from file
// names: every page and route handler (.next/server/app-paths-manifest.json) and every
// server action reachable from a page (.next/server/server-reference-manifest.json, with
// each action's source file and export).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export type Manifests = {
  /** app-paths-manifest.json: "/admin/page" → "app/admin/page.js". */
  appPaths: Record<string, string>;
  /** server-reference-manifest.json: action id → { workers, filename, exportedName }. */
  serverReferences: {
    node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
  };
};

/** A page or route handler, or a server action, as Next serves it. */
export type Door =
  | { kind: "page"; key: string; path: string }
  | { kind: "route"; file: string; path: string }
  | { kind: "action"; key: string; id: string; page: string };

export function readManifests(root: string): Manifests {
  const read = (f: string) => JSON.parse(readFileSync(path.join(root, ".next", f), "utf8")) as unknown;
  return {
    appPaths: read("server/app-paths-manifest.json") as Manifests["appPaths"],
    serverReferences: read("server/server-reference-manifest.json") as Manifests["serverReferences"],
  };
}

const SOURCE_EXTENSIONS = [".tsx", ".ts", ".jsx", ".js"];

/**
 * Doors from the manifests. Entries map to their source file (`exists` tells which
 * extension is there; an entry with no source of ours is Next's own, `next:/…`). Route
 * handlers are per file: which methods a file exports is the table's to say.
 */
export function doorsFromManifests(m: Manifests, exists: (file: string) => boolean): Door[] {
  const doors: Door[] = [];
  for (const entry of Object.keys(m.appPaths)) {
    const match = /^(.*)\/(page|route)$/.exec(entry);
    if (!match) throw new Error(`unexpected app path ${entry}`);
    const [, dir, kind] = match as unknown as [string, string, "page" | "route"];
    const urlPath = dir === "" ? "/" : dir;
    const base = `app${dir}/${kind}`;
    const source = SOURCE_EXTENSIONS.map((e) => base + e).find(exists);
    if (kind === "page") doors.push({ kind, key: source ?? `next:${entry}`, path: urlPath });
    else if (source) doors.push({ kind, file: source, path: urlPath });
    // A metadata route (app/icon.svg) is the file itself; anything else is Next's own.
    else doors.push({ kind: "page", key: exists(`app${dir}`) ? `app${dir}` : `next:${entry}`, path: urlPath });
  }
  for (const [id, ref] of Object.entries(m.serverReferences.node)) {
    if (!ref.filename || !ref.exportedName) throw new Error(`server action ${id} has no filename or export`);
    const page =
      Object.keys(ref.workers)[0]!
        .replace(/^app/, "")
        .replace(/\/page$/, "") || "/";
    doors.push({ kind: "action", key: `${ref.filename}#${ref.exportedName}`, id, page });
  }
  return doors;
}

/** Doors the table does not name (a route file counts as named when any method of it is). */
export function undeclaredDoors(doors: Door[], table: Record<string, unknown>): string[] {
  const keys = Object.keys(table);
  return doors
    .filter((d) => (d.kind === "route" ? !keys.some((k) => k.startsWith(`${d.file}#`)) : !(d.key in table)))
    .map((d) => (d.kind === "route" ? d.file : d.key))
    .sort();
}

/** Table entries no built door serves (a stale row would hide nothing, but misleads). */
export function staleEntries(doors: Door[], table: Record<string, unknown>): string[] {
  const served = new Set(doors.map((d) => (d.kind === "route" ? d.file : d.key)));
  return Object.keys(table)
    .filter((k) => !served.has(k.split("#")[0]!) && !served.has(k))
    .sort();
}

export const sourceExists = (root: string) => (file: string) => existsSync(path.join(root, file));
