import {
  createDecipheriv,
  createECDH,
  createPublicKey,
  hkdfSync,
  randomBytes,
  verify,
} from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A push service in this process: a browser's side of Web Push, written out here so the
 * tests check Rekindle's pushes against the RFCs and not against the library that sent
 * them. Each subscription has its own P-256 key pair and auth secret, as a browser's does.
 */

export interface ReceivedPush {
  /** The subscription's id: the last part of its endpoint's path. */
  id: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface TestSubscription {
  id: string;
  endpoint: string;
  keys: { p256dh: string; auth: string };
  /** The browser's private half, for decrypting. */
  ecdh: ReturnType<typeof createECDH>;
  authSecret: Buffer;
}

const b64url = (b: Buffer) => b.toString("base64url");

/**
 * Decrypts an aes128gcm Web Push body (RFC 8291 over RFC 8188): the header carries the
 * salt, the record size and the sender's public key; the keys come from ECDH and HKDF.
 */
export function decryptPush(subscription: TestSubscription, body: Buffer): string {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body.readUInt8(20);
  const senderPublic = body.subarray(21, 21 + idLength);
  const records = body.subarray(21 + idLength);
  if (records.length > recordSize) throw new Error("more than one record: not what a push is");

  const receiverPublic = subscription.ecdh.getPublicKey();
  const ecdhSecret = subscription.ecdh.computeSecret(senderPublic);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), receiverPublic, senderPublic]);
  const ikm = Buffer.from(hkdfSync("sha256", ecdhSecret, subscription.authSecret, keyInfo, 32));
  const cek = Buffer.from(hkdfSync("sha256", ikm, salt, "Content-Encoding: aes128gcm\0", 16));
  const nonce = Buffer.from(hkdfSync("sha256", ikm, salt, "Content-Encoding: nonce\0", 12));

  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(records.subarray(records.length - 16));
  const padded = Buffer.concat([
    decipher.update(records.subarray(0, records.length - 16)),
    decipher.final(),
  ]);
  // The last record ends with the delimiter 0x02, then any zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  if (padded[end] !== 2) throw new Error("the last record's padding delimiter is missing");
  return padded.subarray(0, end).toString("utf8");
}

/**
 * Checks a push's VAPID header (RFC 8292): a JWT for the endpoint's origin, signed with
 * the application server's key, and that key named in `k`. Returns the JWT's claims.
 */
export function verifyVapid(
  headers: IncomingHttpHeaders,
  endpoint: string,
  publicKey: string,
): Record<string, unknown> {
  const match = /^vapid t=([^,\s]+),\s*k=(\S+)$/.exec(headers.authorization ?? "");
  if (!match) throw new Error(`no VAPID authorization: ${headers.authorization}`);
  const [, jwt = "", k] = match;
  if (k !== publicKey) throw new Error("the VAPID key is not Rekindle's");
  const [head = "", claims = "", signature = ""] = jwt.split(".");
  const raw = Buffer.from(publicKey, "base64url");
  const key = createPublicKey({
    key: {
      kty: "EC",
      crv: "P-256",
      x: b64url(raw.subarray(1, 33)),
      y: b64url(raw.subarray(33, 65)),
    },
    format: "jwk",
  });
  const signed = verify(
    "sha256",
    Buffer.from(`${head}.${claims}`),
    { key, dsaEncoding: "ieee-p1363" },
    Buffer.from(signature, "base64url"),
  );
  if (!signed) throw new Error("the VAPID signature does not verify");
  const parsed = JSON.parse(Buffer.from(claims, "base64url").toString("utf8"));
  if (parsed.aud !== new URL(endpoint).origin) throw new Error("the VAPID audience is wrong");
  return parsed;
}

/** A local push service on a free port; `answer` sets the status an endpoint replies with. */
export async function startPushService() {
  const received: ReceivedPush[] = [];
  const answers = new Map<string, number>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const id = (request.url ?? "").split("/").pop() ?? "";
      received.push({ id, headers: request.headers, body: Buffer.concat(chunks) });
      response.statusCode = answers.get(id) ?? 201;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const subscriptions = new Map<string, TestSubscription>();

  return {
    received,
    /** A new browser's subscription, pointing at this service. */
    subscription(): TestSubscription {
      const ecdh = createECDH("prime256v1");
      ecdh.generateKeys();
      const authSecret = randomBytes(16);
      const id = b64url(randomBytes(12));
      const made = {
        id,
        endpoint: `http://127.0.0.1:${port}/push/${id}`,
        keys: { p256dh: b64url(ecdh.getPublicKey()), auth: b64url(authSecret) },
        ecdh,
        authSecret,
      };
      subscriptions.set(id, made);
      return made;
    },
    /** From now on this subscription's endpoint answers `status` (404 or 410: forgotten). */
    answer(subscription: TestSubscription, status: number) {
      answers.set(subscription.id, status);
    },
    /** Every payload that reached `subscription`, decrypted and parsed. */
    payloadsFor(subscription: TestSubscription): Record<string, unknown>[] {
      return received
        .filter((push) => push.id === subscription.id)
        .map((push) => JSON.parse(decryptPush(subscription, push.body)));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type PushService = Awaited<ReturnType<typeof startPushService>>;
