/**
 * Malformed requests generated from the OpenAPI document: for every operation, values that break
 * its path, query and body schemas one at a time (wrong types, missing and extra fields, empty and
 * huge strings, control characters and lone surrogates, negative, fractional and overflowing
 * numbers, impossible dates, SQL and script fragments), bodies that are not JSON or not JSON
 * objects, wrong content types, bodies over the limit, and ids of the right shape that name
 * nothing. Each candidate is kept only if a small validator of the document's schemas says it is
 * invalid, so a request the API accepts is a finding, not noise.
 */

// The OpenAPI document's JSON schemas: only the parts this file reads.
export interface Schema {
  $ref?: string;
  type?: "string" | "integer" | "number" | "boolean" | "object" | "array";
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  anyOf?: Schema[];
}

export interface Parameter {
  in: "path" | "query";
  name: string;
  schema: Schema;
}

export interface Operation {
  method: string;
  /** e.g. /api/loans/{id}/approve */
  template: string;
  access: string;
  parameters: Parameter[];
  body?: Schema;
  documented: Set<number>;
}

export interface MalformedRequest {
  label: string;
  method: string;
  /** path and query, under the server's origin */
  url: string;
  /** the raw body text, when there is one */
  body?: string;
  contentType?: string;
  /** a body of this many bytes of JSON (over the limit), built when sent */
  oversize?: number;
}

type OpenApi = {
  paths: Record<string, Record<string, any>>;
  components: { schemas: Record<string, Schema> };
};

export function operationsOf(document: OpenApi): Operation[] {
  const operations: Operation[] = [];
  for (const [template, methods] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      operations.push({
        method: method.toUpperCase(),
        template,
        access: op.description ?? "",
        parameters: (op.parameters ?? []).map((p: Parameter) => ({ in: p.in, name: p.name, schema: p.schema })),
        body: op.requestBody?.content?.["application/json"]?.schema,
        documented: new Set(Object.keys(op.responses).map(Number)),
      });
    }
  }
  return operations;
}

// ---------------------------------------------------------------------------------------------
// A validator for the subset of JSON Schema the document uses, plus the platform's text rule.

/** Text the platform refuses anywhere: C0 controls other than tab and newlines, DEL, lone surrogates. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const FORBIDDEN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|\p{Cs}/u;

const isCalendarDay = (text: string) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
};
const FORMATS: Record<string, (text: string) => boolean> = {
  date: (text) => /^\d{4}-\d{2}-\d{2}$/.test(text) && isCalendarDay(text),
  "date-time": (text) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text) &&
    isCalendarDay(text) &&
    !Number.isNaN(Date.parse(text)),
};

export function conforms(schema: Schema, value: unknown, resolve: (s: Schema) => Schema): boolean {
  const s = resolve(schema);
  if (value === null) return s.nullable === true;
  if (s.anyOf) return s.anyOf.some((branch) => conforms(branch, value, resolve));
  if (s.enum && !s.enum.includes(value)) return false;
  switch (s.type) {
    case "string":
      return (
        typeof value === "string" &&
        !FORBIDDEN_TEXT.test(value) &&
        [...value].length >= (s.minLength ?? 0) &&
        [...value].length <= (s.maxLength ?? Infinity) &&
        (!s.pattern || new RegExp(s.pattern, "u").test(value)) &&
        (!s.format || !FORMATS[s.format] || FORMATS[s.format](value))
      );
    case "integer":
    case "number":
      return (
        typeof value === "number" &&
        Number.isFinite(value) &&
        (s.type === "number" || Number.isSafeInteger(value)) &&
        value >= (s.minimum ?? -Infinity) &&
        value <= (s.maximum ?? Infinity)
      );
    case "boolean":
      return typeof value === "boolean";
    case "array":
      return (
        Array.isArray(value) &&
        value.length >= (s.minItems ?? 0) &&
        value.length <= (s.maxItems ?? Infinity) &&
        (!s.items || value.every((item) => conforms(s.items!, item, resolve)))
      );
    case "object": {
      if (typeof value !== "object" || Array.isArray(value)) return false;
      const record = value as Record<string, unknown>;
      const properties = s.properties ?? {};
      if ((s.required ?? []).some((name) => !(name in record))) return false;
      return Object.entries(record).every(([name, v]) =>
        name in properties ? conforms(properties[name], v, resolve) : s.additionalProperties !== false,
      );
    }
    default:
      return true;
  }
}

/** A query or path value as the API coerces it (integers through Number, like z.coerce). */
function conformsAsText(schema: Schema, text: string, resolve: (s: Schema) => Schema): boolean {
  const s = resolve(schema);
  if (s.type === "integer" || s.type === "number") return conforms(s, Number(text), resolve);
  return conforms(s, text, resolve);
}

// ---------------------------------------------------------------------------------------------
// The candidates: one pool of hostile values, each kept where the schema says it is invalid.

const HOSTILE_TEXT = [
  "",
  " ",
  "-1",
  "0",
  "1.5",
  "-0.01",
  "1e30",
  "0x10",
  " 7",
  "NaN",
  "Infinity",
  "99999999999999999999999999999999999999",
  "１２３",
  "١٢٣",
  "2026-02-30",
  "2026-13-01",
  "0000-00-00",
  "-000001-01-01",
  "+275760-09-14",
  "2026-01-01T25:61:00Z",
  "tomorrow",
  "' OR '1'='1",
  "'; DROP TABLE loans; --",
  "1; select pg_sleep(10)",
  "<script>alert(1)</script>",
  "${7*7}{{7*7}}",
  "../../../etc/passwd",
  "%00",
  "\u0000",
  "a\u0000b",
  "\u0007bell",
  "\u001b[31mred",
  "\ud800",
  "😀🚀",
  "\u202egnp.exe",
  "\u200b",
  "专利 中文",
  "x".repeat(10_001),
];
const HOSTILE_VALUES: unknown[] = [
  ...HOSTILE_TEXT,
  0,
  -1,
  1.5,
  -0.5,
  1e308,
  Number.MAX_SAFE_INTEGER + 2,
  true,
  false,
  null,
  {},
  [],
  [1],
  ["a", "a"],
  { $gt: "" },
  { toString: "x" },
];

/** Hostile values plus, for every length limit in the schema, a string one over it. */
function candidatesFor(schema: Schema, resolve: (s: Schema) => Schema): unknown[] {
  const s = resolve(schema);
  const limits = [s, ...(s.anyOf ?? []).map(resolve)].flatMap((b) => (b.maxLength ? [b.maxLength] : []));
  const extra: unknown[] = limits.map((n) => "7".repeat(n + 1));
  if (s.type === "array" && s.maxItems) extra.push(Array.from({ length: s.maxItems + 1 }, (_, i) => `CN${i}`));
  return [...HOSTILE_VALUES, ...extra];
}

/** Percent-encoded UTF-8; a lone surrogate, which UTF-8 cannot hold, as the bytes a broken client sends. */
const encodeText = (text: string) =>
  [...text].map((ch) => (/\p{Cs}/u.test(ch) ? "%ED%A0%80" : encodeURIComponent(ch))).join("");

const describe = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…(${text.length})` : text;
};

function* invalidValues(schema: Schema, resolve: (s: Schema) => Schema) {
  for (const value of candidatesFor(schema, resolve)) {
    if (!conforms(schema, value, resolve)) yield value;
  }
}

// ---------------------------------------------------------------------------------------------
// Requests

export interface Fixtures {
  /** a valid value for each path parameter, by the operation's template and name */
  pathValue(template: string, name: string): string;
  /** a well-formed value that names nothing */
  unknownPathValue(template: string, name: string): string;
  /** a valid body for the operation (so each mutation is the only thing wrong) */
  baseBody(operation: Operation): Record<string, unknown>;
}

export function malformedRequests(
  document: OpenApi,
  operation: Operation,
  fixtures: Fixtures,
  options: { oversize: boolean },
): MalformedRequest[] {
  const resolve = (s: Schema): Schema =>
    s.$ref ? document.components.schemas[s.$ref.replace("#/components/schemas/", "")] : s;
  const requests: MalformedRequest[] = [];
  const pathParams = operation.parameters.filter((p) => p.in === "path");
  const queryParams = operation.parameters.filter((p) => p.in === "query");
  const pathWith = (overrides: Record<string, string> = {}) =>
    operation.template.replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeText(overrides[name] ?? fixtures.pathValue(operation.template, name)),
    );
  const validPath = pathWith();
  const base = operation.body ? fixtures.baseBody(operation) : undefined;
  const add = (label: string, request: Omit<MalformedRequest, "label" | "method">) =>
    requests.push({
      label: `${operation.method} ${operation.template}: ${label}`,
      method: operation.method,
      ...request,
    });
  const withBody = (label: string, url: string, body: unknown) =>
    add(label, { url, body: JSON.stringify(body), contentType: "application/json" });
  // a GET or a body-less write is sent as it is; a body-taking one with its valid base body
  const plain = (label: string, url: string) => (base === undefined ? add(label, { url }) : withBody(label, url, base));

  for (const param of pathParams) {
    for (const value of invalidValues(param.schema, resolve)) {
      if (typeof value !== "string" || value === "" || conformsAsText(param.schema, value, resolve)) continue;
      plain(`path ${param.name}=${describe(value)}`, pathWith({ [param.name]: value }));
    }
    plain(
      `path ${param.name} names nothing`,
      pathWith({ [param.name]: fixtures.unknownPathValue(operation.template, param.name) }),
    );
  }

  for (const param of queryParams) {
    for (const value of invalidValues(param.schema, resolve)) {
      const text = typeof value === "string" ? value : JSON.stringify(value);
      if (conformsAsText(param.schema, text, resolve)) continue;
      plain(`query ${param.name}=${describe(text)}`, `${validPath}?${param.name}=${encodeText(text)}`);
    }
    plain(`query ${param.name} twice`, `${validPath}?${param.name}=1&${param.name}=2`);
  }
  if (operation.method === "GET") plain("an unknown query parameter", `${validPath}?unexpected=1`);

  if (operation.body && base)
    bodyMutations(operation.body, base, resolve, (label, body) => withBody(label, validPath, body));

  if (operation.method === "GET") return requests; // a GET carries no body

  // bodies that are not a JSON object, or not JSON, or not declared as JSON
  const notObjects = ["[]", "null", '"text"', "42", "true", "[{}]"];
  const notJson = ["{", '{"a":', "{'a':1}", '{"a":1}{}', "\u0000", '{"a":"\\ud800"}'];
  for (const text of [...notObjects, ...notJson]) {
    add(`body ${describe(text)}`, { url: validPath, body: text, contentType: "application/json" });
  }
  if (!operation.body) withBody("a body where none is taken", validPath, { unexpected: true });
  const bodyText = JSON.stringify(base ?? { unexpected: true });
  for (const contentType of [
    "text/plain",
    "application/xml",
    "multipart/form-data; boundary=x",
    "application/x-www-form-urlencoded",
    "application/json; charset=latin1",
  ]) {
    add(`content type ${contentType}`, { url: validPath, body: bodyText, contentType });
  }
  add("a body without a content type", { url: validPath, body: bodyText });
  if (options.oversize) {
    add("a body over the limit", { url: validPath, oversize: 16 * 1024 * 1024, contentType: "application/json" });
  }
  return requests;
}

/** One field at a time: each invalid value, each required field left out, an unknown field added. */
function bodyMutations(
  schema: Schema,
  base: Record<string, unknown>,
  resolve: (s: Schema) => Schema,
  emit: (label: string, body: unknown) => void,
) {
  const whole = resolve(schema);
  const branch =
    whole.anyOf?.map(resolve).find((b) => Object.keys(base).every((name) => name in (b.properties ?? {}))) ?? whole;
  const fields = Object.entries(branch.properties ?? {});
  const invalid = (body: unknown) => !conforms(whole, body, resolve);

  for (const [name, fieldSchema] of fields) {
    for (const value of invalidValues(fieldSchema, resolve)) {
      const body = { ...base, [name]: value };
      if (invalid(body)) emit(`body ${name}=${describe(value)}`, body);
    }
    const nested = resolve(fieldSchema);
    if (nested.type === "object" && typeof base[name] === "object" && base[name] !== null) {
      const inner = base[name] as Record<string, unknown>;
      for (const [innerName, innerSchema] of Object.entries(nested.properties ?? {})) {
        for (const value of invalidValues(innerSchema, resolve)) {
          const body = { ...base, [name]: { ...inner, [innerName]: value } };
          if (invalid(body)) emit(`body ${name}.${innerName}=${describe(value)}`, body);
        }
      }
    }
    if (nested.type === "array" && nested.items) {
      for (const value of invalidValues(nested.items, resolve)) {
        const body = { ...base, [name]: [value] };
        if (invalid(body)) emit(`body ${name}[0]=${describe(value)}`, body);
      }
    }
    const { [name]: _left, ...without } = base;
    if (invalid(without)) emit(`body without ${name}`, without);
  }
  emit("body with an unknown field", { ...base, unexpected: 1 });
  const polluted = { ...base };
  Object.defineProperty(polluted, "__proto__", { value: { admin: true }, enumerable: true });
  emit("body with __proto__", polluted);
}
