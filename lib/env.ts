import "server-only";
import { z } from "zod";
import { DEFAULT_RATE_PER_SECOND, MAX_RATE_PER_SECOND, MIN_RATE_PER_SECOND } from "@/lib/broadcasts/limits";
import { dialectOf, type Dialect } from "@/lib/db/dialect-of";
import { parseTrustedProxies } from "@/lib/security/forwarded.mjs";
import { processSingleton } from "@/lib/process/state";

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const envSchema = z
  .object({
    CALLBELL_API_URL: z
      .url({ protocol: /^https?$/, message: "must be an http(s) URL such as https://api.callbell.eu/v1" })
      .default("https://api.callbell.eu/v1")
      .transform((url) => url.replace(/\/+$/, "")),
    CALLBELL_API_TOKEN: optionalString,
    CALLBELL_TIMEOUT_MS: z.coerce
      .number({ message: "must be a number of milliseconds" })
      .int()
      .min(100, "must be at least 100 ms")
      .max(120_000, "must be at most 120000 ms")
      .default(15_000),
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(
          /^(file:|libsql:|https?:|postgres(ql)?:\/\/)/,
          "must be a file:… path (SQLite), a libsql:// URL or a postgres:// URL (PostgreSQL)",
        )
        .optional(),
    ),
    PORT: z.coerce.number({ message: "must be a port number" }).int().min(1).max(65535).optional(),
    /** Signs sessions and seals the stored Callbell token. Unset: generated once into the data folder. */
    BELLHOP_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
    /** The first admin, created at start when there is no user yet (for automated runs). */
    BELLHOP_ADMIN_EMAIL: optionalString.pipe(z.email("must be an email address").optional()),
    BELLHOP_ADMIN_PASSWORD: optionalString.pipe(
      z.string().min(12, "must be at least 12 characters").optional(),
    ),
    /** Turns on POST /api/webhooks/callbell/<secret>: Callbell's delivery statuses, pushed. */
    CALLBELL_WEBHOOK_SECRET: optionalString.pipe(
      z
        .string()
        .min(16, "must be at least 16 characters")
        .regex(/^[A-Za-z0-9_-]+$/, "may hold only letters, digits, - and _ (it is part of a URL)")
        .optional(),
    ),
    /** The poller's bound on `GET /messages/status` calls per minute, shared by every message. */
    BELLHOP_POLL_PER_MINUTE: z.coerce
      .number({ message: "must be a number of requests per minute" })
      .int()
      .min(1, "must be at least 1")
      .max(600, "must be at most 600")
      .default(60),
    /**
     * How late a message sent later may still go out when Bellhop gets to it (it was down at its time): `30m`, `1h`,
     * `90s`. Later than this it is marked missed, never sent silently late.
     */
    BELLHOP_LATE_LIMIT: optionalString.transform((text, context) => {
      if (!text) return 60 * 60 * 1000;
      const match = /^(\d+)\s*(s|m|h)$/.exec(text.trim());
      const ms = match
        ? Number(match[1]) * { s: 1_000, m: 60_000, h: 3_600_000 }[match[2] as "s" | "m" | "h"]
        : NaN;
      if (!(ms >= 0 && ms <= 7 * 24 * 3_600_000)) {
        context.addIssue({
          code: "custom",
          message: "must be a duration such as 30m, 1h or 90s, at most 168h",
        });
        return z.NEVER;
      }
      return ms;
    }),
    /**
     * How many messages sent later start a second, for all instances together (a pace shared in the database): a
     * backlog that came due at once (10,000 in one minute, or everything due while Bellhop was down) goes at this pace.
     */
    BELLHOP_SCHEDULE_RATE: optionalString
      .pipe(
        z.coerce
          .number<string | undefined>({ message: "must be a whole number of sends per second" })
          .int("must be a whole number of sends per second")
          .min(MIN_RATE_PER_SECOND, `must be at least ${MIN_RATE_PER_SECOND}`)
          .max(MAX_RATE_PER_SECOND, `must be at most ${MAX_RATE_PER_SECOND}`)
          .optional(),
      )
      .transform((rate) => rate ?? DEFAULT_RATE_PER_SECOND),
    /** The number of proxy hops in front of Bellhop, whose X-Forwarded-* headers are believed (lib/security/edge.mjs). */
    BELLHOP_TRUSTED_PROXIES: optionalString.transform((text, context) => {
      try {
        return parseTrustedProxies(text);
      } catch (error) {
        context.addIssue({
          code: "custom",
          message: (error as Error).message.replace(/^BELLHOP_TRUSTED_PROXIES: /, ""),
        });
        return z.NEVER;
      }
    }),
    /**
     * `1` adds `/bench/floor`, an empty page inside the layout (signed in only), the Lighthouse bench's floor. Off by
     * default: it is no feature, only the figure the bench sets beside each page's.
     */
    BELLHOP_BENCH_PAGES: optionalString.pipe(z.enum(["0", "1"], { message: "must be 0 or 1" }).optional()),
    /** Bellhop's public address; an https one makes the session cookie Secure. */
    BELLHOP_URL: optionalString.pipe(
      z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).optional(),
    ),
  })
  .refine((env) => Boolean(env.BELLHOP_ADMIN_EMAIL) === Boolean(env.BELLHOP_ADMIN_PASSWORD), {
    message: "set both or neither",
    path: ["BELLHOP_ADMIN_PASSWORD"],
  })
  // Without it each instance would generate its own into its data folder, and a session signed by one would be
  // refused by the next.
  .refine((env) => dialectOf(env.DATABASE_URL) !== "postgres" || Boolean(env.BELLHOP_SECRET), {
    message:
      "must be set, the same on every instance, when DATABASE_URL is PostgreSQL (generate one: openssl rand -base64 32)",
    path: ["BELLHOP_SECRET"],
  });

export type Env = z.infer<typeof envSchema> & { databaseUrl: string; dialect: Dialect; dataDir: string };

/** Turns a parse failure into one line per variable, so a bad start names what to fix. */
export function describeEnvError(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("\n");
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new Error(`Bellhop cannot start, the configuration is invalid:\n${describeEnvError(parsed.error)}`);
  }
  return {
    ...parsed.data,
    databaseUrl: parsed.data.DATABASE_URL ?? "file:./data/bellhop.db",
    dialect: dialectOf(parsed.data.DATABASE_URL),
    dataDir: "data",
  };
}

/** The configuration, parsed once per process. */
export function getEnv(): Env {
  return processSingleton("env", () => parseEnv(process.env));
}
