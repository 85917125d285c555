import type { SchemaKit } from "../schema-kit";

/** Better Auth's tables (users, sessions, credentials, one-time tokens), with the admin plugin's role and ban fields. */
export function defineAuthTables(k: SchemaKit) {
  const user = k.table("user", {
    id: k.text("id").primaryKey(),
    name: k.text("name").notNull(),
    email: k.text("email").notNull().unique(),
    emailVerified: k.bool("email_verified").notNull().default(false),
    image: k.text("image"),
    createdAt: k.time("created_at").notNull(),
    updatedAt: k.time("updated_at").notNull(),
    role: k.text("role"),
    banned: k.bool("banned"),
    banReason: k.text("ban_reason"),
    banExpires: k.time("ban_expires"),
  });

  const session = k.table(
    "session",
    {
      id: k.text("id").primaryKey(),
      expiresAt: k.time("expires_at").notNull(),
      token: k.text("token").notNull().unique(),
      createdAt: k.time("created_at").notNull(),
      updatedAt: k.time("updated_at").notNull(),
      ipAddress: k.text("ip_address"),
      userAgent: k.text("user_agent"),
      userId: k
        .text("user_id")
        .notNull()
        .references(() => user.id, { onDelete: "cascade" }),
      impersonatedBy: k.text("impersonated_by"),
    },
    (table) => [k.index("session_user_idx").on(table.userId)],
  );

  const account = k.table(
    "account",
    {
      id: k.text("id").primaryKey(),
      accountId: k.text("account_id").notNull(),
      providerId: k.text("provider_id").notNull(),
      userId: k
        .text("user_id")
        .notNull()
        .references(() => user.id, { onDelete: "cascade" }),
      accessToken: k.text("access_token"),
      refreshToken: k.text("refresh_token"),
      idToken: k.text("id_token"),
      accessTokenExpiresAt: k.time("access_token_expires_at"),
      refreshTokenExpiresAt: k.time("refresh_token_expires_at"),
      scope: k.text("scope"),
      password: k.text("password"),
      createdAt: k.time("created_at").notNull(),
      updatedAt: k.time("updated_at").notNull(),
    },
    (table) => [k.index("account_user_idx").on(table.userId)],
  );

  const verification = k.table("verification", {
    id: k.text("id").primaryKey(),
    identifier: k.text("identifier").notNull(),
    value: k.text("value").notNull(),
    expiresAt: k.time("expires_at").notNull(),
    createdAt: k.time("created_at"),
    updatedAt: k.time("updated_at"),
  });

  return { user, session, account, verification };
}
