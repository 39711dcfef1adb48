import "server-only";
// Council meetings with agenda items and votes, published program updates, and resident feedback,
// all dated on the pilot's calendar (day 0 = city().pilot.start; the demo's today is day 365), so the
// meetings, votes and the updates that report them agree with the data whatever today is.
import type { DbOrTx } from "../../db/client";
import { agendaItems, councilMeetings, councilVotes, feedback, programUpdates } from "../../db/schema";
import { formatDate } from "../../lib/format/numbers";
import { addDays } from "./calendar";
import type { SeedRef } from "./reference";

type ProgramKey = keyof SeedRef["programIds"];

export type DemoVote = {
  motion: string;
  result: "passed" | "failed" | "tabled" | "continued";
  ayes: number;
  noes: number;
  abstentions?: number;
};
export type DemoMeeting = {
  date: string;
  title: string;
  summary: string;
  items: { title: string; program: ProgramKey | null; period?: [string, string]; vote?: DemoVote }[];
};
export type DemoUpdate = {
  slug: string;
  program: ProgramKey;
  title: string;
  summary: string;
  at: string;
  body: string;
  /** The Spanish version staff publish alongside (the demo ships one for every published update). */
  es?: { title: string; summary: string; body: string };
  draft?: boolean;
};

/** The demo's council record and updates, from the pilot start and the number of city cameras. */
export function demoCivic(pilotStart: string, cityCameras: number): { meetings: DemoMeeting[]; updates: DemoUpdate[] } {
  const day = (n: number) => addDays(pilotStart, n);
  const long = (n: number) => formatDate(day(n));
  const largo = (n: number) => formatDate(day(n), "es");
  const at = (n: number, utc = "17:00:00") => `${day(n)}T${utc}Z`;
  // Day numbers of the events the updates refer to.
  const Q1_MEETING = 100;
  const FUSION_END = 120;
  const SIX_MONTH_MEETING = 209;
  const DECISION_MEETING = 340;
  const meetings: DemoMeeting[] = [
    {
      date: day(-70),
      title: "Regular City Council meeting",
      summary: "Council approved the year-long public-safety technology pilot.",
      items: [
        {
          title: "Approve public-safety technology pilot and surveillance use policies",
          program: null,
          vote: { motion: `Approve the pilot for 12 months starting ${long(0)}`, result: "passed", ayes: 4, noes: 1 },
        },
        {
          title: "Authorize purchase of CSO utility vehicle",
          program: "cso",
          vote: { motion: "Authorize up to $62,000", result: "passed", ayes: 5, noes: 0 },
        },
      ],
    },
    {
      date: day(Q1_MEETING),
      title: "Regular City Council meeting",
      summary: "First-quarter pilot report and two data-sharing agreements.",
      items: [
        { title: "Pilot quarterly report: the first three months", program: null, period: [day(0), day(90)] },
        {
          title: "Data-sharing agreement with Harbor City Police Department (camera clips)",
          program: "fixed_cameras",
          vote: { motion: "Approve the agreement", result: "passed", ayes: 3, noes: 2 },
        },
        {
          title: "End outbound plate-reader sharing with the state fusion center",
          program: "plate_readers",
          vote: {
            motion: `Direct staff to end the agreement on ${long(FUSION_END)}`,
            result: "passed",
            ayes: 4,
            noes: 0,
            abstentions: 1,
          },
        },
      ],
    },
    {
      date: day(SIX_MONTH_MEETING),
      title: "Regular City Council meeting",
      summary: "Six-month pilot report and community feedback.",
      items: [
        { title: "Pilot six-month report", program: null, period: [day(0), day(181)] },
        {
          title: "Extend CSO hours to Sunday evenings",
          program: "cso",
          vote: {
            motion: "Fund Sunday evening CSO shifts for the rest of the pilot",
            result: "failed",
            ayes: 2,
            noes: 3,
          },
        },
      ],
    },
    {
      date: day(DECISION_MEETING),
      title: "Special City Council meeting",
      summary: "Decision on continuing, expanding or ending the pilot.",
      items: [
        {
          title: "Drone pilot: continue, expand or end",
          program: "drones",
          period: [day(0), day(330)],
          vote: {
            motion: "Continue the drone program for 12 months with current docks",
            result: "passed",
            ayes: 4,
            noes: 1,
          },
        },
        {
          title: "Community Safety Officer program: make permanent",
          program: "cso",
          period: [day(0), day(330)],
          vote: { motion: "Make the CSO program permanent", result: "passed", ayes: 5, noes: 0 },
        },
        {
          title: "Fixed cameras and watch center: annual surveillance report",
          program: "watch_center",
          period: [day(0), day(330)],
        },
      ],
    },
  ];
  const updates: DemoUpdate[] = [
    {
      slug: "pilot-launch",
      program: "drones",
      title: "The pilot starts today",
      summary: "Drones, cameras, plate readers and CSOs begin a one-year pilot.",
      at: at(0, "16:00:00"),
      body: `## What starts today\n\nThree drone docks are live, ${cityCameras} city cameras feed the watch center, and 12 Community Safety Officers begin taking calls.\n\n- Drones fly **only to calls for service**.\n- Every camera view is logged with a reason.\n\nThis portal publishes what the programs do, with a delay and without personal details.`,
      es: {
        title: "El programa piloto empieza hoy",
        summary:
          "Drones, cámaras, lectores de matrículas y agentes de seguridad comunitaria inician un piloto de un año.",
        body: `## Lo que empieza hoy\n\nTres bases de drones están en servicio, ${cityCameras} cámaras de la ciudad envían imagen al centro de monitoreo y 12 Agentes de Seguridad Comunitaria empiezan a atender llamadas.\n\n- Los drones vuelan **solo a llamadas de servicio**.\n- Cada consulta de una cámara queda registrada con un motivo.\n\nEste portal publica lo que hacen los programas, con retraso y sin datos personales.`,
      },
    },
    {
      slug: "cso-first-month",
      program: "cso",
      title: "Community Safety Officers: the first month",
      summary: "What CSOs did in their first month.",
      at: at(40),
      body: "## The first month\n\nCSOs took theft and vandalism reports, tagged abandoned vehicles and connected residents with housing and mental-health services.\n\nSee the CSO dashboard for numbers.",
      es: {
        title: "Agentes de Seguridad Comunitaria: el primer mes",
        summary: "Lo que hicieron los agentes en su primer mes.",
        body: "## El primer mes\n\nLos agentes tomaron denuncias de robos y vandalismo, marcaron vehículos abandonados y pusieron a residentes en contacto con servicios de vivienda y de salud mental.\n\nLas cifras están en el panel de los agentes.",
      },
    },
    {
      slug: "camera-access-audit-q1",
      program: "watch_center",
      title: "First quarterly camera-access audit",
      summary: "Council staff reviewed after-hours viewing and accesses without case numbers.",
      at: at(111),
      body: "## What the audit looked at\n\n1. Accesses without a case number\n2. After-hours viewing bursts\n3. Views of cameras near clinics, schools and places of worship\n\nFindings and outcomes are published on the oversight page.",
      es: {
        title: "Primera auditoría trimestral de accesos a cámaras",
        summary: "El personal del Concejo revisó las consultas fuera de horario y los accesos sin número de caso.",
        body: "## Qué revisó la auditoría\n\n1. Accesos sin número de caso\n2. Ráfagas de consultas fuera de horario\n3. Consultas de cámaras cerca de clínicas, escuelas y lugares de culto\n\nLos hallazgos y sus resultados se publican en la página de supervisión.",
      },
    },
    {
      slug: "fusion-center-sharing-ends",
      program: "plate_readers",
      title: "Plate-reader sharing with the state fusion center ends",
      summary: "Council ended one outbound sharing agreement.",
      at: at(FUSION_END + 1),
      body: `Following the ${long(Q1_MEETING)} council vote, outbound sharing of plate-reader hits with the state fusion center ended on **${long(FUSION_END)}**.`,
      es: {
        title: "Termina el intercambio de datos de lectores de matrículas con el centro estatal de fusión",
        summary: "El Concejo puso fin a un acuerdo de intercambio de datos.",
        body: `Tras la votación del Concejo del ${largo(Q1_MEETING)}, el envío de coincidencias de lectores de matrículas al centro estatal de fusión terminó el **${largo(FUSION_END)}**.`,
      },
    },
    {
      slug: "cso-vehicle-cost",
      program: "cso",
      title: "CSO utility vehicle cost",
      summary: "The vehicle came in over its approved amount.",
      at: at(127),
      body: "The CSO utility vehicle cost **$67,185**, $5,185 more than the $62,000 council approved. The difference was covered by the department's existing budget.",
      es: {
        title: "Costo del vehículo de los agentes de seguridad comunitaria",
        summary: "El vehículo costó más de lo aprobado.",
        body: "El vehículo de los agentes costó **$67,185**, $5,185 más que los $62,000 que aprobó el Concejo. La diferencia se cubrió con el presupuesto existente del departamento.",
      },
    },
    {
      slug: "drone-six-month-results",
      program: "drones",
      title: "Drones: six-month results",
      summary: "Time to scene and calls cleared without a patrol unit.",
      at: at(196),
      body: "## Six months in\n\nDrones reached most calls in about two minutes, compared with about four and a half minutes for patrol before the pilot. About a third of calls were cleared without sending a patrol unit.",
      es: {
        title: "Drones: resultados de seis meses",
        summary: "Tiempo de llegada y llamadas resueltas sin una patrulla.",
        body: "## Seis meses después\n\nLos drones llegaron a la mayoría de las llamadas en unos dos minutos, frente a unos cuatro minutos y medio de las patrullas antes del piloto. Cerca de un tercio de las llamadas se resolvieron sin enviar una patrulla.",
      },
    },
    {
      slug: "council-continues-drones",
      program: "drones",
      title: "Council continues the drone program and makes CSOs permanent",
      summary: "The result of the pilot decision meeting.",
      at: at(DECISION_MEETING + 1),
      body: `At the ${long(DECISION_MEETING)} special meeting, council voted 4–1 to continue the drone program for 12 months with the current docks, and 5–0 to make the Community Safety Officer program permanent.`,
      es: {
        title: "El Concejo continúa el programa de drones y hace permanentes a los agentes de seguridad comunitaria",
        summary: "El resultado de la reunión de decisión sobre el piloto.",
        body: `En la reunión extraordinaria del ${largo(DECISION_MEETING)}, el Concejo votó 4 a 1 continuar el programa de drones por 12 meses con las bases actuales, y 5 a 0 hacer permanente el programa de Agentes de Seguridad Comunitaria.`,
      },
    },
    {
      slug: "year-end-report-draft",
      program: "drones",
      title: "Year-end report (draft)",
      summary: "Draft for council review.",
      at: at(355),
      body: "Draft: not yet published.",
      draft: true,
    },
  ];
  return { meetings, updates };
}

export async function seedCivic(
  tx: DbOrTx,
  ref: SeedRef,
  cal: { pilotStart: string; cityCameras: number },
): Promise<{ meetings: number; updates: number; feedback: number }> {
  const pid = (k: ProgramKey | null) => (k ? ref.programIds[k] : null);
  const { meetings: MEETINGS, updates: UPDATES } = demoCivic(cal.pilotStart, cal.cityCameras);
  const stamp = (n: number, utc: string) => new Date(`${addDays(cal.pilotStart, n)}T${utc}Z`);
  for (const m of MEETINGS) {
    const [meeting] = await tx
      .insert(councilMeetings)
      .values({ meetingDate: m.date, title: m.title, location: "Council Chambers, City Hall", summary: m.summary })
      .returning({ id: councilMeetings.id });
    for (const it of m.items) {
      const [item] = await tx
        .insert(agendaItems)
        .values({
          meetingId: meeting.id,
          title: it.title,
          programId: pid(it.program),
          periodStart: it.period?.[0],
          periodEnd: it.period?.[1],
        })
        .returning({ id: agendaItems.id });
      if (it.vote)
        await tx
          .insert(councilVotes)
          .values({ meetingId: meeting.id, agendaItemId: item.id, ...it.vote, abstentions: it.vote.abstentions ?? 0 });
    }
  }
  await tx.insert(programUpdates).values(
    UPDATES.map((u) => {
      const at = new Date(u.at);
      const draft = Boolean(u.draft);
      return {
        slug: u.slug,
        programId: pid(u.program),
        title: u.title,
        summary: u.summary,
        bodyMarkdown: u.body,
        titleEs: u.es?.title ?? null,
        summaryEs: u.es?.summary ?? null,
        bodyMarkdownEs: u.es?.body ?? null,
        status: draft ? ("draft" as const) : ("published" as const),
        publishAt: draft ? null : at,
        createdAt: at,
        updatedAt: at,
      };
    }),
  );
  const fb: (typeof feedback.$inferInsert)[] = [
    {
      kind: "complaint",
      programId: pid("drones"),
      targetType: "program",
      targetRef: null,
      body: "A drone hovered over my backyard for ten minutes on a Sunday evening.",
      contactName: "Resident A",
      contactEmail: "resident.a@example.org",
      status: "resolved",
      outcome: "Flight was for a reported prowler two houses away; footage not retained.",
      createdAt: stamp(62, "03:10:00"),
      resolvedAt: stamp(76, "18:00:00"),
    },
    {
      kind: "complaint",
      programId: pid("watch_center"),
      targetType: "program",
      targetRef: "watch_center",
      body: "Who watches the camera outside the health clinic?",
      status: "in_progress",
      createdAt: stamp(133, "19:30:00"),
    },
    {
      kind: "feedback",
      programId: pid("cso"),
      targetType: "program",
      targetRef: "cso",
      body: "The CSO who came about our stolen bike was helpful and quick.",
      status: "resolved",
      outcome: "Thanks shared with the CSO team.",
      createdAt: stamp(154, "22:00:00"),
      resolvedAt: stamp(156, "17:00:00"),
    },
    {
      kind: "complaint",
      programId: pid("plate_readers"),
      targetType: "policy",
      targetRef: "plate-readers",
      body: "Plate data should not go to federal agencies.",
      status: "triaged",
      createdAt: stamp(230, "16:45:00"),
    },
    {
      kind: "feedback",
      programId: null,
      targetType: "program",
      targetRef: null,
      body: "Please publish the data as CSV too.",
      status: "resolved",
      outcome: "CSV downloads added to every dataset.",
      createdAt: stamp(243, "15:00:00"),
      resolvedAt: stamp(262, "15:00:00"),
    },
    {
      kind: "complaint",
      programId: pid("drones"),
      targetType: "program",
      targetRef: "drones",
      body: "Drone noise at night near the marina.",
      status: "new",
      createdAt: stamp(346, "05:20:00"),
    },
    {
      kind: "complaint",
      programId: pid("fixed_cameras"),
      targetType: "program",
      targetRef: "fixed_cameras",
      body: "Camera at Main St points into apartment windows.",
      status: "dismissed",
      outcome: "Camera view checked; privacy mask already covers the windows.",
      createdAt: stamp(99, "18:00:00"),
      resolvedAt: stamp(113, "18:00:00"),
    },
  ];
  await tx.insert(feedback).values(fb);
  return { meetings: MEETINGS.length, updates: UPDATES.length, feedback: fb.length };
}
