// The resident feedback action's answers in Spanish. The action (app/(public)/feedback/new/actions.ts)
// and its schema (lib/content/feedback.ts) speak English; the Spanish page's action passes its
// result through here. A sentence this table does not know is left in English rather than lost.
import type { ActionState } from "../lib/content/action-state";

const EXACT: Record<string, string> = {
  "Please correct the fields marked below.": "Corrija los campos señalados abajo.",
  "Choose feedback or complaint": "Elija comentario o queja",
  "Choose the program this is about": "Elija el programa al que se refiere",
  "Please write at least 10 characters": "Escriba al menos 10 caracteres",
  "Keep this under 5,000 characters": "Use menos de 5,000 caracteres",
  "Enter a valid email address, or leave it empty": "Escriba un correo electrónico válido, o déjelo vacío",
  "Thank you. Your feedback has been received.": "Gracias. Recibimos su comentario.",
  "That link does not name a record we publish.": "Ese enlace no corresponde a ningún registro que publiquemos.",
  "See feedback counts and outcomes": "Ver los conteos y resultados de los comentarios",
  "Something went wrong on our side and nothing was changed. Please try again; if it keeps happening, tell the portal's administrator.":
    "Algo falló de nuestro lado y no se cambió nada. Inténtelo de nuevo; si vuelve a ocurrir, avise a la administración del portal.",
};

const PATTERNS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^Keep this under ([\d,]+) characters$/, (m) => `Use menos de ${m[1]} caracteres`],
  [
    /^Too many messages from your connection\. Please try again in (\d+) minutes?\.$/,
    (m) =>
      `Demasiados mensajes desde su conexión. Inténtelo de nuevo en ${m[1]} ${m[1] === "1" ? "minuto" : "minutos"}.`,
  ],
  [
    /^There is no (?:published )?.*\. Check the link, or send general feedback without it\.$/,
    () => "No encontramos el registro que nombra ese enlace. Revise el enlace, o envíe un comentario general sin él.",
  ],
  [
    /^Thank you\. Your (feedback|complaint) has been received \(reference #(\d+)\)\. Staff review every message; follow its status and outcome at (\/feedback\/\d+)\.$/,
    (m) =>
      `Gracias. Recibimos su ${m[1] === "complaint" ? "queja" : "comentario"} (referencia n.º ${m[2]}). El personal revisa cada mensaje; puede seguir su estado y resultado en ${m[3]}.`,
  ],
  // zod's own wording for limits the form's fields never reach in normal use.
  [/^Too big: expected string to have <=(\d+) characters$/, (m) => `Use menos de ${m[1]} caracteres`],
];

export function feedbackTextEs(text: string): string {
  const exact = EXACT[text];
  if (exact) return exact;
  for (const [re, make] of PATTERNS) {
    const m = re.exec(text);
    if (m) return make(m);
  }
  return text;
}

export function feedbackStateEs(state: ActionState): ActionState {
  return {
    ...state,
    message: state.message === undefined ? undefined : feedbackTextEs(state.message),
    errors: state.errors
      ? Object.fromEntries(Object.entries(state.errors).map(([k, v]) => [k, v?.map(feedbackTextEs)]))
      : undefined,
    link: state.link ? { ...state.link, label: feedbackTextEs(state.link.label) } : undefined,
  };
}
