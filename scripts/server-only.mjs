// Scripts run server modules outside Next.js, where `import "server-only"` would throw (it
// throws everywhere but a React Server bundle): here it resolves to the package's empty file.
import { register } from "node:module";

register(
  `data:text/javascript,${encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if (specifier !== "server-only") return next(specifier, context);
  return next(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
}`)}`,
);
