import { z } from 'zod';
import { accountRoleSchema } from '../auth/account-roles.ts';

/** Longest username and password accepted, in characters (a password is hashed, never stored). */
export const MAX_USERNAME_CHARS = 64;
export const MAX_PASSWORD_CHARS = 256;

/** `POST /api/session`: sign in. */
export const signInSchema = z.strictObject({
  username: z.string().trim().min(1, 'must not be empty').max(MAX_USERNAME_CHARS),
  password: z.string().min(1, 'must not be empty').max(MAX_PASSWORD_CHARS),
});
export type SignIn = z.infer<typeof signInSchema>;

export const accountSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: accountRoleSchema,
  /** The area the account is scoped to; null for the whole database. */
  areaId: z.number().nullable(),
});
export type Account = z.infer<typeof accountSchema>;

/** `GET/POST /api/session`: who is signed in, the token every write must echo, and when it ends. */
export const sessionSchema = z.object({
  account: accountSchema,
  /** Send as the X-CSRF-Token header with every write. */
  csrfToken: z.string(),
  expiresAt: z.string(),
});
export type Session = z.infer<typeof sessionSchema>;
