import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { openApiDocument } from "@/lib/server/api/openapi";

// Calls the API's route handlers the way Next.js does and checks every answer against the OpenAPI document: the
// status must be documented for the path and method, documented headers must be present and valid, and the body
// must match the schema of its media type. A mismatch fails the test that made the call, so the document cannot
// drift from what the routes answer.

export const APP_URL = "https://termine.example.org";

type RouteHandler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

export interface ApiRequest<P> extends Omit<RequestInit, "headers"> {
  headers?: Record<string, string>;
  /** Sent as the JSON body with Content-Type application/json (unless `headers` gives another). */
  json?: unknown;
  /** The route parameters; by default read from the path by the document's path template. */
  params?: P;
}

export interface ApiAnswer {
  response: Response;
  status: number;
  text: string;
  /** The parsed body of a JSON answer, else null; tests read it as the document describes it. */
  body: any;
}

interface Schema {
  [keyword: string]: unknown;
}
interface DocumentedResponse {
  $ref?: string;
  headers?: Record<string, { required?: boolean; schema: Schema }>;
  content?: Record<string, { schema?: Schema }>;
}
interface Document {
  paths: Record<string, Record<string, { responses: Record<string, DocumentedResponse> }>>;
  components: { responses: Record<string, DocumentedResponse> };
}

const doc = openApiDocument(APP_URL) as unknown as Document;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const validators = new Map<Schema, ValidateFunction>();

function validator(schema: Schema): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    // The document's components travel along, so that its "#/components/..." references resolve.
    validate = ajv.compile({ ...schema, components: doc.components });
    validators.set(schema, validate);
  }
  return validate;
}

const TEMPLATES = Object.keys(doc.paths).map((template) => {
  const names: string[] = [];
  const source = template.replace(/[.]/g, "\\.").replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return "([^/]*)";
  });
  return { template, names, pattern: new RegExp(`^${source}$`) };
});

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The document's path template for a path, with the parameters it names. */
function matchPath(pathname: string): { template: string; params: Record<string, string> } | null {
  for (const { template, names, pattern } of TEMPLATES) {
    const match = pattern.exec(pathname);
    if (match) return { template, params: Object.fromEntries(names.map((n, i) => [n, decoded(match[i + 1])])) };
  }
  return null;
}

function resolve(response: DocumentedResponse): DocumentedResponse {
  const name = response.$ref?.split("/").pop();
  return name ? doc.components.responses[name] : response;
}

/** What the document says a request to `pathname` with `method` may answer with `status`, or why it says nothing. */
function documentedResponse(method: string, pathname: string, status: number): DocumentedResponse | string {
  const match = matchPath(pathname);
  // Paths and methods the API does not have answer in the error shape too.
  if (!match) return status === 404 ? doc.components.responses.NotFound : `${pathname} is not in the document`;
  const operation = doc.paths[match.template][method.toLowerCase()];
  if (!operation) {
    return status === 405 ? doc.components.responses.MethodNotAllowed : `${method} ${match.template} is not in the document`;
  }
  const response = operation.responses[String(status)];
  return response ? resolve(response) : `status ${status} is not documented for ${method} ${match.template}`;
}

function problems(validate: ValidateFunction, value: unknown): string | null {
  if (validate(value)) return null;
  return ajv.errorsText(validate.errors, { separator: "; " });
}

function checkAgainstDocument(method: string, url: URL, answer: ApiAnswer): void {
  const fail = (problem: string) => {
    throw new Error(`${method} ${url.pathname}${url.search} answered ${answer.status} against the OpenAPI document: ${problem}`);
  };
  const documented = documentedResponse(method, url.pathname, answer.status);
  if (typeof documented === "string") return fail(documented);

  for (const [name, header] of Object.entries(documented.headers ?? {})) {
    const value = answer.response.headers.get(name);
    if (value === null) {
      if (header.required) fail(`header ${name} is missing`);
      continue;
    }
    const typed = header.schema.type === "integer" && /^-?\d+$/.test(value) ? Number(value) : value;
    const problem = problems(validator(header.schema), typed);
    if (problem) fail(`header ${name}: ${problem}`);
  }

  const type = answer.response.headers.get("content-type")?.split(";")[0].trim() ?? null;
  if (!documented.content) {
    if (answer.text !== "") fail(`a body where none is documented`);
    return;
  }
  const media = type === null ? undefined : documented.content[type];
  if (!media) return fail(`content type ${type} is not one of ${Object.keys(documented.content).join(", ")}`);
  if (!media.schema) return;
  const problem = problems(validator(media.schema), type === "application/json" ? answer.body : answer.text);
  if (problem) fail(`body: ${problem}: ${answer.text.slice(0, 500)}`);
}

/**
 * Calls a route handler with a request for `path` (with its query) and checks the answer against the OpenAPI
 * document. Binary bodies (images) are neither read nor checked beyond their media type.
 */
export async function callApi<P extends Record<string, string> = Record<string, string>>(
  handler: RouteHandler<P>,
  path: string,
  { json, params, headers = {}, ...init }: ApiRequest<P> = {},
): Promise<ApiAnswer> {
  const url = new URL(path, APP_URL);
  const method = init.method ?? "GET";
  const allHeaders = new Headers(headers);
  if (json !== undefined) {
    init.body = JSON.stringify(json);
    if (!allHeaders.has("content-type")) allHeaders.set("content-type", "application/json");
  }
  const request = new Request(url, { ...init, method, headers: allHeaders });
  const routeParams = params ?? ((matchPath(url.pathname)?.params ?? {}) as P);
  const response = await handler(request, { params: Promise.resolve(routeParams) });
  const type = response.headers.get("content-type") ?? "";
  const text = type.startsWith("image/png") ? "" : await response.text();
  const answer: ApiAnswer = { response, status: response.status, text, body: type.startsWith("application/json") ? JSON.parse(text) : null };
  checkAgainstDocument(method, url, answer);
  return answer;
}
