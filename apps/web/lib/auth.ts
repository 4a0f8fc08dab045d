import bcrypt from "bcryptjs";
import { randomBytes } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";

import { getPrisma } from "@calcom/prisma";

import { clientAddress } from "./client-address";
import { safeRedirect } from "./safe-callback";
import { signInAddress, signInSucceeded } from "./sign-in-limiter";

/** The cost the stored hashes are made with (the seed's bcrypt.hash(…, 10)). */
const BCRYPT_COST = 10;
// An unknown email is compared against this, so it takes as long as a wrong password.
const dummyHash = bcrypt.hash(randomBytes(16).toString("hex"), BCRYPT_COST);

const siteUrl = process.env.NEXTAUTH_URL ?? process.env.NEXT_PUBLIC_WEBAPP_URL ?? "";

/** Sign-in with email and password against Cal.com's UserPassword (bcrypt), a JWT session cookie. */
export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/auth/signin" },
  // __Secure- cookies with the Secure flag whenever the site is served over https.
  useSecureCookies: siteUrl.startsWith("https://"),
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      // The attempt was counted by the route (app/api/auth/[...nextauth]/route.ts) before this runs.
      async authorize(credentials, request) {
        const email = signInAddress(credentials?.email);
        if (!email || !credentials?.password) return null;
        const user = await getPrisma().user.findUnique({ where: { email }, select: { id: true, email: true, name: true, password: { select: { hash: true } } } });
        const matches = await bcrypt.compare(credentials.password, user?.password?.hash ?? (await dummyHash));
        if (!user?.password || !matches) return null;
        const forwardedFor = request.headers?.["x-forwarded-for"];
        await signInSucceeded(email, clientAddress(typeof forwardedFor === "string" ? forwardedFor : null));
        return { id: String(user.id), email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    // A callback URL from a query string or a cookie is the visitor's input: anything that is not
    // a URL of this site falls back to the site (next-auth's default throws on "not a url": a 500).
    redirect: ({ url, baseUrl }) => safeRedirect(url, baseUrl),
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      return { ...session, user: { ...session.user, id: Number(token.sub) } };
    },
  },
};
