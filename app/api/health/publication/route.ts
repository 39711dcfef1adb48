// The latest successful publication's id, read afresh: each instance's proxy polls it to know when
// the public pages it keeps in memory are out of date (lib/security/page-cache.ts).
import { NextResponse } from "next/server";
import { getLatestRun } from "@/db/queries/public/publication";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const run = await getLatestRun();
    return NextResponse.json({ run: run?.id ?? null }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return NextResponse.json({ run: null }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
