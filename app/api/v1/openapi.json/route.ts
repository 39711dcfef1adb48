// The OpenAPI 3.1 description of /api/v1, generated from the routes' own zod schemas.
import { openApiDocument } from "@/lib/opendata/openapi";
import { handleStatic } from "@/server/opendata/http/static";
import { preflight } from "@/server/opendata/http/respond";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  return handleStatic(req, openApiDocument());
}

export function OPTIONS() {
  return preflight();
}
