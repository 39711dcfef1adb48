export type { HistoryItem } from "@/db/queries/review/common";
import type { FindingStatus } from "@/lib/vocab";
export type FindingInfo = {
  id: number;
  findingType: string;
  status: FindingStatus;
  note: string;
  outcome: string | null;
};
