import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";

import "./tailwind.css";
import "./globals.css";
import { Providers } from "./providers";

export const metadata: Metadata = { title: "Session Checkout — Cal.com host", description: "A stand-in for Cal.com that runs the Session Checkout app." };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: its scripts carry that response's CSP nonce (proxy.ts).
  await connection();
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
