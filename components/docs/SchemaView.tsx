import type { ReactNode } from "react";
import { getTranslator } from "@/lib/i18n/translator";

/** A JSON Schema (2020-12) as the OpenAPI document holds it: the few keywords zod emits. */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  maxLength?: number;
  description?: string;
};

export const schemaAnchor = (id: string) => `schema-${id}`;
const refName = (ref: string) => ref.split("/").pop() ?? ref;

/** A schema's type in a few words: links for references, constraints in brackets. */
export function TypeLabel({ schema }: { schema: JsonSchema }): ReactNode {
  const t = getTranslator();
  if (schema.$ref) {
    const id = refName(schema.$ref);
    return (
      <a href={`#${schemaAnchor(id)}`} className="text-blue-800 underline underline-offset-2">
        {id}
      </a>
    );
  }
  if (schema.const !== undefined) return <code>{JSON.stringify(schema.const)}</code>;
  if (schema.enum)
    return (
      <span>
        {t("apiDocs.oneOf")} {schema.enum.map((v) => JSON.stringify(v)).join(", ")}
      </span>
    );
  if (schema.type === "array" && schema.items) {
    return (
      <span>
        {t("apiDocs.arrayOf")} <TypeLabel schema={schema.items} />
      </span>
    );
  }
  if (schema.type === "object" && !schema.properties && typeof schema.additionalProperties === "object") {
    return (
      <span>
        {t("apiDocs.mapOf")} <TypeLabel schema={schema.additionalProperties} />
      </span>
    );
  }
  const constraints = [
    schema.format,
    schema.maxLength !== undefined ? t("apiDocs.maxLength", { max: schema.maxLength }) : null,
    // A format says it better than its (long) regular expression.
    schema.pattern && !schema.format ? t("apiDocs.pattern", { pattern: schema.pattern }) : null,
  ].filter(Boolean);
  const type = [schema.type ?? "any"].flat().join(" | ");
  return (
    <span>
      {type}
      {constraints.length > 0 && <span className="text-slate-700"> ({constraints.join(", ")})</span>}
    </span>
  );
}

/** An object's properties as a table (nested objects as nested tables); anything else as its type. */
export function SchemaView({ schema }: { schema: JsonSchema }) {
  const t = getTranslator();
  const object = schema.type === "array" && schema.items?.properties ? schema.items : schema;
  if (!object.properties)
    return (
      <p>
        <TypeLabel schema={schema} />
      </p>
    );
  const required = new Set(object.required ?? []);
  return (
    <div className="space-y-1">
      {object !== schema && <p>{t("apiDocs.arrayOf")}:</p>}
      <table className="w-full border-collapse text-left text-sm">
        <tbody>
          {Object.entries(object.properties).map(([name, prop]) => (
            <tr key={name} className="border-b border-slate-200 align-top">
              <th scope="row" className="py-1.5 pr-3 font-mono font-semibold whitespace-nowrap">
                {name}
              </th>
              <td className="py-1.5 pr-3 whitespace-nowrap">
                {required.has(name) ? t("apiDocs.required") : t("apiDocs.optional")}
              </td>
              <td className="py-1.5">
                {isNestedObject(prop) ? <SchemaView schema={prop} /> : <TypeLabel schema={prop} />}
                {prop.description && <p className="text-slate-700">{prop.description}</p>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function isNestedObject(schema: JsonSchema): boolean {
  return Boolean(schema.properties || (schema.type === "array" && schema.items?.properties));
}

/** An example value, pretty-printed. */
export function Example({ value, label }: { value: unknown; label: string }) {
  return (
    <div>
      <p className="text-sm font-semibold text-slate-700">{label}</p>
      <pre tabIndex={0} className="overflow-x-auto rounded-md bg-slate-100 p-3 text-sm text-slate-900">
        {JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}
