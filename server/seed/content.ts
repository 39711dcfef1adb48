import "server-only";
// Staff-maintained content: costs, initiatives and milestones, targets, prioritization weights.
// Dates are days on the pilot's calendar (day 0 = city().pilot.start; the demo's today is day 365),
// so milestones are done, late or upcoming against the same calendar as the data.
import type { DbOrTx } from "../../db/client";
import { budgetItems, initiatives, metricTargets, milestones, prioritizationWeights } from "../../db/schema";
import { city } from "../../lib/config/city";
import { addDays } from "./calendar";
import type { SeedRef } from "./reference";

const usd = (dollars: number) => Math.round(dollars * 100);
/** The city's fiscal year (July to June) holding a date: "FY2025-26". */
export function fiscalYear(iso: string): string {
  const y = Number(iso.slice(0, 4));
  const first = Number(iso.slice(5, 7)) >= 7 ? y : y - 1;
  return `FY${first}-${String((first + 1) % 100).padStart(2, "0")}`;
}

export async function seedBudget(
  tx: DbOrTx,
  ref: SeedRef,
  cal: { pilotStart: string; cityCameras: number },
): Promise<number> {
  const p = ref.programIds;
  const fyPilot = fiscalYear(cal.pilotStart);
  const fyNext = fiscalYear(addDays(cal.pilotStart, 365));
  const stamp = new Date(`${addDays(cal.pilotStart, 330)}T17:00:00Z`);
  const rows: (typeof budgetItems.$inferInsert)[] = [
    {
      programId: p.cso,
      name: "Utility vehicle for CSO program",
      description: "Marked utility vehicle for Community Safety Officers.",
      approvedAmountCents: usd(62_000),
      actualCostCents: usd(67_185),
      fundingSource: "General Fund",
      status: "purchased",
      fiscalYear: fyPilot,
      note: "Came in $5,185 over the approved amount; the difference was covered by the department's existing budget.",
    },
    {
      programId: p.cso,
      name: "CSO uniforms, radios and field kits",
      approvedAmountCents: usd(48_500),
      actualCostCents: usd(46_910),
      fundingSource: "General Fund",
      status: "complete",
      fiscalYear: fyPilot,
    },
    {
      programId: p.drones,
      name: "Drone docks (3) with installation",
      description: "Rooftop docks at City Hall, the Sheriff's Station and Fire Station 2.",
      approvedAmountCents: usd(285_000),
      actualCostCents: usd(279_400),
      fundingSource: "State public safety grant",
      status: "complete",
      fiscalYear: fyPilot,
    },
    {
      programId: p.drones,
      name: "DFR aircraft and first-year software subscription",
      approvedAmountCents: usd(156_000),
      actualCostCents: usd(156_000),
      fundingSource: "State public safety grant",
      status: "complete",
      fiscalYear: fyPilot,
    },
    {
      programId: p.drones,
      name: "Drone pilot training and certification",
      approvedAmountCents: usd(24_000),
      actualCostCents: usd(21_750),
      fundingSource: "General Fund",
      status: "complete",
      fiscalYear: fyPilot,
    },
    {
      programId: p.fixed_cameras,
      name: `Camera installation (${cal.cityCameras} city cameras)`,
      description: "Poles, network and installation at intersections and city buildings.",
      approvedAmountCents: usd(412_000),
      actualCostCents: usd(398_260),
      fundingSource: "Capital Improvement Program",
      status: "complete",
      fiscalYear: fyPilot,
    },
    {
      programId: p.watch_center,
      name: "Watch center video-management software",
      approvedAmountCents: usd(118_000),
      actualCostCents: usd(118_000),
      fundingSource: "General Fund",
      status: "purchased",
      fiscalYear: fyPilot,
    },
    {
      programId: p.watch_center,
      name: "Watch center room fit-out",
      approvedAmountCents: usd(95_000),
      actualCostCents: usd(101_420),
      fundingSource: "Capital Improvement Program",
      status: "complete",
      fiscalYear: fyPilot,
      note: "Electrical work exceeded the estimate.",
    },
    {
      programId: p.plate_readers,
      name: "ALPR annual subscription (6 readers)",
      approvedAmountCents: usd(18_000),
      actualCostCents: usd(18_000),
      fundingSource: "General Fund",
      status: "purchased",
      fiscalYear: fyPilot,
    },
    {
      programId: null,
      name: "Ballistic protection for facilities",
      description: "Ballistic glazing and barriers for public counters.",
      approvedAmountCents: usd(240_000),
      actualCostCents: null,
      fundingSource: "Capital Improvement Program",
      status: "approved",
      fiscalYear: fyNext,
      note: "Procured by RFP.",
    },
    {
      programId: p.watch_center,
      name: "Proactive security monitoring service",
      approvedAmountCents: usd(75_000),
      actualCostCents: null,
      fundingSource: "General Fund",
      status: "planned",
      fiscalYear: fyNext,
    },
  ];
  // Lines the city's config adds for its demo (a grant and what it buys, say).
  for (const b of city().demoBudget)
    rows.push({
      programId: b.program ? p[b.program] : null,
      name: b.name,
      description: b.description,
      approvedAmountCents: usd(b.approvedUsd),
      actualCostCents: b.spentUsd === null ? null : usd(b.spentUsd),
      fundingSource: b.fundingSource,
      status: b.status,
      fiscalYear: b.year === "pilot" ? fyPilot : fyNext,
      note: b.note ?? null,
    });
  await tx.insert(budgetItems).values(rows.map((r) => ({ ...r, updatedAt: stamp })));
  return rows.length;
}

type Milestone = Omit<typeof milestones.$inferInsert, "initiativeId" | "dueDate" | "completedDate"> & {
  /** Pilot days. */
  due: number;
  done?: number;
};
const INITIATIVES: {
  program: keyof SeedRef["programIds"] | null;
  name: string;
  description: string;
  /** The demo ships Spanish for its own content: every initiative and milestone has a whole Spanish version. */
  nameEs: string;
  descriptionEs: string;
  serviceArea: (typeof initiatives.$inferInsert)["serviceArea"];
  status: string;
  milestones: (Milestone & { titleEs: string })[];
}[] = [
  {
    program: null,
    name: "Ballistic protection for facilities",
    description: "Ballistic glazing and barriers at City Hall and the Sheriff's Station public counters.",
    nameEs: "Protección balística de las instalaciones",
    descriptionEs:
      "Vidrios y barreras balísticas en los mostradores de atención al público del Ayuntamiento y de la estación del Sheriff.",
    serviceArea: "law_enforcement_emergency",
    status: "in_progress",
    milestones: [
      {
        kind: "rfp_issued",
        title: "Request for proposals issued",
        titleEs: "Solicitud de propuestas publicada",
        due: 240,
        done: 247,
      },
      { kind: "vendor_selected", title: "Vendor selected", titleEs: "Proveedor elegido", due: 330 },
      { kind: "installation", title: "Installation complete", titleEs: "Instalación terminada", due: 480 },
    ],
  },
  {
    program: "watch_center",
    name: "Proactive security monitoring",
    description: "Outside monitoring of city facilities' alarms and cameras overnight.",
    nameEs: "Vigilancia preventiva de seguridad",
    descriptionEs: "Monitoreo externo nocturno de las alarmas y cámaras de las instalaciones de la ciudad.",
    serviceArea: "law_enforcement_emergency",
    status: "in_progress",
    milestones: [
      {
        kind: "rfp_issued",
        title: "Request for proposals issued",
        titleEs: "Solicitud de propuestas publicada",
        due: 170,
        done: 175,
      },
      {
        kind: "vendor_selected",
        title: "Vendor selection",
        titleEs: "Selección del proveedor",
        due: 349,
        note: "Three proposals under evaluation.",
        noteEs: "Se evalúan tres propuestas.",
      },
      { kind: "contract_approved", title: "Contract to council", titleEs: "Contrato ante el Concejo", due: 372 },
    ],
  },
  {
    program: "drones",
    name: "Emergency response: drones as first responders",
    description: "Faster eyes on emergency calls from three docks.",
    nameEs: "Respuesta a emergencias: drones como primera respuesta",
    descriptionEs: "Una mirada más rápida a las llamadas de emergencia, desde tres bases.",
    serviceArea: "law_enforcement_emergency",
    status: "in_progress",
    milestones: [
      { kind: "installation", title: "Docks installed", titleEs: "Bases instaladas", due: -16, done: -19 },
      {
        kind: "community_engagement",
        title: "Six-month community meeting",
        titleEs: "Reunión comunitaria de los seis meses",
        due: 196,
        done: 197,
      },
      {
        kind: "other",
        title: "Pilot evaluation to council",
        titleEs: "Evaluación del piloto ante el Concejo",
        due: 340,
        done: 340,
      },
    ],
  },
  {
    program: "cso",
    name: "Neighborhood livability: Community Safety Officers",
    description: "Unarmed officers for reports, abandoned vehicles, encampments and quality-of-life calls.",
    nameEs: "Habitabilidad de los barrios: Agentes de Seguridad Comunitaria",
    descriptionEs:
      "Agentes sin armas para denuncias, vehículos abandonados, campamentos y llamadas sobre la calidad de vida.",
    serviceArea: "neighborhood_livability",
    status: "in_progress",
    milestones: [
      {
        kind: "complete",
        title: "First 12 CSOs hired and trained",
        titleEs: "Los primeros 12 agentes contratados y capacitados",
        due: -1,
        done: -5,
      },
      {
        kind: "community_engagement",
        title: "Phase 2 community listening sessions",
        titleEs: "Fase 2: sesiones para escuchar a la comunidad",
        due: 150,
        done: 155,
      },
    ],
  },
  {
    program: "cso",
    name: "Health and human services: referrals and outreach",
    description: "CSOs connect residents with housing, mental-health and senior services.",
    nameEs: "Salud y servicios humanos: derivaciones y acercamiento",
    descriptionEs:
      "Los agentes ponen a los residentes en contacto con servicios de vivienda, de salud mental y para personas mayores.",
    serviceArea: "health_human_services",
    status: "in_progress",
    milestones: [
      {
        kind: "contract_approved",
        title: "Referral agreement with county behavioral health",
        titleEs: "Acuerdo de derivación con la salud conductual del condado",
        due: 60,
        done: 70,
      },
      {
        kind: "community_engagement",
        title: "Phase 3 engagement: service providers' forum",
        titleEs: "Fase 3 de participación: foro de proveedores de servicios",
        due: 272,
        done: 266,
      },
      {
        kind: "other",
        title: "Shared referral tracking with county",
        titleEs: "Seguimiento de derivaciones compartido con el condado",
        due: 395,
      },
    ],
  },
];

export async function seedInitiatives(
  tx: DbOrTx,
  ref: SeedRef,
  cal: { pilotStart: string },
): Promise<{ initiatives: number; milestones: number }> {
  const day = (n: number) => addDays(cal.pilotStart, n);
  let m = 0;
  for (const i of INITIATIVES) {
    const [row] = await tx
      .insert(initiatives)
      .values({
        programId: i.program ? ref.programIds[i.program] : null,
        name: i.name,
        description: i.description,
        nameEs: i.nameEs,
        descriptionEs: i.descriptionEs,
        serviceArea: i.serviceArea,
        status: i.status,
      })
      .returning({ id: initiatives.id });
    await tx.insert(milestones).values(
      i.milestones.map(({ due, done, ...x }) => ({
        ...x,
        dueDate: day(due),
        completedDate: done === undefined ? null : day(done),
        initiativeId: row.id,
      })),
    );
    m += i.milestones.length;
  }
  return { initiatives: INITIATIVES.length, milestones: m };
}

export async function seedTargetsAndWeights(tx: DbOrTx, cal: { pilotStart: string }): Promise<number> {
  const stamp = new Date(`${addDays(cal.pilotStart, 330)}T17:00:00Z`);
  const targets: (typeof metricTargets.$inferInsert)[] = [
    {
      metricKey: "drone_median_time_to_scene_sec",
      label: "Drone median time to scene",
      target: 120,
      unit: "seconds",
      direction: "lower_is_better",
    },
    {
      metricKey: "drone_share_cleared_no_patrol",
      label: "Drone calls cleared without a patrol unit",
      target: 0.3,
      unit: "share",
      direction: "higher_is_better",
    },
    {
      metricKey: "drone_share_first_on_scene",
      label: "Drone first on scene",
      target: 0.75,
      unit: "share",
      direction: "higher_is_better",
    },
    {
      metricKey: "camera_share_with_case",
      label: "Camera accesses with a case number",
      target: 0.95,
      unit: "share",
      direction: "higher_is_better",
    },
    {
      metricKey: "cso_median_response_min",
      label: "CSO median response time",
      target: 15,
      unit: "minutes",
      direction: "lower_is_better",
    },
    {
      metricKey: "cso_share_no_sworn",
      label: "CSO calls handled without sworn backup",
      target: 0.9,
      unit: "share",
      direction: "higher_is_better",
    },
  ];
  await tx.insert(metricTargets).values(targets.map((t) => ({ ...t, updatedAt: stamp })));
  await tx.insert(prioritizationWeights).values([
    { factor: "property_crime_rate", label: "Property crime rate", weight: 0.4, direction: "higher_is_better" },
    {
      factor: "calls_per_1000",
      label: "Calls for service per 1,000 residents",
      weight: 0.3,
      direction: "higher_is_better",
    },
    {
      factor: "community_feedback_score",
      label: "Community support in feedback",
      weight: 0.2,
      direction: "higher_is_better",
    },
    {
      factor: "existing_public_cameras",
      label: "Existing public camera networks to integrate",
      weight: 0.1,
      direction: "higher_is_better",
    },
  ]);
  return targets.length;
}
