import type { Pool } from "pg";
import { getConfig } from "@/lib/config";
import { getLookupPool } from "@/lib/db/client";

/** A statement the hot paths run on the pg pool, named so it can be prepared once per connection. */
export type Statement = { name: string; text: string };

/** Runs a statement with its parameters and returns its rows. */
export type Sql = <R extends object>(statement: Statement, values: unknown[]) => Promise<R[]>;

/**
 * Queries straight on a pg pool, for the paths that answer on every request (lookups, API
 * keys): no ORM layer per call. On PostgreSQL each statement is prepared once per
 * connection and planned once; the embedded database is one session behind every pool
 * connection, where a name prepared through one connection collides with the same name
 * through another, so there statements go unnamed.
 */
export function sqlOver(pool: Pick<Pool, "query">, prepare: boolean): Sql {
  return sqlOn(() => pool, prepare);
}

/** The process's Sql over the lookup pool (lib/db/client.ts), taken at each call so it outlives closeDb(). */
export function getSql(): Sql {
  return sqlOn(getLookupPool, !getConfig().embeddedDb);
}

function sqlOn(pool: () => Pick<Pool, "query">, prepare: boolean): Sql {
  return async <R extends object>(statement: Statement, values: unknown[]) => {
    const result = await pool().query<R>(
      prepare ? { name: statement.name, text: statement.text, values } : { text: statement.text, values },
    );
    return result.rows;
  };
}
