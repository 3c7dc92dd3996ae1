// GET /api/v1/admin/emag-customers/{id} - the old system's path: the same handler as GET /api/v1/customers/{id}
export { GET } from "@/app/api/v1/customers/[id]/route";

export const dynamic = "force-dynamic"; // a literal: Next reads segment config statically, not through re-exports
