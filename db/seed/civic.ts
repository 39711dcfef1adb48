// Council meetings with agenda items and votes, published program updates, and resident feedback.
import type { DbOrTx } from "../client";
import { agendaItems, councilMeetings, councilVotes, feedback, programUpdates } from "../schema";
import type { SeedRef } from "./reference";

type ProgramKey = keyof SeedRef["programIds"];

const MEETINGS: {
  date: string;
  title: string;
  summary: string;
  items: {
    title: string;
    program: ProgramKey | null;
    period?: [string, string];
    vote?: {
      motion: string;
      result: "passed" | "failed" | "tabled" | "continued";
      ayes: number;
      noes: number;
      abstentions?: number;
    };
  }[];
}[] = [
  {
    date: "2025-07-22",
    title: "Regular City Council meeting",
    summary: "Council approved the year-long public-safety technology pilot.",
    items: [
      {
        title: "Approve public-safety technology pilot and surveillance use policies",
        program: null,
        vote: {
          motion: "Approve the pilot for 12 months starting October 1, 2025",
          result: "passed",
          ayes: 4,
          noes: 1,
        },
      },
      {
        title: "Authorize purchase of CSO utility vehicle",
        program: "cso",
        vote: { motion: "Authorize up to $62,000", result: "passed", ayes: 5, noes: 0 },
      },
    ],
  },
  {
    date: "2026-01-27",
    title: "Regular City Council meeting",
    summary: "First-quarter pilot report.",
    items: [
      { title: "Pilot quarterly report, October–December 2025", program: null, period: ["2025-10-01", "2025-12-31"] },
      {
        title: "Data-sharing agreement with Harbor City Police Department (camera clips)",
        program: "fixed_cameras",
        vote: { motion: "Approve the agreement", result: "passed", ayes: 3, noes: 2 },
      },
    ],
  },
  {
    date: "2026-04-28",
    title: "Regular City Council meeting",
    summary: "Six-month pilot report and community feedback.",
    items: [
      { title: "Pilot six-month report", program: null, period: ["2025-10-01", "2026-03-31"] },
      {
        title: "End outbound plate-reader sharing with the state fusion center",
        program: "plate_readers",
        vote: {
          motion: "Direct staff to end the agreement on March 31, 2026",
          result: "passed",
          ayes: 4,
          noes: 0,
          abstentions: 1,
        },
      },
    ],
  },
  {
    date: "2026-10-28",
    title: "Special City Council meeting",
    summary: "Decision on continuing, expanding or ending the pilot.",
    items: [
      {
        title: "Drone pilot: continue, expand or end",
        program: "drones",
        period: ["2025-10-01", "2026-09-30"],
        vote: {
          motion: "Continue the drone program for 12 months with current docks",
          result: "continued",
          ayes: 0,
          noes: 0,
        },
      },
      {
        title: "Community Safety Officer program: make permanent",
        program: "cso",
        period: ["2025-10-01", "2026-09-30"],
      },
      {
        title: "Fixed cameras and watch center: annual surveillance report",
        program: "watch_center",
        period: ["2025-10-01", "2026-09-30"],
      },
    ],
  },
];

const UPDATES: { slug: string; program: ProgramKey; title: string; summary: string; at: string; body: string }[] = [
  {
    slug: "pilot-launch",
    program: "drones",
    title: "The pilot starts today",
    summary: "Drones, cameras, plate readers and CSOs begin a one-year pilot.",
    at: "2025-10-01T16:00:00Z",
    body: "## What starts today\n\nThree drone docks are live, 39 city cameras feed the watch center, and 12 Community Safety Officers begin taking calls.\n\n- Drones fly **only to calls for service**.\n- Every camera view is logged with a reason.\n\nThis portal publishes what the programs do, with a delay and without personal details.",
  },
  {
    slug: "cso-first-month",
    program: "cso",
    title: "Community Safety Officers: the first month",
    summary: "What CSOs did in October.",
    at: "2025-11-10T17:00:00Z",
    body: "## The first month\n\nCSOs took theft and vandalism reports, tagged abandoned vehicles and connected residents with housing and mental-health services.\n\nSee the CSO dashboard for numbers.",
  },
  {
    slug: "camera-access-audit-q1",
    program: "watch_center",
    title: "First quarterly camera-access audit",
    summary: "Council staff reviewed after-hours viewing and accesses without case numbers.",
    at: "2026-01-20T17:00:00Z",
    body: "## What the audit looked at\n\n1. Accesses without a case number\n2. After-hours viewing bursts\n3. Views of cameras near clinics, schools and places of worship\n\nFindings and outcomes are published on the oversight page.",
  },
  {
    slug: "fusion-center-sharing-ends",
    program: "plate_readers",
    title: "Plate-reader sharing with the state fusion center ends",
    summary: "Council ended one outbound sharing agreement.",
    at: "2026-04-30T17:00:00Z",
    body: "Following the April 28 council vote, outbound sharing of plate-reader hits with the state fusion center ended on **March 31, 2026**.",
  },
  {
    slug: "drone-six-month-results",
    program: "drones",
    title: "Drones: six-month results",
    summary: "Time to scene and calls cleared without a patrol unit.",
    at: "2026-04-15T17:00:00Z",
    body: "## Six months in\n\nDrones reached most calls in about two minutes, compared with about four and a half minutes for patrol before the pilot. About a third of calls were cleared without sending a patrol unit.",
  },
  {
    slug: "cso-vehicle-cost",
    program: "cso",
    title: "CSO utility vehicle cost",
    summary: "The vehicle came in over its approved amount.",
    at: "2026-02-05T17:00:00Z",
    body: "The CSO utility vehicle cost **$67,185**, $5,185 more than the $62,000 council approved. The difference was covered by the department's existing budget.",
  },
  {
    slug: "year-end-report-draft",
    program: "drones",
    title: "Year-end report (draft)",
    summary: "Draft for council review.",
    at: "2026-10-20T17:00:00Z",
    body: "Draft: not yet published.",
  },
];

export async function seedCivic(
  tx: DbOrTx,
  ref: SeedRef,
): Promise<{ meetings: number; updates: number; feedback: number }> {
  const pid = (k: ProgramKey | null) => (k ? ref.programIds[k] : null);
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
      const draft = u.slug === "year-end-report-draft";
      return {
        slug: u.slug,
        programId: pid(u.program),
        title: u.title,
        summary: u.summary,
        bodyMarkdown: u.body,
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
      createdAt: new Date("2025-12-02T03:10:00Z"),
      resolvedAt: new Date("2025-12-16T18:00:00Z"),
    },
    {
      kind: "complaint",
      programId: pid("watch_center"),
      targetType: "program",
      targetRef: "watch_center",
      body: "Who watches the camera outside the health clinic?",
      status: "in_progress",
      createdAt: new Date("2026-02-11T19:30:00Z"),
    },
    {
      kind: "feedback",
      programId: pid("cso"),
      targetType: "program",
      targetRef: "cso",
      body: "The CSO who came about our stolen bike was helpful and quick.",
      status: "resolved",
      outcome: "Thanks shared with the CSO team.",
      createdAt: new Date("2026-03-04T22:00:00Z"),
      resolvedAt: new Date("2026-03-06T17:00:00Z"),
    },
    {
      kind: "complaint",
      programId: pid("plate_readers"),
      targetType: "policy",
      targetRef: "plate-readers",
      body: "Plate data should not go to federal agencies.",
      status: "triaged",
      createdAt: new Date("2026-05-19T16:45:00Z"),
    },
    {
      kind: "feedback",
      programId: null,
      targetType: "program",
      targetRef: null,
      body: "Please publish the data as CSV too.",
      status: "resolved",
      outcome: "CSV downloads added to every dataset.",
      createdAt: new Date("2026-06-01T15:00:00Z"),
      resolvedAt: new Date("2026-06-20T15:00:00Z"),
    },
    {
      kind: "complaint",
      programId: pid("drones"),
      targetType: "program",
      targetRef: "drones",
      body: "Drone noise at night near the marina.",
      status: "new",
      createdAt: new Date("2026-09-12T05:20:00Z"),
    },
    {
      kind: "complaint",
      programId: pid("fixed_cameras"),
      targetType: "program",
      targetRef: "fixed_cameras",
      body: "Camera at Main St points into apartment windows.",
      status: "dismissed",
      outcome: "Camera view checked; privacy mask already covers the windows.",
      createdAt: new Date("2026-01-08T18:00:00Z"),
      resolvedAt: new Date("2026-01-22T18:00:00Z"),
    },
  ];
  await tx.insert(feedback).values(fb);
  return { meetings: MEETINGS.length, updates: UPDATES.length, feedback: fb.length };
}
