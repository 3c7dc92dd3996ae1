// Server components: the signed-in user for this request, re-read from the database.
import { cookies } from "next/headers";
import { principalFromCredentials, type Principal } from "@/lib/auth/principal";

export async function getSessionPrincipal(): Promise<Principal | null> {
  const jar = await cookies();
  const cookie = jar
    .getAll()
    .map((c) => `${c.name}=${encodeURIComponent(c.value)}`)
    .join("; ");
  return principalFromCredentials({ cookie });
}
