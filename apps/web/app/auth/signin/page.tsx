import { SignInForm } from "../../../components/SignInForm";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  // Only same-site paths: a sign-in link must never send someone elsewhere.
  const next = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/calendar";
  return (
    <main className="signin">
      <h1>Sign in</h1>
      <p className="muted">Session Checkout demo host (a stand-in for Cal.com).</p>
      <SignInForm callbackUrl={next} />
    </main>
  );
}
