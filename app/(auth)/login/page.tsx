import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionPrincipal } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/ui/callback-url";
import { LoginPageClient } from "./page-client";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// next-auth error codes that can arrive in ?error= when a flow redirects here.
const redirectErrors: Record<string, string> = {
  SessionRequired: "Please sign in to continue.",
  CredentialsSignin: "Invalid email or password",
};

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getSessionPrincipal()) redirect(callbackUrl);

  const errorCode = typeof params.error === "string" ? params.error : undefined;
  const initialError = errorCode ? (redirectErrors[errorCode] ?? "Sign-in failed. Please try again.") : null;
  return <LoginPageClient callbackUrl={callbackUrl} initialError={initialError} />;
}
