// Generated validators with `complete: true` unless a call says otherwise: for tests about what a
// whole value must hold (every non-nullable property, the properties a create must give), which
// the validators check only when asked (by default a value may leave properties out).
type Options = { complete?: boolean };

export function completeByDefault<T extends object>(module: T): T {
  return new Proxy(module, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== "function" || typeof name !== "string" || !/^(validate|is)[A-Z]/.test(name)) return value;
      const validate = value as (v: unknown, o?: Options) => unknown;
      return (v: unknown, o?: Options) => validate(v, { complete: true, ...o });
    },
  });
}
