import { DEMO_CARRIER } from "@/lib/config/carrier-fields";

// "Contact us" in the steps is the demo carrier's real-looking number and page: the
// remediation pages link them (lib/markdown/autolink.ts).
const CONTACT = `call ${DEMO_CARRIER.supportPhone} or go to ${DEMO_CARRIER.supportUrl}`;

/**
 * The demo incident, modelled on the 2021 T-Mobile breach, in English and in US Spanish
 * (`es`, written for Spanish speakers in the US, not word for word). Incidents are data:
 * this is only what an empty database is seeded with.
 */
export const DEMO_INCIDENT = {
  slug: "2021-08-cyberattack",
  title: "August 2021 cyberattack",
  disclosedAt: new Date("2021-08-17T00:00:00Z"),
  summary:
    "Criminals broke into our systems and took customer data. We closed the access point, reset the PINs we could, and are notifying affected customers. Current and former postpaid customers, prepaid customers and some people who applied for credit with us are affected; the data taken differs by group.",
  es: {
    title: "Ciberataque de agosto de 2021",
    summary:
      "Unos delincuentes entraron a nuestros sistemas y se llevaron datos de clientes. Ya cerramos el acceso que usaron, restablecimos los PIN que pudimos y estamos avisando a los clientes afectados. Están afectados clientes actuales y anteriores de planes pospago, clientes prepago y algunas personas que solicitaron crédito con nosotros; los datos robados varían según el grupo.",
  },
  // The notice (docs/adr/0033-breach-notice.md): T-Mobile confirmed the intrusion and
  // closed the access point on 17 August 2021 and began notifying customers that week.
  breachEndedOn: new Date("2021-08-17T00:00:00Z"),
  discoveredOn: new Date("2021-08-17T00:00:00Z"),
  noticeOn: new Date("2021-08-20T00:00:00Z"),
  noticeDelayedForLaw: false,
  contactPhone: "1-800-937-8997 (611 from your phone)",
  contactUrl: "https://www.t-mobile.com/brand/data-breach-2021",
  contactMail: "T-Mobile USA, Inc.\n12920 SE 38th Street\nBellevue, WA 98006",
  noticeWhatHappened:
    "On August 17, 2021 we confirmed that criminals had gained unauthorized access to some of our systems. We located and closed the access point they used the same day, and began a thorough investigation with Mandiant, a world-class outside cybersecurity forensic firm. The investigation found that customer data had been taken.",
  noticeWhatInvolved:
    "The information taken differs by group of customers, as listed below. No phone numbers, account numbers, PINs, passwords or financial information of former or prospective customers were found in the data taken, and no payment card or other financial information of any customer.",
  noticeWhatWeAreDoing: [
    "- We reset the account PINs of every active prepaid customer whose PIN was exposed.",
    "- We are investigating with Mandiant and coordinating with law enforcement.",
    "- We offer two years of free identity theft protection, McAfee ID Theft Protection, to everyone who may be affected.",
    "- We offer Scam Shield, our free scam-blocking protection, to every customer.",
    "- We offer Account Takeover Protection, which stops your number from being ported out without your approval.",
  ].join("\n"),
  noticeWhatYouCanDo: [
    "- Enrol in the two years of free identity theft protection with the activation code shown with your result.",
    "- Turn on Scam Shield to block scam calls that may use the stolen details.",
    "- Turn on Account Takeover Protection, and change your account PIN and passcode.",
    "- If your Social Security or driver's licence number was exposed, consider a credit freeze and a fraud alert with the credit bureaus listed below.",
  ].join("\n"),
  // The notice's texts in Spanish: live on the row like the English (docs/adr/0036).
  noticeText: {
    es: {
      noticeWhatHappened:
        "El 17 de agosto de 2021 confirmamos que unos delincuentes habían entrado sin autorización a algunos de nuestros sistemas. Ese mismo día encontramos y cerramos el acceso que usaron, y empezamos una investigación a fondo con Mandiant, una reconocida empresa externa de ciberseguridad y análisis forense. La investigación determinó que se llevaron datos de clientes.",
      noticeWhatInvolved:
        "Los datos robados varían según el grupo de clientes, como se indica abajo. Entre los datos robados no se encontraron números de teléfono, números de cuenta, PIN, contraseñas ni información financiera de clientes anteriores o de personas que solicitaron servicio, ni datos de tarjetas de pago u otra información financiera de ningún cliente.",
      noticeWhatWeAreDoing: [
        "- Restablecimos el PIN de todos los clientes prepago activos cuyo PIN quedó expuesto.",
        "- Estamos investigando con Mandiant y colaborando con las autoridades.",
        "- Les ofrecemos dos años gratis de protección contra el robo de identidad, McAfee ID Theft Protection, a todas las personas que podrían estar afectadas.",
        "- Les ofrecemos a todos nuestros clientes Scam Shield, nuestra protección gratuita contra llamadas de estafa.",
        "- Ofrecemos la protección contra el robo de cuenta, que impide que se transfiera su número a otra compañía sin su autorización.",
      ].join("\n"),
      noticeWhatYouCanDo: [
        "- Inscríbase en los dos años de protección gratuita contra el robo de identidad con el código de activación que aparece junto a su resultado.",
        "- Active Scam Shield para bloquear las llamadas de estafadores que podrían usar los datos robados.",
        "- Active la protección contra el robo de cuenta y cambie el PIN y la clave de su cuenta.",
        "- Si quedó expuesto su número de Seguro Social o de su licencia de manejar, considere congelar su crédito y pedir una alerta de fraude en las agencias de crédito que aparecen abajo.",
      ].join("\n"),
    },
  },
};

/** Every demo group carries the 2021 offer: two years of McAfee ID Theft Protection. */
const OFFER_2021 = {
  offerProvider: "McAfee ID Theft Protection",
  offerMonths: 24,
  offerEnrollUrl: "https://www.mcafee.com/activatetmobile",
  offerInstructions:
    "Go to the enrolment page, choose to sign up, and enter your activation code when asked. The service includes credit monitoring, identity restoration, identity theft insurance and dark web monitoring.",
  // The provider is a product's name and stays as it is; the instructions are per locale (ADR 36).
  offerText: {
    es: {
      offerInstructions:
        "Entre a la página de inscripción, elija la opción para registrarse y escriba su código de activación cuando se lo pidan. El servicio incluye monitoreo de crédito, ayuda para recuperar su identidad, un seguro contra el robo de identidad y vigilancia de la web oscura (dark web).",
    },
  },
};

/** Demo activation codes seeded into each group's pool (fictional; a real pool is loaded from the provider's file). */
export const DEMO_CODES_PER_GROUP = 25;
export const demoCode = (category: string, n: number) => `DEMO-${category.toUpperCase()}-${String(n).padStart(4, "0")}`;

export const DEMO_CATEGORIES = [
  {
    slug: "prepaid",
    name: "Prepaid customers",
    dataExposed: ["Name", "Phone number", "Account PIN"],
    exposesIdNumbers: false,
    ...OFFER_2021,
    remediation: [
      "Your account PIN was reset as a precaution. Choose a new PIN that you have not used anywhere else.",
      "Turn on port-out protection (SIM protection) so nobody can move your number to another carrier or SIM without your approval.",
      "Never give your PIN to someone who calls, texts or emails you, even if they say they are from us: we will never ask for it.",
      `Watch for texts or calls about a SIM change or a number transfer that you did not ask for, and contact us at once if you see one: ${CONTACT}.`,
    ],
    es: {
      name: "Clientes prepago",
      dataExposed: ["Nombre", "Número de teléfono", "PIN de la cuenta"],
      remediation: [
        "Por precaución, restablecimos el PIN de su cuenta. Elija un PIN nuevo que no use en ningún otro lugar.",
        "Active la protección de portabilidad (protección de la SIM) para que nadie pueda pasar su número a otra compañía o a otra SIM sin su autorización.",
        "Nunca le dé su PIN a nadie que lo llame o le escriba por mensaje de texto o correo electrónico, aunque diga que es de nuestra compañía: nosotros nunca se lo vamos a pedir.",
        "Esté pendiente de mensajes o llamadas sobre un cambio de SIM o una transferencia de número que usted no pidió, y comuníquese con nosotros enseguida si recibe alguno.",
      ],
    },
  },
  {
    slug: "former",
    name: "Former customers",
    dataExposed: ["Name", "Date of birth", "Social Security number", "Driver's licence or ID information"],
    exposesIdNumbers: true,
    ...OFFER_2021,
    remediation: [
      "Freeze your credit at each of the three bureaus (Equifax, Experian, TransUnion). A freeze is free and stops new credit being opened in your name.",
      "Place a fraud alert: ask one bureau and it tells the other two. Lenders must then take extra steps to confirm it is you.",
      "Get your free credit reports at https://www.annualcreditreport.com and look for accounts you do not recognise.",
      "Be wary of messages that mention this incident and ask for personal details: criminals use news of a breach as bait.",
    ],
    es: {
      name: "Clientes anteriores",
      dataExposed: [
        "Nombre",
        "Fecha de nacimiento",
        "Número de Seguro Social",
        "Datos de la licencia de manejar o de la identificación",
      ],
      remediation: [
        "Congele su crédito en cada una de las tres agencias de crédito (Equifax, Experian y TransUnion). Congelarlo es gratis e impide que abran crédito nuevo a su nombre.",
        "Pida una alerta de fraude: basta con solicitarla a una agencia y esa agencia les avisa a las otras dos. Así, los prestamistas tienen que hacer verificaciones adicionales para confirmar que se trata de usted.",
        "Pida sus informes de crédito gratuitos en annualcreditreport.com y revise si aparecen cuentas que no reconoce.",
        "Desconfíe de los mensajes que mencionen este incidente y le pidan datos personales: los estafadores aprovechan las noticias de una filtración de datos como anzuelo.",
      ],
    },
  },
  {
    slug: "postpaid",
    name: "Current postpaid customers",
    dataExposed: [
      "Name",
      "Address",
      "Date of birth",
      "Social Security number",
      "Driver's licence or ID information",
      "Phone number",
      "IMEI and IMSI",
    ],
    exposesIdNumbers: true,
    ...OFFER_2021,
    remediation: [
      "Change your account PIN and passcode now, to ones you have not used elsewhere.",
      "Turn on account takeover protection, which blocks your number from being ported out without your approval.",
      `Enrol in the two years of free identity theft protection offered to affected customers: ${CONTACT}.`,
      "Turn on scam blocking to screen out scam calls that may use the stolen details.",
      "Consider a credit freeze and a fraud alert at the three bureaus.",
    ],
    es: {
      name: "Clientes actuales con plan pospago",
      dataExposed: [
        "Nombre",
        "Dirección",
        "Fecha de nacimiento",
        "Número de Seguro Social",
        "Datos de la licencia de manejar o de la identificación",
        "Número de teléfono",
        "IMEI e IMSI",
      ],
      remediation: [
        "Cambie ya el PIN y la clave de su cuenta por unos que no use en ningún otro lugar.",
        "Active la protección contra el robo de cuenta, que impide que se transfiera su número a otra compañía sin su autorización.",
        "Inscríbase en los dos años de protección gratuita contra el robo de identidad que les ofrecemos a los clientes afectados.",
        "Active el bloqueo de llamadas fraudulentas para filtrar las llamadas de estafadores que podrían usar los datos robados.",
        "Considere congelar su crédito y pedir una alerta de fraude en las tres agencias de crédito.",
      ],
    },
  },
] as const;

/** Demo numbers (fictional 555-01xx numbers) and their categories. */
export const DEMO_NUMBERS: { e164: string; categories: string[] }[] = [
  { e164: "+12065550100", categories: ["prepaid"] },
  { e164: "+12065550101", categories: ["former"] },
  { e164: "+12065550102", categories: ["postpaid"] },
  { e164: "+12065550103", categories: ["prepaid", "postpaid"] },
];
