// GET /api/v1/admin/emag-customers - the old system's path: the same handler as GET /api/v1/customers
export { GET } from "@/app/api/v1/customers/route";

export const dynamic = "force-dynamic"; // a literal: Next reads segment config statically, not through re-exports
