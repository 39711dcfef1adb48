// Camera inventory: city-owned and other-agency cameras at their disclosed sites.
import { z } from "zod";
import { rules } from "../../publish/rules";
import { optionalEnum, optionalSlug, optionalText } from "../filters";
import type { DatasetDef } from "../types";

export const CAMERA_KINDS = ["fixed", "ptz", "plate_reader"] as const;
export const CAMERA_OWNERS = ["city", "other_agency"] as const;

export const camerasFilters = z.object({
  kind: optionalEnum(CAMERA_KINDS),
  owner: optionalEnum(CAMERA_OWNERS),
  network: optionalText(60),
  area: optionalSlug(),
  status: optionalText(30),
});

export const camerasRow = z.object({
  id: z.string().meta({ description: "Stable public id of the camera." }),
  name: z.string().meta({ description: "Camera name as the city discloses it." }),
  kind: z.enum(CAMERA_KINDS).meta({ description: "fixed, ptz (pan-tilt-zoom) or plate_reader." }),
  owner: z.enum(CAMERA_OWNERS).meta({
    description: "city, or another public agency.",
    privacy: "Privately owned cameras are not listed: see the private cameras by area dataset.",
  }),
  owner_agency: z.string().nullable().meta({ description: "Owning agency when not the city." }),
  network: z.string().meta({
    description: "Network the camera belongs to (police, street lighting, transportation, general services…).",
  }),
  site: z.string().meta({ description: "Building or intersection where the camera is." }),
  lat: z.number().meta({
    description: "Latitude of the site (WGS84).",
    privacy: `Disclosed city site, rounded to ${rules.coordinateDecimals} decimals.`,
  }),
  lon: z.number().meta({
    description: "Longitude of the site (WGS84).",
    privacy: `Disclosed city site, rounded to ${rules.coordinateDecimals} decimals.`,
  }),
  area: z.string().nullable().meta({ description: "Neighborhood slug." }),
  area_name: z.string().nullable().meta({ description: "Neighborhood name." }),
  status: z.string().meta({ description: "active, inactive, planned or removed." }),
  installed_on: z.iso.date().nullable().meta({ description: "Installation date." }),
  retention_days: z.number().int().nullable().meta({ description: "Plate readers: days detections are kept." }),
  integrated: z.boolean().meta({ description: "Connected to the watch / real-time crime center." }),
  integrated_on: z.iso
    .date()
    .nullable()
    .meta({ description: "Date it was connected to the watch / crime center, when known." }),
  integration_agreement: z.string().nullable().meta({
    description: "Agreement under which a camera of another network is connected (none for police cameras).",
  }),
});

export const camerasDataset: DatasetDef = {
  slug: "cameras",
  title: "Camera inventory",
  summary: "City-owned and other-agency cameras and plate readers feeding the watch center, at their disclosed sites.",
  pagePath: "/cameras",
  cadence: "Daily, with each publication",
  source: "publication",
  publicationDataset: "cameras",
  filters: camerasFilters,
  filterDocs: {
    kind: `Kind: ${CAMERA_KINDS.join(", ")}`,
    owner: `Owner: ${CAMERA_OWNERS.join(", ")}`,
    network: "Network, e.g. police, street_lighting, transportation, general_services",
    area: "Neighborhood slug",
    status: "Status: active, inactive, planned, removed",
  },
  row: camerasRow,
  changelog: [
    { date: "2026-11-22", change: "First version." },
    { date: "2026-12-02", change: "Added integrated, integrated_on and integration_agreement." },
  ],
};
