import type { Translation } from "@/lib/i18n/catalog";

/** Spanish strings of the demo account page (the console's API pages stay English). */
export const demoEs = {
  title: "Demostración: cuenta de Northwind Mobile",
  brand: "Northwind Mobile",
  notice:
    "Demostración: Northwind Mobile no es una compañía real y estas no son cuentas reales. Esta página muestra cómo la página de cuenta de una compañía usa la API de integración: cuando el cliente ya inició sesión, su servidor consulta GET /api/v1/exposures/'{phone}' con la clave de API de la compañía para el número de la cuenta y muestra el aviso. Aquí no se necesita contraseña.",
  signInTitle: "Inicie sesión en Mi cuenta",
  account: "Cuenta de demostración",
  accountOption: "{name}: {phone}",
  signIn: "Iniciar sesión",
  welcome: "Hola de nuevo, {name}",
  line: "Número de celular {phone}",
  signOut: "Cerrar sesión",
  behind: "Cómo funciona",
  behindBody:
    "El servidor de esta página llamó a GET {path} con la clave de API de demostración y armó el aviso con la respuesta de abajo. La clave aparece en la consola, en Claves de API, y la llamada queda en el registro de auditoría, sin el número.",
  answer: "La respuesta de la API (HTTP {status})",
  unavailable:
    "El servicio de consulta respondió {code}, así que no se muestra el aviso: la página de una compañía prefiere no mostrar nada antes que un error.",
  docs: "Documentación de la API",
} as const satisfies Translation["demo"];
