// /api/v1/<dataset> (JSON pages), /api/v1/<dataset>.csv and .json (streamed downloads).
import { openDataSource } from "@/db/queries/public/opendata";
import { handleDatasetGet } from "@/server/opendata/http/dataset";
import { preflight } from "@/server/opendata/http/respond";

export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ dataset: string }> }) {
  const { dataset } = await ctx.params;
  return handleDatasetGet(req, dataset, openDataSource());
}

export function OPTIONS() {
  return preflight();
}
