// Every known format. A new vendor export is one more FormatMapping in this list.
import type { Dataset, FormatMapping } from "../types";
import { daylightCameraAccess, vmsAuditCameraAccess } from "./camera-access";
import { daylightFlights, sfOpenDataApiFlights, sfOpenDataFlights, skydioFlights } from "./flights";
import {
  alprOrgAudit,
  alprOrgAuditDetailed,
  alprSearchAudit,
  daylightAlprDaily,
  daylightAlprSearches,
  daylightCameras,
  daylightCso,
} from "./others";

export const FORMATS: FormatMapping[] = [
  daylightFlights,
  skydioFlights,
  sfOpenDataFlights,
  sfOpenDataApiFlights,
  daylightCameraAccess,
  vmsAuditCameraAccess,
  daylightAlprSearches,
  alprSearchAudit,
  alprOrgAudit,
  alprOrgAuditDetailed,
  daylightAlprDaily,
  daylightCso,
  daylightCameras,
];

export function formatsFor(dataset: Dataset): FormatMapping[] {
  return FORMATS.filter((f) => f.dataset === dataset);
}

export function formatByName(name: string): FormatMapping | undefined {
  return FORMATS.find((f) => f.name === name);
}
