/** Hono's environment for this app: what middleware leaves on the context. */
export interface AppEnv {
  Variables: {
    /** Correlates an error body and the server log; also sent as X-Request-Id. */
    requestId: string;
  };
}
