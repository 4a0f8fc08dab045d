import { SignInForm } from "../../../components/SignInForm";
import { safeCallbackPath } from "../../../lib/safe-callback";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  // Only this app's own pages: a sign-in link must never send someone elsewhere.
  const next = safeCallbackPath(callbackUrl);
  return (
    <main className="signin">
      <h1>Sign in</h1>
      <p className="muted">Session Checkout demo host (a stand-in for Cal.com).</p>
      <SignInForm callbackUrl={next} />
    </main>
  );
}
