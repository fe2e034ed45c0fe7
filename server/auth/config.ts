import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { signInInput } from "@/lib/schemas/account";
import { getDb } from "@/server/db";
import { authSecret } from "@/server/env";
import { AppError, loggableError } from "@/server/errors";
import { log } from "@/server/log";
import { checkCredentials } from "@/server/services/account";
import { confirmSignUp } from "@/server/services/sign-up";
import { createSession, deleteSession, SESSION_MAX_AGE_SECONDS, validateSession } from "./sessions";

/** One sentence for every failed sign-in, so it never tells which addresses exist. */
export class InvalidCredentials extends CredentialsSignin {
  override code = "invalid_credentials";
}

/** A sign-up link that is unknown, used or out of date. */
export class SignUpLinkExpired extends CredentialsSignin {
  override code = "sign_up_link_expired";
}

/** A sign-up link for an address that got an account meanwhile. */
export class AlreadySignedUp extends CredentialsSignin {
  override code = "already_signed_up";
}

function buildConfig(): NextAuthConfig {
  return {
    secret: authSecret(),
    trustHost: true,
    debug: false, // debug logs request bodies, passwords included
    logger: {
      // A wrong password is an expected answer, not an error worth a stack trace.
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
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(raw, request) {
          const parsed = signInInput.safeParse({ email: raw.email, password: raw.password });
          if (!parsed.success) throw new InvalidCredentials();
          const db = await getDb();
          const userId = await checkCredentials(db, parsed.data.email, parsed.data.password);
          if (!userId) throw new InvalidCredentials();
          const sid = await createSession(db, userId, {
            userAgent: request.headers.get("user-agent") ?? "",
          });
          return { id: userId, sid };
        },
      }),
      // The link from the sign-up mail: makes the account, then signs this device in.
      Credentials({
        id: "welcome",
        credentials: { token: {} },
        async authorize(raw, request) {
          const token = typeof raw.token === "string" ? raw.token : "";
          if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw new SignUpLinkExpired();
          const db = await getDb();
          let userId: string;
          try {
            ({ userId } = await confirmSignUp(db, token));
          } catch (e) {
            if (e instanceof AppError && e.code === "CONFLICT") throw new AlreadySignedUp();
            if (e instanceof AppError && e.code === "NOT_FOUND") throw new SignUpLinkExpired();
            throw e;
          }
          const sid = await createSession(db, userId, {
            userAgent: request.headers.get("user-agent") ?? "",
          });
          return { id: userId, sid };
        },
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
        const session = await validateSession(await getDb(), token.sid);
        return session ? { sid: token.sid } : null;
      },
      async session({ session }) {
        return { ...session, user: { ...session.user, email: "", name: null, image: null } };
      },
    },
    events: {
      async signOut(message) {
        const sid = "token" in message ? message.token?.sid : undefined;
        if (typeof sid === "string") await deleteSession(await getDb(), sid);
      },
    },
  };
}

let instance: ReturnType<typeof NextAuth> | undefined;

/**
 * Auth.js, configured once per process on first use (never at import, so `next build`
 * needs no secret). A configuration function would rebuild everything on every call.
 */
export function authjs(): ReturnType<typeof NextAuth> {
  instance ??= NextAuth(buildConfig());
  return instance;
}
