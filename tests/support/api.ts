import { resetConfigForTests } from "@/lib/config";
import { resetServicesForTests } from "@/lib/services";

/** Sets environment variables for the app's services and rebuilds them. */
export function setEnv(vars: Record<string, string | undefined>): void {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetConfigForTests();
  resetServicesForTests();
}

export function post(
  url: string,
  body: unknown,
  init: { ip?: string; headers?: Record<string, string> } = {},
): Request {
  return new Request(`http://localhost${url}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": init.ip ?? "192.0.2.1", ...init.headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

export function ctx<P>(params: P) {
  return { params: Promise.resolve(params) };
}

export const noParams = ctx({} as Record<string, never>);
