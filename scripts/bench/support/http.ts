/**
 * A JSON client for the platform's API that never throws on a status: a benchmark counts refusals
 * and connection failures (status 0) instead of stopping at the first.
 */
export interface Reply<T = unknown> {
  status: number;
  body: T;
}

export class Api {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
  ) {}

  async request<T = unknown>(method: string, path: string, body?: unknown): Promise<Reply<T>> {
    try {
      const response = await fetch(`${this.baseUrl}/api${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: kept as text
      }
      return { status: response.status, body: parsed as T };
    } catch (error) {
      return { status: 0, body: `${(error as Error).message}: ${String((error as Error).cause ?? "")}` as T };
    }
  }

  get = <T = unknown>(path: string) => this.request<T>("GET", path);
  post = <T = unknown>(path: string, body: unknown = {}) => this.request<T>("POST", path, body);
  put = <T = unknown>(path: string, body: unknown) => this.request<T>("PUT", path, body);

  async login(username: string, password: string): Promise<Api> {
    const reply = await this.post<{ token: string }>("/auth/login", { username, password });
    return new Api(this.baseUrl, expect2xx(reply, `sign-in of ${username}`).token);
  }
}

/** The body of a 2xx reply; anything else throws with the reply in the message. */
export function expect2xx<T>(reply: Reply<T>, what: string): T {
  if (reply.status < 200 || reply.status > 299) {
    throw new Error(
      `${what}: HTTP ${reply.status} ${typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body)}`,
    );
  }
  return reply.body;
}
