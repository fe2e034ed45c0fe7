import "#server-only";
import pino from "pino";
import { env } from "./env";

/**
 * Structured logs. Procedure inputs are never logged; the redaction list is a second line
 * of defence for anything that slips into a log object by mistake.
 */
export const log = pino({
  level: env().LOG_LEVEL,
  base: undefined,
  redact: {
    paths: [
      "password",
      "*.password",
      "token",
      "*.token",
      "cookie",
      "*.cookie",
      "headers.cookie",
      "*.headers.cookie",
      "authorization",
      "*.authorization",
      "input",
      "*.input",
    ],
    censor: "[redacted]",
  },
});
