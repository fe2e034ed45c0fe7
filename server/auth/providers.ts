import "#server-only";
import { Auth, type AuthConfig, createActionURL, raw, skipCSRFCheck } from "@auth/core";
import { AuthError, CredentialsSignin } from "@auth/core/errors";
import Credentials from "@auth/core/providers/credentials";
import { finishSignUpInput, signInInput } from "@/lib/schemas/account";
import { requestAddress } from "@/server/client-ip";
import { authSecret } from "@/server/env";
import { AppError, loggableError } from "@/server/errors";
import { edgeDb } from "@/server/http/edge";
import { log } from "@/server/log";
import { finishSignUp } from "@/server/services/sign-up";
import { createSession, deleteSession, SESSION_MAX_AGE_SECONDS, validateSession } from "./sessions";
import { signInWithPassword, WRONG_CREDENTIALS } from "./sign-in";

/**
 * A sign-in Rekindle refused, carried through Auth.js to the door that asked: Auth.js
 * passes only CredentialsSignin errors on as they are, so the reason (a wrong password, a
 * lockout with its wait, a dead link) rides inside one and the door answers with it.
 */
export class SignInRefused extends CredentialsSignin {
  override code = "refused";
  constructor(readonly reason: unknown) {
    super();
  }
}

/** The client a sign-in comes from, read from the request Auth.js hands to authorize(). */
const clientOf = (request: Request) => ({
  address: requestAddress(request.headers),
  userAgent: request.headers.get("user-agent") ?? "",
});

/** Runs a provider's check; whatever it refuses reaches the door as a SignInRefused. */
async function refusing<T>(check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (e) {
    throw new SignInRefused(e);
  }
}

/**
 * Rekindle's Auth.js configuration, built once on first use (never at import, so
 * `next build` needs no secret). Only @auth/core is imported here, so the doors that sign
 * in run outside Next too (tests); config.ts wraps it in NextAuth for signing out.
 */
export function authConfig(): AuthConfig {
  config ??= buildConfig();
  return config;
}

let config: AuthConfig | undefined;

function buildConfig(): AuthConfig {
  return {
    secret: authSecret(),
    basePath: "/api/auth",
    trustHost: true,
    debug: false, // debug logs request bodies, passwords included
    logger: {
      // A refused sign-in is an expected answer, not an error worth a stack trace.
      error(error) {
        if ((error as { type?: string }).type === "CredentialsSignin") return;
        log.error({ error: loggableError(error) }, "auth error");
      },
      warn(code) {
        log.warn({ code }, "auth warning");
      },
      debug() {},
    },
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      // E-mail and password, through the one check that counts every guess.
      Credentials({
        credentials: { email: {}, password: {} },
        authorize: (raw, request) =>
          refusing(async () => {
            const parsed = signInInput.safeParse({ email: raw.email, password: raw.password });
            if (!parsed.success) throw new AppError("UNAUTHORIZED", WRONG_CREDENTIALS);
            const { userId, sessionId } = await signInWithPassword(
              await edgeDb(),
              parsed.data,
              clientOf(request),
            );
            return { id: userId, sid: sessionId };
          }),
      }),
      // The link from the sign-up mail, with the name and password chosen on its page.
      Credentials({
        id: "welcome",
        credentials: { token: {}, displayName: {}, password: {} },
        authorize: (raw, request) =>
          refusing(async () => {
            const parsed = await finishSignUpInput.safeParseAsync({
              token: raw.token,
              displayName: raw.displayName,
              password: raw.password,
            });
            if (!parsed.success) {
              const issue = parsed.error.issues[0];
              throw new AppError("BAD_REQUEST", issue?.message ?? "", String(issue?.path[0] ?? ""));
            }
            const db = await edgeDb();
            const { userId } = await finishSignUp(db, parsed.data);
            const sid = await createSession(db, userId, { userAgent: clientOf(request).userAgent });
            return { id: userId, sid };
          }),
      }),
    ],
    callbacks: {
      /**
       * The cookie carries only the session id. On later reads the row must still exist,
       * else returning null clears the cookie.
       */
      async jwt({ token, user }) {
        if (user) return { sid: (user as { sid: string }).sid };
        if (typeof token.sid !== "string") return null;
        const session = await validateSession(await edgeDb(), token.sid);
        return session ? { sid: token.sid } : null;
      },
      async session({ session }) {
        return { ...session, user: { ...session.user, email: "", name: null, image: null } };
      },
    },
    events: {
      async signOut(message) {
        const sid = "token" in message ? message.token?.sid : undefined;
        if (typeof sid === "string") await deleteSession(await edgeDb(), sid);
      },
    },
  };
}

/** A cookie Auth.js asks to set, as `ResponseCookies.set` takes it. */
export interface AuthCookie {
  name: string;
  value: string;
  options: Record<string, unknown>;
}

/**
 * Signs in through one of the providers above, on the server, for the request a door
 * received: what `authjs().signIn()` does, but reading the request it is given rather
 * than Next's request scope, and handing back the cookies for the door's answer. Throws
 * the reason a provider refused (an AppError or RateLimitedError) as it was thrown, and
 * any other failure unwrapped from Auth.js's, so the edge can name it.
 */
export async function signInThroughAuthjs(
  request: Request,
  provider: "credentials" | "welcome",
  fields: Record<string, string>,
): Promise<AuthCookie[]> {
  const current = authConfig();
  const headers = new Headers(request.headers);
  headers.set("content-type", "application/x-www-form-urlencoded");
  // As Auth.js's own signIn(): the scheme the client used decides the cookie's name and
  // Secure flag. Settings are Rekindle's (server/env.ts), not AUTH_URL from the environment.
  const scheme = headers.get("x-forwarded-proto") ?? "https";
  const url = createActionURL("callback", scheme, headers, {}, current);
  const body = new URLSearchParams({ ...fields, callbackUrl: "/home" });
  try {
    const answer = await Auth(
      new Request(`${url}/${provider}`, { method: "POST", headers, body }),
      {
        ...current,
        raw,
        skipCSRFCheck,
      },
    );
    return (answer.cookies ?? []) as AuthCookie[];
  } catch (e) {
    if (e instanceof SignInRefused) throw e.reason;
    const inner = (e as { cause?: { err?: unknown } }).cause?.err;
    if (e instanceof AuthError && inner instanceof SignInRefused) throw inner.reason;
    if (e instanceof AuthError && inner instanceof Error) throw inner;
    throw e;
  }
}
