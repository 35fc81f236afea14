-- Version 6: accounts (ASP.NET Core Identity's tables, in the library's own database), personal access tokens
-- (stored as SHA-256 hashes, revocable), where each audited request came from, and an append-only audit_log.
CREATE TABLE "AspNetRoles" (
    "Id"               TEXT NOT NULL PRIMARY KEY,
    "Name"             TEXT NULL,
    "NormalizedName"   TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);
CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE TABLE "AspNetUsers" (
    "Id"                   TEXT    NOT NULL PRIMARY KEY,
    "UserName"             TEXT    NULL,
    "NormalizedUserName"   TEXT    NULL,
    "Email"                TEXT    NULL,
    "NormalizedEmail"      TEXT    NULL,
    "EmailConfirmed"       INTEGER NOT NULL,
    "PasswordHash"         TEXT    NULL,
    "SecurityStamp"        TEXT    NULL,
    "ConcurrencyStamp"     TEXT    NULL,
    "PhoneNumber"          TEXT    NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled"     INTEGER NOT NULL,
    "LockoutEnd"           TEXT    NULL,
    "LockoutEnabled"       INTEGER NOT NULL,
    "AccessFailedCount"    INTEGER NOT NULL,
    "IsDisabled"           INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");
CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE TABLE "AspNetRoleClaims" (
    "Id"         INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "RoleId"     TEXT    NOT NULL REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    "ClaimType"  TEXT    NULL,
    "ClaimValue" TEXT    NULL
);
CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE TABLE "AspNetUserClaims" (
    "Id"         INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "UserId"     TEXT    NOT NULL REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    "ClaimType"  TEXT    NULL,
    "ClaimValue" TEXT    NULL
);
CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider"       TEXT NOT NULL,
    "ProviderKey"         TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId"              TEXT NOT NULL REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    PRIMARY KEY ("LoginProvider", "ProviderKey")
);
CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    "RoleId" TEXT NOT NULL REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    PRIMARY KEY ("UserId", "RoleId")
);
CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE TABLE "AspNetUserTokens" (
    "UserId"        TEXT NOT NULL REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    "LoginProvider" TEXT NOT NULL,
    "Name"          TEXT NOT NULL,
    "Value"         TEXT NULL,
    PRIMARY KEY ("UserId", "LoginProvider", "Name")
);

-- The three roles; each can do what the ones before it can.
INSERT INTO "AspNetRoles" ("Id", "Name", "NormalizedName", "ConcurrencyStamp") VALUES ('reader', 'reader', 'READER', 'reader');
INSERT INTO "AspNetRoles" ("Id", "Name", "NormalizedName", "ConcurrencyStamp") VALUES ('editor', 'editor', 'EDITOR', 'editor');
INSERT INTO "AspNetRoles" ("Id", "Name", "NormalizedName", "ConcurrencyStamp") VALUES ('admin', 'admin', 'ADMIN', 'admin');

-- Personal access tokens for the API (Authorization: Bearer). Only the SHA-256 of a token is kept.
CREATE TABLE access_tokens (
    id         INTEGER PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    name       TEXT NOT NULL,
    token_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    revoked_at TEXT NULL
);
CREATE UNIQUE INDEX ix_access_tokens_hash ON access_tokens (token_hash);

-- audit_log made by an older 0003 lacks these; a newer 0003 has them (the migrator skips adding a column that exists).
ALTER TABLE audit_log ADD COLUMN address TEXT NULL;
CREATE INDEX IF NOT EXISTS ix_audit_log_actor ON audit_log (actor);
CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
