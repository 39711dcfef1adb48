// The methodology page's two plain-words privacy rules in Spanish, built from the same rules
// module values as lib/opendata/methodology-plain.ts (which stays the English source).
import type { PlainRule } from "../lib/opendata/methodology-plain";
import type { Rules } from "../lib/publish/rules";

const UNIT: Record<string, string> = { day: "día", hour: "hora", week: "semana", month: "mes" };

export function plainRulesEs(r: Rules): PlainRule[] {
  const k = r.minCount;
  const unit = UNIT[r.sensitiveTimeRounding] ?? r.sensitiveTimeRounding;
  return [
    {
      id: "sensitive-sites",
      title: "Los lugares sensibles nunca se ubican",
      paragraphs: [
        `La ciudad tiene una lista de lugares sensibles: albergues, clínicas de salud, lugares de culto y escuelas, cada uno con un radio. Sus nombres y ubicaciones nunca se publican. Ninguna página, respuesta de la API ni descarga muestra el nombre de un lugar, ni ningún punto, cámara, punto de la trayectoria de un vuelo o hexágono de resolución ${r.h3Resolution} o más fina dentro del radio del lugar más ${r.sensitiveSiteBufferM} m; los lugares en esa zona se muestran como máximo con resolución ${r.h3ParentResolution}.`,
        `Una cámara dentro de esa distancia, o que lleve el nombre de un lugar sensible dondequiera que esté, se publica solo como una cifra de su zona («cámaras en lugares sensibles»; menos de ${k} se muestra como «menos de ${k}»). Su uso aparece en el registro de accesos como «cámara en un lugar sensible» con la zona, nunca con su nombre ni el lugar. El personal del Concejo ve la cámara misma en el área de revisión.`,
      ],
    },
    {
      id: "row-level-logs",
      title: "Los registros fila por fila nunca nombran un tipo de llamada sensible",
      paragraphs: [
        `El registro de vuelos, el registro de accesos a cámaras, el registro de búsquedas con lectores de matrículas y el registro de llamadas de los Agentes de Seguridad Comunitaria publican una fila por registro, así que cada filtro es un conteo. Por eso, en estos registros, toda llamada de un tipo sensible (violencia doméstica, agresión sexual, maltrato infantil o una persona menor de edad, salud mental, llamadas médicas, visitas de bienestar) lleva una única etiqueta, "${r.protectedCategory.label}" (código de categoría "${r.protectedCategory.code}"), solo con el ${unit} y sin ningún lugar más fino que la resolución ${r.sensitiveH3Resolution}.`,
        `Ningún filtro, orden, total ni número de páginas de un registro puede distinguir un tipo sensible: los filtros solo ofrecen "${r.protectedCategory.label}", y la API de datos abiertos responde con un error (HTTP 400) a una consulta que nombre un tipo sensible específico. Los tipos específicos aparecen solo en los gráficos y tablas de conteos, donde cualquier cifra de 1 a ${k - 1} se muestra como «menos de ${k}», y una segunda cifra se oculta siempre que una resta pudiera revelar la primera.`,
        `Para los demás tipos de llamada, los registros muestran cada registro, incluidas las cifras pequeñas, como otras ciudades publican sus registros de vuelos. En los gráficos, una semana o fila cuyas partes son todas «menos de ${k}» muestra igualmente su total cuando es ${k} o más, marcada como «sin desglose», para que un gráfico nunca muestre vacía una semana que el registro indica que tuvo actividad.`,
      ],
    },
  ];
}
