// /api/v1: the list of datasets with their URLs.
import { datasetIndex, handleStatic } from "@/server/opendata/http/static";
import { preflight } from "@/server/opendata/http/respond";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  return handleStatic(req, datasetIndex());
}

export function OPTIONS() {
  return preflight();
}
