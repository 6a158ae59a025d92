/** Spanish of the breach notice and of the offer on a result (en-notice.ts holds the English). */

export const noticeEs = {
  kicker: "Aviso de filtración de datos",
  back: "Volver a la verificación",
  whatHappened: "Qué sucedió",
  whatInvolved: "Qué información se vio involucrada",
  whatWeAreDoing: "Qué estamos haciendo",
  whatYouCanDo: "Qué puede hacer usted",
  moreInfo: "Para obtener más información",
  dates: "Fechas",
  breachOn: "Fecha de la filtración: {date, date, long}",
  breachRange: "Fecha de la filtración: entre el {from, date, long} y el {to, date, long}",
  breachBefore: "Fecha de la filtración: el {date, date, long} o antes",
  breachUnknown: "Fecha de la filtración: todavía no se sabe",
  discoveredOn: "Se descubrió el: {date, date, long}",
  noticeOn: "Fecha de este aviso: {date, date, long}",
  delayed:
    "Este aviso se retrasó porque una agencia del orden público determinó que avisarle antes habría obstaculizado una investigación penal.",
  notDelayed: "Este aviso no se retrasó por ninguna investigación del orden público.",
  groupData: "{name}:",
  offer: "{provider}: {months, plural, one {# mes} other {# meses}} sin costo. Inscríbase en {url}.",
  offerCode:
    "Su código de activación aparece con su resultado después de verificar su número con el código que le enviamos por mensaje de texto.",
  bureausTitle: "Agencias de crédito",
  bureausIntro:
    "Puede pedir, sin costo, una alerta de fraude o un congelamiento de crédito en su expediente con cada una de las tres agencias de crédito nacionales:",
  bureauPhone: "Teléfono: {phone}",
  bureauWeb: "Sitio web:",
  ftc: "La Comisión Federal de Comercio explica cómo protegerse del robo de identidad en robodeidentidad.gov, o llame al 1-877-438-4338.",
  contactPhone: "Teléfono: {phone}",
  contactWeb: "Sitio web:",
  contactMail: "Correo postal:",
  noContact: "Comuníquese con nuestro servicio al cliente.",
  notFoundTitle: "No se encontró el aviso",
};

export const offerEs = {
  title: "Protección de identidad gratis: {provider}, {months, plural, one {# mes} other {# meses}}",
  code: "Su código de activación",
  enroll: "Inscribirse en {provider}",
  noCode:
    "Por el momento se agotaron los códigos de activación de esta oferta. Vuelva a verificar su número en unos días y aquí verá su código, o llámenos al número que aparece en el aviso y se lo daremos.",
  verifyForCode:
    "El código de activación solo se le da al titular del número: verifique su número con el código que le enviamos por mensaje de texto, o llámenos al número que aparece en el aviso.",
};
