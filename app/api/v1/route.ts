// /api/v1: the list of datasets with their URLs.
import { datasetIndex, handleStatic } from "@/lib/opendata/http/static";
import { preflight } from "@/lib/opendata/http/respond";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  return handleStatic(req, datasetIndex());
}

export function OPTIONS() {
  return preflight();
}
