/** A small client for the platform's own API, used by the demo seed: it throws on anything but 2xx. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
  ) {}

  async call<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/api${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  get = <T = Record<string, unknown>>(path: string) => this.call<T>("GET", path);
  post = <T = Record<string, unknown>>(path: string, body: unknown = {}) => this.call<T>("POST", path, body);
  put = <T = Record<string, unknown>>(path: string, body: unknown) => this.call<T>("PUT", path, body);

  async login(username: string, password: string): Promise<ApiClient> {
    const { token } = await this.post<{ token: string }>("/auth/login", { username, password });
    return new ApiClient(this.baseUrl, token);
  }
}
