import type { Metadata } from "next";
import { connection } from "next/server";
import { Example, SchemaView, schemaAnchor, TypeLabel, type JsonSchema } from "@/components/docs/SchemaView";
import { getTranslator } from "@/lib/i18n/translator";
import { buildOpenApiDocument } from "@/lib/http/openapi/document";
import { getServices } from "@/lib/services";

export const metadata: Metadata = { title: "Exposure Check API" };

type Media = { "application/json": { schema: JsonSchema; examples?: Record<string, { value: unknown }> } };
type Operation = {
  summary: string;
  description: string;
  security: unknown[];
  parameters?: { name: string; in: string; description: string; schema: JsonSchema; example: string }[];
  requestBody?: { content: Media };
  responses: Record<string, { description: string; content: Media }>;
};

/**
 * The API reference, server-rendered from the same OpenAPI document the API serves
 * (no client script, nothing from a CDN: the CSP allows neither).
 */
export default async function ApiDocsPage() {
  await connection();
  const t = getTranslator();
  const { region, config } = getServices();
  const doc = buildOpenApiDocument(region);
  const paths = doc.paths as unknown as Record<string, Record<string, Operation>>;
  const schemas = doc.components.schemas as Record<string, JsonSchema>;
  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold text-slate-900">{t("apiDocs.title")}</h1>
        <p className="text-slate-800">{t("apiDocs.errors", { shape: '{"error": {"code", "message", …}}' })}</p>
        <p className="text-slate-800">
          {t("apiDocs.intro")}{" "}
          <a href="/api/v1/openapi.json" className="font-mono font-semibold text-blue-800 underline underline-offset-2">
            /api/v1/openapi.json
          </a>
        </p>
        {/* The demo exists only in demo deployments, like the outbox. */}
        {config.smsProvider === "outbox" && (
          <p className="text-slate-800">
            <a href="/demo/account" className="text-blue-800 underline underline-offset-2">
              {t("apiDocs.demo")}
            </a>
          </p>
        )}
      </header>

      <nav aria-label={t("apiDocs.title")}>
        <ul className="list-disc space-y-1 pl-6">
          {Object.entries(paths).flatMap(([path, methods]) =>
            Object.entries(methods).map(([method, op]) => (
              <li key={`${method} ${path}`}>
                <a href={`#${opAnchor(method, path)}`} className="text-blue-800 underline underline-offset-2">
                  <span className="font-mono">
                    {method.toUpperCase()} {path}
                  </span>
                </a>{" "}
                — {op.summary}
              </li>
            )),
          )}
        </ul>
      </nav>

      {Object.entries(paths).flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => (
          <OperationView key={`${method} ${path}`} path={path} method={method} op={op} />
        )),
      )}

      <section aria-labelledby="schemas" className="space-y-4">
        <h2 id="schemas" className="text-2xl font-bold text-slate-900">
          {t("apiDocs.schemas")}
        </h2>
        {Object.entries(schemas).map(([id, schema]) => (
          <section
            key={id}
            id={schemaAnchor(id)}
            aria-labelledby={`${schemaAnchor(id)}-title`}
            className="space-y-2 rounded-md border border-slate-300 p-4"
          >
            <h3 id={`${schemaAnchor(id)}-title`} className="font-mono text-lg font-bold text-slate-900">
              {id}
            </h3>
            {schema.description && <p className="text-slate-800">{schema.description}</p>}
            <SchemaView schema={schema} />
          </section>
        ))}
      </section>
    </article>
  );
}

const opAnchor = (method: string, path: string) =>
  `${method}-${path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "")}`;

function OperationView({ path, method, op }: { path: string; method: string; op: Operation }) {
  const t = getTranslator();
  const id = opAnchor(method, path);
  const body = op.requestBody?.content["application/json"];
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="space-y-4 border-t border-slate-300 pt-6">
      <h2 id={`${id}-title`} className="text-2xl font-bold text-slate-900">
        <span className="font-mono">
          {method.toUpperCase()} {path}
        </span>
      </h2>
      <p className="font-semibold text-slate-900">{op.summary}</p>
      <p className="text-slate-800">{op.description}</p>
      <p className="text-slate-800">
        <span className="font-semibold">{t("apiDocs.auth")}: </span>
        {op.security.length > 0
          ? t("apiDocs.authBearer", { header: "Authorization: Bearer ek_live_…" })
          : t("apiDocs.authNone")}
      </p>

      {op.parameters && (
        <div className="space-y-2">
          <h3 className="text-lg font-semibold text-slate-900">{t("apiDocs.parameters")}</h3>
          <table className="w-full border-collapse text-left text-sm">
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className="py-1.5 pr-3">
                  {t("apiDocs.parameter")}
                </th>
                <th scope="col" className="py-1.5 pr-3">
                  {t("apiDocs.in")}
                </th>
                <th scope="col" className="py-1.5">
                  {t("apiDocs.example")}
                </th>
              </tr>
            </thead>
            <tbody>
              {op.parameters.map((p) => (
                <tr key={p.name} className="border-b border-slate-200 align-top">
                  <th scope="row" className="py-1.5 pr-3 font-mono">
                    {p.name}
                  </th>
                  <td className="py-1.5 pr-3">{p.in}</td>
                  <td className="py-1.5">
                    <code>{p.example}</code> · <TypeLabel schema={p.schema} />
                    <p className="text-slate-700">{p.description}</p>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {body && (
        <div className="space-y-2">
          <h3 className="text-lg font-semibold text-slate-900">
            {t("apiDocs.requestBody")}: <TypeLabel schema={body.schema} />
          </h3>
          {Object.entries(body.examples ?? {}).map(([name, ex]) => (
            <Example key={name} label={t("apiDocs.example")} value={ex.value} />
          ))}
        </div>
      )}

      <div className="space-y-3">
        <h3 className="text-lg font-semibold text-slate-900">{t("apiDocs.responses")}</h3>
        {Object.entries(op.responses).map(([status, r]) => {
          const media = r.content["application/json"];
          return (
            <details key={status} className="rounded-md border border-slate-300 p-3" open={status.startsWith("2")}>
              {/* No link inside the summary: it is itself the control (axe: nested-interactive). */}
              <summary className="cursor-pointer">
                <span className="font-mono font-semibold">{status}</span> — {r.description}
              </summary>
              <div className="mt-2 space-y-2">
                <p>
                  {t("apiDocs.body")}: <TypeLabel schema={media.schema} />
                </p>
                {Object.entries(media.examples ?? {}).map(([name, ex]) => (
                  <Example key={name} label={`${t("apiDocs.example")}: ${name}`} value={ex.value} />
                ))}
              </div>
            </details>
          );
        })}
      </div>
    </section>
  );
}
